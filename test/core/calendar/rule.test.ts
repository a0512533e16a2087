import { describe, expect, it } from "vitest";
import { isoDate } from "../../../src/core/domain/calendar/holidays.ts";
import { afterQuietHours, inQuietHours } from "../../../src/core/domain/calendar/quiet.ts";
import { occurrenceIn, occurrencesAfter, ruleDateIn, type RuleSpec } from "../../../src/core/domain/calendar/rule.ts";
import { formatDateTime } from "../../../src/core/domain/time.ts";

const HCM = "Asia/Ho_Chi_Minh";
const rule = (r: Partial<RuleSpec>): RuleSpec => ({ kind: "DAY_OF_MONTH", dayOfMonth: 5, weekday: null, nth: null, timeOfDay: 14 * 60, shiftHolidays: true, ...r });

describe("meeting rule occurrences", () => {
  it("clamps day N to the month's last day, leap years included", () => {
    const r = rule({ dayOfMonth: 31 });
    expect(isoDate(ruleDateIn(r, 2026, 2))).toBe("2026-02-28");
    expect(isoDate(ruleDateIn(r, 2028, 2))).toBe("2028-02-29");
    expect(isoDate(ruleDateIn(r, 2026, 4))).toBe("2026-04-30");
    expect(isoDate(ruleDateIn(r, 2026, 12))).toBe("2026-12-31");
    const r29 = rule({ dayOfMonth: 29 });
    expect(isoDate(ruleDateIn(r29, 2027, 2))).toBe("2027-02-28");
    expect(isoDate(ruleDateIn(r29, 2028, 2))).toBe("2028-02-29");
    expect(isoDate(ruleDateIn(r29, 2100, 2))).toBe("2100-02-28");
  });

  it("finds the Nth and the last weekday", () => {
    // December 2026 starts on a Tuesday.
    expect(isoDate(ruleDateIn(rule({ kind: "NTH_WEEKDAY", weekday: 4, nth: 2 }), 2026, 12))).toBe("2026-12-10");
    expect(isoDate(ruleDateIn(rule({ kind: "NTH_WEEKDAY", weekday: 2, nth: 1 }), 2026, 12))).toBe("2026-12-01");
    expect(isoDate(ruleDateIn(rule({ kind: "NTH_WEEKDAY", weekday: 1, nth: 4 }), 2026, 12))).toBe("2026-12-28");
    // 29/02/2028 is a Tuesday: the last Tuesday is that day, the last Friday the 25th.
    expect(isoDate(ruleDateIn(rule({ kind: "LAST_WEEKDAY", weekday: 2 }), 2028, 2))).toBe("2028-02-29");
    expect(isoDate(ruleDateIn(rule({ kind: "LAST_WEEKDAY", weekday: 5 }), 2028, 2))).toBe("2028-02-25");
    expect(isoDate(ruleDateIn(rule({ kind: "LAST_WEEKDAY", weekday: 4 }), 2026, 12))).toBe("2026-12-31");
  });

  it("stores the local time in the branch's zone as UTC", () => {
    const occ = occurrenceIn(rule({ dayOfMonth: 3 }), 2026, 12, HCM);
    expect(occ.startsAt.toISOString()).toBe("2026-12-03T07:00:00.000Z");
    expect(formatDateTime(occ.startsAt, HCM, "vi")).toBe("14:00, Thứ Năm 03/12/2026");
  });

  it("keeps the local time across daylight saving time in Berlin and New York", () => {
    const r = rule({ dayOfMonth: 15 });
    expect(occurrenceIn(r, 2027, 1, "Europe/Berlin").startsAt.toISOString()).toBe("2027-01-15T13:00:00.000Z");
    expect(occurrenceIn(r, 2027, 7, "Europe/Berlin").startsAt.toISOString()).toBe("2027-07-15T12:00:00.000Z");
    expect(occurrenceIn(r, 2027, 1, "America/New_York").startsAt.toISOString()).toBe("2027-01-15T19:00:00.000Z");
    expect(occurrenceIn(r, 2027, 7, "America/New_York").startsAt.toISOString()).toBe("2027-07-15T18:00:00.000Z");
    // The last Sunday of March 2027 is the night clocks go forward: 02:30 does not exist, 03:30 is used.
    const gap = occurrenceIn(rule({ kind: "LAST_WEEKDAY", weekday: 7, timeOfDay: 150, shiftHolidays: false }), 2027, 3, "Europe/Berlin");
    expect(isoDate(gap.date)).toBe("2027-03-28");
    expect(gap.startsAt.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    // The last Sunday of October: 02:30 happens twice; one definite instant is chosen (winter time).
    const twice = occurrenceIn(rule({ kind: "LAST_WEEKDAY", weekday: 7, timeOfDay: 150, shiftHolidays: false }), 2027, 10, "Europe/Berlin");
    expect(twice.startsAt.toISOString()).toBe("2027-10-31T01:30:00.000Z");
  });

  it("moves a meeting off a holiday to the next working day, and says so", () => {
    const april = occurrenceIn(rule({ dayOfMonth: 30 }), 2026, 4, HCM);
    expect(april).toMatchObject({ occurrence: "2026-04", shifted: true, holiday: { kind: "reunification" } });
    expect(isoDate(april.date)).toBe("2026-05-04");
    expect(april.startsAt.toISOString()).toBe("2026-05-04T07:00:00.000Z");
    // Without shifting the rule's day is kept, and the holiday still reported.
    const kept = occurrenceIn(rule({ dayOfMonth: 30, shiftHolidays: false }), 2026, 4, HCM);
    expect(kept).toMatchObject({ shifted: false, holiday: { kind: "reunification" } });
    expect(isoDate(kept.date)).toBe("2026-04-30");
    // Third Tuesday of February 2026 is Tết itself.
    const tet = occurrenceIn(rule({ kind: "NTH_WEEKDAY", weekday: 2, nth: 3 }), 2026, 2, HCM);
    expect(isoDate(tet.ruleDate)).toBe("2026-02-17");
    expect(isoDate(tet.date)).toBe("2026-02-23");
  });

  it("lists the next meetings across month and year ends, skipping one that has passed", () => {
    const from = new Date("2026-12-05T08:00:00Z"); // 15:00 on the 5th in Hà Nội: today's meeting has begun
    const next = occurrencesAfter(rule({ dayOfMonth: 5 }), from, HCM, 3);
    expect(next.map((o) => o.occurrence)).toEqual(["2027-01", "2027-02", "2027-03"]);
    // 5/2/2027 is the day before Tết 2027 (6/2): moved past the break to Wednesday 10/2.
    expect(next.map((o) => isoDate(o.date))).toEqual(["2027-01-05", "2027-02-10", "2027-03-05"]);
    expect(next[1]).toMatchObject({ shifted: true, holiday: { kind: "tet" } });
  });
});

describe("quiet hours", () => {
  const q = { start: 21 * 60, end: 7 * 60 };
  it("span midnight, and equal ends mean none", () => {
    expect(inQuietHours(22 * 60, q)).toBe(true);
    expect(inQuietHours(6 * 60 + 59, q)).toBe(true);
    expect(inQuietHours(7 * 60, q)).toBe(false);
    expect(inQuietHours(20 * 60 + 59, q)).toBe(false);
    expect(inQuietHours(3 * 60, { start: 0, end: 0 })).toBe(false);
    expect(inQuietHours(13 * 60, { start: 12 * 60, end: 14 * 60 })).toBe(true);
  });
  it("move a time inside them to their end, in the branch's zone", () => {
    // 22:30 in Hà Nội → 07:00 the next morning.
    expect(afterQuietHours(new Date("2026-12-01T15:30:00Z"), HCM, q).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    // 05:00 → 07:00 the same morning.
    expect(afterQuietHours(new Date("2026-12-01T22:00:00Z"), HCM, q).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    const noon = new Date("2026-12-01T05:00:00Z");
    expect(afterQuietHours(noon, HCM, q)).toBe(noon);
    // New York, the night clocks go back (1 November 2026): 07:00 EST is 12:00 UTC.
    expect(afterQuietHours(new Date("2026-11-01T05:00:00Z"), "America/New_York", q).toISOString()).toBe("2026-11-01T12:00:00.000Z");
  });
});
