// What the self-evaluation flow, its buttons and its jobs share: which meeting's window is open,
// which commitments it asks about, and keeping half-done answers when the window closes.
import type { Commitment } from "../../domain/commitments/model.ts";
import { SELF_EVAL_DAYS_RANGE } from "../../domain/commitments/model.ts";
import { evaluatedYear, yearPeriodId } from "../../domain/commitments/period.ts";
import { evalWindow, hasSelfEvaluation, isWindowOpen } from "../../domain/commitments/window.ts";
import type { Meeting } from "../../domain/meetings.ts";
import type { Branch, Progress } from "../../domain/model.ts";
import type { Tx } from "../../ports/store.ts";

const DAY_MS = 86_400_000;
/** How far ahead /tudanhgia looks for the next window to announce. */
const ANNOUNCE_AHEAD_DAYS = 62;

export interface EvalItemAnswer {
  id: string;
  progress?: Progress;
  note?: string | null;
}

export interface EvalAnswers {
  meetingId: string;
  items: EvalItemAnswer[];
  /** Undefined until the reflection step was answered (null: skipped). */
  reflection?: string | null;
}

/** The meeting whose window is open now (the earliest, should two overlap). */
export async function openWindowMeeting(tx: Tx, branch: Branch, now: Date): Promise<Meeting | null> {
  const to = new Date(now.getTime() + (SELF_EVAL_DAYS_RANGE.max + 1) * DAY_MS);
  const meetings = await tx.meetings.inRange(branch.id, now, to);
  return meetings.find((m) => isWindowOpen(m, branch, now)) ?? null;
}

/** The next regular meeting whose window has not opened yet, with when it opens. */
export async function nextWindow(tx: Tx, branch: Branch, now: Date): Promise<{ meeting: Meeting; opensAt: Date } | null> {
  const meetings = await tx.meetings.inRange(branch.id, now, new Date(now.getTime() + ANNOUNCE_AHEAD_DAYS * DAY_MS));
  const meeting = meetings.find((m) => hasSelfEvaluation(m) && evalWindow(m, branch).opensAt > now);
  return meeting ? { meeting, opensAt: evalWindow(meeting, branch).opensAt } : null;
}

/** A flow that already started may go on until the meeting starts (a later move of the meeting included). */
export function stillAnswerable(meeting: Meeting | null, branchId: string, now: Date): meeting is Meeting {
  return meeting !== null && meeting.branchId === branchId && hasSelfEvaluation(meeting) && now < meeting.startsAt;
}

/**
 * The member's sent commitments of the year the meeting reviews: what its self-evaluation asks
 * about (the January meeting reviews December, against the year that just ended).
 */
export async function evaluatedCommitments(tx: Tx, branch: Branch, memberId: string, meeting: Pick<Meeting, "startsAt">): Promise<Commitment[]> {
  const periodId = yearPeriodId(branch.id, evaluatedYear(meeting.startsAt, branch.timezone));
  return (await tx.commitments.commitmentsOf(memberId, periodId)).filter((c) => c.status === "SUBMITTED");
}

export type KeptAs = "submitted" | "draft" | "nothing";

/**
 * The window closed with the member half-way: what they answered is kept as a DRAFT evaluation,
 * unless they had sent one before (that one stands; the unsent changes are dropped).
 */
export async function keepDraft(tx: Tx, memberId: string, answers: EvalAnswers, now: Date): Promise<KeptAs> {
  const existing = await tx.commitments.evaluation(memberId, answers.meetingId);
  if (existing?.status === "SUBMITTED") return "submitted";
  const items = answers.items.flatMap((i) => (i.progress ? [{ commitmentId: i.id, progress: i.progress, note: i.note ?? null }] : []));
  if (!items.length && !answers.reflection) return existing ? "draft" : "nothing";
  await tx.commitments.saveEvaluation({ memberId, meetingId: answers.meetingId, status: "DRAFT", reflection: answers.reflection ?? null, items, at: now });
  return "draft";
}
