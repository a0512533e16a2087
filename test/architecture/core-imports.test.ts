// The core writes no file format and draws nothing: charts, spreadsheets, documents and QR codes
// are built as data and handed to the Renderer port, whose implementation lives in src/infra/render.
// This reads every file under src/core and fails on an import of a drawing or file-format library
// (static, type-only, re-exported, dynamic or required), and on createRequire, which loads modules
// and files (fonts) past the import graph.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { identifierLines, moduleReferences, sourceFiles } from "./modules.ts";

/** Libraries that draw or write a file format: imported under src/infra/render only. */
const RENDERING_LIBRARIES = [
  // In use: the participation chart, its font, the export workbook, the year-end draft, invite QR codes.
  "pureimage",
  "dejavu-fonts-ttf",
  "exceljs",
  "docx",
  "qrcode",
  // Not in use, and just as unwelcome in the core.
  "canvas",
  "@napi-rs/canvas",
  "skia-canvas",
  "sharp",
  "jimp",
  "pngjs",
  "chart.js",
  "chartjs-node-canvas",
  "echarts",
  "vega",
  "xlsx",
  "csv-stringify",
  "papaparse",
  "jszip",
  "pdfkit",
  "pdf-lib",
  "jspdf",
  "pdfmake",
  "qr-image",
  "bwip-js",
];

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const CORE = path.join(SRC, "core");
const RENDER = path.join(SRC, "infra", "render");
/** Prisma's generated client: not written by hand, and never near a renderer. */
const GENERATED = path.join(SRC, "generated");

const isRendering = (specifier: string) => RENDERING_LIBRARIES.some((lib) => specifier === lib || specifier.startsWith(`${lib}/`));

/** Every way a file can reach a module, as "line: what" for the ones the core must not use. */
function forbiddenIn(fileName: string, source: string): string[] {
  const found: Array<{ line: number; what: string }> = [];
  for (const { line, specifier } of moduleReferences(fileName, source)) {
    if (specifier === null) found.push({ line, what: "loads a module whose name is not written out, so it cannot be checked" });
    else if (isRendering(specifier)) found.push({ line, what: `imports ${specifier}` });
  }
  for (const line of identifierLines(fileName, source, "createRequire")) found.push({ line, what: "uses createRequire" });
  return found.sort((a, b) => a.line - b.line).map((f) => `${f.line}: ${f.what}`);
}

function violations(files: string[]): string[] {
  return files.flatMap((f) => forbiddenIn(f, readFileSync(f, "utf8")).map((v) => `${path.relative(SRC, f)}:${v}`));
}

describe("the core imports no rendering library", () => {
  it("finds every way of reaching a module (so that the checks below can fail)", () => {
    const source = [
      `import PImage from "pureimage";`,
      `import type ExcelJS from "exceljs";`,
      `export { Packer } from "docx";`,
      `const QR = await import("qrcode");`,
      `const font = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");`,
      `type Sharp = typeof import("sharp");`,
      `import { createRequire } from "node:module";`,
      `const lib = await import(name);`,
      `import { DateTime } from "luxon";`,
      `import type { Renderer } from "../ports/render.ts";`,
    ].join("\n");
    expect(forbiddenIn("sample.ts", source)).toEqual([
      "1: imports pureimage",
      "2: imports exceljs",
      "3: imports docx",
      "4: imports qrcode",
      "5: imports dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
      "6: imports sharp",
      "7: uses createRequire",
      "8: loads a module whose name is not written out, so it cannot be checked",
    ]);
  });

  it("src/core: no rendering or file-format library, no createRequire", () => {
    const files = sourceFiles(CORE);
    expect(files.length).toBeGreaterThan(50);
    expect(violations(files)).toEqual([]);
  });

  it("the rest of src reaches those libraries through src/infra/render only", () => {
    const files = sourceFiles(SRC).filter((f) => ![CORE, RENDER, GENERATED].some((dir) => f.startsWith(dir + path.sep)));
    expect(violations(files).filter((v) => v.includes(": imports "))).toEqual([]);
  });
});
