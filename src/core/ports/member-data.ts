// What the bot holds about one member, as rows (/dulieu turns them into a file a person can read),
// and what erasure needs to take them out of the messages and audit entries kept for others.
import type { Progress } from "../domain/model.ts";
import type { EvaluationStatus, Member, OutboxStatus, RatingLevel, ReviewKind, CommitmentStatus, MeetingKind, RsvpAnswer } from "../domain/model.ts";
import type { Platform } from "../types.ts";

export interface MemberChatRow {
  platform: Platform;
  /** The bot account's label ("Bot Chi bộ Khu phố 3"). */
  bot: string | null;
  /** The platform's own ids of the person and of the chat. */
  userId: string;
  chatId: string;
  displayName: string | null;
  locale: string | null;
  active: boolean;
  inactiveReason: string | null;
  createdAt: Date;
  lastSeenAt: Date | null;
}

export interface MemberCommitmentRow {
  period: { name: string };
  position: number;
  text: string;
  standard: string | null;
  status: CommitmentStatus;
  createdAt: Date;
  submittedAt: Date | null;
  changedAt: Date | null;
  /** Deleted by the member: kept (marked) so the secretaries see what changed. */
  deletedAt: Date | null;
  /** The secretaries' comments on it. */
  comments: Array<{ kind: ReviewKind; text: string; createdAt: Date }>;
}

export interface MemberData {
  member: Member;
  branch: { name: string; timezone: string };
  chats: MemberChatRow[];
  answers: Array<{ meetingAt: Date; kind: MeetingKind; topic: string | null; answer: RsvpAnswer; reason: string | null; answeredAt: Date }>;
  attendance: Array<{ meetingAt: Date; present: boolean; reason: string | null; recordedAt: Date }>;
  /** Drafts and deleted ones included. */
  commitments: MemberCommitmentRow[];
  /** Comments they wrote on others' commitments, as a secretary. */
  commentsWritten: Array<{ kind: ReviewKind; text: string; createdAt: Date }>;
  evaluations: Array<{
    meetingAt: Date;
    status: EvaluationStatus;
    reflection: string | null;
    submittedAt: Date | null;
    items: Array<{ commitment: string; progress: Progress; note: string | null }>;
  }>;
  ratings: Array<{ year: number; level: RatingLevel; reason: string; submittedAt: Date }>;
  /** Audit entries they made, or about them (details.memberId). */
  audit: Array<{ at: Date; action: string; byThem: boolean; actorLabel: string; details: unknown }>;
  /** Messages to them not delivered yet (waiting, or held while a chat blocked the bot). */
  pendingMessages: Array<{ createdAt: Date; notBefore: Date; status: OutboxStatus; platform: Platform; text: string; files: string[] }>;
  /** Lines about them waiting for the chi ủy's daily notice. */
  pendingNotices: Array<{ createdAt: Date; text: string }>;
  /** Conversations left unfinished in their chats (a draft being typed, a question not answered). */
  drafts: Array<{ flow: string; step: string; data: unknown; updatedAt: Date; expiresAt: Date }>;
}

/** Takes one erased member out of a stored text or JSON value; returns the value unchanged when they are not in it. */
export interface Redactor {
  /** An outbox payload (text, choices, files); null when nothing of theirs is in it. */
  message(payload: unknown): unknown | null;
  /** Any JSON value (audit details, an open question's text and choices); null when unchanged. */
  value(value: unknown): unknown | null;
}

export interface ErasePlan {
  at: Date;
  /** The name the kept row takes ("(đã xóa)"). */
  placeholderName: string;
  /** What the audit log says instead of who they were ("Đồng chí đã xóa dữ liệu #k3x9q2"). */
  pseudonym: string;
  /** Their chats as the audit log labelled them ("telegram:123"), operators' labels left out. */
  actorLabels: string[];
  /** Chats besides the branch's members' that may have been told about them (the operators'). */
  extraIdentityIds: string[];
  redact: Redactor;
}
