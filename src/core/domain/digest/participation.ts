// Who was expected at past meetings, how they answered and whether they came: the private warnings
// (Điều lệ Đảng, Điều 8: missing meetings without good reason) and the participation chart read the
// same rules.
import { DateTime } from "luxon";
import type { Member } from "../model.ts";
import type { AttendanceRow, Meeting, Rsvp } from "../meetings.ts";

/** Past meetings with their answers and attendance: warnings and the participation chart. */
export interface MeetingHistory {
  meetings: Meeting[];
  rsvps: Rsvp[];
  attendance: AttendanceRow[];
  /** Every member the branch had in the span (active and removed; erased ones are anonymous). */
  members: Member[];
}

/**
 * Điều lệ Đảng, Điều 8: a member who misses branch meetings for three months in a year without good
 * reason is considered by the branch. Months are counted, not meetings, and only regular meetings
 * (sinh hoạt chi bộ định kỳ), within the calendar year.
 */
export const ABSENCE_WARNING_MONTHS = 3;
/** How far back the warnings may look: the calendar year is at most this long. */
export const ABSENCE_WINDOW_MONTHS = 12;

/** On the branch's roll when the meeting started (joined before, not removed or erased by then). */
export function onRollAt(member: Member, at: Date): boolean {
  return member.status !== "ERASED" && member.joinedAt <= at && (member.removedAt === null || member.removedAt > at);
}

/**
 * Members who erased their data (Decree 13/2023) and had been on the roll at some time in [from, to):
 * their answers and commitments are gone from every count of that span, so the branch is told how
 * many rather than seeing its totals change without a word.
 */
export function erasedDuring(members: readonly Pick<Member, "status" | "joinedAt" | "removedAt">[], from: Date, to: Date): number {
  return members.filter((m) => m.status === "ERASED" && m.joinedAt <= to && (m.removedAt === null || m.removedAt >= from)).length;
}

/** Expected at a meeting: on the roll and not exempted (miễn sinh hoạt). */
export function expectedAt(member: Member, meeting: Meeting): boolean {
  return !member.exempted && onRollAt(member, meeting.startsAt);
}

export type Outcome = "present" | "excused" | "absent-no-reason" | "no-answer" | "attending";

/**
 * How one member's meeting went. Recorded attendance wins over the answer: present is present;
 * absent is excused with a reason recorded at the meeting or reported beforehand (vắng mặt có lý
 * do). Without attendance the answer stands, and no answer at all counts against the member.
 */
export function outcomeOf(rsvp: Rsvp | undefined, attendance: AttendanceRow | undefined): Outcome {
  if (attendance) {
    if (attendance.present) return "present";
    return attendance.reason || rsvp?.answer === "ABSENT" ? "excused" : "absent-no-reason";
  }
  if (!rsvp) return "no-answer";
  return rsvp.answer === "ABSENT" ? "excused" : "attending";
}

/** The reason of an excused absence: recorded at the meeting, else the one the member gave. */
export function reasonOf(rsvp: Rsvp | undefined, attendance: AttendanceRow | undefined): string | null {
  return attendance?.reason || (rsvp?.answer === "ABSENT" ? rsvp.reason : null) || null;
}

/** A member's months missed without reason: "2026-10", in the branch's time zone. */
export interface AbsenceMonths {
  memberId: string;
  months: string[];
}

interface Indexed {
  rsvps: Map<string, Rsvp>;
  attendance: Map<string, AttendanceRow>;
}

function index(history: MeetingHistory): Indexed {
  const key = (meetingId: string, memberId: string) => `${meetingId}:${memberId}`;
  return {
    rsvps: new Map(history.rsvps.map((r) => [key(r.meetingId, r.memberId), r])),
    attendance: new Map(history.attendance.map((a) => [key(a.meetingId, a.memberId), a])),
  };
}

const at = (ix: Indexed, meetingId: string, memberId: string) => ({
  rsvp: ix.rsvps.get(`${meetingId}:${memberId}`),
  attendance: ix.attendance.get(`${meetingId}:${memberId}`),
});

/**
 * Per active member, the months of `now`'s year (in the branch's zone) with a regular meeting they
 * were expected at and missed without reason (recorded absent without one, or, where attendance was
 * not recorded, never answered), up to `now`.
 */
export function absenceMonths(history: MeetingHistory, now: Date, zone: string): AbsenceMonths[] {
  const ix = index(history);
  const year = DateTime.fromJSDate(now, { zone }).year;
  const out: AbsenceMonths[] = [];
  for (const member of history.members) {
    if (member.status !== "ACTIVE") continue;
    const months = new Set<string>();
    for (const meeting of history.meetings) {
      if (meeting.kind !== "REGULAR" || meeting.startsAt > now || !expectedAt(member, meeting)) continue;
      const local = DateTime.fromJSDate(meeting.startsAt, { zone });
      if (local.year !== year) continue;
      const { rsvp, attendance } = at(ix, meeting.id, member.id);
      const outcome = outcomeOf(rsvp, attendance);
      if (outcome === "absent-no-reason" || outcome === "no-answer") months.add(local.toFormat("yyyy-MM"));
    }
    if (months.size) out.push({ memberId: member.id, months: [...months].sort() });
  }
  return out;
}

/** The members to warn about (three months or more), most months first. */
export function absenceWarnings(history: MeetingHistory, now: Date, zone: string): AbsenceMonths[] {
  return absenceMonths(history, now, zone)
    .filter((c) => c.months.length >= ABSENCE_WARNING_MONTHS)
    .sort((a, b) => b.months.length - a.months.length);
}

export interface MonthParticipation {
  /** "2026-01", in the branch's time zone. */
  month: string;
  /** The branch did not exist yet: nothing to show (not "no meeting"). */
  beforeStart: boolean;
  meetings: number;
  /** Meetings of the month with recorded attendance; the others count by the answers. */
  recorded: number;
  /** Present (recorded), or answered Tham dự. */
  present: number;
  /** Absent with a reason: recorded with one, or answered Vắng mặt. */
  excused: number;
  /** Recorded absent without a reason, or expected and did not answer. */
  missing: number;
}

/**
 * The branch's meetings month by month, for the `months` months ending with `now`'s: recorded
 * attendance where it was recorded, the answers otherwise. Months before `since` (the branch's
 * creation) are marked so the chart leaves them empty.
 */
export function participationByMonth(history: MeetingHistory, zone: string, now: Date, months = 12, since: Date | null = null): MonthParticipation[] {
  const last = DateTime.fromJSDate(now, { zone }).startOf("month");
  const first = since ? DateTime.fromJSDate(since, { zone }).toFormat("yyyy-MM") : "";
  const series: MonthParticipation[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const month = last.minus({ months: i }).toFormat("yyyy-MM");
    series.push({ month, beforeStart: month < first, meetings: 0, recorded: 0, present: 0, excused: 0, missing: 0 });
  }
  const byMonth = new Map(series.map((s) => [s.month, s]));
  const ix = index(history);
  const recorded = new Set(history.attendance.map((a) => a.meetingId));
  for (const meeting of history.meetings) {
    if (meeting.startsAt > now) continue;
    const bucket = byMonth.get(DateTime.fromJSDate(meeting.startsAt, { zone }).toFormat("yyyy-MM"));
    if (!bucket) continue;
    bucket.meetings++;
    if (recorded.has(meeting.id)) bucket.recorded++;
    for (const member of history.members) {
      if (!onRollAt(member, meeting.startsAt)) continue;
      const { rsvp, attendance } = at(ix, meeting.id, member.id);
      // A member without a row on a recorded meeting joined after it was recorded.
      if (recorded.has(meeting.id) && !attendance) continue;
      const outcome = outcomeOf(rsvp, attendance);
      if (outcome === "present" || outcome === "attending") bucket.present++;
      else if (outcome === "excused") bucket.excused++;
      else if (!member.exempted) bucket.missing++;
    }
  }
  return series;
}
