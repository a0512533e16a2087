// Who was expected at past meetings and how they answered: the private warnings (Điều lệ Đảng,
// Điều 8: missing meetings without good reason) and the participation chart read the same rules.
import { DateTime } from "luxon";
import type { Member } from "../model.ts";
import type { Meeting, Rsvp } from "../meetings.ts";
import type { AttendanceRow, MeetingHistory } from "../../ports/digests.ts";

/** Absences without reason or unanswered meetings within the window that earn a private warning. */
export const ABSENCE_WARNING_COUNT = 3;
export const ABSENCE_WINDOW_MONTHS = 12;

/** On the branch's roll when the meeting started (joined before, not removed or erased by then). */
export function onRollAt(member: Member, at: Date): boolean {
  return member.status !== "ERASED" && member.joinedAt <= at && (member.removedAt === null || member.removedAt > at);
}

/** Expected at a meeting: on the roll and not exempted (miễn sinh hoạt). */
export function expectedAt(member: Member, meeting: Meeting): boolean {
  return !member.exempted && onRollAt(member, meeting.startsAt);
}

export type Outcome = "present" | "excused" | "absent-no-reason" | "no-answer" | "attending";

/**
 * How one member's meeting went. Recorded attendance wins over the answer: present is present;
 * absent is excused only with a reported reason (vắng mặt có lý do). Without attendance the answer
 * stands, and no answer at all counts against the member.
 */
export function outcomeOf(rsvp: Rsvp | undefined, attendance: AttendanceRow | undefined): Outcome {
  if (attendance) {
    if (attendance.present) return "present";
    return rsvp?.answer === "ABSENT" ? "excused" : "absent-no-reason";
  }
  if (!rsvp) return "no-answer";
  return rsvp.answer === "ABSENT" ? "excused" : "attending";
}

export interface AbsenceCount {
  memberId: string;
  noReason: number;
  noAnswer: number;
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

/** Per active member, the meetings in (from, to] missed without reason or left unanswered. */
export function absenceCounts(history: MeetingHistory, from: Date, to: Date): AbsenceCount[] {
  const ix = index(history);
  const out: AbsenceCount[] = [];
  for (const member of history.members) {
    if (member.status !== "ACTIVE") continue;
    const count: AbsenceCount = { memberId: member.id, noReason: 0, noAnswer: 0 };
    for (const meeting of history.meetings) {
      if (meeting.startsAt <= from || meeting.startsAt > to || !expectedAt(member, meeting)) continue;
      const { rsvp, attendance } = at(ix, meeting.id, member.id);
      const outcome = outcomeOf(rsvp, attendance);
      if (outcome === "absent-no-reason") count.noReason++;
      if (outcome === "no-answer") count.noAnswer++;
    }
    if (count.noReason + count.noAnswer > 0) out.push(count);
  }
  return out;
}

/** The members to warn about, most missed first. */
export function absenceWarnings(history: MeetingHistory, now: Date, zone: string): AbsenceCount[] {
  const from = DateTime.fromJSDate(now, { zone }).minus({ months: ABSENCE_WINDOW_MONTHS }).toJSDate();
  return absenceCounts(history, from, now)
    .filter((c) => c.noReason + c.noAnswer >= ABSENCE_WARNING_COUNT)
    .sort((a, b) => b.noReason + b.noAnswer - (a.noReason + a.noAnswer));
}

export interface MonthParticipation {
  /** "2026-01", in the branch's time zone. */
  month: string;
  meetings: number;
  /** Answered Tham dự. */
  attend: number;
  /** Answered Vắng mặt (with a reason). */
  absent: number;
  /** Expected and did not answer. */
  noAnswer: number;
}

/** The answers to the branch's meetings, month by month, for the `months` months ending with `now`'s. */
export function participationByMonth(history: MeetingHistory, zone: string, now: Date, months = 12): MonthParticipation[] {
  const last = DateTime.fromJSDate(now, { zone }).startOf("month");
  const series: MonthParticipation[] = [];
  for (let i = months - 1; i >= 0; i--) series.push({ month: last.minus({ months: i }).toFormat("yyyy-MM"), meetings: 0, attend: 0, absent: 0, noAnswer: 0 });
  const byMonth = new Map(series.map((s) => [s.month, s]));
  const ix = index(history);
  for (const meeting of history.meetings) {
    if (meeting.startsAt > now) continue;
    const bucket = byMonth.get(DateTime.fromJSDate(meeting.startsAt, { zone }).toFormat("yyyy-MM"));
    if (!bucket) continue;
    bucket.meetings++;
    for (const member of history.members) {
      if (!onRollAt(member, meeting.startsAt)) continue;
      const { rsvp } = at(ix, meeting.id, member.id);
      if (rsvp?.answer === "ATTEND") bucket.attend++;
      else if (rsvp?.answer === "ABSENT") bucket.absent++;
      else if (!member.exempted) bucket.noAnswer++;
    }
  }
  return series;
}
