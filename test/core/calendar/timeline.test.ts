import { describe, expect, it } from "vitest";
import { dueAt, reminderTimeline, type TimelineInput } from "../../../src/core/features/meetings/timeline.ts";

const HCM = "Asia/Ho_Chi_Minh";
// 14:00 on Thursday 10/12/2026 in Hà Nội.
const START = new Date("2026-12-10T07:00:00Z");
const input = (over: Partial<TimelineInput> = {}): TimelineInput => ({
  startsAt: START,
  offsets: [4320, 1440, 120],
  zone: HCM,
  quiet: { start: 1260, end: 420 },
  nudgeMax: 2,
  nudgeIntervalHours: 24,
  ...over,
});
const show = (items: ReturnType<typeof reminderTimeline>) => items.map((i) => `${i.kind}:${i.ordinal}@${i.at.toISOString()}`);

describe("reminder timeline", () => {
  it("puts reminders at their offsets and a nudge where it does not collide with one", () => {
    expect(show(reminderTimeline(input()))).toEqual([
      "reminder:4320@2026-12-07T07:00:00.000Z",
      "nudge:1@2026-12-08T07:00:00.000Z",
      // a second nudge would come with the one-day reminder: dropped
      "reminder:1440@2026-12-09T07:00:00.000Z",
      "reminder:120@2026-12-10T05:00:00.000Z",
    ]);
  });

  it("moves what falls in quiet hours to their end, if that is before the meeting", () => {
    // A meeting at 07:30: the two-hour reminder (05:30) goes at 07:00.
    const early = new Date("2026-12-10T00:30:00Z");
    const items = reminderTimeline(input({ startsAt: early, offsets: [120], nudgeMax: 0 }));
    expect(show(items)).toEqual(["reminder:120@2026-12-10T00:00:00.000Z"]);
    // At 06:30, the end of quiet hours is too late: the reminder keeps its time.
    const night = new Date("2026-12-09T23:30:00Z");
    expect(show(reminderTimeline(input({ startsAt: night, offsets: [120], nudgeMax: 0 })))).toEqual(["reminder:120@2026-12-09T21:30:00.000Z"]);
    // Nudges every 6 hours from a 14:00 reminder: 20:00; 02:00 → 07:00; 08:00 is too close to it, so 14:00.
    const nudges = reminderTimeline(input({ startsAt: new Date("2026-12-12T07:00:00Z"), offsets: [3 * 1440], nudgeMax: 3, nudgeIntervalHours: 6 }));
    expect(show(nudges)).toEqual([
      "reminder:4320@2026-12-09T07:00:00.000Z",
      "nudge:1@2026-12-09T13:00:00.000Z",
      "nudge:2@2026-12-10T00:00:00.000Z",
      "nudge:3@2026-12-10T07:00:00.000Z",
    ]);
  });

  it("never sends two reminders moved to the same morning", () => {
    // 22:00 and 23:00 the day before a 09:00 meeting both land at 07:00: the nearer one is kept.
    const items = reminderTimeline(input({ startsAt: new Date("2026-12-10T02:00:00Z"), offsets: [660, 600], nudgeMax: 0 }));
    expect(show(items)).toEqual(["reminder:600@2026-12-10T00:00:00.000Z"]);
  });

  it("says what is due now: one item, the latest, and which earlier ones were replaced", () => {
    const items = reminderTimeline(input());
    expect(dueAt(items, START, new Date("2026-12-07T06:59:00Z")).current).toBeNull();
    expect(dueAt(items, START, new Date("2026-12-07T07:00:00Z")).current).toMatchObject({ kind: "reminder", ordinal: 4320 });
    expect(dueAt(items, START, new Date("2026-12-08T08:00:00Z")).current).toMatchObject({ kind: "nudge", ordinal: 1 });
    // Down from before the first reminder until after the one-day one: only the latest goes.
    const late = dueAt(items, START, new Date("2026-12-09T10:00:00Z"));
    expect(late.current).toMatchObject({ kind: "reminder", ordinal: 1440 });
    expect(late.superseded.map((i) => `${i.kind}:${i.ordinal}`)).toEqual(["reminder:4320", "nudge:1"]);
    // Late for the one-day reminder with the two-hour one coming within the hour: wait for it.
    expect(dueAt(items, START, new Date("2026-12-10T04:30:00Z")).current).toBeNull();
    expect(dueAt(items, START, START).current).toBeNull();
  });
});
