// Starting /tudanhgia: the month's self-evaluation when its window is open, the year-end proposal
// when the admin has opened it (a choice when both are), and otherwise when the next window opens.
// A member without sent commitments is offered to register first.
import { openReview, reviewYear } from "../../domain/commitments/review.ts";
import type { Meeting } from "../../domain/meetings.ts";
import { formatDateTime } from "../../domain/time.ts";
import { zoneOf, type Ctx } from "../../engine/context.ts";
import type { Choice } from "../../types.ts";
import { selfEvalFlow, type EvalDraft } from "./flow.ts";
import { monthOf } from "./progress.ts";
import { evaluatedCommitments, nextWindow, openWindowMeeting } from "./service.ts";


export async function startSelfEval(ctx: Ctx): Promise<void> {
  const branch = ctx.actor.branch!;
  const review = await openReview(ctx.tx.commitments, branch, ctx.now);
  const meeting = await openWindowMeeting(ctx.tx, branch, ctx.now);
  if (review && meeting) {
    return ctx.reply({
      text: ctx.t("selfeval-choose", { month: monthOf(meeting.startsAt, zoneOf(ctx)), year: String(review.year) }),
      choices: [[{ label: ctx.t("selfeval-start"), action: "se:m" }], [{ label: ctx.t("yearend-start"), action: "ye:s" }]],
    });
  }
  // The year-end feature starts its own flow (its button "ye:s").
  if (review) return ctx.press("ye:s");
  if (!meeting) return notOpen(ctx);
  return beginMonthly(ctx, meeting);
}

/** The "Bắt đầu tự đánh giá" button of the opening message and the nudges. */
export async function startMonthly(ctx: Ctx): Promise<void> {
  const meeting = await openWindowMeeting(ctx.tx, ctx.actor.branch!, ctx.now);
  return meeting ? beginMonthly(ctx, meeting) : notOpen(ctx);
}

async function notOpen(ctx: Ctx): Promise<void> {
  const next = await nextWindow(ctx.tx, ctx.actor.branch!, ctx.now);
  const text = next
    ? ctx.t("selfeval-not-open", {
        month: monthOf(next.meeting.startsAt, zoneOf(ctx)),
        opens: formatDateTime(next.opensAt, zoneOf(ctx), ctx.actor.locale),
        start: formatDateTime(next.meeting.startsAt, zoneOf(ctx), ctx.actor.locale),
      })
    : ctx.t("selfeval-no-meeting");
  // The admin opens the year-end review from here too (or from /dangky → Quản lý); the chi ủy sees
  // the members' proposals once there is a review.
  const member = ctx.actor.member!;
  const choices: Choice[][] = member.isAdmin ? [[{ label: ctx.t("selfeval-admin-yearend"), action: "ye:a" }]] : [];
  const year = reviewYear(ctx.now, zoneOf(ctx));
  if ((member.isSecretary || member.isAdmin) && (await ctx.tx.commitments.yearReview(member.branchId, year))) {
    choices.push([{ label: ctx.t("yearend-overview-button", { year: String(year) }), action: "ye:o" }]);
  }
  ctx.reply(choices.length ? { text, choices } : { text });
}

async function beginMonthly(ctx: Ctx, meeting: Meeting): Promise<void> {
  const member = ctx.actor.member!;
  const commitments = await evaluatedCommitments(ctx.tx, ctx.actor.branch!, member.id, meeting);
  if (!commitments.length) {
    return ctx.reply({
      text: ctx.t("selfeval-register-first", { month: monthOf(meeting.startsAt, zoneOf(ctx)) }),
      choices: [[{ label: ctx.t("commitment-register-now"), action: "cm:o" }]],
    });
  }
  const existing = await ctx.tx.commitments.evaluation(member.id, meeting.id);
  const previous = new Map((existing?.items ?? []).map((i) => [i.commitmentId, i]));
  const items = commitments.map((c) => {
    const p = previous.get(c.id);
    return p ? { id: c.id, progress: p.progress, note: p.note } : { id: c.id };
  });
  const d: EvalDraft = { meetingId: meeting.id, items, index: 0, ...(existing?.reflection ? { reflection: existing.reflection } : {}) };
  if (existing?.status !== "SUBMITTED") return ctx.startFlow(selfEvalFlow, d, "progress");
  // Sent before: show it, ready to edit; a commitment added since is asked first.
  const gap = items.findIndex((i) => !i.progress);
  if (gap < 0) return ctx.startFlow(selfEvalFlow, { ...d, sent: true }, "summary");
  return ctx.startFlow(selfEvalFlow, { ...d, sent: true, dirty: true, index: gap }, "progress");
}
