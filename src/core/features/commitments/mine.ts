// /cuatoi: one's own record on one screen: this period's commitments with the chi ủy's reviews,
// the self-evaluations month by month (the latest in full), and the year-end proposal. Everything is
// read by the asking member's own id: there is no way to name someone else here.
import { DateTime } from "luxon";
import type { CommitmentPeriod } from "../../domain/commitments/model.ts";
import { reviewYear } from "../../domain/commitments/review.ts";
import type { Progress } from "../../domain/model.ts";
import { formatDate } from "../../domain/time.ts";
import type { Ctx } from "../../engine/context.ts";
import type { Choice } from "../../types.ts";
import { answerLines } from "../selfeval/flow.ts";
import { monthOf, progressLabel } from "../selfeval/progress.ts";
import { openWindowMeeting } from "../selfeval/service.ts";
import { levelLabel } from "../yearend/levels.ts";
import { authorsOf, reviewLine, statusLine } from "./format.ts";
import { periodAt, periodName, registrationPeriod } from "./periods.ts";

/** Self-evaluations of the last twelve months are listed. */
const HISTORY_MONTHS = 12;

export async function showMine(ctx: Ctx): Promise<void> {
  const member = ctx.actor.member!;
  const branch = ctx.actor.branch!;
  const zone = branch.timezone;
  const locale = ctx.actor.locale;
  const lines = [ctx.t("commitment-mine-title", { name: member.fullName })];

  // The period being registered for, and the one now falls in when that is another (next year's
  // registration opened in December).
  const registering = await registrationPeriod(ctx.tx, branch, ctx.now);
  const current = await periodAt(ctx.tx, branch.id, ctx.now);
  const periods = [current, registering].filter((p, i, all): p is CommitmentPeriod => p !== null && all.findIndex((q) => q?.id === p.id) === i);
  if (!periods.length) lines.push("", ctx.t("commitment-period-missing"));
  for (const period of periods) {
    const items = await ctx.tx.commitments.commitmentsOf(member.id, period.id);
    const reviews = await ctx.tx.commitments.reviewsOf(items.map((c) => c.id));
    const authors = await authorsOf(ctx.tx, reviews);
    lines.push("", ctx.t("commitment-mine-commitments", { period: periodName(ctx.t, period), date: formatDate(period.deadline, zone, locale) }));
    if (!items.length) lines.push(ctx.t("commitment-mine-none"));
    for (const [i, c] of items.entries()) {
      lines.push(`${i + 1}. ${c.text}`, `   (${statusLine(ctx.t, c, reviews, zone, locale)})`);
      for (const r of reviews.filter((x) => x.commitmentId === c.id)) lines.push(`   ${reviewLine(ctx.t, r, authors.get(r.authorId), zone, locale)}`);
    }
  }

  const from = DateTime.fromJSDate(ctx.now, { zone }).minus({ months: HISTORY_MONTHS }).toJSDate();
  const to = DateTime.fromJSDate(ctx.now, { zone }).plus({ months: 1 }).toJSDate();
  const evaluations = (await ctx.tx.commitments.evaluationsOfMember(member.id, from, to)).reverse();
  lines.push("", ctx.t("commitment-mine-evaluations"));
  if (!evaluations.length) lines.push(ctx.t("commitment-mine-evaluations-none"));
  for (const e of evaluations) {
    const counts = new Map<Progress, number>();
    for (const i of e.items) counts.set(i.progress, (counts.get(i.progress) ?? 0) + 1);
    const summary = [...counts].map(([p, n]) => `${n} ${progressLabel(ctx.t, p)}`).join(", ");
    lines.push(
      ctx.t(e.status === "SUBMITTED" ? "commitment-mine-evaluation-sent" : "commitment-mine-evaluation-draft", {
        month: monthOf(e.meetingStartsAt, zone),
        summary: summary || ctx.t("commitment-mine-evaluation-empty"),
      }),
    );
  }
  const latest = evaluations[0];
  if (latest) {
    const texts = new Map<string, string>();
    for (const i of latest.items) texts.set(i.commitmentId, (await ctx.tx.commitments.commitmentById(i.commitmentId))?.text ?? ctx.t("selfeval-commitment-gone"));
    lines.push("", ctx.t("commitment-mine-latest", { month: monthOf(latest.meetingStartsAt, zone) }));
    lines.push(...answerLines(ctx.t, latest.items.map((i) => ({ text: texts.get(i.commitmentId) ?? "", progress: i.progress, note: i.note })), latest.reflection));
  }

  const year = reviewYear(ctx.now, zone);
  const rating = await ctx.tx.commitments.rating(member.id, year);
  if (rating) lines.push("", ctx.t("commitment-mine-rating", { year: String(year), level: levelLabel(ctx.t, rating.level) }));

  const buttons: Choice[] = [{ label: ctx.t("commitment-mine-open"), action: "cm:o" }];
  const open = await openWindowMeeting(ctx.tx, branch, ctx.now);
  if (open) {
    // Sent already: the button edits it (the flow opens on the summary with Sửa).
    const sent = (await ctx.tx.commitments.evaluation(member.id, open.id))?.status === "SUBMITTED";
    buttons.push({ label: ctx.t(sent ? "selfeval-edit" : "selfeval-start"), action: "se:m" });
  }
  ctx.reply({ text: lines.join("\n"), choices: [buttons] });
}
