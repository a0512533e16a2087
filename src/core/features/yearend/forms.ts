// The three self-review forms of Hướng dẫn 43-HD/BTCTW (31/10/2025): Mẫu 2A-HD KĐ.ĐG 2025 for a
// member without a leadership or management post, 2B for one with such a post, 2C for a member who
// does not work in the political system (most retirees of a residential branch). Which one a member
// fills in follows their situation: a member setting the admin or the member sets.
import type { ReviewForm } from "../../domain/model.ts";
import type { T } from "../../services/messages.ts";

export const REVIEW_FORMS: readonly ReviewForm[] = ["FORM_2A", "FORM_2B", "FORM_2C"];

/** "2a", "2b", "2c": the part of locale keys that names a form. */
export const formCode = (form: ReviewForm): string => form.slice("FORM_".length).toLowerCase();

/** "Mẫu 2C – không làm việc trong hệ thống chính trị (ví dụ: đã nghỉ hưu)". */
export const formLabel = (t: T, form: ReviewForm): string => t(`yearend-form-${formCode(form)}`);

export const isReviewForm = (value: string): value is ReviewForm => (REVIEW_FORMS as readonly string[]).includes(value);

/**
 * What the draft puts under a heading: what the bot knows (the year's commitments and results, what
 * is not done yet, the reflections, the proposed level) or a line for the member to write.
 */
export type Fill = "pledge" | "shortfalls" | "reflections" | "proposal" | "write";

export interface SectionSpec {
  /** Locale key of the heading (numbered I., II. … or 1., 2. … where it stands). */
  heading: string;
  fill?: Fill;
  parts?: SectionSpec[];
}

const WRITE: Fill = "write";
const weaknesses: SectionSpec = { heading: "yearend-h-weaknesses", fill: "shortfalls" };
const remedied: SectionSpec = { heading: "yearend-h-remedied", fill: WRITE };
const explain: SectionSpec = { heading: "yearend-h-explain", fill: WRITE };
const responsibility: SectionSpec = { heading: "yearend-h-responsibility", fill: WRITE };
const direction: SectionSpec = { heading: "yearend-h-direction", fill: "reflections" };
const rating: SectionSpec = { heading: "yearend-h-rating", fill: "proposal" };
const pledge: SectionSpec = { heading: "yearend-h-pledge", fill: "pledge" };

/**
 * The section headings of each form. A cadre's forms (2A, 2B) account for the post and the
 * collective as well; 2C, for a member outside the political system, keeps to the member's own
 * conduct, the tasks the branch gave them and their civic duties where they live.
 */
export const FORM_SECTIONS: Record<ReviewForm, SectionSpec[]> = {
  FORM_2A: [
    { heading: "yearend-h-strengths", parts: [{ heading: "yearend-h-ideology", fill: WRITE }, { heading: "yearend-h-duties", fill: WRITE }, pledge] },
    weaknesses,
    remedied,
    explain,
    responsibility,
    direction,
    rating,
  ],
  FORM_2B: [
    {
      heading: "yearend-h-strengths",
      parts: [{ heading: "yearend-h-ideology", fill: WRITE }, { heading: "yearend-h-duties-2b", fill: WRITE }, pledge, { heading: "yearend-h-example", fill: WRITE }],
    },
    weaknesses,
    remedied,
    explain,
    responsibility,
    direction,
    rating,
  ],
  FORM_2C: [
    { heading: "yearend-h-strengths", parts: [{ heading: "yearend-h-ideology-2c", fill: WRITE }, { heading: "yearend-h-duties-2c", fill: WRITE }, pledge] },
    weaknesses,
    remedied,
    direction,
    { ...rating, heading: "yearend-h-rating-2c" },
  ],
};
