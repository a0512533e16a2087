// The member's year-end step: say which self-review form fits them (once: Mẫu 2A, 2B or 2C of
// Hướng dẫn 43-HD/BTCTW, also set by the admin in /thanhvien), propose one of the four levels of
// Quy định 366-QĐ/TW with a reason, and receive a draft self-review (text and .docx) on that form,
// built from the year's answers. The bot proposes nothing itself and decides nothing: the level is
// the member's proposal, the branch decides.
import { MAX_RATING_REASON_CHARS, type YearEndReview } from "../../domain/commitments/model.ts";
import { isReviewOpen } from "../../domain/commitments/review.ts";
import { checkText } from "../../domain/commitments/text.ts";
import type { RatingLevel, ReviewForm } from "../../domain/model.ts";
import { formatDate } from "../../domain/time.ts";
import { zoneOf, type Ctx } from "../../engine/context.ts";
import { askKeeping, cancelChoice, confirmRow } from "../../engine/controls.ts";
import { end, go, invalid, type FlowDef, type Next, type Prompt, type StepChoice } from "../../engine/flow.ts";
import { collectYear, draftChatText, draftDocument, tallyLine } from "./draft.ts";
import { draftDocx } from "./draft-file.ts";
import { formLabel, isReviewForm, REVIEW_FORMS } from "./forms.ts";
import { levelLabel, levelOf, levelValues } from "./levels.ts";

export interface YearEndDraft {
  reviewId: string;
  year: number;
  level?: RatingLevel;
  reason?: string;
}


/** The review, if it is still this member's branch's and still open. */
async function liveReview(ctx: Ctx, d: YearEndDraft): Promise<YearEndReview | null> {
  const r = await ctx.tx.commitments.yearReviewById(d.reviewId);
  return r && r.branchId === ctx.actor.member!.branchId && isReviewOpen(r, ctx.now) ? r : null;
}

function formPrompt(ctx: Ctx): Prompt {
  const current = ctx.actor.member!.reviewForm;
  return {
    text: [ctx.t("yearend-ask-form"), ...(current ? [ctx.t("yearend-form-current", { form: formLabel(ctx.t, current) })] : [])].join("\n"),
    choices: REVIEW_FORMS.map((f) => [{ label: formLabel(ctx.t, f), value: f }]),
  };
}

async function setForm(ctx: Ctx, d: YearEndDraft, form: ReviewForm): Promise<Next<YearEndDraft>> {
  if (!(await liveReview(ctx, d))) return end(ctx.t("yearend-closed"));
  const member = ctx.actor.member!;
  if (member.reviewForm !== form) {
    ctx.actor.member = await ctx.tx.members.update(member.id, { reviewForm: form });
    await ctx.audit("member.review-form", { memberId: member.id, from: member.reviewForm, to: form });
  }
  return go("level", { reviewId: d.reviewId, year: d.year }, ctx.t("yearend-form-saved", { form: formLabel(ctx.t, form) }));
}

async function levelPrompt(ctx: Ctx, d: YearEndDraft): Promise<Prompt> {
  const member = ctx.actor.member!;
  const record = await collectYear(ctx.tx, ctx.actor.branch!, member, d.year);
  const lines = [
    ctx.t("yearend-intro", { year: String(d.year) }),
    ctx.t("yearend-overview", { commitments: record.commitments.length }),
    tallyLine(ctx.t, record.tally),
    ctx.t("yearend-form-current", { form: member.reviewForm ? formLabel(ctx.t, member.reviewForm) : "" }),
  ];
  const previous = await ctx.tx.commitments.rating(member.id, d.year);
  if (previous) lines.push(ctx.t("yearend-previous", { level: levelLabel(ctx.t, previous.level), date: formatDate(previous.submittedAt, zoneOf(ctx), ctx.actor.locale) }));
  lines.push("", ctx.t("yearend-ask-level"));
  const choices: StepChoice[][] = levelValues().map(([value, level]) => [{ label: levelLabel(ctx.t, level), value }]);
  choices.push([{ label: ctx.t("yearend-change-form"), value: "form" }]);
  return { text: lines.join("\n"), choices };
}

async function reasonPrompt(ctx: Ctx, d: YearEndDraft): Promise<Prompt> {
  const previous = await ctx.tx.commitments.rating(ctx.actor.member!.id, d.year);
  return askKeeping(
    ctx.t("yearend-ask-reason", { level: d.level ? levelLabel(ctx.t, d.level) : "", max: MAX_RATING_REASON_CHARS }),
    previous?.reason ? { line: ctx.t("yearend-previous-reason", { reason: previous.reason }), keep: ctx.t("yearend-keep-reason") } : null,
    cancelChoice(ctx.t),
  );
}

async function save(ctx: Ctx, d: YearEndDraft): Promise<Next<YearEndDraft>> {
  if (!(await liveReview(ctx, d))) return end(ctx.t("yearend-closed"));
  const member = ctx.actor.member!;
  if (!d.level || !d.reason) return go("level", { reviewId: d.reviewId, year: d.year });
  if (!member.reviewForm) return go("form", { reviewId: d.reviewId, year: d.year });
  const branch = ctx.actor.branch!;
  await ctx.tx.commitments.saveRating({ memberId: member.id, year: d.year, level: d.level, reason: d.reason, at: ctx.now });
  await ctx.audit("yearend.proposed", { year: d.year, level: d.level });
  const record = await collectYear(ctx.tx, branch, member, d.year);
  const doc = draftDocument(ctx.t, record, { level: d.level, reason: d.reason }, member.reviewForm, ctx.now, zoneOf(ctx));
  const fileName = ctx.t("yearend-file-name", { year: String(d.year) });
  // The Word file is built after the unit of work, so it never holds the database.
  const { render } = ctx.services;
  ctx.replyLater(async () => [{ text: draftChatText(doc), files: [await draftDocx(doc, fileName, render)] }]);
  return end(ctx.t("yearend-saved", { year: String(d.year), level: levelLabel(ctx.t, d.level) }));
}

export const yearEndFlow: FlowDef<YearEndDraft> = {
  name: "yearend",
  access: "member",
  ttlHours: 72,
  steps: {
    form: {
      prompt: formPrompt,
      choice: (ctx, d, value) => (isReviewForm(value) ? setForm(ctx, d, value) : invalid("input-pick-a-choice")),
      text: () => invalid("yearend-pick-form"),
    },
    level: {
      prompt: levelPrompt,
      choice: async (ctx, d, value) => {
        if (!(await liveReview(ctx, d))) return end(ctx.t("yearend-closed"));
        if (value === "form") return go("form", d);
        const level = levelOf(value);
        return level ? go("reason", { ...d, level }) : invalid("input-pick-a-choice");
      },
      text: () => invalid("yearend-pick-level"),
    },
    reason: {
      prompt: reasonPrompt,
      text: async (ctx, d, text) => {
        if (!(await liveReview(ctx, d))) return end(ctx.t("yearend-closed"));
        const checked = checkText(text, { max: MAX_RATING_REASON_CHARS, minLetters: 5 });
        return checked.ok ? go("confirm", { ...d, reason: checked.value }) : invalid(checked.key, checked.args);
      },
      choice: async (ctx, d, value) => {
        if (value === "cancel") return end(ctx.t("cancel-done"));
        const previous = value === "keep" ? await ctx.tx.commitments.rating(ctx.actor.member!.id, d.year) : null;
        return previous ? go("confirm", { ...d, reason: previous.reason }) : invalid("input-pick-a-choice");
      },
    },
    confirm: {
      prompt: (ctx, d) => ({
        text: ctx.t("yearend-confirm", { year: String(d.year), level: d.level ? levelLabel(ctx.t, d.level) : "", reason: d.reason ?? "" }),
        choices: [confirmRow(ctx.t)],
      }),
      choice: (ctx, d, value) => {
        if (value === "ok") return save(ctx, d);
        if (value === "edit") return go("level", { reviewId: d.reviewId, year: d.year });
        if (value === "cancel") return end(ctx.t("cancel-done"));
        return invalid("input-pick-a-choice");
      },
    },
  },
};

/** The member's year-end step: the form first when it is not known yet, then the level. */
export function startYearEnd(ctx: Ctx, review: YearEndReview): Promise<void> {
  return ctx.startFlow(yearEndFlow, { reviewId: review.id, year: review.year }, ctx.actor.member?.reviewForm ? "level" : "form");
}
