// The platform adapters meet the rest of the bot through ports. They reach the core through its one
// public entry, src/core/index.ts (types of core/ports included), and never import src/infra: what
// they need of it (a place for HTTP routes, the folder for files) the composition root hands them.
// This reads every file under src/adapters and fails on any other way in.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { moduleReferences, sourceFiles } from "./modules.ts";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const ADAPTERS = path.join(SRC, "adapters");
const CORE = path.join(SRC, "core");
const INFRA = path.join(SRC, "infra");
const CORE_ENTRY = [CORE, path.join(CORE, "index"), path.join(CORE, "index.ts"), path.join(CORE, "index.js")];

const inside = (dir: string, file: string) => file === dir || file.startsWith(dir + path.sep);

/** What a file at `fileName` must not import, as "line: why". */
function forbiddenIn(fileName: string, source: string): string[] {
  return moduleReferences(fileName, source).flatMap(({ line, specifier }) => {
    if (specifier === null) return [`${line}: loads a module whose name is not written out, so it cannot be checked`];
    if (!specifier.startsWith(".")) return [];
    const target = path.resolve(path.dirname(fileName), specifier);
    const shown = path.relative(SRC, target);
    if (inside(INFRA, target)) return [`${line}: imports src/${shown}`];
    if (inside(CORE, target) && !CORE_ENTRY.includes(target)) return [`${line}: imports src/${shown} instead of src/core/index.ts`];
    return [];
  });
}

describe("the adapters reach the core through src/core/index.ts only, and src/infra not at all", () => {
  it("finds every way past the entry (so that the check below can fail)", () => {
    const file = path.join(ADAPTERS, "telegram", "sample.ts");
    const source = [
      `import type { Core } from "../../core/core.ts";`,
      `import { splitText } from "../../core/engine/text.ts";`,
      `import type { Logger } from "../../core/ports/runtime.ts";`,
      `export { DeliveryError } from "../../core/errors.ts";`,
      `import { json } from "../../infra/http/server.ts";`,
      `const paths = await import("../../infra/paths.ts");`,
      `type Store = import("../../infra/prisma/store.ts").PrismaStore;`,
      `const lib = await import(name);`,
      `import { Bot } from "grammy";`,
      `import { json as reply } from "../shared/http.ts";`,
      `import type { Config } from "../../config.ts";`,
      `import { DeliveryError as E, type Messenger } from "../../core/index.ts";`,
      `import type { Core as C } from "../../core";`,
    ].join("\n");
    expect(forbiddenIn(file, source)).toEqual([
      "1: imports src/core/core.ts instead of src/core/index.ts",
      "2: imports src/core/engine/text.ts instead of src/core/index.ts",
      "3: imports src/core/ports/runtime.ts instead of src/core/index.ts",
      "4: imports src/core/errors.ts instead of src/core/index.ts",
      "5: imports src/infra/http/server.ts",
      "6: imports src/infra/paths.ts",
      "7: imports src/infra/prisma/store.ts",
      "8: loads a module whose name is not written out, so it cannot be checked",
    ]);
  });

  it("src/adapters", () => {
    const files = sourceFiles(ADAPTERS);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) => forbiddenIn(f, readFileSync(f, "utf8")).map((v) => `${path.relative(SRC, f)}:${v}`));
    expect(found).toEqual([]);
  });
});
