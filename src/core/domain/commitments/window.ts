// The self-evaluation window of a meeting: it opens `selfEvalDaysBefore` days before the meeting and
// closes when the meeting starts. Nudges to those who have not answered count back from the close,
// so the last one says "a day left" rather than coming the day after the opening message.
import type { Branch } from "../model.ts";
import type { Meeting } from "../meetings.ts";
import { afterQuietHours } from "../calendar/quiet.ts";

export interface EvalWindow {
  meetingId: string;
  opensAt: Date;
  closesAt: Date;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** A nudge right after the opening message would ask twice in a row. */
export const NUDGE_MIN_GAP_MS = 2 * HOUR_MS;

type WindowBranch = Pick<Branch, "selfEvalDaysBefore">;

export function evalWindow(meeting: Pick<Meeting, "id" | "startsAt">, branch: WindowBranch): EvalWindow {
  return {
    meetingId: meeting.id,
    opensAt: new Date(meeting.startsAt.getTime() - branch.selfEvalDaysBefore * DAY_MS),
    closesAt: meeting.startsAt,
  };
}

/** Monthly self-evaluation belongs to the regular meeting (sinh hoạt chi bộ định kỳ). */
export function hasSelfEvaluation(meeting: Pick<Meeting, "kind" | "status">): boolean {
  return meeting.kind === "REGULAR" && meeting.status === "SCHEDULED";
}

export function isWindowOpen(meeting: Pick<Meeting, "id" | "startsAt" | "kind" | "status">, branch: WindowBranch, now: Date): boolean {
  if (!hasSelfEvaluation(meeting)) return false;
  const w = evalWindow(meeting, branch);
  return w.opensAt <= now && now < w.closesAt;
}

export interface Nudge {
  /** 1 for the first nudge. */
  ordinal: number;
  at: Date;
}

type NudgeBranch = WindowBranch & Pick<Branch, "nudgeMax" | "nudgeIntervalHours" | "quietStart" | "quietEnd" | "timezone">;

/** When each nudge goes: every `nudgeIntervalHours` counting back from the meeting, out of quiet hours. */
export function nudgeTimes(meeting: Pick<Meeting, "id" | "startsAt">, branch: NudgeBranch): Nudge[] {
  const w = evalWindow(meeting, branch);
  if (branch.nudgeMax <= 0 || branch.nudgeIntervalHours <= 0) return [];
  const quiet = { start: branch.quietStart, end: branch.quietEnd };
  const out: Nudge[] = [];
  for (let back = branch.nudgeMax; back >= 1; back--) {
    const nominal = new Date(w.closesAt.getTime() - back * branch.nudgeIntervalHours * HOUR_MS);
    const at = afterQuietHours(nominal, branch.timezone, quiet);
    if (at.getTime() < w.opensAt.getTime() + NUDGE_MIN_GAP_MS || at >= w.closesAt) continue;
    if (out.length && at.getTime() - out.at(-1)!.at.getTime() < NUDGE_MIN_GAP_MS) continue;
    out.push({ ordinal: out.length + 1, at });
  }
  return out;
}

/** The nudge to send at `now`: the latest whose time has come (after downtime, earlier ones are skipped). */
export function dueNudge(nudges: Nudge[], now: Date): Nudge | null {
  return nudges.filter((n) => n.at <= now).at(-1) ?? null;
}

/**
 * When a message may go out: now, or the end of quiet hours. Null when that is no longer before
 * `before` (the deadline or the meeting): a message that can only arrive too late is not sent.
 */
export function sendTime(now: Date, branch: Pick<Branch, "quietStart" | "quietEnd" | "timezone">, before: Date): Date | null {
  const at = afterQuietHours(now, branch.timezone, { start: branch.quietStart, end: branch.quietEnd });
  return at < before ? at : null;
}
