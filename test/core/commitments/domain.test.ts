// The arithmetic and checks behind the commitment flows, without a database.
import { describe, expect, it } from "vitest";
import type { Commitment, CommitmentReview } from "../../../src/core/domain/commitments/model.ts";
import { yearSpan } from "../../../src/core/domain/commitments/period.ts";
import { checkText } from "../../../src/core/domain/commitments/text.ts";
import { dueNudge, evalWindow, isWindowOpen, nudgeTimes, sendTime } from "../../../src/core/domain/commitments/window.ts";
import { openRevision } from "../../../src/core/features/commitments/format.ts";
import { shorten } from "../../../src/core/text.ts";
import { parseCountRange } from "../../../src/core/features/commitments/settings.ts";
import { reviewYear } from "../../../src/core/domain/commitments/review.ts";

const VN = "Asia/Ho_Chi_Minh";
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const branch = { selfEvalDaysBefore: 7, nudgeMax: 2, nudgeIntervalHours: 24, quietStart: 21 * 60, quietEnd: 7 * 60, timezone: VN };
const meeting = { id: "m1", startsAt: new Date("2026-12-03T07:00:00Z"), kind: "REGULAR" as const, status: "SCHEDULED" as const };

describe("commitment periods", () => {
  it("a year in the branch's zone, registration until the end of March", () => {
    const span = yearSpan(2027, VN, new Date("2027-01-01T00:00:00Z"));
    expect([iso(span.startsAt), iso(span.deadline), iso(span.endsAt)]).toEqual(["2026-12-31T17:00:00.000Z", "2027-03-31T16:59:59.999Z", "2027-12-31T17:00:00.000Z"]);
  });

  it("created late in the year, members still get thirty days, but never past the year's end", () => {
    expect(iso(yearSpan(2026, VN, new Date("2026-11-25T03:00:00Z")).deadline)).toBe("2026-12-25T16:59:59.999Z");
    expect(iso(yearSpan(2026, VN, new Date("2026-12-20T03:00:00Z")).deadline)).toBe("2026-12-31T16:59:59.999Z");
    expect(iso(yearSpan(2026, "Europe/Berlin", new Date("2026-02-01T12:00:00Z")).deadline)).toBe("2026-03-31T21:59:59.999Z");
  });

  it("the year-end review is this year's from July, last year's before", () => {
    expect(reviewYear(new Date("2026-12-10T00:00:00Z"), VN)).toBe(2026);
    expect(reviewYear(new Date("2027-01-15T00:00:00Z"), VN)).toBe(2026);
    expect(reviewYear(new Date("2026-12-31T18:00:00Z"), VN)).toBe(2026);
  });
});

describe("self-evaluation window", () => {
  it("opens selfEvalDaysBefore days before a regular meeting and closes at its start", () => {
    expect(iso(evalWindow(meeting, branch).opensAt)).toBe("2026-11-26T07:00:00.000Z");
    expect(isWindowOpen(meeting, branch, new Date("2026-11-26T06:59:59Z"))).toBe(false);
    expect(isWindowOpen(meeting, branch, new Date("2026-11-26T07:00:00Z"))).toBe(true);
    expect(isWindowOpen(meeting, branch, new Date("2026-12-03T07:00:00Z"))).toBe(false);
    expect(isWindowOpen({ ...meeting, kind: "THEMATIC" }, branch, new Date("2026-12-01T00:00:00Z"))).toBe(false);
    expect(isWindowOpen({ ...meeting, status: "CANCELLED" }, branch, new Date("2026-12-01T00:00:00Z"))).toBe(false);
  });

  it("nudges count back from the meeting and leave quiet hours", () => {
    expect(nudgeTimes(meeting, branch).map((n) => [n.ordinal, iso(n.at)])).toEqual([
      [1, "2026-12-01T07:00:00.000Z"],
      [2, "2026-12-02T07:00:00.000Z"],
    ]);
    // 12 hours apart: 14:00 and 02:00, which moves to 07:00.
    expect(nudgeTimes(meeting, { ...branch, nudgeIntervalHours: 12 }).map((n) => iso(n.at))).toEqual(["2026-12-02T07:00:00.000Z", "2026-12-03T00:00:00.000Z"]);
    expect(nudgeTimes(meeting, { ...branch, nudgeMax: 0 })).toEqual([]);
    // A one-day window has no room for a nudge a day before.
    expect(nudgeTimes(meeting, { ...branch, selfEvalDaysBefore: 1, nudgeMax: 3 })).toEqual([]);
    // Without quiet hours the night is allowed.
    expect(nudgeTimes(meeting, { ...branch, nudgeIntervalHours: 12, quietStart: 0, quietEnd: 0 }).map((n) => iso(n.at))).toEqual([
      "2026-12-02T07:00:00.000Z",
      "2026-12-02T19:00:00.000Z",
    ]);
  });

  it("after downtime only the latest due nudge is sent", () => {
    const nudges = nudgeTimes(meeting, branch);
    expect(dueNudge(nudges, new Date("2026-11-30T00:00:00Z"))).toBeNull();
    expect(dueNudge(nudges, new Date("2026-12-02T08:00:00Z"))?.ordinal).toBe(2);
  });

  it("a message waits for the end of quiet hours, unless that is too late", () => {
    const before = new Date("2026-12-25T16:59:59Z");
    expect(iso(sendTime(new Date("2026-12-11T17:00:00Z"), branch, before))).toBe("2026-12-12T00:00:00.000Z");
    expect(iso(sendTime(new Date("2026-12-11T05:00:00Z"), branch, before))).toBe("2026-12-11T05:00:00.000Z");
    expect(sendTime(new Date("2026-12-25T15:00:00Z"), branch, before)).toBeNull();
  });
});

describe("typed text", () => {
  it("is trimmed, counted as people count, and refused when empty, too long, a number or too short", () => {
    expect(checkText("  Đi làm   đúng giờ \n mỗi ngày ", { max: 500, singleLine: true })).toEqual({ ok: true, value: "Đi làm đúng giờ mỗi ngày" });
    expect(checkText("🇻🇳".repeat(10) + " tiết kiệm", { max: 20 })).toMatchObject({ ok: true });
    expect(checkText("a".repeat(501), { max: 500 })).toEqual({ ok: false, key: "commitment-input-too-long", args: { count: 501, max: 500 } });
    expect(checkText("   ", { max: 500 })).toMatchObject({ ok: false, key: "commitment-input-empty" });
    expect(checkText("-1", { max: 500 })).toMatchObject({ ok: false, key: "commitment-input-number" });
    expect(checkText("99999999999999999999", { max: 500 })).toMatchObject({ ok: false, key: "commitment-input-number" });
    expect(checkText("ok", { max: 500, minLetters: 5 })).toMatchObject({ ok: false, key: "commitment-input-too-short" });
    expect(checkText("<b>in đậm</b> & <script>", { max: 500 })).toMatchObject({ ok: true, value: "<b>in đậm</b> & <script>" });
  });

  it("button labels show the start of a long text", () => {
    expect(shorten("Tiết kiệm điện, nước, văn phòng phẩm tại phòng làm việc", 20)).toBe("Tiết kiệm điện, nướ…");
    expect(shorten("Ngắn gọn")).toBe("Ngắn gọn");
  });

  it("the commitment count setting reads ranges as typed", () => {
    expect(parseCountRange("1-5")).toEqual({ ok: true, value: { commitmentMin: 1, commitmentMax: 5 } });
    expect(parseCountRange("từ 2 đến 4 việc")).toEqual({ ok: true, value: { commitmentMin: 2, commitmentMax: 4 } });
    expect(parseCountRange("3 – 3")).toEqual({ ok: true, value: { commitmentMin: 3, commitmentMax: 3 } });
    for (const bad of ["5-2", "0-3", "1-11"]) expect(parseCountRange(bad)).toMatchObject({ ok: false, problem: "commitment-setting-count-range" });
    for (const bad of ["3", "nhiều", "", "1-2-3"]) expect(parseCountRange(bad)).toMatchObject({ ok: false, problem: "commitment-setting-count-format" });
  });
});

describe("revision requests", () => {
  const at = (s: string) => new Date(s);
  const c: Commitment = {
    id: "c1",
    periodId: "p",
    memberId: "m",
    text: "x",
    position: 1,
    standardId: null,
    status: "SUBMITTED",
    submittedAt: at("2026-11-01T00:00:00Z"),
    changedAt: null,
    deletedAt: null,
    createdAt: at("2026-11-01T00:00:00Z"),
    updatedAt: at("2026-11-01T00:00:00Z"),
  };
  const review = (kind: "COMMENT" | "REVISION", when: string): CommitmentReview => ({ id: when, commitmentId: "c1", authorId: "s", kind, text: "t", createdAt: at(when) });

  it("are open until the member edits after them; comments never are", () => {
    expect(openRevision(c, [review("COMMENT", "2026-11-02T00:00:00Z")])).toBeNull();
    expect(openRevision(c, [review("REVISION", "2026-11-02T00:00:00Z")])?.id).toBe("2026-11-02T00:00:00Z");
    expect(openRevision({ ...c, changedAt: at("2026-11-03T00:00:00Z") }, [review("REVISION", "2026-11-02T00:00:00Z")])).toBeNull();
    expect(openRevision({ ...c, changedAt: at("2026-11-03T00:00:00Z") }, [review("REVISION", "2026-11-04T00:00:00Z")])).not.toBeNull();
  });
});
