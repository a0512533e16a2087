// Vietnamese public holidays, for telling an admin that a meeting falls on one.
//
// Sources (DESIGN §2 only asks that holidays be known):
// - Bộ luật Lao động 45/2019/QH14, Điều 112 (in force since 01/01/2021): Tết Dương lịch 1 day (1/1);
//   Tết Âm lịch 5 days; Ngày Chiến thắng 1 day (30/4); Quốc tế lao động 1 day (1/5); Quốc khánh
//   2 days (2/9 and one day right before or after it); Giỗ Tổ Hùng Vương 1 day (10/3 âm lịch).
//   Khoản 3: the Prime Minister fixes the exact Tết days and the day next to 2/9 each year.
// - Điều 111 khoản 3: a holiday that falls on the weekly rest day is made up on the next working day
//   (nghỉ bù). We take Saturday and Sunday as the rest days, as in the public sector (Nghị định
//   45/2013 / Quyết định 188/1999/QĐ-TTg, 40-hour week).
// Because the yearly decisions are not known in advance, two days are computed, not listed:
// - Tết: the 5 days are always split around lunar 1/1, either 1 before + 4 after or 2 before + 3
//   after (e.g. 2024: 29 Chạp – mùng 4; 2025: 28 Chạp – mùng 3). We mark the union, the last two days
//   of the lunar year through mùng 4, so no meeting is planned into the break whichever split is chosen.
// - 2/9: the adjacent day the decisions of 2021–2025 chose is the one that joins the weekend:
//   Monday 2/9 → 3/9 (2024), Thursday → 3/9 (2021), Sunday → 3/9; otherwise 1/9 (2022 Fri, 2023 Sat,
//   2025 Tue). The unit tests pin those years.
import { jdFromDate, jdToDate, lunarToSolar, tetJd, type SolarDate } from "./lunar.ts";

export type HolidayKind = "new-year" | "tet" | "hung-kings" | "reunification" | "labour" | "national-day" | "compensatory";

export interface Holiday {
  kind: HolidayKind;
  date: SolarDate;
}

export const isoDate = (d: SolarDate): string =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekdayOf(d: SolarDate): number {
  return ((jdFromDate(d.day, d.month, d.year) % 7) + 7) % 7 + 1;
}

export const isWeekend = (d: SolarDate): boolean => weekdayOf(d) >= 6;

const cache = new Map<number, Map<string, Holiday>>();

/** Every public holiday of a solar year (including the days made up for ones on a weekend), by ISO date. */
export function holidaysOfYear(year: number): Map<string, Holiday> {
  const hit = cache.get(year);
  if (hit) return hit;
  const days: Holiday[] = [];
  const add = (kind: HolidayKind, date: SolarDate) => days.push({ kind, date });
  add("new-year", { year, month: 1, day: 1 });
  const tet = tetJd(year);
  for (let jd = tet - 2; jd <= tet + 3; jd++) add("tet", jdToDate(jd));
  const hung = lunarToSolar({ day: 10, month: 3, year, leap: false });
  if (hung) add("hung-kings", hung);
  add("reunification", { year, month: 4, day: 30 });
  add("labour", { year, month: 5, day: 1 });
  const national = { year, month: 9, day: 2 };
  add("national-day", national);
  add("national-day", { year, month: 9, day: [1, 4, 7].includes(weekdayOf(national)) ? 3 : 1 });

  const byDate = new Map<string, Holiday>();
  for (const h of days) if (!byDate.has(isoDate(h.date))) byDate.set(isoDate(h.date), h);
  // Nghỉ bù: each fixed holiday on a weekend gives the next free weekday. The Tết break is arranged as
  // a whole by the yearly decision, so it is not made up day by day.
  const sorted = [...byDate.values()].sort((a, b) => isoDate(a.date).localeCompare(isoDate(b.date)));
  for (const h of sorted) {
    if (h.kind === "tet" || !isWeekend(h.date)) continue;
    let jd = jdFromDate(h.date.day, h.date.month, h.date.year);
    for (;;) {
      jd++;
      const d = jdToDate(jd);
      if (!isWeekend(d) && !byDate.has(isoDate(d))) {
        byDate.set(isoDate(d), { kind: "compensatory", date: d });
        break;
      }
    }
  }
  if (cache.size > 64) cache.clear();
  cache.set(year, byDate);
  return byDate;
}

/** The holiday on a date (in Vietnam's calendar), if any. */
export function holidayOn(d: SolarDate): Holiday | null {
  return holidaysOfYear(d.year).get(isoDate(d)) ?? null;
}

/**
 * Where a meeting that falls on a holiday goes: the next working day (Monday–Friday, not a holiday),
 * whatever weekday the meeting was on, as the admins are told and the README promises. An admin
 * who prefers another day moves that one meeting with /lichhop.
 */
export function nextWorkingDay(d: SolarDate): SolarDate {
  let jd = jdFromDate(d.day, d.month, d.year);
  for (;;) {
    jd++;
    const next = jdToDate(jd);
    if (!isWeekend(next) && !holidayOn(next)) return next;
  }
}
