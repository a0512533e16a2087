// Commitment periods, ethical standards, commitments, reviews, self-evaluations and year-end ratings.
import type {
  Commitment,
  CommitmentPeriod,
  CommitmentReview,
  EthicalStandard,
  SelfEvaluation,
  SelfEvaluationItem,
  YearEndRating,
  YearEndReview,
} from "../domain/commitments/model.ts";
import type { EvaluationStatus, FlowState, Progress, RatingLevel, ReviewKind } from "../domain/model.ts";

/** A period as created: it starts OPEN, stamped now. */
export type NewPeriod = Omit<CommitmentPeriod, "status" | "createdAt">;

export interface NewCommitment {
  periodId: string;
  memberId: string;
  text: string;
  standardId: string | null;
  at: Date;
}

export type CommitmentPatch = Partial<Pick<Commitment, "text" | "standardId" | "changedAt">>;

export interface NewReview {
  commitmentId: string;
  authorId: string;
  kind: ReviewKind;
  text: string;
  at: Date;
}

export interface EvaluationWithItems extends SelfEvaluation {
  items: SelfEvaluationItem[];
  /** When the evaluated meeting started (or starts). */
  meetingStartsAt: Date;
}

export interface SaveEvaluation {
  memberId: string;
  meetingId: string;
  status: EvaluationStatus;
  reflection: string | null;
  items: Array<{ commitmentId: string; progress: Progress; note: string | null }>;
  at: Date;
}

export interface CommitmentRepo {
  // Periods
  periods(branchId: string): Promise<CommitmentPeriod[]>;
  periodById(id: string): Promise<CommitmentPeriod | null>;
  periodsByIds(ids: string[]): Promise<CommitmentPeriod[]>;
  createPeriod(input: NewPeriod): Promise<CommitmentPeriod>;
  updatePeriod(id: string, patch: Partial<Pick<CommitmentPeriod, "deadline" | "status">>): Promise<CommitmentPeriod>;
  /** Open periods of every branch whose deadline is after `now` (the registration reminder). */
  openPeriodsBefore(now: Date): Promise<CommitmentPeriod[]>;

  // Chuẩn mực đạo đức
  standards(branchId: string): Promise<EthicalStandard[]>;
  standardById(id: string): Promise<EthicalStandard | null>;
  addStandard(branchId: string, text: string): Promise<EthicalStandard>;
  updateStandard(id: string, text: string): Promise<EthicalStandard>;
  archiveStandard(id: string, at: Date): Promise<void>;

  // Commitments (deleted ones are never returned)
  commitmentById(id: string): Promise<Commitment | null>;
  /** A member's commitments in a period, in their order. */
  commitmentsOf(memberId: string, periodId: string): Promise<Commitment[]>;
  /** Every member's commitments in a period. */
  commitmentsIn(periodId: string): Promise<Commitment[]>;
  /** How many commitments each member has sent in these periods (the jobs, in batches). */
  submittedCounts(periodIds: string[]): Promise<Array<{ periodId: string; memberId: string; count: number }>>;
  /** Appends a draft at the end of the member's list. */
  addCommitment(input: NewCommitment): Promise<Commitment>;
  updateCommitment(id: string, patch: CommitmentPatch): Promise<Commitment>;
  deleteCommitment(id: string, at: Date): Promise<void>;
  /** Numbers the member's commitments in the order given. */
  reorder(ids: string[]): Promise<void>;
  /** Drafts of the member in the period become SUBMITTED; returns how many. */
  submit(memberId: string, periodId: string, at: Date): Promise<number>;

  // Reviews by the chi ủy
  addReview(input: NewReview): Promise<CommitmentReview>;
  /** Reviews of these commitments, oldest first. */
  reviewsOf(commitmentIds: string[]): Promise<CommitmentReview[]>;

  // Self-evaluations
  evaluation(memberId: string, meetingId: string): Promise<EvaluationWithItems | null>;
  /** Creates or replaces the member's evaluation of a meeting (items included). */
  saveEvaluation(input: SaveEvaluation): Promise<EvaluationWithItems>;
  /** Every evaluation of these meetings, without items. */
  evaluationsOfMeetings(meetingIds: string[]): Promise<SelfEvaluation[]>;
  /** A member's evaluations of meetings starting in [from, to), oldest first. */
  evaluationsOfMember(memberId: string, from: Date, to: Date): Promise<EvaluationWithItems[]>;

  // Year-end review (Quy định 366-QĐ/TW)
  yearReview(branchId: string, year: number): Promise<YearEndReview | null>;
  yearReviewById(id: string): Promise<YearEndReview | null>;
  openYearReview(input: { branchId: string; year: number; closesAt: Date | null; openedById: string | null; at: Date }): Promise<YearEndReview>;
  updateYearReview(id: string, patch: { closesAt: Date | null }): Promise<YearEndReview>;
  rating(memberId: string, year: number): Promise<YearEndRating | null>;
  saveRating(input: { memberId: string; year: number; level: RatingLevel; reason: string; at: Date }): Promise<YearEndRating>;
  /** The proposals of these members for `year` (the overview for the year-end meeting). */
  ratingsOf(memberIds: string[], year: number): Promise<YearEndRating[]>;

  /**
   * Conversations in progress in the named flow (a self-evaluation left half-done when its window
   * closes). Few at any time: one row per chat that is in the flow.
   */
  flowsNamed(flow: string): Promise<FlowState[]>;
}
