// The pure parts of digests: absence counting, the monthly series, when digests are due, CSV
// encoding, the settings' parsing, and the chart image.
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { absenceMonths, absenceWarnings, outcomeOf, participationByMonth } from "../../../src/core/domain/digest/participation.ts";
import { participationChart } from "../../../src/core/features/digests/chart.ts";
import { clip } from "../../../src/core/features/digests/render.ts";
import { AFTER_RELEVANT_MS, beforeAt, digestKey, duePhase } from "../../../src/core/features/digests/schedule.ts";
import { parseDigestHours, parseRetention } from "../../../src/core/features/digests/settings.ts";
import type { MeetingHistory } from "../../../src/core/ports/digests.ts";
import { CHART_HEIGHT, CHART_WIDTH, niceStep } from "../../../src/infra/render/chart.ts";
import { BOM, csvField, toCsv } from "../../../src/infra/render/csv.ts";
import { createRenderer } from "../../../src/infra/render/renderer.ts";
import { attendance, branch, meeting, member, rsvp } from "./fixtures.ts";
import { parseCsv, pngSize } from "./seed.ts";

const at = (iso: string) => new Date(iso);

describe("absences (Điều lệ Đảng, Điều 8)", () => {
  const members = [member(0), member(1), member(2, { exempted: true }), member(3, { joinedAt: at("2026-10-15T00:00:00Z") }), member(4, { status: "REMOVED", removedAt: at("2026-10-20T00:00:00Z") })];
  const regular = ["2025-12-04", "2026-02-05", "2026-06-04", "2026-09-03", "2026-11-05", "2026-11-19"].map((d, i) => meeting(`x${i}`, at(`${d}T07:00:00Z`)));
  // Three sinh hoạt chuyên đề across the new year, as in the issue: none of them counts.
  const thematic = ["2026-12-06", "2027-01-03", "2027-01-04"].map((d, i) => meeting(`t${i}`, at(`${d}T07:00:00Z`), { kind: "THEMATIC" }));
  const history: MeetingHistory = { meetings: [...regular, ...thematic], members, rsvps: [], attendance: [] };

  it("an answer stands until attendance is recorded, which then wins; a reason recorded at the meeting excuses", () => {
    expect(outcomeOf(undefined, undefined)).toBe("no-answer");
    expect(outcomeOf(rsvp("x", "m", "ATTEND"), undefined)).toBe("attending");
    expect(outcomeOf(rsvp("x", "m", "ABSENT", "ốm"), undefined)).toBe("excused");
    expect(outcomeOf(rsvp("x", "m", "ATTEND"), attendance("x", "m", false))).toBe("absent-no-reason");
    expect(outcomeOf(rsvp("x", "m", "ABSENT", "ốm"), attendance("x", "m", false))).toBe("excused");
    expect(outcomeOf(undefined, attendance("x", "m", true))).toBe("present");
    expect(outcomeOf(undefined, { ...attendance("x", "m", false), reason: "Trực cơ quan" })).toBe("excused");
  });

  it("counts months with a regular meeting missed without reason, within the year, for expected active members", () => {
    const recorded: MeetingHistory = {
      ...history,
      rsvps: regular.slice(1, 4).map((m) => rsvp(m.id, "m01", "ATTEND")),
      attendance: [attendance("x3", "m01", false)],
    };
    const months = absenceMonths(recorded, at("2026-12-10T00:00:00Z"), "Asia/Ho_Chi_Minh");
    // m00 missed five regular meetings of 2026 in four months (two in November); December 2025 is last year.
    // m01 said Tham dự and did not come in September, and did not answer in November; m03 joined in October.
    expect(months).toEqual([
      { memberId: "m00", months: ["2026-02", "2026-06", "2026-09", "2026-11"] },
      { memberId: "m01", months: ["2026-09", "2026-11"] },
      { memberId: "m03", months: ["2026-11"] },
    ]);
    expect(absenceWarnings(recorded, at("2026-12-10T00:00:00Z"), "Asia/Ho_Chi_Minh").map((w) => w.memberId)).toEqual(["m00"]);
  });

  it("chuyên đề absences and last year's months never add up to a warning in January", () => {
    expect(absenceWarnings(history, at("2027-01-08T00:00:00Z"), "Asia/Ho_Chi_Minh")).toEqual([]);
  });

  it("gives twelve months of attendance where recorded and answers elsewhere, empty months included, in the branch's time zone", () => {
    const h: MeetingHistory = {
      meetings: [meeting("a", at("2026-10-31T18:00:00Z")), meeting("b", at("2026-11-05T07:00:00Z")), meeting("c", at("2026-12-20T07:00:00Z")), meeting("d", at("2026-09-10T07:00:00Z"))],
      members: [member(0), member(1), member(2, { exempted: true })],
      rsvps: [rsvp("a", "m00", "ATTEND"), rsvp("a", "m02", "ABSENT", "ốm"), rsvp("b", "m01", "ABSENT", "công tác"), rsvp("d", "m00", "ATTEND"), rsvp("d", "m01", "ATTEND")],
      // September was recorded: m00 came, m01 did not after all, the exempted member came.
      attendance: [attendance("d", "m00", true), attendance("d", "m01", false), attendance("d", "m02", true)],
    };
    const series = participationByMonth(h, "Asia/Ho_Chi_Minh", at("2026-12-01T00:00:00Z"), 12, at("2026-03-15T00:00:00Z"));
    expect(series).toHaveLength(12);
    expect(series[0]!.month).toBe("2026-01");
    // Before the branch existed (March 2026) there is nothing to show, not "no meeting".
    expect(series.slice(0, 3).map((s) => s.beforeStart)).toEqual([true, true, false]);
    expect(series[8]).toEqual({ month: "2026-09", beforeStart: false, meetings: 1, recorded: 1, present: 2, excused: 0, missing: 1 });
    // 18:00 UTC on 31/10 is 01:00 on 01/11 in Hà Nội: both meetings fall in November, counted by the answers.
    expect(series.at(-2)).toEqual({ month: "2026-11", beforeStart: false, meetings: 2, recorded: 0, present: 1, excused: 2, missing: 2 });
    // A meeting after `now` is not counted.
    expect(series.at(-1)).toEqual({ month: "2026-12", beforeStart: false, meetings: 0, recorded: 0, present: 0, excused: 0, missing: 0 });
  });
});

describe("digest timing", () => {
  const b = branch();
  const m = meeting("mt", at("2026-12-03T07:00:00Z"));

  it("is due digestHoursBefore the start, then at the start for a day", () => {
    expect(duePhase(m, b, at("2026-12-02T06:59:00Z"))).toBeNull();
    expect(duePhase(m, b, at("2026-12-02T07:00:00Z"))).toBe("before");
    expect(duePhase(m, b, at("2026-12-03T06:59:59Z"))).toBe("before");
    expect(duePhase(m, b, at("2026-12-03T07:00:00Z"))).toBe("after");
    expect(duePhase(m, b, new Date(m.startsAt.getTime() + AFTER_RELEVANT_MS - 1))).toBe("after");
    expect(duePhase(m, b, new Date(m.startsAt.getTime() + AFTER_RELEVANT_MS))).toBeNull();
  });

  it("moves the before digest out of quiet hours while that is still before the meeting", () => {
    // 06:00 local: 24 h before is 06:00 the day before, in quiet hours (21:00–07:00) → 07:00.
    const early = meeting("e", at("2026-12-02T23:00:00Z"));
    expect(beforeAt(early, b).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    // 22:30 local, one hour before: 21:30 is quiet, and 07:00 would be after the meeting → kept at 21:30.
    const late = meeting("l", at("2026-12-03T15:30:00Z"));
    expect(beforeAt(late, branch({ digestHoursBefore: 1 })).toISOString()).toBe("2026-12-03T14:30:00.000Z");
    // No quiet hours.
    expect(beforeAt(early, branch({ quietStart: 0, quietEnd: 0 })).toISOString()).toBe("2026-12-01T23:00:00.000Z");
  });

  it("keys name the meeting, phase, secretary and start, so a moved meeting gets a fresh digest", () => {
    const key = digestKey(m, "before", "sec1");
    expect(key.startsWith(`digest:mt:before:sec1:`)).toBe(true);
    expect(digestKey({ ...m, startsAt: at("2026-12-10T07:00:00Z") }, "before", "sec1")).not.toBe(key);
    expect(digestKey(m, "after", "sec1")).not.toBe(key);
  });
});

describe("CSV for Excel", () => {
  it("starts with a BOM, ends lines with CRLF, and quotes what needs quoting", () => {
    const csv = toCsv(["Họ và tên", "Lý do"], [["Trần Thị Bình", 'Đi họp, "gấp"\nở Hà Nội'], ["Lê Văn C", null], ["  cách  ", 3]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}Họ và tên,Lý do\r\nTrần Thị Bình,"Đi họp, ""gấp""\nở Hà Nội"\r\nLê Văn C,\r\n"  cách  ",3\r\n`);
    expect(parseCsv(csv)).toEqual([
      ["Họ và tên", "Lý do"],
      ["Trần Thị Bình", 'Đi họp, "gấp"\nở Hà Nội'],
      ["Lê Văn C", ""],
      ["  cách  ", "3"],
    ]);
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const hostile of ["=1+1", "+84 912 345 678", "-2", "@SUM(A1)", "\tx", '=HYPERLINK("http://x","y")']) {
      const field = csvField(hostile);
      expect(parseCsv(field)[0]![0]).toBe(`'${hostile}`);
    }
    expect(csvField("Nguyễn Văn An")).toBe("Nguyễn Văn An");
    expect(csvField(-5)).toBe("-5");
  });
});

describe("digest settings", () => {
  it("takes the digest time in hours or days, within 1 to 168 hours", () => {
    const hours = (text: string) => {
      const r = parseDigestHours(text);
      return r.ok ? r.value.digestHoursBefore : r.problem;
    };
    expect(hours("24")).toBe(24);
    expect(hours("12 giờ")).toBe(12);
    expect(hours("48h")).toBe(48);
    expect(hours("2 ngày")).toBe(48);
    expect(hours("1 ngày 6 giờ")).toBe(30);
    expect(hours("0")).toBe("settings-number-range");
    expect(hours("169")).toBe("settings-number-range");
    expect(hours("8 ngày")).toBe("digest-setting-hours-range");
    expect(hours("30 phút")).toBe("digest-setting-hours-range");
    expect(hours("ngày mai")).toBe("settings-number-format");
    expect(hours("-1")).toBe("settings-number-range");
  });

  it("takes retention in months or years, at least a year", () => {
    const months = (text: string) => {
      const r = parseRetention(text);
      return r.ok ? r.value.retentionMonths : r.problem;
    };
    expect(months("36")).toBe(36);
    expect(months("24 tháng")).toBe(24);
    expect(months("3 năm")).toBe(36);
    expect(months("6")).toBe("settings-number-range");
    expect(months("11 năm")).toBe("settings-number-range");
    expect(months("mãi mãi")).toBe("settings-number-format");
  });
});

describe("participation chart", () => {
  const labels = {
    title: "Tham dự sinh hoạt chi bộ 12 tháng qua · Chi bộ Trường THCS Nguyễn Trãi, Phường Đông Anh, Hà Nội",
    note: "Tháng đã điểm danh tính theo điểm danh, tháng chưa điểm danh tính theo trả lời (ghi dưới mỗi cột).",
    present: "Có mặt / báo tham dự",
    excused: "Vắng có lý do",
    missing: "Vắng không lý do / chưa trả lời",
    axis: "Số lượt",
    noMeeting: "không họp",
    fromRecorded: "điểm danh",
    fromAnswers: "trả lời",
    fromBoth: "cả hai",
    month: (m: number) => `T${m}`,
  };

  it("is a PNG of the declared size, drawn from the monthly series", async () => {
    const series = Array.from({ length: 12 }, (_, i) => ({
      month: `${i === 0 ? 2025 : 2026}-${String(i === 0 ? 12 : i).padStart(2, "0")}`,
      beforeStart: i < 2,
      meetings: i === 4 || i < 2 ? 0 : 1,
      recorded: i > 8 ? 1 : 0,
      present: i === 4 || i < 2 ? 0 : 20 + (i % 5),
      excused: i === 4 || i < 2 ? 0 : 3,
      missing: i === 4 || i < 2 ? 0 : i % 4,
    }));
    const render = createRenderer();
    const png = await render.chartPng(participationChart(series, labels));
    expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    // Different data, different picture: the bars are drawn from the numbers.
    const other = await render.chartPng(participationChart(series.map((s) => ({ ...s, missing: s.missing + 5 })), labels));
    expect(other.equals(png)).toBe(false);
    if (process.env.CHART_OUT) writeFileSync(process.env.CHART_OUT, png);
  });

  it("counts people, so the axis steps are whole numbers, even with no data", () => {
    for (let max = 0; max <= 500; max++) {
      const step = niceStep(max);
      expect(Number.isInteger(step) && step >= 1).toBe(true);
      expect(Math.ceil(Math.max(max, 1) / step)).toBeLessThanOrEqual(5);
    }
    expect([0, 1, 4, 5, 6, 12, 40, 60].map(niceStep)).toEqual([1, 1, 1, 1, 2, 5, 10, 20]);
  });
});

describe("clip", () => {
  it("keeps short text, cuts long text at a word with an ellipsis, and flattens line breaks", () => {
    expect(clip("Con ốm\nphải đưa đi viện", 100)).toBe("Con ốm phải đưa đi viện");
    const long = clip("Đi công tác tỉnh Lào Cai theo quyết định của cơ quan ".repeat(10), 60);
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith("…")).toBe(true);
    expect(clip("x".repeat(200), 50)).toBe(`${"x".repeat(49)}…`);
  });
});
