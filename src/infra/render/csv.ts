// CSV that opens correctly in Excel: UTF-8 with a byte order mark (without it Excel reads
// Vietnamese as mojibake), CRLF line ends, RFC 4180 quoting, and cells that would start a formula
// neutralised, since names, reasons and notes are typed by people (CSV injection).
import { DateTime } from "luxon";
import type { Cell, Sheet } from "../../core/ports/render.ts";

export const BOM = "\uFEFF";
/** A cell starting with one of these is read by spreadsheets as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as it must appear in a spreadsheet cell: a leading formula character is escaped with '. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field: neutralised, and quoted when it holds a separator, a quote, a line break or edge spaces. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = neutralise(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(headers: string[], rows: Array<Array<string | number | null>>): string {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/** A moment as "05/12/2026 14:00" in `zone`. */
function formatCell(cell: Cell, zone: string): string | number | null {
  if (cell === null || typeof cell !== "object") return cell;
  return DateTime.fromJSDate(cell.at, { zone }).toFormat("dd/MM/yyyy HH:mm");
}

/** The sheet as a UTF-8 CSV file. */
export function sheetCsv(sheet: Sheet, zone: string): Buffer {
  return Buffer.from(toCsv(sheet.headers, sheet.rows.map((row) => row.map((c) => formatCell(c, zone)))), "utf8");
}
