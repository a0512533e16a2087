// Read models for secretaries' digests, attendance and exports. They read the tables the meetings,
// commitments and self-evaluation features write straight from storage (sharing only their record
// types), so a digest is a few queries; attendance (/diemdanh) is the one thing written here.
import type { Commitment, CommitmentPeriod, SelfEvaluation, SelfEvaluationItem } from "../domain/commitments/model.ts";
import type { MeetingHistory } from "../domain/digest/participation.ts";
import type { AttendanceRow, Meeting, Rsvp } from "../domain/meetings.ts";
import type { Branch, Member } from "../domain/model.ts";
import type { Platform } from "../types.ts";

// Records of the domain this port reads and writes, named here too for its users.
export type { AttendanceRow, MeetingHistory };

/** What the digest job writes to the audit log; the latest one bounds "changed since the last digest". */
export const DIGEST_SENT_ACTION = "digest.sent";

export type PeriodRow = Pick<CommitmentPeriod, "id" | "name" | "startsAt" | "deadline" | "endsAt" | "status">;

export type CommitmentRow = Pick<Commitment, "id" | "periodId" | "memberId" | "text" | "position" | "status" | "submittedAt" | "changedAt" | "deletedAt">;

export interface EvaluationItemRow extends Pick<SelfEvaluationItem, "commitmentId" | "progress" | "note"> {
  commitmentText: string;
}

export interface EvaluationRow extends Pick<SelfEvaluation, "id" | "memberId" | "meetingId" | "status" | "reflection" | "submittedAt"> {
  items: EvaluationItemRow[];
}

/** One chat of a member, as far as reaching them goes. */
export interface ChatRow {
  memberId: string;
  platform: Platform;
  active: boolean;
}

/** Messages to a member that could not be delivered lately (no chat, chat blocked). */
export interface UndeliveredRow {
  memberId: string;
  count: number;
}

/** Everything one digest reads, fetched in one go. */
export interface DigestSource {
  /** The branch's active members. */
  members: Member[];
  rsvps: Rsvp[];
  attendance: AttendanceRow[];
  /** The commitment period the meeting falls in (else the latest open one). */
  period: PeriodRow | null;
  /** The period's commitments, drafts and deleted ones included. */
  commitments: CommitmentRow[];
  /** Self-evaluations for the meeting. */
  evaluations: EvaluationRow[];
  /** The branch's previous meeting that had self-evaluations, with them. */
  previous: { meeting: Meeting; evaluations: EvaluationRow[] } | null;
  history: MeetingHistory;
  chats: ChatRow[];
  undelivered: UndeliveredRow[];
  /** Messages to the branch's members waiting for a bot's monthly quota, by priority (see services/priority.ts). */
  quotaHeld: Array<{ priority: number; count: number }>;
  /** When the branch's last scheduled digest went out (for "changed since the last digest"). */
  lastDigestAt: Date | null;
}

export interface ExportRange {
  from: Date;
  to: Date;
  /** Commitments of these periods; when absent, of the periods overlapping the range. */
  periodIds?: string[];
}

export interface ExportData {
  meetings: Meeting[];
  members: Member[];
  rsvps: Rsvp[];
  attendance: AttendanceRow[];
  periods: PeriodRow[];
  /** Submitted, not deleted. */
  commitments: CommitmentRow[];
  /** Submitted. */
  evaluations: EvaluationRow[];
  /** Members who erased their data and had been on the roll during the range (not in the tables). */
  erased: number;
}

export interface DigestRepo {
  /** Scheduled meetings of every branch starting in [from, to), in order, with their branch (the digest job). */
  meetingsStarting(from: Date, to: Date): Promise<Array<{ meeting: Meeting; branch: Branch }>>;
  /** Active secretaries of these branches. */
  secretaries(branchIds: string[]): Promise<Member[]>;
  /** The branch's meeting with this id; null when it is another branch's or does not exist. */
  meeting(branchId: string, meetingId: string): Promise<Meeting | null>;
  /** The branch's next scheduled meeting starting after `after`. */
  nextMeeting(branchId: string, after: Date): Promise<Meeting | null>;
  /** The branch's scheduled meetings that started at or before `at`, newest first. */
  startedMeetings(branchId: string, at: Date, limit: number): Promise<Meeting[]>;
  /** What a digest of `meeting` (or of no meeting) needs, as of `now`. */
  source(branchId: string, meeting: Meeting | null, now: Date, historyFrom: Date): Promise<DigestSource>;
  /** Answers and attendance of the branch's meetings starting in [from, to]. */
  history(branchId: string, from: Date, to: Date): Promise<MeetingHistory>;
  attendance(meetingId: string): Promise<AttendanceRow[]>;
  /** Records who was present; replaces what was recorded for these members before. */
  saveAttendance(meetingId: string, entries: Array<{ memberId: string; present: boolean; reason: string | null }>, recordedById: string, at: Date): Promise<void>;
  /** The branch's commitment periods, newest first. */
  periods(branchId: string, limit: number): Promise<PeriodRow[]>;
  exportData(branchId: string, range: ExportRange): Promise<ExportData>;
}
