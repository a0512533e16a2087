// How commitments read in chat: short labels for buttons, one status line, the reviews under them.
import type { Commitment, CommitmentReview } from "../../domain/commitments/model.ts";
import type { Member } from "../../domain/model.ts";
import { formatDate } from "../../domain/time.ts";
import type { T } from "../../services/messages.ts";
import type { Tx } from "../../ports/store.ts";
import type { Locale } from "../../types.ts";
import { nameOf } from "../names.ts";

/** The latest revision request the member has not answered by editing yet. */
export function openRevision(c: Commitment, reviews: CommitmentReview[]): CommitmentReview | null {
  const last = reviews.filter((r) => r.commitmentId === c.id && r.kind === "REVISION").at(-1);
  if (!last) return null;
  const answeredAt = c.changedAt ?? c.submittedAt ?? c.createdAt;
  return last.createdAt > answeredAt ? last : null;
}

/** "đã gửi 25/11/2026, đã sửa 26/11/2026, chi ủy đề nghị sửa". */
export function statusLine(t: T, c: Commitment, reviews: CommitmentReview[], zone: string, locale: Locale): string {
  const parts: string[] = [];
  const day = (d: Date) => formatDate(d, zone, locale);
  if (c.status === "DRAFT") parts.push(t("commitment-status-draft"));
  else if (c.submittedAt) parts.push(t("commitment-status-submitted", { date: day(c.submittedAt) }));
  if (c.changedAt) parts.push(t("commitment-status-changed", { date: day(c.changedAt) }));
  if (openRevision(c, reviews)) parts.push(t("commitment-status-revision"));
  return parts.join(", ");
}

/** One review as a line under its commitment: who, when, what. */
export function reviewLine(t: T, r: CommitmentReview, author: Pick<Member, "fullName"> | undefined, zone: string, locale: Locale): string {
  return t(r.kind === "REVISION" ? "commitment-review-line-revision" : "commitment-review-line-comment", {
    author: author?.fullName ?? t("commitment-review-author-unknown"),
    date: formatDate(r.createdAt, zone, locale),
    text: r.text,
  });
}

/** Authors of these reviews by id (secretaries of the branch, or former ones), named as lists name them. */
export async function authorsOf(tx: Tx, reviews: CommitmentReview[]): Promise<Map<string, Pick<Member, "fullName">>> {
  const out = new Map<string, Pick<Member, "fullName">>();
  for (const id of new Set(reviews.map((r) => r.authorId))) {
    const m = await tx.members.byId(id);
    if (m) out.set(id, { fullName: m.status === "ERASED" ? m.fullName : await nameOf(tx, m) });
  }
  return out;
}
