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
