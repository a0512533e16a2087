// Dates as Vietnamese members read them ("14:00, Thứ Năm 03/12/2026"), in the branch time zone.
import { DateTime } from "luxon";
import type { Locale } from "../types.ts";

const WEEKDAYS: Record<Locale, string[]> = {
  vi: ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

export function weekdayName(isoWeekday: number, locale: Locale): string {
  return WEEKDAYS[locale][isoWeekday - 1] ?? "";
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/** "14:00, Thứ Năm 03/12/2026" (vi) or "14:00, Thursday 03/12/2026" (en). */
export function formatDateTime(at: Date, zone: string, locale: Locale): string {
  const d = DateTime.fromJSDate(at, { zone });
  return `${d.toFormat("HH:mm")}, ${weekdayName(d.weekday, locale)} ${d.toFormat("dd/MM/yyyy")}`;
}

/** "Thứ Năm 03/12/2026". */
export function formatDate(at: Date, zone: string, locale: Locale): string {
  const d = DateTime.fromJSDate(at, { zone });
  return `${weekdayName(d.weekday, locale)} ${d.toFormat("dd/MM/yyyy")}`;
}

/** "21:00" from minutes after midnight. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** The calendar month of `at` in `zone`: "2026-12" (a bot's monthly quota is counted by it). */
export function monthKey(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM");
}

/** Midnight starting the month after `at`'s, in `zone`. */
export function nextMonthStart(at: Date, zone: string): Date {
  return DateTime.fromJSDate(at, { zone }).startOf("month").plus({ months: 1 }).toJSDate();
}

/** "12/2026" for a month key "2026-12". */
export function formatMonthKey(month: string): string {
  const [year, m] = month.split("-");
  return `${m}/${year}`;
}
