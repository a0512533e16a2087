// The admin's side of Directive 03 in /dangky → Quản lý: the registration deadline, opening next
// year's period, the branch's chuẩn mực đạo đức, and opening or closing the year-end review. The
// numbers (how many commitments, reminder lead, self-evaluation window) are in /caidat. Every change
// is previewed, confirmed with Xác nhận and written to the audit log.
import { DateTime } from "luxon";
import { parseDate } from "../../domain/calendar/parse.ts";
import { MAX_STANDARD_CHARS, MAX_STANDARDS, type CommitmentPeriod, type YearEndReview } from "../../domain/commitments/model.ts";
import { endOfLocalDay, localYear, yearPeriodId, yearSpan } from "../../domain/commitments/period.ts";
import { isReviewOpen, REVIEW_OPEN_DAYS, reviewYear } from "../../domain/commitments/review.ts";
import { checkText } from "../../domain/commitments/text.ts";
import { formatDate } from "../../domain/time.ts";
import { zoneOf, type Ctx } from "../../engine/context.ts";
import { confirmRow } from "../../engine/controls.ts";
import { end, go, invalid, type Next, type Prompt, type StepChoice, type StepDef } from "../../engine/flow.ts";
import { fold, shorten } from "../../text.ts";
import type { T } from "../../services/messages.ts";
import type { Locale } from "../../types.ts";
import { proposalsOverview } from "../yearend/overview.ts";
import type { CommitDraft } from "./draft.ts";
import { distinctLabels } from "../paging.ts";
import { ensureYearPeriod, periodName } from "./periods.ts";
import { openedKey } from "./reminder.ts";

/** Next year's period may be opened from October on (and /dangky says when it opens from then). */
export const NEXT_PERIOD_FROM_MONTH = 10;

const day = (ctx: Ctx, at: Date) => formatDate(at, zoneOf(ctx), ctx.actor.locale);
const back = (ctx: Ctx, value = "admin"): StepChoice => ({ label: ctx.t("commitment-back"), value });

/** Steps that are the admin's only: a member who lost the role mid-way is stopped at the next answer. */
function adminOnly(step: StepDef<CommitDraft>): StepDef<CommitDraft> {
  const denied = (ctx: Ctx): Next<CommitDraft> => end(ctx.t("access-denied-admin"));
  return {
    prompt: step.prompt,
    ...(step.text ? { text: (ctx, d, text) => (ctx.actor.member?.isAdmin ? step.text!(ctx, d, text) : denied(ctx)) } : {}),
    ...(step.choice ? { choice: (ctx, d, value) => (ctx.actor.member?.isAdmin ? step.choice!(ctx, d, value) : denied(ctx)) } : {}),
  };
}

async function period(ctx: Ctx, d: CommitDraft): Promise<CommitmentPeriod | null> {
  const p = await ctx.tx.commitments.periodById(d.periodId);
  return p && p.branchId === ctx.actor.branch!.id ? p : null;
}

const nextYearOf = (ctx: Ctx) => localYear(ctx.now, zoneOf(ctx)) + 1;

async function canOpenNext(ctx: Ctx): Promise<boolean> {
  if (DateTime.fromJSDate(ctx.now, { zone: zoneOf(ctx) }).month < NEXT_PERIOD_FROM_MONTH) return false;
  return !(await ctx.tx.commitments.periodById(yearPeriodId(ctx.actor.branch!.id, nextYearOf(ctx))));
}

async function review(ctx: Ctx): Promise<{ year: number; review: YearEndReview | null }> {
  const year = reviewYear(ctx.now, zoneOf(ctx));
  return { year, review: await ctx.tx.commitments.yearReview(ctx.actor.branch!.id, year) };
}

function reviewState(ctx: Ctx, year: number, r: YearEndReview | null): string {
  if (r && isReviewOpen(r, ctx.now)) return ctx.t("commitment-admin-review-open", { year: String(year), date: r.closesAt ? day(ctx, r.closesAt) : "" });
  if (r) return ctx.t("commitment-admin-review-closed", { year: String(year) });
  return ctx.t("commitment-admin-review-none", { year: String(year) });
}

async function menuPrompt(ctx: Ctx, d: CommitDraft): Promise<Prompt> {
  const branch = ctx.actor.branch!;
  const p = await period(ctx, d);
  const members = (await ctx.tx.members.listActive(branch.id)).length;
  const registered = p ? (await ctx.tx.commitments.submittedCounts([p.id])).length : 0;
  const standards = await ctx.tx.commitments.standards(branch.id);
  const { year, review: r } = await review(ctx);
  const lines = [ctx.t("commitment-admin-title", { branch: branch.name })];
  if (p) lines.push(ctx.t("commitment-admin-period", { period: periodName(ctx.t, p), date: day(ctx, p.deadline), registered, members }));
  lines.push(ctx.t("commitment-admin-standards", { count: standards.length }), reviewState(ctx, year, r), "", ctx.t("commitment-admin-settings-hint"));
  const choices: StepChoice[][] = [];
  if (p) choices.push([{ label: ctx.t("commitment-admin-deadline"), value: "deadline" }]);
  if (await canOpenNext(ctx)) choices.push([{ label: ctx.t("commitment-admin-next", { year: String(nextYearOf(ctx)) }), value: "next" }]);
  choices.push([{ label: ctx.t("commitment-admin-standards-button"), value: "standards" }]);
  choices.push([{ label: ctx.t("commitment-admin-review", { year: String(year) }), value: "review" }]);
  choices.push([back(ctx, "list")]);
  return { text: lines.join("\n"), choices };
}

async function menuChoice(ctx: Ctx, d: CommitDraft, value: string): Promise<Next<CommitDraft>> {
  const base: CommitDraft = { periodId: d.periodId };
  switch (value) {
    case "list":
      return go("list", base);
    case "deadline":
      return (await period(ctx, d)) ? go("deadline", base) : invalid("commitment-period-missing");
    case "next":
      return (await canOpenNext(ctx)) ? go("adminok", { ...base, action: "period-next" }) : invalid("input-pick-a-choice");
    case "standards":
      return go("standards", base);
    case "review":
      return go("review", base);
    default:
      return invalid("input-pick-a-choice");
  }
}

async function deadlineAnswer(ctx: Ctx, d: CommitDraft, text: string): Promise<Next<CommitDraft>> {
  const p = await period(ctx, d);
  if (!p) return end(ctx.t("commitment-period-missing"));
  const local = DateTime.fromJSDate(ctx.now, { zone: zoneOf(ctx) });
  const parsed = parseDate(text, { year: local.year, month: local.month, day: local.day });
  if (!parsed.ok) return invalid(parsed.problem, parsed.args);
  const deadline = endOfLocalDay(parsed.value, zoneOf(ctx));
  if (deadline <= ctx.now) return invalid("commitment-deadline-past");
  if (deadline >= p.endsAt || deadline < p.startsAt) return invalid("commitment-deadline-outside", { period: periodName(ctx.t, p) });
  return go("adminok", { periodId: d.periodId, deadline: deadline.toISOString() });
}

async function standardsPrompt(ctx: Ctx): Promise<Prompt> {
  const standards = await ctx.tx.commitments.standards(ctx.actor.branch!.id);
  const lines = [ctx.t("commitment-standards-title"), ...standards.map((s, i) => `${i + 1}. ${s.text}`)];
  if (!standards.length) lines.push(ctx.t("commitment-standards-empty"));
  const labels = distinctLabels(standards.map((s) => shorten(s.text)));
  const choices: StepChoice[][] = standards.map((s, i) => [{ label: labels[i]!, value: `s:${s.id}` }]);
  const row: StepChoice[] = [];
  if (standards.length < MAX_STANDARDS) row.push({ label: ctx.t("commitment-standard-add"), value: "add" });
  row.push(back(ctx));
  choices.push(row);
  return { text: lines.join("\n"), choices };
}

async function standardOf(ctx: Ctx, id: string | undefined) {
  const s = id ? await ctx.tx.commitments.standardById(id) : null;
  return s && s.branchId === ctx.actor.branch!.id && !s.archivedAt ? s : null;
}

async function standardsChoice(ctx: Ctx, d: CommitDraft, value: string): Promise<Next<CommitDraft>> {
  const base: CommitDraft = { periodId: d.periodId };
  if (value === "admin") return go("admin", base);
  if (value === "add") {
    const count = (await ctx.tx.commitments.standards(ctx.actor.branch!.id)).length;
    return count < MAX_STANDARDS ? go("stdtext", { ...base, action: "std-add" }) : invalid("commitment-standards-full", { max: MAX_STANDARDS });
  }
  const s = value.startsWith("s:") ? await standardOf(ctx, value.slice(2)) : null;
  if (!s) return invalid(value.startsWith("s:") ? "commitment-standard-gone" : "input-pick-a-choice");
  return go("stdcard", { ...base, standardId: s.id });
}

async function stdTextAnswer(ctx: Ctx, d: CommitDraft, text: string): Promise<Next<CommitDraft>> {
  const checked = checkText(text, { max: MAX_STANDARD_CHARS, minLetters: 5, singleLine: true });
  if (!checked.ok) return invalid(checked.key, checked.args);
  const others = (await ctx.tx.commitments.standards(ctx.actor.branch!.id)).filter((s) => s.id !== d.standardId);
  if (others.some((s) => fold(s.text) === fold(checked.value))) return invalid("commitment-standard-duplicate");
  return go("adminok", { ...d, text: checked.value });
}

async function confirmPrompt(ctx: Ctx, d: CommitDraft): Promise<Prompt> {
  const p = await period(ctx, d);
  const standard = await standardOf(ctx, d.standardId);
  let text: string;
  switch (d.action) {
    case "std-add":
      text = ctx.t("commitment-standard-confirm-add", { text: d.text ?? "" });
      break;
    case "std-edit":
      text = ctx.t("commitment-standard-confirm-edit", { from: standard?.text ?? "", to: d.text ?? "" });
      break;
    case "std-del":
      text = ctx.t("commitment-standard-confirm-delete", { text: standard?.text ?? "" });
      break;
    case "period-next": {
      const year = nextYearOf(ctx);
      text = ctx.t("commitment-admin-next-confirm", { year: String(year), date: day(ctx, yearSpan(year, zoneOf(ctx), ctx.now).deadline) });
      break;
    }
    case "review-open": {
      const { year } = await review(ctx);
      text = ctx.t("commitment-admin-review-open-confirm", { year: String(year), date: day(ctx, closesOf(ctx, d)) });
      break;
    }
    case "review-date": {
      const { year, review: r } = await review(ctx);
      text = ctx.t("commitment-admin-review-date-confirm", { year: String(year), from: r?.closesAt ? day(ctx, r.closesAt) : "", to: day(ctx, closesOf(ctx, d)) });
      break;
    }
    case "review-close":
      text = ctx.t("commitment-admin-review-close-confirm", { year: String((await review(ctx)).year) });
      break;
    default:
      text = ctx.t("commitment-admin-deadline-confirm", {
        period: p ? periodName(ctx.t, p) : "",
        from: p ? day(ctx, p.deadline) : "",
        to: d.deadline ? day(ctx, new Date(d.deadline)) : "",
      });
  }
  const editable = d.action === undefined || d.action === "std-add" || d.action === "std-edit" || d.action === "review-open" || d.action === "review-date";
  return { text, choices: [confirmRow(ctx.t, editable)] };
}

/** Closing when the admin takes the suggestion: the end of the day REVIEW_OPEN_DAYS from now. */
const reviewClose = (ctx: Ctx) => DateTime.fromJSDate(ctx.now, { zone: zoneOf(ctx) }).plus({ days: REVIEW_OPEN_DAYS }).endOf("day").toJSDate();
const closesOf = (ctx: Ctx, d: CommitDraft) => (d.closes ? new Date(d.closes) : reviewClose(ctx));
/** A review stays open at most this long: it belongs to the year-end, not to the next year. */
const REVIEW_MAX_DAYS = 120;

async function confirmChoice(ctx: Ctx, d: CommitDraft, value: string): Promise<Next<CommitDraft>> {
  const base: CommitDraft = { periodId: d.periodId };
  const home = d.action?.startsWith("std") ? "standards" : d.action?.startsWith("review") ? "review" : "admin";
  if (value === "edit" && (d.action === "review-open" || d.action === "review-date")) return go("reviewdate", { ...base, action: d.action });
  if (value === "cancel") return go(home, base, ctx.t("commitment-unchanged"));
  if (value === "edit") {
    if (d.action === undefined) return go("deadline", base);
    if (d.action === "std-add" || d.action === "std-edit") return go("stdtext", { ...base, action: d.action, ...(d.standardId ? { standardId: d.standardId } : {}) });
    return invalid("input-pick-a-choice");
  }
  if (value !== "ok") return invalid("input-pick-a-choice");
  const branch = ctx.actor.branch!;
  switch (d.action) {
    case "std-add": {
      if ((await ctx.tx.commitments.standards(branch.id)).length >= MAX_STANDARDS) return go("standards", base, ctx.t("commitment-standards-full", { max: MAX_STANDARDS }));
      const s = await ctx.tx.commitments.addStandard(branch.id, d.text ?? "");
      await ctx.audit("standard.added", { standardId: s.id, text: s.text });
      return go("standards", base, ctx.t("commitment-standard-saved"));
    }
    case "std-edit":
    case "std-del": {
      const s = await standardOf(ctx, d.standardId);
      if (!s) return go("standards", base, ctx.t("commitment-standard-gone"));
      if (d.action === "std-del") {
        await ctx.tx.commitments.archiveStandard(s.id, ctx.now);
        await ctx.audit("standard.removed", { standardId: s.id, text: s.text });
        return go("standards", base, ctx.t("commitment-standard-removed"));
      }
      await ctx.tx.commitments.updateStandard(s.id, d.text ?? s.text);
      await ctx.audit("standard.edited", { standardId: s.id, from: s.text, to: d.text });
      return go("standards", base, ctx.t("commitment-standard-saved"));
    }
    case "period-next":
      return openNextPeriod(ctx, base);
    case "review-open":
    case "review-close":
      return setReview(ctx, base, d.action === "review-open", closesOf(ctx, d));
    case "review-date":
      return moveReviewClose(ctx, base, closesOf(ctx, d));
    default: {
      const p = await period(ctx, d);
      if (!p || !d.deadline) return end(ctx.t("commitment-period-missing"));
      const deadline = new Date(d.deadline);
      if (deadline <= ctx.now) return go("deadline", base, ctx.t("commitment-deadline-past"));
      await ctx.tx.commitments.updatePeriod(p.id, { deadline });
      await ctx.audit("commitment.deadline", { periodId: p.id, from: p.deadline.toISOString(), to: deadline.toISOString() });
      return go("admin", base, ctx.t("commitment-admin-deadline-saved", { period: periodName(ctx.t, p), date: day(ctx, deadline) }));
    }
  }
}

async function openNextPeriod(ctx: Ctx, base: CommitDraft): Promise<Next<CommitDraft>> {
  if (!(await canOpenNext(ctx))) return go("admin", base, ctx.t("commitment-unchanged"));
  const branch = ctx.actor.branch!;
  const year = nextYearOf(ctx);
  const p = await ensureYearPeriod(ctx.tx, branch, year, ctx.now);
  await ctx.audit("commitment.period.opened", { periodId: p.id, year });
  // Everyone learns that registration for the new year has begun, with the way to do it.
  const recipients = (await ctx.tx.members.listActive(branch.id)).map((member) => ({
    member,
    key: openedKey(p.id, member.id),
    build: (t: T, locale: Locale) => ({
      text: t("commitment-period-opened", { period: periodName(t, p), date: formatDate(p.deadline, branch.timezone, locale) }),
      choices: [[{ label: t("commitment-register-now"), action: "cm:o" }]],
    }),
  }));
  await ctx.services.messages.toMembers(ctx.tx, branch, recipients);
  return go("admin", { periodId: p.id }, ctx.t("commitment-admin-next-saved", { period: periodName(ctx.t, p) }));
}

async function setReview(ctx: Ctx, base: CommitDraft, open: boolean, closesAt: Date): Promise<Next<CommitDraft>> {
  const branch = ctx.actor.branch!;
  const { year, review: existing } = await review(ctx);
  if (!open) {
    if (!existing || !isReviewOpen(existing, ctx.now)) return go("review", base, ctx.t("commitment-unchanged"));
    await ctx.tx.commitments.updateYearReview(existing.id, { closesAt: ctx.now });
    await ctx.audit("yearend.closed", { year, reviewId: existing.id });
    return go("review", base, ctx.t("commitment-admin-review-closed-saved", { year: String(year) }));
  }
  if (closesAt <= ctx.now) return go("reviewdate", { ...base, action: "review-open" }, ctx.t("commitment-admin-review-date-past"));
  const r = await ctx.tx.commitments.openYearReview({ branchId: branch.id, year, closesAt, openedById: ctx.actor.member!.id, at: ctx.now });
  await ctx.audit("yearend.opened", { year, reviewId: r.id, closesAt: r.closesAt?.toISOString() ?? null });
  const stamp = Math.floor(ctx.now.getTime() / 60_000).toString(36);
  const recipients = (await ctx.tx.members.listActive(branch.id)).map((member) => ({
    member,
    key: `yearend-open:${r.id}:${stamp}:${member.id}`,
    build: (t: T, locale: Locale) => ({
      text: t("yearend-opened", { year: String(year), date: r.closesAt ? formatDate(r.closesAt, branch.timezone, locale) : "" }),
      choices: [[{ label: t("yearend-start"), action: "ye:s" }]],
    }),
  }));
  const { inserted } = await ctx.services.messages.toMembers(ctx.tx, branch, recipients);
  return go("review", base, ctx.t("commitment-admin-review-opened-saved", { year: String(year), count: inserted.length }));
}

/** A new closing date for the open review; the members who have not proposed yet are told. */
async function moveReviewClose(ctx: Ctx, base: CommitDraft, closesAt: Date): Promise<Next<CommitDraft>> {
  const branch = ctx.actor.branch!;
  const { year, review: r } = await review(ctx);
  if (!r || !isReviewOpen(r, ctx.now)) return go("review", base, ctx.t("commitment-unchanged"));
  if (closesAt <= ctx.now) return go("reviewdate", { ...base, action: "review-date" }, ctx.t("commitment-admin-review-date-past"));
  await ctx.tx.commitments.updateYearReview(r.id, { closesAt });
  await ctx.audit("yearend.closing-date", { year, reviewId: r.id, from: r.closesAt?.toISOString() ?? null, to: closesAt.toISOString() });
  const members = await ctx.tx.members.listActive(branch.id);
  const proposed = new Set((await ctx.tx.commitments.ratingsOf(members.map((m) => m.id), year)).map((x) => x.memberId));
  const stamp = Math.floor(ctx.now.getTime() / 60_000).toString(36);
  const recipients = members
    .filter((m) => !m.exempted && !proposed.has(m.id))
    .map((member) => ({
      member,
      key: `yearend-date:${r.id}:${stamp}:${member.id}`,
      build: (t: T, locale: Locale) => ({
        text: t("yearend-date-changed", { year: String(year), date: formatDate(closesAt, branch.timezone, locale) }),
        choices: [[{ label: t("yearend-start"), action: "ye:s" }]],
      }),
    }));
  const { inserted } = await ctx.services.messages.toMembers(ctx.tx, branch, recipients);
  return go("review", base, ctx.t("commitment-admin-review-date-saved", { year: String(year), date: day(ctx, closesAt), count: inserted.length }));
}

async function reviewPrompt(ctx: Ctx): Promise<Prompt> {
  const { year, review: r } = await review(ctx);
  const open = r !== null && isReviewOpen(r, ctx.now);
  const choices: StepChoice[][] = open
    ? [[{ label: ctx.t("commitment-admin-review-close"), value: "close" }], [{ label: ctx.t("commitment-admin-review-date"), value: "date" }]]
    : [[{ label: ctx.t("commitment-admin-review-start", { year: String(year) }), value: "open" }]];
  if (r) choices.push([{ label: ctx.t("yearend-overview-button", { year: String(year) }), value: "overview" }]);
  choices.push([back(ctx)]);
  return { text: [reviewState(ctx, year, r), "", ctx.t("commitment-admin-review-explain")].join("\n"), choices };
}

async function reviewDatePrompt(ctx: Ctx, d: CommitDraft): Promise<Prompt> {
  const { year, review: r } = await review(ctx);
  const suggested = reviewClose(ctx);
  const lines = [ctx.t("commitment-admin-review-ask-date", { year: String(year), max: REVIEW_MAX_DAYS })];
  if (d.action === "review-date" && r?.closesAt) lines.push(ctx.t("commitment-admin-review-date-now", { date: day(ctx, r.closesAt) }));
  return {
    text: lines.join("\n"),
    choices: [[{ label: ctx.t("commitment-admin-review-date-default", { date: day(ctx, suggested), days: REVIEW_OPEN_DAYS }), value: "default" }], [{ label: ctx.t("control-cancel"), value: "review" }]],
  };
}

function reviewDateAnswer(ctx: Ctx, d: CommitDraft, text: string): Next<CommitDraft> {
  const local = DateTime.fromJSDate(ctx.now, { zone: zoneOf(ctx) });
  const parsed = parseDate(text, { year: local.year, month: local.month, day: local.day });
  if (!parsed.ok) return invalid(parsed.problem, parsed.args);
  const closes = endOfLocalDay(parsed.value, zoneOf(ctx));
  if (closes <= ctx.now) return invalid("commitment-admin-review-date-past");
  if (closes.getTime() - ctx.now.getTime() > REVIEW_MAX_DAYS * 86_400_000) return invalid("commitment-admin-review-date-far", { max: REVIEW_MAX_DAYS });
  return go("adminok", { periodId: d.periodId, action: d.action, closes: closes.toISOString() });
}

export const adminSteps: Record<string, StepDef<CommitDraft>> = {
  admin: adminOnly({ prompt: menuPrompt, choice: menuChoice }),
  deadline: adminOnly({
    prompt: async (ctx, d) => {
      const p = await period(ctx, d);
      return {
        text: ctx.t("commitment-admin-deadline-ask", { period: p ? periodName(ctx.t, p) : "", date: p ? day(ctx, p.deadline) : "" }),
        choices: [[{ label: ctx.t("control-cancel"), value: "admin" }]],
      };
    },
    text: deadlineAnswer,
    choice: (_ctx, d, value) => (value === "admin" ? go("admin", { periodId: d.periodId }) : invalid("input-pick-a-choice")),
  }),
  standards: adminOnly({ prompt: standardsPrompt, choice: standardsChoice }),
  stdcard: adminOnly({
    prompt: async (ctx, d) => {
      const s = await standardOf(ctx, d.standardId);
      return {
        text: s ? ctx.t("commitment-standard-card", { text: s.text }) : ctx.t("commitment-standard-gone"),
        choices: [
          [
            ...(s
              ? [
                  { label: ctx.t("control-edit"), value: "edit" },
                  { label: ctx.t("commitment-delete"), value: "del" },
                ]
              : []),
            back(ctx, "standards"),
          ],
        ],
      };
    },
    choice: async (ctx, d, value) => {
      const base: CommitDraft = { periodId: d.periodId };
      if (value === "standards") return go("standards", base);
      const s = await standardOf(ctx, d.standardId);
      if (!s) return go("standards", base, ctx.t("commitment-standard-gone"));
      if (value === "edit") return go("stdtext", { ...base, standardId: s.id, action: "std-edit" });
      if (value === "del") return go("adminok", { ...base, standardId: s.id, action: "std-del" });
      return invalid("input-pick-a-choice");
    },
  }),
  stdtext: adminOnly({
    prompt: (ctx, d) => ({
      text: ctx.t(d.action === "std-edit" ? "commitment-standard-ask-edit" : "commitment-standard-ask", { max: MAX_STANDARD_CHARS }),
      choices: [[{ label: ctx.t("control-cancel"), value: "standards" }]],
    }),
    text: stdTextAnswer,
    choice: (_ctx, d, value) => (value === "standards" ? go("standards", { periodId: d.periodId }) : invalid("input-pick-a-choice")),
  }),
  review: adminOnly({
    prompt: reviewPrompt,
    choice: async (ctx, d, value) => {
      const base: CommitDraft = { periodId: d.periodId };
      if (value === "admin") return go("admin", base);
      const { year, review: r } = await review(ctx);
      const open = r !== null && isReviewOpen(r, ctx.now);
      if (value === "open" && !open) return go("reviewdate", { ...base, action: "review-open" });
      if (value === "close" && open) return go("adminok", { ...base, action: "review-close" });
      if (value === "date" && open) return go("reviewdate", { ...base, action: "review-date" });
      if (value === "overview" && r) return go("review", base, await proposalsOverview(ctx, year));
      return invalid("input-pick-a-choice");
    },
  }),
  reviewdate: adminOnly({
    prompt: reviewDatePrompt,
    text: reviewDateAnswer,
    choice: (ctx, d, value) => {
      const base: CommitDraft = { periodId: d.periodId };
      if (value === "review") return go("review", base);
      if (value === "default") return go("adminok", { ...base, action: d.action === "review-date" ? "review-date" : "review-open", closes: reviewClose(ctx).toISOString() });
      return invalid("input-pick-a-choice");
    },
  }),
  adminok: adminOnly({ prompt: confirmPrompt, choice: confirmChoice }),
};
