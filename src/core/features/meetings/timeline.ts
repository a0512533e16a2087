// When a meeting's reminders and nudges go out: pure arithmetic on the meeting's start, the branch's
// offsets and settings. The job, the /nhacnho preview and the cancel/move notices all read it, so
// what the admin is shown is what happens.
import { afterQuietHours, type QuietHours } from "../../domain/calendar/quiet.ts";

export interface TimelineInput {
  startsAt: Date;
  /** Minutes before the meeting (any order). */
  offsets: number[];
  zone: string;
  quiet: QuietHours;
  nudgeMax: number;
  nudgeIntervalHours: number;
}

export interface TimelineItem {
  kind: "reminder" | "nudge";
  /** The offset in minutes for a reminder, the number (1, 2 …) of a nudge. */
  ordinal: number;
  /** When it goes: the nominal time, or the end of quiet hours when that is still before the meeting. */
  at: Date;
}

/** A nudge this close to a reminder would ask the same question twice in a row, so it is dropped. */
export const COLLIDE_MS = 60 * 60_000;
const MAX_NUDGE_SLOTS = 200;

function quietAdjusted(nominal: Date, input: TimelineInput): Date {
  const moved = afterQuietHours(nominal, input.zone, input.quiet);
  // A meeting held at night keeps its reminder at night rather than lose it.
  return moved < input.startsAt ? moved : nominal;
}

export function reminderTimeline(input: TimelineInput): TimelineItem[] {
  const start = input.startsAt.getTime();
  const reminders: TimelineItem[] = [];
  for (const offset of [...new Set(input.offsets)].filter((o) => o > 0).sort((a, b) => b - a)) {
    const at = quietAdjusted(new Date(start - offset * 60_000), input);
    // Two reminders pushed to the same morning: the nearer one says it all.
    const same = reminders.findIndex((r) => r.at.getTime() === at.getTime());
    if (same >= 0) reminders.splice(same, 1);
    reminders.push({ kind: "reminder", ordinal: offset, at });
  }
  const items = [...reminders];
  const first = reminders[0];
  if (first && input.nudgeMax > 0 && input.nudgeIntervalHours > 0) {
    let n = 0;
    let last = first.at.getTime();
    for (let k = 1; k <= MAX_NUDGE_SLOTS && n < input.nudgeMax; k++) {
      const at = quietAdjusted(new Date(first.at.getTime() + k * input.nudgeIntervalHours * 3_600_000), input).getTime();
      if (at >= start) break;
      // Slots squeezed together by quiet hours (02:00 became 07:00, the next is 08:00) count once.
      if (at - last < (input.nudgeIntervalHours * 3_600_000) / 2) continue;
      if (reminders.some((r) => Math.abs(r.at.getTime() - at) < COLLIDE_MS)) continue;
      n++;
      last = at;
      items.push({ kind: "nudge", ordinal: n, at: new Date(at) });
    }
  }
  return items.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? b.ordinal - a.ordinal : a.kind === "reminder" ? -1 : 1));
}

export interface DueNow {
  /** What should go out now, if anything. */
  current: TimelineItem | null;
  /** Earlier items that are no longer worth sending (after downtime, a later one replaced them). */
  superseded: TimelineItem[];
}

/**
 * The one item due at `now`: the latest whose time has come. Earlier ones are superseded (after
 * downtime only the latest is sent), and an item whose successor comes within the hour waits for it.
 */
export function dueAt(timeline: TimelineItem[], startsAt: Date, now: Date): DueNow {
  if (now >= startsAt) return { current: null, superseded: [] };
  const due = timeline.filter((i) => i.at <= now);
  const next = timeline.find((i) => i.at > now);
  const current = due.at(-1) ?? null;
  if (current && next && next.at.getTime() - now.getTime() < COLLIDE_MS && now.getTime() - current.at.getTime() >= COLLIDE_MS) {
    return { current: null, superseded: due };
  }
  return { current, superseded: due.slice(0, -1) };
}
