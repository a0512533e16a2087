// The overview of the members' year-end proposals, for the branch's year-end meeting: how many
// proposed each level, each member's proposal with its reason, and who has not proposed yet. For
// the chi ủy (secretaries) and the admins; the bot only gathers what members proposed, the branch
// decides. Members exempted from meetings are not expected to take part in the review.
import type { RatingLevel } from "../../domain/model.ts";
import { formatDate } from "../../domain/time.ts";
import { zoneOf, type Ctx } from "../../engine/context.ts";
import { shorten } from "../../text.ts";
import { branchNames } from "../names.ts";
import { levelLabel } from "./levels.ts";
import { RATING_LEVELS } from "../../domain/commitments/model.ts";
import { isReviewOpen, reviewYear } from "../../domain/commitments/review.ts";
import { sortMembers } from "../../domain/names.ts";

/** A reason is shown up to this many characters; the member's own message has it whole. */
const REASON_SHOWN = 160;

export async function proposalsOverview(ctx: Ctx, year = reviewYear(ctx.now, zoneOf(ctx))): Promise<string> {
  const branch = ctx.actor.branch!;
  const names = await branchNames(ctx.tx, branch.id);
  const active = sortMembers(names.roster.filter((m) => m.status === "ACTIVE"));
  const ratings = new Map((await ctx.tx.commitments.ratingsOf(active.map((m) => m.id), year)).map((r) => [r.memberId, r]));
  const expected = active.filter((m) => !m.exempted || ratings.has(m.id));
  const review = await ctx.tx.commitments.yearReview(branch.id, year);
  const day = (at: Date) => formatDate(at, branch.timezone, ctx.actor.locale);
  const lines = [ctx.t("yearend-overview-title", { year: String(year), branch: branch.name })];
  if (!review) lines.push(ctx.t("yearend-overview-not-opened", { year: String(year) }));
  else if (isReviewOpen(review, ctx.now)) lines.push(ctx.t("yearend-overview-open", { date: review.closesAt ? day(review.closesAt) : "" }));
  else lines.push(ctx.t("yearend-overview-closed", { date: review.closesAt ? day(review.closesAt) : "" }));
  const proposed = expected.filter((m) => ratings.has(m.id));
  lines.push(ctx.t("yearend-overview-count", { proposed: proposed.length, total: expected.length }));
  const byLevel = (level: RatingLevel) => proposed.filter((m) => ratings.get(m.id)!.level === level);
  for (const level of RATING_LEVELS) lines.push(`– ${levelLabel(ctx.t, level)}: ${byLevel(level).length}`);
  for (const level of RATING_LEVELS) {
    const who = byLevel(level);
    if (!who.length) continue;
    lines.push("", `${levelLabel(ctx.t, level)}:`);
    who.forEach((m, i) => lines.push(ctx.t("yearend-overview-line", { n: i + 1, name: names.of(m), reason: shorten(ratings.get(m.id)!.reason, REASON_SHOWN) })));
  }
  const missing = expected.filter((m) => !ratings.has(m.id));
  lines.push("", missing.length ? ctx.t("yearend-overview-missing", { names: missing.map((m) => names.of(m)).join(", ") }) : ctx.t("yearend-overview-all"));
  lines.push("", ctx.t("yearend-overview-note"));
  return lines.join("\n");
}
