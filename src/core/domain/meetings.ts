// Meeting records as the core sees them; they mirror MeetingRule, Meeting, ReminderOffset and Rsvp in
// prisma/models.prisma field for field.
import { visibleLength } from "../text.ts";
import type { MeetingKind, MeetingStatus, RsvpAnswer, RuleKind } from "./model.ts";

export interface MeetingRule {
  branchId: string;
  kind: RuleKind;
  dayOfMonth: number | null;
  weekday: number | null;
  nth: number | null;
  timeOfDay: number;
  place: string | null;
  topic: string | null;
  shiftHolidays: boolean;
  updatedAt: Date;
}

export interface Meeting {
  id: string;
  branchId: string;
  kind: MeetingKind;
  status: MeetingStatus;
  /** "2026-12" for the rule's meeting of that month; null for a meeting added by hand. */
  occurrence: string | null;
  startsAt: Date;
  place: string | null;
  topic: string | null;
  cancelReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Rsvp {
  id: string;
  meetingId: string;
  memberId: string;
  answer: RsvpAnswer;
  /** Required for ABSENT (vắng mặt có lý do). */
  reason: string | null;
  answeredAt: Date;
}

/** Whether a member came to a meeting, as the secretary recorded it (/diemdanh). */
export interface AttendanceRow {
  meetingId: string;
  memberId: string;
  present: boolean;
  /** Absent with this reason, as recorded at the meeting. */
  reason: string | null;
  recordedById: string | null;
  recordedAt: Date;
}

/** 3 days, 1 day and 2 hours before, until an admin changes them with /nhacnho. */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [3 * 1440, 1440, 120];
export const MAX_REMINDER_OFFSETS = 5;
export const MIN_OFFSET_MINUTES = 15;
export const MAX_OFFSET_MINUTES = 30 * 1440;
/** An absence reason is a sentence or two, not a letter. */
export const MAX_REASON_CHARS = 500;
export const MAX_PLACE_CHARS = 200;
export const MAX_TOPIC_CHARS = 200;

/** What is wrong with an absence reason (given with an answer or at /diemdanh), or null. */
export function reasonProblem(reason: string): string | null {
  if (!/[\p{L}\p{N}]/u.test(reason)) return "meeting-reason-empty";
  if (visibleLength(reason) > MAX_REASON_CHARS) return "meeting-reason-too-long";
  return null;
}
