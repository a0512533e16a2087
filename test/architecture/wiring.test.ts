// One way to wire: the core and the outbox sender are built by wireApp (src/wire.ts) only. The
// deployed bot (app.ts), the test harnesses and the benchmarks call wireApp with their own parts, so
// a change to how the bot is put together is made once and tested as it runs. Test files themselves
// (*.test.ts) may still build one part by hand to test that part (the sender's own tests, say).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { callLines, sourceFiles } from "./modules.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WIRING = path.join(ROOT, "src", "wire.ts");
/** What only wireApp builds. */
const BUILT_BY_WIRING = ["createCore", "createSender"];

function wiredByHand(fileName: string, source: string): string[] {
  if (!BUILT_BY_WIRING.some((name) => source.includes(name))) return [];
  return BUILT_BY_WIRING.flatMap((name) => callLines(fileName, source, name).map((line) => `${line}: calls ${name}`)).sort();
}

describe("the core and the sender are wired in one place", () => {
  it("finds a hand-made core or sender (so that the check below can fail)", () => {
    const source = [
      `const core = createCore({ store, translator });`,
      `const sender = services.createSender({ store, messengers });`,
      `import { createCore } from "../src/core/core.ts";`,
      `const wired = await wireApp({ store });`,
    ].join("\n");
    expect(wiredByHand("sample.ts", source)).toEqual(["1: calls createCore", "2: calls createSender"]);
  });

  it("src, bench and the test helpers call wireApp instead", () => {
    const files = ["src", "bench", "test"]
      .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
      .filter((f) => f !== WIRING && !f.endsWith(".test.ts") && !f.includes(`${path.sep}generated${path.sep}`));
    expect(files.length).toBeGreaterThan(100);
    // The helpers that used to wire by hand are among the files read.
    for (const helper of ["src/app.ts", "test/helpers/harness.ts", "test/helpers/zalo-rig.ts", "test/adapters/telegram/kit.ts", "bench/broadcast.ts"]) {
      expect(files).toContain(path.join(ROOT, helper));
    }
    const found = files.flatMap((f) => wiredByHand(f, readFileSync(f, "utf8")).map((v) => `${path.relative(ROOT, f)}:${v}`));
    expect(found).toEqual([]);
  });
});
