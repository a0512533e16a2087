import { describe, expect, it } from "vitest";
import { holidayOn, holidaysOfYear, isoDate, nextWorkingDay, weekdayOf } from "../../../src/core/domain/calendar/holidays.ts";
import { jdFromDate, jdToDate, lunarToSolar, solarToLunar, tetDate } from "../../../src/core/domain/calendar/lunar.ts";

const d = (s: string) => {
  const [year, month, day] = s.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};

describe("Vietnamese lunar calendar (Hồ Ngọc Đức's algorithm, UTC+7)", () => {
  // Tết Nguyên Đán as published in Vietnamese calendars.
  const TET: Record<number, string> = {
    1985: "1985-01-21", // Vietnam; China (UTC+8) had 1985-02-20
    1990: "1990-01-27",
    2000: "2000-02-05",
    2007: "2007-02-17", // Vietnam; China had 2007-02-18
    2010: "2010-02-14",
    2012: "2012-01-23",
    2015: "2015-02-19",
    2017: "2017-01-28",
    2018: "2018-02-16",
    2019: "2019-02-05",
    2020: "2020-01-25",
    2021: "2021-02-12",
    2022: "2022-02-01",
    2023: "2023-01-22",
    2024: "2024-02-10",
    2025: "2025-01-29",
    2026: "2026-02-17",
    2027: "2027-02-06",
    2028: "2028-01-26",
    2029: "2029-02-13",
    // The new moon is at 16:07 UTC on 2 February 2030 (Meeus, full series): 23:07 in Vietnam, 00:07
    // on the 3rd in China. So Vietnam's Tết is the 2nd; the 3rd (often quoted) is China's.
    2030: "2030-02-02",
    2031: "2031-01-23",
    2032: "2032-02-11",
    2033: "2033-01-31",
  };
  it.each(Object.entries(TET))("Tết %s is %s", (year, date) => {
    expect(isoDate(tetDate(Number(year)))).toBe(date);
  });

  it("differs from China's calendar where the time zone matters", () => {
    expect(isoDate(tetDate(1985, 8))).toBe("1985-02-20");
    expect(isoDate(tetDate(2007, 8))).toBe("2007-02-18");
    expect(isoDate(tetDate(2030, 8))).toBe("2030-02-03");
  });

  it("converts both ways, including a leap month", () => {
    expect(solarToLunar(d("2024-02-10"))).toEqual({ day: 1, month: 1, year: 2024, leap: false });
    expect(solarToLunar(d("2024-02-09"))).toEqual({ day: 30, month: 12, year: 2023, leap: false });
    // 2025 (Ất Tỵ) has a leap sixth month starting 25/07/2025; 2023 a leap second month from 22/03/2023.
    expect(solarToLunar(d("2025-07-25"))).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(solarToLunar(d("2023-03-22"))).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toEqual(d("2025-07-25"));
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: false })).toEqual(d("2025-06-25"));
    // A leap month the year does not have does not exist.
    expect(lunarToSolar({ day: 1, month: 4, year: 2026, leap: true })).toBeNull();
    for (let jd = jdFromDate(1, 1, 2020); jd < jdFromDate(1, 1, 2031); jd += 17) {
      const solar = jdToDate(jd);
      expect(lunarToSolar(solarToLunar(solar))).toEqual(solar);
    }
  });

  it("Giỗ Tổ Hùng Vương is lunar 10/3", () => {
    expect(isoDate(lunarToSolar({ day: 10, month: 3, year: 2024, leap: false })!)).toBe("2024-04-18");
    expect(isoDate(lunarToSolar({ day: 10, month: 3, year: 2025, leap: false })!)).toBe("2025-04-07");
    expect(isoDate(lunarToSolar({ day: 10, month: 3, year: 2026, leap: false })!)).toBe("2026-04-26");
  });
});

describe("Vietnamese public holidays", () => {
  const kinds = (year: number) => Object.fromEntries([...holidaysOfYear(year)].map(([date, h]) => [date, h.kind]));

  it("knows the holidays of 2026, with Tết computed and a made-up day for Giỗ Tổ on a Sunday", () => {
    expect(kinds(2026)).toEqual({
      "2026-01-01": "new-year",
      "2026-02-15": "tet",
      "2026-02-16": "tet",
      "2026-02-17": "tet",
      "2026-02-18": "tet",
      "2026-02-19": "tet",
      "2026-02-20": "tet",
      "2026-04-26": "hung-kings",
      "2026-04-27": "compensatory",
      "2026-04-30": "reunification",
      "2026-05-01": "labour",
      "2026-09-01": "national-day",
      "2026-09-02": "national-day",
    });
  });

  it("picks the day next to 2/9 as the decisions of 2021–2025 did", () => {
    const nationalDays = (y: number) => Object.entries(kinds(y)).filter(([, k]) => k === "national-day").map(([date]) => date).sort();
    expect(nationalDays(2021)).toEqual(["2021-09-02", "2021-09-03"]);
    expect(nationalDays(2022)).toEqual(["2022-09-01", "2022-09-02"]);
    expect(nationalDays(2023)).toEqual(["2023-09-01", "2023-09-02"]);
    expect(nationalDays(2024)).toEqual(["2024-09-02", "2024-09-03"]);
    expect(nationalDays(2025)).toEqual(["2025-09-01", "2025-09-02"]);
  });

  it("makes up holidays that fall on a weekend, as in 2022 and 2023", () => {
    // 2022: 30/4 Saturday and 1/5 Sunday → Monday 2/5 and Tuesday 3/5 off.
    expect(holidayOn(d("2022-05-02"))?.kind).toBe("compensatory");
    expect(holidayOn(d("2022-05-03"))?.kind).toBe("compensatory");
    // 2023: 29/4 (Giỗ Tổ) Saturday … 3/5: five days off; 2/9 Saturday → Monday 4/9.
    for (const day of ["2023-04-29", "2023-04-30", "2023-05-01", "2023-05-02", "2023-05-03", "2023-09-04"]) expect(holidayOn(d(day))).not.toBeNull();
    expect(holidayOn(d("2023-05-04"))).toBeNull();
  });

  it("always proposes the next working day, whatever weekday the meeting was on", () => {
    expect(isoDate(nextWorkingDay(d("2026-04-30")))).toBe("2026-05-04");
    expect(isoDate(nextWorkingDay(d("2026-02-17")))).toBe("2026-02-23");
    expect(isoDate(nextWorkingDay(d("2027-01-01")))).toBe("2027-01-04");
    // Tết 2027: Friday 05/02 and Sunday 07/02 both go to Wednesday 10/02, the first working day after.
    expect(isoDate(nextWorkingDay(d("2027-02-05")))).toBe("2027-02-10");
    expect(isoDate(nextWorkingDay(d("2027-02-07")))).toBe("2027-02-10");
    // Sunday 26/4/2026 is Giỗ Tổ, made up on Monday 27/4: Tuesday 28/4.
    expect(isoDate(nextWorkingDay(d("2026-04-26")))).toBe("2026-04-28");
    expect(weekdayOf(d("2026-04-28"))).toBe(2);
  });
});
