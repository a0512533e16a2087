// /dangky: a member's commitments (đăng ký việc làm theo gương Bác) for the open period. Each change
// is saved at once as a draft, so nothing typed is lost; Xác nhận sends the drafts to the chi ủy.
// After that, changes stay possible until the deadline: each is confirmed, marked (changedAt) and
// told to the secretaries. A revision request from the chi ủy can be answered even after it.
import { DateTime } from "luxon";
import type { Commitment, CommitmentPeriod, CommitmentReview, EthicalStandard } from "../../domain/commitments/model.ts";
import { MAX_COMMITMENT_CHARS } from "../../domain/commitments/model.ts";
import { yearPeriodId } from "../../domain/commitments/period.ts";
import { checkText } from "../../domain/commitments/text.ts";
import { formatDate } from "../../domain/time.ts";
import { zoneOf, type Ctx } from "../../engine/context.ts";
import { confirmRow } from "../../engine/controls.ts";
import { end, go, invalid, type FlowDef, type Next, type Prompt, type StepChoice } from "../../engine/flow.ts";
import { fold, shorten } from "../../text.ts";
import { adminSteps, NEXT_PERIOD_FROM_MONTH } from "./admin.ts";
import type { CommitDraft } from "./draft.ts";
import { distinctLabels } from "../paging.ts";
import { authorsOf, openRevision, reviewLine, statusLine } from "./format.ts";
import { nameOf } from "../names.ts";
import { tellSecretaries } from "./notify.ts";
import { isRegistrationOpen, periodName, registrationPeriod } from "./periods.ts";

interface Loaded {
  period: CommitmentPeriod;
  items: Commitment[];
  reviews: CommitmentReview[];
  standards: EthicalStandard[];
  open: boolean;
}

/** The member's own period and commitments; the period must be their branch's. */
async function load(ctx: Ctx, d: CommitDraft): Promise<Loaded | null> {
  const member = ctx.actor.member!;
  const period = await ctx.tx.commitments.periodById(d.periodId);
  if (!period || period.branchId !== member.branchId) return null;
  const items = await ctx.tx.commitments.commitmentsOf(member.id, period.id);
  const reviews = await ctx.tx.commitments.reviewsOf(items.map((c) => c.id));
  const standards = await ctx.tx.commitments.standards(member.branchId);
  return { period, items, reviews, standards, open: isRegistrationOpen(period, ctx.now) };
}

const day = (ctx: Ctx, at: Date) => formatDate(at, zoneOf(ctx), ctx.actor.locale);
const limits = (ctx: Ctx) => ({ min: ctx.actor.branch?.commitmentMin ?? 1, max: ctx.actor.branch?.commitmentMax ?? 5 });

/** May this commitment be changed now: before the deadline, or to answer a revision request. */
const editable = (l: Loaded, c: Commitment) => l.open || (l.period.status === "OPEN" && openRevision(c, l.reviews) !== null);

const own = (l: Loaded, id: string | undefined) => l.items.find((c) => c.id === id) ?? null;

const gone = (ctx: Ctx): Next<CommitDraft> => end(ctx.t("commitment-period-missing"));

async function listPrompt(ctx: Ctx, d: CommitDraft): Promise<Prompt> {
  const l = await load(ctx, d);
  if (!l) return { text: ctx.t("commitment-period-missing") };
  const { min, max } = limits(ctx);
  const lines = [ctx.t("commitment-list-title", { period: periodName(ctx.t, l.period) })];
  lines.push(ctx.t(l.open ? "commitment-deadline" : "commitment-deadline-passed", { date: day(ctx, l.period.deadline) }));
  lines.push("");
  if (!l.items.length) lines.push(ctx.t("commitment-list-empty", { min, max }));
  for (const [i, c] of l.items.entries()) {
    lines.push(`${i + 1}. ${c.text}`, `   (${statusLine(ctx.t, c, l.reviews, zoneOf(ctx), ctx.actor.locale)})`);
  }
  const drafts = l.items.filter((c) => c.status === "DRAFT").length;
  if (l.open && drafts) lines.push("", ctx.t("commitment-list-hint-submit", { count: drafts }));
  else if (l.open && l.items.length) lines.push("", ctx.t("commitment-list-hint-submitted", { date: day(ctx, l.period.deadline) }));
  const next = await nextYearNotice(ctx, l.period);
  if (next) lines.push("", next);
  // Numbered by the list itself on Zalo and in the terminal ("1. 1." otherwise): the label is the text.
  const labels = distinctLabels(l.items.map((c) => shorten(c.text)));
  const choices: StepChoice[][] = l.items.map((c, i) => [{ label: labels[i]!, value: `c:${c.id}` }]);
  const controls: StepChoice[] = [];
  if (l.open && l.items.length < max) controls.push({ label: ctx.t("commitment-add"), value: "add" });
  if (l.open && drafts) controls.push({ label: ctx.t("control-confirm"), value: "ok" });
  if (controls.length) choices.push(controls);
  const last: StepChoice[] = [{ label: ctx.t("commitment-close"), value: "close" }];
  if (ctx.actor.member?.isAdmin) last.unshift({ label: ctx.t("commitment-manage"), value: "admin" });
  choices.push(last);
  return { text: lines.join("\n"), choices };
}

/** Late in the year: when the coming year's registration opens (unless it is open already). */
async function nextYearNotice(ctx: Ctx, period: CommitmentPeriod): Promise<string | null> {
  const local = DateTime.fromJSDate(ctx.now, { zone: zoneOf(ctx) });
  if (local.month < NEXT_PERIOD_FROM_MONTH || period.startsAt > ctx.now) return null;
  const year = local.year + 1;
  if (await ctx.tx.commitments.periodById(yearPeriodId(ctx.actor.branch!.id, year))) return null;
  const opens = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: zoneOf(ctx) }).toFormat("dd/MM/yyyy");
  return ctx.t("commitment-next-opens", { year: String(year), date: opens });
}

async function submit(ctx: Ctx, d: CommitDraft): Promise<Next<CommitDraft>> {
  const l = await load(ctx, d);
  if (!l) return gone(ctx);
  if (!l.open) return invalid("commitment-registration-closed", { date: day(ctx, l.period.deadline) });
  const drafts = l.items.filter((c) => c.status === "DRAFT");
  if (!drafts.length) return invalid("commitment-nothing-to-submit");
  const { min, max } = limits(ctx);
  if (l.items.length < min) return invalid("commitment-too-few", { min });
  if (l.items.length > max) return invalid("commitment-too-many", { max });
  const before = l.items.length - drafts.length;
  await ctx.tx.commitments.submit(ctx.actor.member!.id, l.period.id, ctx.now);
  await ctx.audit("commitment.submitted", { periodId: l.period.id, ids: drafts.map((c) => c.id) });
  // The chi ủy hears of it in the day's notice: a first registration, or additions to a sent one.
  const name = await nameOf(ctx.tx, ctx.actor.member!);
  await tellSecretaries(ctx, before > 0 ? "commit-added" : "commit-sent", (t) => ({
    text: t(before > 0 ? "commitment-notice-added" : "notice-commitments-submitted", { name, period: periodName(t, l.period), items: drafts.map((c) => `- ${c.text}`).join("\n") }),
  }));
  return end(ctx.t("commitment-submitted", { count: l.items.length, date: day(ctx, l.period.deadline) }));
}

async function itemPrompt(ctx: Ctx, d: CommitDraft): Promise<Prompt> {
  const l = await load(ctx, d);
  const c = l && own(l, d.id);
  const back = [{ label: ctx.t("commitment-back"), value: "back" }];
  if (!l || !c) return { text: ctx.t("commitment-not-found"), choices: [back] };
  const index = l.items.indexOf(c);
  const lines = [ctx.t("commitment-card", { n: index + 1, text: c.text })];
  const standard = l.standards.find((s) => s.id === c.standardId);
  if (c.standardId) lines.push(ctx.t("commitment-card-standard", { standard: standard?.text ?? ctx.t("commitment-standard-archived") }));
  lines.push(ctx.t("commitment-card-status", { status: statusLine(ctx.t, c, l.reviews, zoneOf(ctx), ctx.actor.locale) }));
  const reviews = l.reviews.filter((r) => r.commitmentId === c.id);
  if (reviews.length) {
    const authors = await authorsOf(ctx.tx, reviews);
    lines.push("", ctx.t("commitment-card-reviews"));
    for (const r of reviews) lines.push(reviewLine(ctx.t, r, authors.get(r.authorId), zoneOf(ctx), ctx.actor.locale));
  }
  if (!l.open) lines.push("", ctx.t("commitment-registration-closed", { date: day(ctx, l.period.deadline) }));
  const choices: StepChoice[][] = [];
  const first: StepChoice[] = [];
  if (editable(l, c)) first.push({ label: ctx.t("control-edit"), value: "edit" });
  if (l.open) first.push({ label: ctx.t("commitment-delete"), value: "del" });
  if (first.length) choices.push(first);
  if (l.open && l.items.length > 1) {
    const move: StepChoice[] = [];
    if (index > 0) move.push({ label: ctx.t("commitment-move-up"), value: "up" });
    if (index < l.items.length - 1) move.push({ label: ctx.t("commitment-move-down"), value: "down" });
    choices.push(move);
  }
  if (l.open && l.standards.length) choices.push([{ label: ctx.t("commitment-link-standard"), value: "std" }]);
  choices.push(back);
  return { text: lines.join("\n"), choices };
}

async function itemChoice(ctx: Ctx, d: CommitDraft, value: string): Promise<Next<CommitDraft>> {
  const list: CommitDraft = { periodId: d.periodId };
  if (value === "back") return go("list", list);
  const l = await load(ctx, d);
  if (!l) return gone(ctx);
  const c = own(l, d.id);
  if (!c) return go("list", list, ctx.t("commitment-not-found"));
  const closed = () => invalid<CommitDraft>("commitment-registration-closed", { date: day(ctx, l.period.deadline) });
  switch (value) {
    case "edit":
      return editable(l, c) ? go("text", { ...list, id: c.id, mode: "edit" }) : closed();
    case "del":
      return l.open ? go("delete", { ...list, id: c.id }) : closed();
    case "std":
      return l.open && l.standards.length ? go("standard", { ...list, id: c.id, mode: "link" }) : invalid("input-pick-a-choice");
    case "up":
    case "down": {
      if (!l.open) return closed();
      const ids = l.items.map((x) => x.id);
      const from = ids.indexOf(c.id);
      const to = value === "up" ? from - 1 : from + 1;
      if (to < 0 || to >= ids.length) return invalid("input-pick-a-choice");
      [ids[from], ids[to]] = [ids[to]!, ids[from]!];
      await ctx.tx.commitments.reorder(ids);
      await ctx.audit("commitment.reordered", { periodId: l.period.id, ids });
      return go("list", list, ctx.t("commitment-moved", { n: to + 1 }));
    }
    default:
      return invalid("input-pick-a-choice");
  }
}

async function textPrompt(ctx: Ctx, d: CommitDraft): Promise<Prompt> {
  const cancel = [[{ label: ctx.t("control-cancel"), value: "back" }]];
  if (d.mode === "edit") {
    const c = d.id ? await ctx.tx.commitments.commitmentById(d.id) : null;
    return { text: ctx.t("commitment-ask-edit", { text: c?.text ?? "", max: MAX_COMMITMENT_CHARS }), choices: cancel };
  }
  const l = await load(ctx, d);
  const n = (l?.items.length ?? 0) + 1;
  return { text: ctx.t(n === 1 ? "commitment-ask-first" : "commitment-ask-text", { n, max: MAX_COMMITMENT_CHARS }), choices: cancel };
}

async function textAnswer(ctx: Ctx, d: CommitDraft, raw: string): Promise<Next<CommitDraft>> {
  const l = await load(ctx, d);
  if (!l) return gone(ctx);
  const checked = checkText(raw, { max: MAX_COMMITMENT_CHARS, minLetters: 5, singleLine: true });
  if (!checked.ok) return invalid(checked.key, checked.args);
  const text = checked.value;
  if (l.items.some((c) => c.id !== d.id && fold(c.text) === fold(text))) return invalid("commitment-duplicate");
  const list: CommitDraft = { periodId: d.periodId };

  if (d.mode === "edit") {
    const c = own(l, d.id);
    if (!c) return go("list", list, ctx.t("commitment-not-found"));
    if (!editable(l, c)) return end(ctx.t("commitment-registration-closed", { date: day(ctx, l.period.deadline) }));
    if (c.text === text) return go("item", { ...list, id: c.id }, ctx.t("commitment-unchanged"));
    // A draft is the member's own business until it is sent; a sent one is confirmed and told.
    if (c.status === "SUBMITTED") return go("confirm", { ...list, id: c.id, mode: "edit", text });
    await ctx.tx.commitments.updateCommitment(c.id, { text });
    await ctx.audit("commitment.edited", { commitmentId: c.id, status: c.status });
    return go("list", list, ctx.t("commitment-saved-draft"));
  }

  if (!l.open) return end(ctx.t("commitment-registration-closed", { date: day(ctx, l.period.deadline) }));
  if (l.items.length >= limits(ctx).max) return go("list", list, ctx.t("commitment-max-reached", { max: limits(ctx).max }));
  if (l.standards.length) return go("standard", { ...list, mode: "add", text });
  return add(ctx, l, text, null);
}

async function add(ctx: Ctx, l: Loaded, text: string, standardId: string | null): Promise<Next<CommitDraft>> {
  const c = await ctx.tx.commitments.addCommitment({ periodId: l.period.id, memberId: ctx.actor.member!.id, text, standardId, at: ctx.now });
  await ctx.audit("commitment.added", { commitmentId: c.id, periodId: l.period.id });
  const { min, max } = limits(ctx);
  const count = l.items.length + 1;
  const hint = count < min ? ctx.t("commitment-added-need", { more: min - count }) : count < max ? ctx.t("commitment-added-more") : ctx.t("commitment-added-full");
  return go("list", { periodId: l.period.id }, `${ctx.t("commitment-added", { n: count })} ${hint}`);
}

async function standardPrompt(ctx: Ctx, d: CommitDraft): Promise<Prompt> {
  const l = await load(ctx, d);
  const standards = l?.standards ?? [];
  const lines = [ctx.t("commitment-ask-standard"), ...standards.map((s, i) => `${i + 1}. ${s.text}`)];
  const labels = distinctLabels(standards.map((s) => shorten(s.text)));
  const choices: StepChoice[][] = standards.map((s, i) => [{ label: labels[i]!, value: `s:${s.id}` }]);
  if (d.mode === "link") {
    choices.push([
      { label: ctx.t("commitment-standard-none"), value: "none" },
      { label: ctx.t("commitment-back"), value: "back" },
    ]);
  } else {
    choices.push([{ label: ctx.t("control-skip"), value: "none" }]);
  }
  return { text: lines.join("\n"), choices };
}

async function standardChoice(ctx: Ctx, d: CommitDraft, value: string): Promise<Next<CommitDraft>> {
  const l = await load(ctx, d);
  if (!l) return gone(ctx);
  if (value === "back") return go("item", { periodId: d.periodId, ...(d.id ? { id: d.id } : {}) });
  let standardId: string | null = null;
  if (value !== "none") {
    const standard = value.startsWith("s:") ? l.standards.find((s) => s.id === value.slice(2)) : undefined;
    if (!standard) return invalid("commitment-standard-gone");
    standardId = standard.id;
  }
  if (!l.open) return end(ctx.t("commitment-registration-closed", { date: day(ctx, l.period.deadline) }));
  if (d.mode === "link") {
    const c = own(l, d.id);
    if (!c) return go("list", { periodId: d.periodId }, ctx.t("commitment-not-found"));
    await ctx.tx.commitments.updateCommitment(c.id, { standardId });
    await ctx.audit("commitment.standard", { commitmentId: c.id, standardId });
    return go("item", { periodId: d.periodId, id: c.id }, ctx.t(standardId ? "commitment-standard-linked" : "commitment-standard-unlinked"));
  }
  if (!d.text) return go("list", { periodId: d.periodId });
  if (l.items.length >= limits(ctx).max) return go("list", { periodId: d.periodId }, ctx.t("commitment-max-reached", { max: limits(ctx).max }));
  return add(ctx, l, d.text, standardId);
}

async function confirmEdit(ctx: Ctx, d: CommitDraft): Promise<Next<CommitDraft>> {
  const l = await load(ctx, d);
  if (!l) return gone(ctx);
  const c = own(l, d.id);
  const list: CommitDraft = { periodId: d.periodId };
  if (!c || !d.text) return go("list", list, ctx.t("commitment-not-found"));
  if (!editable(l, c)) return end(ctx.t("commitment-registration-closed", { date: day(ctx, l.period.deadline) }));
  const revision = openRevision(c, l.reviews);
  await ctx.tx.commitments.updateCommitment(c.id, { text: d.text, changedAt: ctx.now });
  await ctx.audit("commitment.changed", { commitmentId: c.id, from: c.text, to: d.text, revisionId: revision?.id ?? null });
  const name = await nameOf(ctx.tx, ctx.actor.member!);
  const period = l.period;
  await tellSecretaries(ctx, "commit-changed", (t) => ({
    text: t(revision ? "commitment-notice-revised" : "commitment-notice-changed", { name, period: periodName(t, period), from: c.text, to: d.text! }),
  }));
  return go("list", list, ctx.t(revision ? "commitment-changed-revision" : "commitment-changed"));
}

async function deleteIt(ctx: Ctx, d: CommitDraft): Promise<Next<CommitDraft>> {
  const l = await load(ctx, d);
  if (!l) return gone(ctx);
  const c = own(l, d.id);
  const list: CommitDraft = { periodId: d.periodId };
  if (!c) return go("list", list, ctx.t("commitment-not-found"));
  if (!l.open) return end(ctx.t("commitment-registration-closed", { date: day(ctx, l.period.deadline) }));
  const { min } = limits(ctx);
  const submitted = l.items.filter((x) => x.status === "SUBMITTED").length;
  // A sent registration never drops below the minimum: the member edits instead, or adds first.
  if (c.status === "SUBMITTED" && submitted - 1 < min) return go("item", { ...list, id: c.id }, ctx.t("commitment-delete-min", { min }));
  await ctx.tx.commitments.deleteCommitment(c.id, ctx.now);
  await ctx.tx.commitments.reorder(l.items.filter((x) => x.id !== c.id).map((x) => x.id));
  await ctx.audit("commitment.deleted", { commitmentId: c.id, status: c.status });
  if (c.status === "SUBMITTED") {
    const name = await nameOf(ctx.tx, ctx.actor.member!);
    await tellSecretaries(ctx, "commit-deleted", (t) => ({ text: t("commitment-notice-deleted", { name, period: periodName(t, l.period), text: c.text }) }));
  }
  return go("list", list, ctx.t("commitment-deleted"));
}

export const commitFlow: FlowDef<CommitDraft> = {
  name: "commit",
  access: "member",
  ttlHours: 72,
  steps: {
    list: {
      prompt: listPrompt,
      choice: async (ctx, d, value) => {
        if (value === "close") return end(ctx.t("commitment-list-closed"));
        if (value === "ok") return submit(ctx, d);
        if (value === "admin") return ctx.actor.member?.isAdmin ? go("admin", { periodId: d.periodId }) : invalid("input-pick-a-choice");
        const l = await load(ctx, d);
        if (!l) return gone(ctx);
        if (value === "add") {
          if (!l.open) return invalid("commitment-registration-closed", { date: day(ctx, l.period.deadline) });
          if (l.items.length >= limits(ctx).max) return invalid("commitment-max-reached", { max: limits(ctx).max });
          return go("text", { periodId: d.periodId, mode: "add" });
        }
        const c = value.startsWith("c:") ? own(l, value.slice(2)) : null;
        if (!c) return invalid(value.startsWith("c:") ? "commitment-not-found" : "input-pick-a-choice");
        return go("item", { periodId: d.periodId, id: c.id });
      },
      text: (_ctx, _d, text) => invalid(/^\d+$/.test(text.trim()) ? "commitment-pick-number" : "commitment-list-use-buttons", { input: text.trim().slice(0, 6) }),
    },
    item: { prompt: itemPrompt, choice: itemChoice },
    text: {
      prompt: textPrompt,
      text: textAnswer,
      choice: (_ctx, d, value) => {
        if (value !== "back") return invalid("input-pick-a-choice");
        return d.id ? go("item", { periodId: d.periodId, id: d.id }) : go("list", { periodId: d.periodId });
      },
    },
    standard: { prompt: standardPrompt, choice: standardChoice },
    confirm: {
      prompt: async (ctx, d) => {
        const c = d.id ? await ctx.tx.commitments.commitmentById(d.id) : null;
        return { text: ctx.t("commitment-confirm-edit", { from: c?.text ?? "", to: d.text ?? "" }), choices: [confirmRow(ctx.t)] };
      },
      choice: (ctx, d, value) => {
        if (value === "ok") return confirmEdit(ctx, d);
        if (value === "edit") return go("text", { periodId: d.periodId, ...(d.id ? { id: d.id } : {}), mode: "edit" });
        if (value === "cancel") return go("item", { periodId: d.periodId, ...(d.id ? { id: d.id } : {}) }, ctx.t("commitment-unchanged"));
        return invalid("input-pick-a-choice");
      },
    },
    delete: {
      prompt: async (ctx, d) => {
        const c = d.id ? await ctx.tx.commitments.commitmentById(d.id) : null;
        return {
          text: ctx.t("commitment-confirm-delete", { text: c?.text ?? "" }),
          choices: [confirmRow(ctx.t, false)],
        };
      },
      choice: (ctx, d, value) => {
        if (value === "ok") return deleteIt(ctx, d);
        if (value === "cancel") return go("item", { periodId: d.periodId, ...(d.id ? { id: d.id } : {}) }, ctx.t("commitment-unchanged"));
        return invalid("input-pick-a-choice");
      },
    },
    ...adminSteps,
  },
};

/**
 * /dangky, the "Đăng ký ngay" button, and the buttons under a review ("Sửa việc này", "Xem việc
 * này") all land here. `focus` names one of the member's own commitments; anyone else's reads as
 * not found.
 */
export async function openCommitments(ctx: Ctx, focus?: { id: string; edit: boolean }): Promise<void> {
  const branch = ctx.actor.branch!;
  const period = await registrationPeriod(ctx.tx, branch, ctx.now);
  if (!period) return ctx.reply(ctx.t("commitment-period-missing"));
  const items = await ctx.tx.commitments.commitmentsOf(ctx.actor.member!.id, period.id);
  if (focus) {
    const target = items.find((c) => c.id === focus.id);
    if (!target) return ctx.reply(ctx.t("commitment-not-found"));
    const reviews = await ctx.tx.commitments.reviewsOf([target.id]);
    const canEdit = isRegistrationOpen(period, ctx.now) || (period.status === "OPEN" && openRevision(target, reviews) !== null);
    if (focus.edit && canEdit) return ctx.startFlow(commitFlow, { periodId: period.id, id: target.id, mode: "edit" }, "text");
    return ctx.startFlow(commitFlow, { periodId: period.id, id: target.id }, "item");
  }
  // Nothing registered yet: ask for the first one straight away, one tap saved (admins see the
  // list, which carries their Quản lý button).
  if (!items.length && isRegistrationOpen(period, ctx.now) && !ctx.actor.member?.isAdmin) {
    return ctx.startFlow(commitFlow, { periodId: period.id, mode: "add" }, "text");
  }
  await ctx.startFlow(commitFlow, { periodId: period.id }, "list");
}

/** The admin's management steps, entered directly (the year-end button of /tudanhgia). */
export async function openManagement(ctx: Ctx, step: "admin" | "review"): Promise<void> {
  if (!ctx.actor.member?.isAdmin) return ctx.reply(ctx.t("access-denied-admin"));
  const period = await registrationPeriod(ctx.tx, ctx.actor.branch!, ctx.now);
  if (!period) return ctx.reply(ctx.t("commitment-period-missing"));
  await ctx.startFlow(commitFlow, { periodId: period.id }, step);
}
