// Commitment records as the core sees them; they mirror CommitmentPeriod, EthicalStandard,
// Commitment, CommitmentReview, SelfEvaluation(+Item), YearEndReview and YearEndRating in
// prisma/models.prisma field for field.
import type { CommitmentStatus, EvaluationStatus, PeriodStatus, Progress, RatingLevel, ReviewKind } from "../model.ts";

export interface CommitmentPeriod {
  id: string;
  branchId: string;
  name: string;
  startsAt: Date;
  /** Registration (and editing) is open until this moment. */
  deadline: Date;
  endsAt: Date;
  status: PeriodStatus;
  createdAt: Date;
}

/** One of the branch's chuẩn mực đạo đức. */
export interface EthicalStandard {
  id: string;
  branchId: string;
  text: string;
  position: number;
  archivedAt: Date | null;
}

export interface Commitment {
  id: string;
  periodId: string;
  memberId: string;
  text: string;
  position: number;
  standardId: string | null;
  status: CommitmentStatus;
  submittedAt: Date | null;
  /** Set when the text changed after submission: the secretaries see it. */
  changedAt: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CommitmentReview {
  id: string;
  commitmentId: string;
  authorId: string;
  kind: ReviewKind;
  text: string;
  createdAt: Date;
}

export interface SelfEvaluation {
  id: string;
  memberId: string;
  meetingId: string;
  status: EvaluationStatus;
  reflection: string | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SelfEvaluationItem {
  id: string;
  evaluationId: string;
  commitmentId: string;
  progress: Progress;
  note: string | null;
}

export interface YearEndReview {
  id: string;
  branchId: string;
  year: number;
  openedAt: Date;
  closesAt: Date | null;
  openedById: string | null;
}

export interface YearEndRating {
  id: string;
  memberId: string;
  year: number;
  level: RatingLevel;
  reason: string;
  submittedAt: Date;
}

export const PROGRESS_VALUES: readonly Progress[] = ["DONE", "IN_PROGRESS", "NOT_YET"];
/** Best first, as Quy định 366-QĐ/TW lists them. */
export const RATING_LEVELS: readonly RatingLevel[] = ["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"];

/** One concrete action fits in a sentence or two. */
export const MAX_COMMITMENT_CHARS = 500;
/** The short note after a progress answer. */
export const MAX_NOTE_CHARS = 300;
/** Liên hệ bản thân: a paragraph. */
export const MAX_REFLECTION_CHARS = 1000;
/** A secretary's comment or revision request. */
export const MAX_REVIEW_CHARS = 1000;
/** The reason given with a proposed year-end level. */
export const MAX_RATING_REASON_CHARS = 1000;
/** A chuẩn mực đạo đức is short, easy to remember. */
export const MAX_STANDARD_CHARS = 200;
export const MAX_STANDARDS = 12;

/** Limits an admin may set (Branch.commitmentMin/Max and the windows). */
export const COMMITMENT_COUNT_LIMIT = 10;
export const REMINDER_DAYS_RANGE = { min: 1, max: 60 } as const;
export const SELF_EVAL_DAYS_RANGE = { min: 1, max: 14 } as const;
/** The self-evaluation flow outlives the longest window, so the window's close, not expiry, ends it. */
export const SELF_EVAL_FLOW_TTL_HOURS = (SELF_EVAL_DAYS_RANGE.max + 1) * 24;
