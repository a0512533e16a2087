// The state of the /dangky conversation: the member's own steps and the admin's management steps
// (deadline, next period, standards, year-end review) live in one flow so either can lead to the other.

export interface CommitDraft {
  periodId: string;
  /** The commitment a card, an edit or a deletion is about. */
  id?: string;
  /** What the text or standard step is for. */
  mode?: "add" | "edit" | "link";
  /** Text typed for a new commitment, an edit or a standard, kept until it is confirmed. */
  text?: string;
  /** Admin: the new registration deadline (ISO), before Xác nhận. */
  deadline?: string;
  /** Admin: the standard being edited or removed. */
  standardId?: string;
  /** Admin: the year-end review's closing moment (ISO) being set, before Xác nhận. */
  closes?: string;
  /** Admin: what is being confirmed. */
  action?: "std-add" | "std-edit" | "std-del" | "period-next" | "review-open" | "review-close" | "review-date";
}
