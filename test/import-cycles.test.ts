// No import cycles in the hand-written code (src/ without src/generated), at two levels: between
// files (what `npm run lint:cycles` reports with madge), and between folders: an area of the core
// (engine, services, ports, domain), a feature, an adapter or a part of the infrastructure may use
// another, but never in a circle. Type-only imports count: a cycle of types ties modules as much.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

interface MadgeResult {
  /** Each file (relative to src/) with the files it imports. */
  obj(): Record<string, string[]>;
  circular(): string[][];
  warnings(): { skipped: string[] };
}
type Madge = (dir: string, config: { fileExtensions: string[]; excludeRegExp: RegExp[] }) => Promise<MadgeResult>;

const madge = createRequire(import.meta.url)("madge") as Madge;
const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "src");

/**
 * The folder a file belongs to for the folder check: core/engine, core/features/meetings,
 * adapters/telegram, infra/prisma (subfolders included). A file directly in src/, src/core or
 * src/core/features stands alone: the composition root, the core's base types, a one-file feature.
 */
function unitOf(file: string): string {
  const parts = file.split("/");
  const depth = parts[0] === "core" && parts[1] === "features" ? 3 : 2;
  return parts.length <= depth ? file : parts.slice(0, depth).join("/");
}

/** Groups of folders that import each other, directly or round about (Tarjan's strongly connected components). */
function folderCycles(graph: Record<string, string[]>): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const [file, imports] of Object.entries(graph)) {
    const from = unitOf(file);
    const to = edges.get(from) ?? new Set<string>();
    for (const dep of imports) if (unitOf(dep) !== from) to.add(unitOf(dep));
    edges.set(from, to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group = stack.splice(stack.indexOf(v));
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe("imports of src/", () => {
  let result: MadgeResult;
  beforeAll(async () => {
    result = await madge(SRC, { fileExtensions: ["ts"], excludeRegExp: [/^generated\//] });
  }, 300_000);

  it("are all resolved, so no cycle can hide behind an import madge did not follow", () => {
    expect(result.warnings().skipped).toEqual([]);
    // Known edges are there: the graph is the real one.
    expect(result.obj()["core/engine/flow.ts"]).toContain("core/engine/context.ts");
    expect(result.obj()["app.ts"]?.length).toBeGreaterThan(10);
  });

  it("form no cycle between files", () => {
    expect(result.circular()).toEqual([]);
  });

  it("form no cycle between folders", () => {
    const cycles = folderCycles(result.obj()).map((group) => {
      // Which imports close the circle, to say where to look.
      const inGroup = new Set(group);
      const imports = Object.entries(result.obj()).flatMap(([file, deps]) =>
        deps.filter((d) => unitOf(d) !== unitOf(file) && inGroup.has(unitOf(file)) && inGroup.has(unitOf(d))).map((d) => `${file} → ${d}`),
      );
      return { folders: group, imports };
    });
    expect(cycles).toEqual([]);
  });

  it("the folder check finds a circle when there is one", () => {
    const graph = {
      "core/engine/context.ts": ["core/services/messages.ts"],
      "core/services/sender.ts": ["core/engine/answers.ts"],
      "core/features/members.ts": ["core/features/yearend/forms.ts"],
      "core/features/yearend/overview.ts": ["core/features/names.ts"],
    };
    expect(folderCycles(graph)).toEqual([["core/engine", "core/services"]]);
    expect(folderCycles({ ...graph, "core/features/yearend/overview.ts": ["core/features/members.ts"] })).toHaveLength(2);
  });
});
