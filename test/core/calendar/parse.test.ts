import { describe, expect, it } from "vitest";
import { parseDate, parseDurations, parseTime, parseTimeRange, parseWholeHours } from "../../../src/core/domain/calendar/parse.ts";
import { parseOffsets } from "../../../src/core/features/meetings/reminders-menu.ts";
import { parseWeekday } from "../../../src/core/features/meetings/schedule.ts";
import { resolveTimeZone } from "../../../src/core/features/settings/timezone.ts";

const today = { year: 2026, month: 11, day: 25 };
const problem = (r: { ok: boolean; problem?: string }) => (r.ok ? "ok" : r.problem);

describe("dates as people type them", () => {
  it.each([
    ["05/12/2026", { year: 2026, month: 12, day: 5 }],
    ["5/12/2026", { year: 2026, month: 12, day: 5 }],
    ["5/12", { year: 2026, month: 12, day: 5 }],
    ["5-12-26", { year: 2026, month: 12, day: 5 }],
    ["ngày 5.12", { year: 2026, month: 12, day: 5 }],
    [" 25/11 ", { year: 2026, month: 11, day: 25 }], // today counts
    ["24/11", { year: 2027, month: 11, day: 24 }], // passed this year: next year's
    ["29/2", { year: 2028, month: 2, day: 29 }], // the next 29 February there is
    ["29/02/2028", { year: 2028, month: 2, day: 29 }],
  ])("%s", (text, value) => {
    expect(parseDate(text, today)).toEqual({ ok: true, value });
  });

  it.each([
    ["31/02/2026", "meeting-date-not-exist"],
    ["31/02", "meeting-date-not-exist"],
    ["29/02/2027", "meeting-date-not-exist"],
    ["31/04/2027", "meeting-date-not-exist"],
    ["13/13/2026", "meeting-date-month"],
    ["0/0", "meeting-date-month"],
    ["5/12/1999", "meeting-date-year"],
    ["ngày mai", "meeting-date-format"],
    ["-1", "meeting-date-format"],
    ["99999999999999999999", "meeting-date-format"],
    ["25:00", "meeting-date-format"],
    ["", "meeting-date-format"],
    ["5/12/2026 lúc 14h", "meeting-date-format"],
    ["x".repeat(3000), "meeting-date-format"],
  ])("%s is refused as %s", (text, key) => {
    expect(problem(parseDate(text, today))).toBe(key);
  });
});

describe("times as people type them", () => {
  it.each([
    ["14:00", 840],
    ["14h", 840],
    ["14h30", 870],
    ["14H30", 870],
    ["14g30", 870],
    ["14 giờ 30", 870],
    ["14 giờ", 840],
    ["14.30", 870],
    ["7:05", 425],
    ["0:00", 0],
    ["23:59", 1439],
    ["2 giờ chiều", 840],
    ["7 giờ tối", 1140],
    ["8h sáng", 480],
    ["12 giờ trưa", 720],
    ["10 giờ đêm", 1320],
    ["lúc 19h30", 1170],
    ["9am", 540],
    ["2pm", 840],
    ["12am", 0],
    ["14 giờ chiều", 840],
  ])("%s", (text, minutes) => {
    expect(parseTime(text)).toEqual({ ok: true, value: minutes });
  });

  it.each([
    ["25:00", "meeting-time-range"],
    ["24:00", "meeting-time-range"],
    ["13:60", "meeting-time-range"],
    ["14 giờ sáng", "meeting-time-range"],
    ["-1", "meeting-time-format"],
    ["99999999999999999999", "meeting-time-format"],
    ["ngày mai", "meeting-time-format"],
    ["31/02", "meeting-time-format"],
    ["hai giờ", "meeting-time-format"],
    ["", "meeting-time-format"],
  ])("%s is refused as %s", (text, key) => {
    expect(problem(parseTime(text))).toBe(key);
  });
});

describe("durations, ranges, weekdays and zones", () => {
  it("reads lists of reminder offsets", () => {
    expect(parseDurations("3 ngày, 1 ngày, 2 giờ")).toEqual({ ok: true, value: [4320, 1440, 120] });
    expect(parseDurations("3d 1d 2h")).toEqual({ ok: true, value: [4320, 1440, 120] });
    expect(parseDurations("1 tuần và 30 phút")).toEqual({ ok: true, value: [10080, 30] });
    expect(problem(parseDurations("3"))).toBe("reminder-offsets-format");
    expect(problem(parseDurations("ba ngày"))).toBe("reminder-offsets-format");
    expect(problem(parseDurations("-1 ngày"))).toBe("reminder-offsets-format");
    expect(parseOffsets("2 giờ, 3 ngày, 2h")).toEqual({ ok: true, value: [4320, 120] });
    expect(problem(parseOffsets("5 phút"))).toBe("reminder-offsets-range");
    expect(problem(parseOffsets("31 ngày"))).toBe("reminder-offsets-range");
    expect(problem(parseOffsets("1d 2d 3d 4d 5d 6d"))).toBe("reminder-offsets-count");
    expect(problem(parseOffsets("99999999999999999999 ngày"))).toBe("reminder-offsets-format");
  });

  it("reads whole hours", () => {
    expect(parseWholeHours("24", 1, 72)).toEqual({ ok: true, value: 24 });
    expect(parseWholeHours("12 tiếng", 1, 72)).toEqual({ ok: true, value: 12 });
    expect(parseWholeHours("1 ngày 6 giờ", 1, 72)).toEqual({ ok: true, value: 30 });
    expect(problem(parseWholeHours("0", 1, 72))).toBe("settings-number-range");
    expect(problem(parseWholeHours("30 phút", 1, 72))).toBe("settings-number-range");
    expect(problem(parseWholeHours("4 ngày", 1, 72))).toBe("settings-number-range");
    expect(problem(parseWholeHours("ngày mai", 1, 72))).toBe("settings-number-format");
  });

  it("reads quiet hours", () => {
    expect(parseTimeRange("21:00-07:00")).toEqual({ ok: true, value: [1260, 420] });
    expect(parseTimeRange("21h – 7h")).toEqual({ ok: true, value: [1260, 420] });
    expect(parseTimeRange("từ 22 giờ đến 6 giờ")).toEqual({ ok: true, value: [1320, 360] });
    expect(problem(parseTimeRange("25:00-07:00"))).toBe("meeting-time-range");
    expect(problem(parseTimeRange("21:00"))).toBe("settings-range-format");
  });

  it("reads weekdays the Vietnamese way", () => {
    expect(parseWeekday("thứ 5")).toBe(4);
    expect(parseWeekday("T2")).toBe(1);
    expect(parseWeekday("Thứ Bảy")).toBe(6);
    expect(parseWeekday("chủ nhật")).toBe(7);
    expect(parseWeekday("CN")).toBe(7);
    expect(parseWeekday("Friday")).toBe(5);
    expect(parseWeekday("thứ 8")).toBeNull();
    expect(parseWeekday("thứ 1")).toBeNull();
  });

  it("resolves time zones by IANA name or city, and refuses others", () => {
    expect(resolveTimeZone("Asia/Ho_Chi_Minh")).toBe("Asia/Ho_Chi_Minh");
    expect(resolveTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(resolveTimeZone("Berlin")).toBe("Europe/Berlin");
    expect(resolveTimeZone("Hà Nội")).toBe("Asia/Ho_Chi_Minh");
    expect(resolveTimeZone("New York")).toBe("America/New_York");
    expect(resolveTimeZone("Mars/Olympus")).toBeNull();
    expect(resolveTimeZone("UTC+7")).toBeNull();
    expect(resolveTimeZone("ngày mai")).toBeNull();
    expect(resolveTimeZone("x".repeat(3000))).toBeNull();
  });
});
