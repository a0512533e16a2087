// Where a branch's meeting rule lands each month: day N (clamped to the month's end), or the Nth or
// last weekday, at a local time in the branch's time zone, moved off a public holiday when the rule
// says so. Instants are UTC; the calendar day and the time of day are the branch's.
import { DateTime } from "luxon";
import type { RuleKind } from "../model.ts";
import { holidayOn, nextWorkingDay, type Holiday } from "./holidays.ts";
import type { SolarDate } from "./lunar.ts";

export interface RuleSpec {
  kind: RuleKind;
  /** DAY_OF_MONTH: 1–31. */
  dayOfMonth: number | null;
  /** NTH_WEEKDAY / LAST_WEEKDAY: ISO 1 = Monday … 7 = Sunday. */
  weekday: number | null;
  /** NTH_WEEKDAY: 1–4. */
  nth: number | null;
  /** Minutes after local midnight. */
  timeOfDay: number;
  shiftHolidays: boolean;
}

export interface Occurrence {
  /** "2026-12": the month the rule is for, even when a holiday moved the meeting into the next one. */
  occurrence: string;
  /** The day the rule gives. */
  ruleDate: SolarDate;
  /** The day of the meeting: the rule's day, or the next working day when that is a holiday. */
  date: SolarDate;
  /** The holiday the rule's day falls on, if any (whether or not the meeting was moved). */
  holiday: Holiday | null;
  shifted: boolean;
  startsAt: Date;
}

export const occurrenceKey = (year: number, month: number): string => `${year}-${String(month).padStart(2, "0")}`;

/** What is wrong with a rule, as a locale key, or null. */
export function ruleProblem(rule: RuleSpec): string | null {
  const int = (v: number | null, lo: number, hi: number) => v !== null && Number.isInteger(v) && v >= lo && v <= hi;
  const valid =
    int(rule.timeOfDay, 0, 1439) &&
    (rule.kind === "DAY_OF_MONTH" ? int(rule.dayOfMonth, 1, 31) : int(rule.weekday, 1, 7) && (rule.kind !== "NTH_WEEKDAY" || int(rule.nth, 1, 4)));
  return valid ? null : "meeting-rule-invalid";
}

/** The day the rule gives in a month. */
export function ruleDateIn(rule: RuleSpec, year: number, month: number): SolarDate {
  const first = DateTime.utc(year, month, 1);
  const days = first.daysInMonth!;
  if (rule.kind === "DAY_OF_MONTH") return { year, month, day: Math.min(rule.dayOfMonth ?? 1, days) };
  const weekday = rule.weekday ?? 1;
  if (rule.kind === "NTH_WEEKDAY") {
    const firstMatch = 1 + ((weekday - first.weekday + 7) % 7);
    return { year, month, day: firstMatch + 7 * ((rule.nth ?? 1) - 1) };
  }
  const last = first.set({ day: days });
  return { year, month, day: days - ((last.weekday - weekday + 7) % 7) };
}

/** The UTC instant of a local date and time in a zone (a time skipped by a DST change moves forward). */
export function localStart(date: SolarDate, minutes: number, zone: string): Date {
  return DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone },
  ).toJSDate();
}

/** The calendar day of an instant in a zone. */
export function localDateOf(at: Date, zone: string): SolarDate {
  const d = DateTime.fromJSDate(at, { zone });
  return { year: d.year, month: d.month, day: d.day };
}

/** Minutes after local midnight of an instant in a zone. */
export function localMinutesOf(at: Date, zone: string): number {
  const d = DateTime.fromJSDate(at, { zone });
  return d.hour * 60 + d.minute;
}

export function occurrenceIn(rule: RuleSpec, year: number, month: number, zone: string): Occurrence {
  const ruleDate = ruleDateIn(rule, year, month);
  const holiday = holidayOn(ruleDate);
  const shifted = holiday !== null && rule.shiftHolidays;
  const date = shifted ? nextWorkingDay(ruleDate) : ruleDate;
  return { occurrence: occurrenceKey(year, month), ruleDate, date, holiday, shifted, startsAt: localStart(date, rule.timeOfDay, zone) };
}

/** The rule's next `count` meetings that start after `from`, beginning with the month `from` is in. */
export function occurrencesAfter(rule: RuleSpec, from: Date, zone: string, count: number): Occurrence[] {
  const out: Occurrence[] = [];
  let month = DateTime.fromJSDate(from, { zone }).startOf("month");
  // A month's meeting can only be missing when it has already passed, so this ends in count + 1 steps.
  for (let guard = 0; out.length < count && guard < count + 24; guard++) {
    const occ = occurrenceIn(rule, month.year, month.month, zone);
    if (occ.startsAt > from) out.push(occ);
    month = month.plus({ months: 1 });
  }
  return out;
}

/** The months from the one holding `from` through `months - 1` months later, as occurrence keys. */
export function monthsFrom(from: Date, zone: string, months: number): Array<{ year: number; month: number; key: string }> {
  const start = DateTime.fromJSDate(from, { zone }).startOf("month");
  return Array.from({ length: months }, (_, i) => {
    const m = start.plus({ months: i });
    return { year: m.year, month: m.month, key: occurrenceKey(m.year, m.month) };
  });
}
