// The year-end review (kiểm điểm cuối năm, Quy định 366-QĐ/TW): which year it is about and whether
// the branch has it open. Reviews happen from late in the year into the next one's first months.
import { DateTime } from "luxon";
import type { YearEndReview } from "../../domain/commitments/model.ts";
import type { Branch, RatingLevel } from "../../domain/model.ts";
import type { Tx } from "../../ports/store.ts";
import type { T } from "../../services/messages.ts";

/** How long a review stays open unless the admin closes it earlier. */
export const REVIEW_OPEN_DAYS = 30;

/** From July on it is this year's review; in the first half of the year, last year's. */
export function reviewYear(now: Date, zone: string): number {
  const local = DateTime.fromJSDate(now, { zone });
  return local.month >= 7 ? local.year : local.year - 1;
}

export const isReviewOpen = (r: YearEndReview, now: Date): boolean => r.openedAt <= now && (r.closesAt === null || r.closesAt > now);

/** The branch's open review, if any (this year's or last year's). */
export async function openReview(tx: Tx, branch: Branch, now: Date): Promise<YearEndReview | null> {
  const year = DateTime.fromJSDate(now, { zone: branch.timezone }).year;
  for (const y of [year, year - 1]) {
    const r = await tx.commitments.yearReview(branch.id, y);
    if (r && isReviewOpen(r, now)) return r;
  }
  return null;
}

const LEVEL_KEYS: Record<RatingLevel, string> = {
  EXCELLENT: "yearend-level-excellent",
  GOOD: "yearend-level-good",
  COMPLETED: "yearend-level-completed",
  NOT_COMPLETED: "yearend-level-not-completed",
};
const LEVEL_VALUES: Record<string, RatingLevel> = { ex: "EXCELLENT", go: "GOOD", co: "COMPLETED", nc: "NOT_COMPLETED" };

/** The exact wording of Quy định 366-QĐ/TW (in Vietnamese). */
export const levelLabel = (t: T, level: RatingLevel): string => t(LEVEL_KEYS[level]);
export const levelOf = (value: string): RatingLevel | null => LEVEL_VALUES[value] ?? null;
export const levelValues = (): Array<[string, RatingLevel]> => Object.entries(LEVEL_VALUES);
