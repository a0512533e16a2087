// Sheets as an Excel workbook: a bold frozen header row with filters, real dates (the wall-clock
// time of the workbook's zone) and wrapped long text, so it reads well when opened.
import type ExcelJSModule from "exceljs";
import { DateTime } from "luxon";
import type { Workbook } from "../../core/ports/render.ts";

const DATE_FORMAT = "dd/mm/yyyy hh:mm";
const MAX_WIDTH = 60;

/** Excel has no time zones: a moment is stored as the wall-clock time the branch saw. */
function wallClock(at: Date, zone: string): Date {
  const d = DateTime.fromJSDate(at, { zone });
  return new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second));
}

/** Sheet names are at most 31 characters, without : \ / ? * [ ]. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, " ").trim().slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function toXlsx({ creator, zone, sheets }: Workbook): Promise<Buffer> {
  // Loaded on the first export only: a large library most processes never need.
  const ExcelJS: typeof ExcelJSModule = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  const taken = new Set<string>();
  for (const table of sheets) {
    const ws = wb.addWorksheet(sheetName(table.title, taken), { views: [{ state: "frozen", ySplit: 1 }] });
    const widths = table.headers.map((h) => h.length + 2);
    const header = ws.addRow(table.headers);
    header.font = { bold: true };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFEFEF" } };
    for (const cells of table.rows) {
      const row = ws.addRow(cells.map((c) => (c !== null && typeof c === "object" ? wallClock(c.at, zone) : c)));
      cells.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c !== null && typeof c === "object") {
          cell.numFmt = DATE_FORMAT;
          widths[i] = Math.max(widths[i]!, 17);
        } else {
          cell.alignment = { wrapText: true, vertical: "top" };
          widths[i] = Math.max(widths[i]!, Math.min(MAX_WIDTH, String(c ?? "").length + 2));
        }
      });
    }
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = Math.min(MAX_WIDTH, w)));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
