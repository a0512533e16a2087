// The renderer the core is given: each file format in its own module, each library loaded on first use.
import type { Renderer } from "../../core/ports/render.ts";
import { chartPng } from "./chart.ts";
import { sheetCsv } from "./csv.ts";
import { toDocx } from "./docx.ts";
import { qrPng } from "./qr.ts";
import { toXlsx } from "./xlsx.ts";

export function createRenderer(): Renderer {
  return {
    chartPng,
    xlsx: toXlsx,
    csv: async (sheet, zone) => sheetCsv(sheet, zone),
    docx: toDocx,
    qrPng,
  };
}
