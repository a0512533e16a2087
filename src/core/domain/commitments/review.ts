// The year-end review (kiểm điểm cuối năm, Quy định 366-QĐ/TW): which year it is about and whether
// the branch has it open. Reviews happen from late in the year into the next one's first months.
// The self-evaluation, the commitments' management and the year-end flow all ask.
import { DateTime } from "luxon";
import type { Branch } from "../model.ts";
import type { YearEndReview } from "./model.ts";

/** How long a review stays open unless the admin closes it earlier. */
export const REVIEW_OPEN_DAYS = 30;

/** From July on it is this year's review; in the first half of the year, last year's. */
export function reviewYear(now: Date, zone: string): number {
  const local = DateTime.fromJSDate(now, { zone });
  return local.month >= 7 ? local.year : local.year - 1;
}

export const isReviewOpen = (r: YearEndReview, now: Date): boolean => r.openedAt <= now && (r.closesAt === null || r.closesAt > now);

/** The branch's open review, if any (this year's or last year's), found with the commitments' store. */
export async function openReview(reviews: { yearReview(branchId: string, year: number): Promise<YearEndReview | null> }, branch: Branch, now: Date): Promise<YearEndReview | null> {
  const year = DateTime.fromJSDate(now, { zone: branch.timezone }).year;
  for (const y of [year, year - 1]) {
    const r = await reviews.yearReview(branch.id, y);
    if (r && isReviewOpen(r, now)) return r;
  }
  return null;
}
