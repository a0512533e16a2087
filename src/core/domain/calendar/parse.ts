// Dates, times and durations as people type them on a phone: "05/12/2026", "5/12", "14:00", "14h",
// "14h30", "2 giờ chiều", "3 ngày, 1 ngày, 2 giờ". Every function answers a value or the locale key
// of what is wrong (with its arguments), never a guess: "ngày mai" or "31/02" is refused, not fixed.
import { DateTime } from "luxon";
import { fold } from "../../text.ts";
import type { SolarDate } from "./lunar.ts";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string; args: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string, args: Record<string, string | number> = {}): Parsed<T> => ({ ok: false, problem, args });

/** Anything longer is not a date or a time, whatever it contains. */
const MAX_FIELD = 40;

const pad = (n: number) => String(n).padStart(2, "0");
export const formatDay = (d: SolarDate): string => `${pad(d.day)}/${pad(d.month)}/${d.year}`;

/**
 * A day: "05/12/2026", "5/12/26", "5-12-2026", "5.12", "ngày 5/12". Without a year it is the next
 * such day from `today` (today included).
 */
export function parseDate(text: string, today: SolarDate): Parsed<SolarDate> {
  const input = fold(text).replace(/^ngay\s+/, "");
  if (input.length > MAX_FIELD) return bad("meeting-date-format", { input: text.slice(0, MAX_FIELD) });
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?$/.exec(input);
  if (!m) return bad("meeting-date-format", { input: text.trim() });
  const day = Number(m[1]);
  const month = Number(m[2]);
  let year = m[3] === undefined ? today.year : Number(m[3]);
  if (m[3]?.length === 2) year += 2000;
  if (month < 1 || month > 12) return bad("meeting-date-month", { month });
  if (year < 2000 || year > 2100) return bad("meeting-date-year", { year: String(year) });
  const valid = (y: number) => DateTime.utc(y, month, day).isValid;
  if (m[3] === undefined) {
    // "29/2" means the next 29 February there is; "5/12" after 5 December means next year's.
    const fromToday = (y: number) => valid(y) && DateTime.utc(y, month, day) >= DateTime.utc(today.year, today.month, today.day);
    const found = [year, year + 1, year + 2, year + 3, year + 4].find(fromToday);
    if (found === undefined) return bad("meeting-date-not-exist", { date: `${pad(day)}/${pad(month)}` });
    return ok({ year: found, month, day });
  }
  if (!valid(year)) return bad("meeting-date-not-exist", { date: `${pad(day)}/${pad(month)}/${year}` });
  return ok({ year, month, day });
}

const PERIODS: Record<string, "am" | "noon" | "pm" | "night"> = {
  sang: "am",
  am: "am",
  trua: "noon",
  chieu: "pm",
  toi: "pm",
  pm: "pm",
  dem: "night",
};

/** A time of day as minutes after midnight: "14:00", "14h", "14h30", "14g30", "14 giờ 30", "2 giờ chiều", "9am". */
export function parseTime(text: string): Parsed<number> {
  const input = fold(text).replace(/^(luc|vao)\s+/, "");
  if (input.length > MAX_FIELD) return bad("meeting-time-format", { input: text.slice(0, MAX_FIELD) });
  const m = /^(\d{1,2})(?:\s*(?::|h|g|gio|\.)\s*(\d{1,2})?)?\s*(?:phut|p)?\s*(sang|trua|chieu|toi|dem|am|pm)?$/.exec(input);
  if (!m) return bad("meeting-time-format", { input: text.trim() });
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const period = m[3] ? PERIODS[m[3]] : undefined;
  if (period && (hour < 1 || hour > 12) && !(period === "pm" && hour >= 12 && hour <= 23)) {
    return bad("meeting-time-range", { input: text.trim() });
  }
  if (hour > 23 || minute > 59) return bad("meeting-time-range", { input: text.trim() });
  if (period === "pm" && hour < 12) hour += 12;
  if (period === "noon" && hour < 6) hour += 12;
  if (period === "am" && hour === 12) hour = 0;
  if (period === "night") hour = hour === 12 ? 0 : hour >= 6 ? hour + 12 : hour;
  return ok(hour * 60 + minute);
}

const UNIT_MINUTES: Array<[RegExp, number]> = [
  [/^(tuan|w|week|weeks)$/, 7 * 1440],
  [/^(ngay|d|day|days)$/, 1440],
  [/^(gio|tieng|g|h|hour|hours)$/, 60],
  [/^(phut|p|m|min|mins|minute|minutes)$/, 1],
];

/** "3 ngày, 1 ngày, 2 giờ", "3d 1d 2h", "72h và 30 phút" → minutes, in the order typed. */
export function parseDurations(text: string): Parsed<number[]> {
  const input = fold(text);
  if (input.length > 200) return bad("reminder-offsets-format", { input: text.slice(0, 40) });
  const rest = input.replace(/(\d{1,4})\s*([a-z]+)/g, "\u0001$1 $2\u0001");
  const tokens = rest.split("\u0001");
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.trim();
    if (i % 2 === 0) {
      // Between durations only separators are allowed.
      if (!/^(,|;|va|and|\+|\s)*$/.test(token)) return bad("reminder-offsets-format", { input: text.trim().slice(0, 40) });
      continue;
    }
    const [count, unit] = token.split(" ") as [string, string];
    const factor = UNIT_MINUTES.find(([re]) => re.test(unit))?.[1];
    if (factor === undefined) return bad("reminder-offsets-format", { input: text.trim().slice(0, 40) });
    out.push(Number(count) * factor);
  }
  if (!out.length) return bad("reminder-offsets-format", { input: text.trim().slice(0, 40) });
  return ok(out);
}

/** A whole number in a range, with an optional unit word after it ("2", "2 lần", "24 giờ"). */
export function parseCount(text: string, min: number, max: number, units: RegExp = /^$/): Parsed<number> {
  const m = /^(-?\d{1,6})\s*([a-z]*)$/.exec(fold(text));
  if (!m || (m[2] && !units.test(m[2]))) return bad("settings-number-format", { min, max });
  const n = Number(m[1]);
  if (n < min || n > max) return bad("settings-number-range", { min, max });
  return ok(n);
}

/** Whole hours in a range: "24", "24 giờ", "12h", "1 ngày", "1 ngày 6 giờ". */
export function parseWholeHours(text: string, min: number, max: number): Parsed<number> {
  const plain = parseCount(text, min, max, /^(gio|tieng|h|g|hours?)$/);
  if (plain.ok || plain.problem === "settings-number-range") return plain;
  const durations = parseDurations(text);
  if (!durations.ok) return plain;
  const minutes = durations.value.reduce((a, b) => a + b, 0);
  if (minutes % 60 !== 0 || minutes < min * 60 || minutes > max * 60) return bad("settings-number-range", { min, max });
  return ok(minutes / 60);
}

/** A span of the day: "21:00-07:00", "21h – 7h", "21h đến 7h". */
export function parseTimeRange(text: string): Parsed<[number, number]> {
  const parts = fold(text)
    .replace(/^tu\s+/, "")
    .split(/\s*(?:-|–|—|~|\bden\b|\bto\b)\s*/);
  if (parts.length !== 2 || !parts[0] || !parts[1]) return bad("settings-range-format", {});
  const from = parseTime(parts[0]);
  if (!from.ok) return from;
  const to = parseTime(parts[1]);
  if (!to.ok) return to;
  return ok([from.value, to.value]);
}

/** "3 ngày", "2 giờ", "1 ngày 2 giờ", "45 phút" (and the English words). */
export function durationParts(minutes: number): { days: number; hours: number; minutes: number } {
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
