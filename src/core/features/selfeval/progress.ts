// The three progress answers (DESIGN §7: Đã hoàn thành / Đang thực hiện / Chưa thực hiện) and the
// month a meeting's self-evaluation is named after (the month it reviews).
import { evaluationMonth } from "../../domain/commitments/period.ts";
import type { Progress } from "../../domain/model.ts";
import type { StepChoice } from "../../engine/flow.ts";
import { fold } from "../../text.ts";
import type { T } from "../../services/messages.ts";

const KEYS: Record<Progress, string> = {
  DONE: "selfeval-progress-done",
  IN_PROGRESS: "selfeval-progress-doing",
  NOT_YET: "selfeval-progress-notyet",
};

const VALUES: Record<string, Progress> = { d: "DONE", i: "IN_PROGRESS", n: "NOT_YET" };

export const progressLabel = (t: T, p: Progress): string => t(KEYS[p]);

export const progressOf = (value: string): Progress | null => VALUES[value] ?? null;

// What people type instead of the exact label, folded (no diacritics, lowercase).
const TYPED: Record<string, Progress> = {
  xong: "DONE",
  "da xong": "DONE",
  "xong roi": "DONE",
  "hoan thanh": "DONE",
  done: "DONE",
  "dang lam": "IN_PROGRESS",
  "dang thuc hien": "IN_PROGRESS",
  "in progress": "IN_PROGRESS",
  chua: "NOT_YET",
  "chua lam": "NOT_YET",
  "not yet": "NOT_YET",
};

/** A progress answer typed in words ("xong", "đang làm", "chưa"), or null. */
export const progressTyped = (text: string): Progress | null => TYPED[fold(text)] ?? null;

/** One big button per answer, each on its own row: easy to hit on a phone. */
export function progressChoices(t: T): StepChoice[][] {
  return Object.entries(VALUES).map(([value, p]) => [{ label: progressLabel(t, p), value }]);
}

/** "11/2026": the month a meeting's self-evaluation is about (see evaluationMonth). */
export const monthOf = (meetingStartsAt: Date, zone: string): string => evaluationMonth(meetingStartsAt, zone);
