// Deterministic outbox keys for everything meetings send. A key names what the message is about, so
// a restart, an overlapping tick or a second instance that plans the same thing finds it already
// queued. Reminder keys carry the meeting's start: a meeting that moves gets fresh reminders.
import type { Branch } from "../../domain/model.ts";
import type { Meeting } from "../../domain/meetings.ts";
import { afterQuietHours } from "../../domain/calendar/quiet.ts";
import { reminderTimeline, type TimelineItem } from "./timeline.ts";

/** The start minute in base 36: short, and different for every time the meeting is moved to. */
export const startKey = (startsAt: Date): string => Math.floor(startsAt.getTime() / 60_000).toString(36);

/** "reminder:<meetingId>:<start>:<offsetMinutes>:<memberId>" or "nudge:<meetingId>:<start>:<n>:<memberId>". */
export const itemKey = (meeting: Pick<Meeting, "id" | "startsAt">, item: Pick<TimelineItem, "kind" | "ordinal">, memberId: string): string =>
  `${item.kind}:${meeting.id}:${startKey(meeting.startsAt)}:${item.ordinal}:${memberId}`;

export const movedKey = (meeting: Pick<Meeting, "id" | "startsAt">, memberId: string): string => `moved:${meeting.id}:${startKey(meeting.startsAt)}:${memberId}`;
export const cancelledKey = (meetingId: string, memberId: string): string => `cancelled:${meetingId}:${memberId}`;
export const shiftedKey = (meetingId: string, adminId: string): string => `shifted:${meetingId}:${adminId}`;

/** The meeting's reminders and nudges under the branch's current settings. */
export function timelineOf(meeting: Pick<Meeting, "startsAt">, branch: Branch, offsets: number[]): TimelineItem[] {
  return reminderTimeline({
    startsAt: meeting.startsAt,
    offsets,
    zone: branch.timezone,
    quiet: { start: branch.quietStart, end: branch.quietEnd },
    nudgeMax: branch.nudgeMax,
    nudgeIntervalHours: branch.nudgeIntervalHours,
  });
}

/** Every key a member could have been sent about this meeting at its current time. */
export function keysOf(meeting: Pick<Meeting, "id" | "startsAt">, timeline: TimelineItem[], memberId: string): string[] {
  return [...timeline.map((i) => itemKey(meeting, i, memberId)), movedKey(meeting, memberId)];
}

/**
 * When a notice caused by an admin's action (a move, a cancellation, a meeting moved off a holiday)
 * should go: now, or when the branch's quiet hours end if that is still before `deadline`.
 */
export function noticeTime(now: Date, branch: Branch, deadline: Date): Date {
  const later = afterQuietHours(now, branch.timezone, { start: branch.quietStart, end: branch.quietEnd });
  return later < deadline ? later : now;
}
