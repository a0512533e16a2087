// /gopy (secretaries): the chi ủy comments on a member's commitment or asks for a revision. Pick a
// member (a page at a time, or a name typed), then one of their sent commitments, write, confirm.
// The member is told in their own language, with a button to open that commitment. Only the
// secretary's own branch is ever listed or accepted, whatever a button carries.
import type { Commitment, CommitmentPeriod, CommitmentReview } from "../../domain/commitments/model.ts";
import { MAX_REVIEW_CHARS } from "../../domain/commitments/model.ts";
import { reviewYear } from "../../domain/commitments/review.ts";
import { checkText } from "../../domain/commitments/text.ts";
import type { Member, ReviewKind } from "../../domain/model.ts";
import { SEARCH_MAX, sortMembers } from "../../domain/names.ts";
import { zoneOf, type Ctx } from "../../engine/context.ts";
import { confirmRow } from "../../engine/controls.ts";
import { end, go, invalid, type FlowDef, type Next, type Prompt, type StepChoice } from "../../engine/flow.ts";
import { fold, shorten } from "../../text.ts";
import { branchNames, type Names } from "../names.ts";
import { secretaryTitle } from "../roles.ts";
import { proposalsOverview } from "../yearend/overview.ts";
import { distinctLabels, pageNav, pageOf, pagePosition, parsePageValue } from "../paging.ts";
import { authorsOf, openRevision, reviewLine, statusLine } from "./format.ts";
import { tellMember } from "./notify.ts";
import { periodName, registrationPeriod } from "./periods.ts";

interface ReviewDraft {
  periodId: string;
  page: number;
  query?: string;
  memberId?: string;
  commitmentId?: string;
  kind?: ReviewKind;
  text?: string;
}

interface Board {
  period: CommitmentPeriod;
  members: Member[];
  names: Names;
  byMember: Map<string, Commitment[]>;
  reviews: CommitmentReview[];
}

const shownName = async (ctx: Ctx, m: Member) => (await branchNames(ctx.tx, m.branchId)).of(m);

async function board(ctx: Ctx, d: ReviewDraft): Promise<Board | null> {
  const branch = ctx.actor.branch!;
  const period = await ctx.tx.commitments.periodById(d.periodId);
  if (!period || period.branchId !== branch.id) return null;
  const names = await branchNames(ctx.tx, branch.id);
  const members = sortMembers(names.roster.filter((m) => m.status === "ACTIVE"));
  const all = await ctx.tx.commitments.commitmentsIn(period.id);
  const byMember = new Map<string, Commitment[]>();
  for (const c of all) byMember.set(c.memberId, [...(byMember.get(c.memberId) ?? []), c]);
  return { period, members, names, byMember, reviews: await ctx.tx.commitments.reviewsOf(all.map((c) => c.id)) };
}

/** A member of the secretary's own branch, or null (another branch's id reads as not found). */
async function memberOf(ctx: Ctx, id: string | undefined): Promise<Member | null> {
  const m = id ? await ctx.tx.members.byId(id) : null;
  return m && m.branchId === ctx.actor.branch!.id && m.status === "ACTIVE" ? m : null;
}

/** A sent commitment of that member in the period under review. */
async function commitmentOf(ctx: Ctx, d: ReviewDraft, id: string | undefined): Promise<Commitment | null> {
  const c = id ? await ctx.tx.commitments.commitmentById(id) : null;
  return c && c.memberId === d.memberId && c.periodId === d.periodId && c.status === "SUBMITTED" ? c : null;
}

/** Changed after submission and not reviewed since: what the chi ủy has not seen yet. */
function changedUnseen(c: Commitment, reviews: CommitmentReview[]): boolean {
  if (!c.changedAt) return false;
  return !reviews.some((r) => r.commitmentId === c.id && r.createdAt >= c.changedAt!);
}

function memberTag(ctx: Ctx, b: Board, m: Member): string {
  const sent = (b.byMember.get(m.id) ?? []).filter((c) => c.status === "SUBMITTED");
  if (!sent.length) return ctx.t("commitment-review-tag-none");
  const tags = [ctx.t("commitment-review-tag-count", { count: sent.length })];
  if (sent.some((c) => changedUnseen(c, b.reviews))) tags.push(ctx.t("commitment-review-tag-changed"));
  if (sent.some((c) => openRevision(c, b.reviews))) tags.push(ctx.t("commitment-review-tag-revision"));
  return tags.join(", ");
}

const matches = (m: Member, query: string) => fold(m.fullName).includes(fold(query)) || (m.nameNote !== null && fold(m.nameNote).includes(fold(query)));
const shown = (b: Board, d: ReviewDraft) => (d.query ? b.members.filter((m) => matches(m, d.query!)) : b.members);

async function membersPrompt(ctx: Ctx, d: ReviewDraft): Promise<Prompt> {
  const b = await board(ctx, d);
  if (!b) return { text: ctx.t("commitment-period-missing"), choices: [[{ label: ctx.t("commitment-close"), value: "close" }]] };
  const registered = b.members.filter((m) => (b.byMember.get(m.id) ?? []).some((c) => c.status === "SUBMITTED")).length;
  const list = shown(b, d);
  const page = pageOf(list, d.page);
  const lines = [ctx.t("commitment-review-title", { period: periodName(ctx.t, b.period), registered, total: b.members.length })];
  if (d.query) lines.push(ctx.t("commitment-review-filter", { query: d.query, count: list.length }));
  lines.push(pagePosition(ctx.t, page), ctx.t("commitment-review-hint"));
  const labels = distinctLabels(page.items.map((m) => b.names.of(m))).map((name, i) => ctx.t("commitment-review-member-label", { name, tag: memberTag(ctx, b, page.items[i]!) }));
  const nav = pageNav(ctx.t, page);
  const last: StepChoice[] = [...(d.query ? [{ label: ctx.t("commitment-review-all"), value: "all" }] : []), { label: ctx.t("commitment-close"), value: "close" }];
  // Once the branch has a year-end review, the proposals are one tap away for the year-end meeting.
  const year = reviewYear(ctx.now, zoneOf(ctx));
  const yearEnd: StepChoice[][] = (await ctx.tx.commitments.yearReview(ctx.actor.branch!.id, year))
    ? [[{ label: ctx.t("yearend-overview-button", { year: String(year) }), value: "ye" }]]
    : [];
  return {
    text: lines.filter(Boolean).join("\n"),
    choices: [...page.items.map((m, i) => [{ label: labels[i]!, value: `m:${m.id}` }]), ...(nav.length ? [nav] : []), ...yearEnd, last],
  };
}

async function membersText(ctx: Ctx, d: ReviewDraft, text: string): Promise<Next<ReviewDraft>> {
  const b = await board(ctx, d);
  if (!b) return end(ctx.t("commitment-period-missing"));
  if (/^\d+$/.test(text.trim())) return invalid("commitment-pick-number", { input: text.trim().slice(0, 6) });
  const query = text.replace(/\s+/g, " ").trim();
  if (query.length > SEARCH_MAX || !/\p{L}/u.test(query)) return invalid("commitment-review-search-invalid", { max: SEARCH_MAX });
  const found = b.members.filter((m) => matches(m, query));
  if (!found.length) return invalid("commitment-review-search-none", { query });
  if (found.length === 1) return go("member", { periodId: d.periodId, page: 0, query, memberId: found[0]!.id });
  return go("members", { periodId: d.periodId, page: 0, query });
}

const listOf = (d: ReviewDraft): ReviewDraft => ({ periodId: d.periodId, page: d.page, ...(d.query ? { query: d.query } : {}) });
const memberOfDraft = (d: ReviewDraft): ReviewDraft => ({ ...listOf(d), ...(d.memberId ? { memberId: d.memberId } : {}) });
const itemOf = (d: ReviewDraft): ReviewDraft => ({ ...memberOfDraft(d), ...(d.commitmentId ? { commitmentId: d.commitmentId } : {}) });

async function memberPrompt(ctx: Ctx, d: ReviewDraft): Promise<Prompt> {
  const member = await memberOf(ctx, d.memberId);
  const back: StepChoice[] = [
    { label: ctx.t("commitment-back"), value: "back" },
    { label: ctx.t("commitment-close"), value: "close" },
  ];
  if (!member) return { text: ctx.t("commitment-review-member-gone"), choices: [back] };
  const items = await ctx.tx.commitments.commitmentsOf(member.id, d.periodId);
  const sent = items.filter((c) => c.status === "SUBMITTED");
  const reviews = await ctx.tx.commitments.reviewsOf(sent.map((c) => c.id));
  const lines = [ctx.t("commitment-review-member-title", { name: await shownName(ctx, member) })];
  if (!sent.length) lines.push(ctx.t("commitment-review-member-none"));
  for (const [i, c] of sent.entries()) lines.push(`${i + 1}. ${c.text}`, `   (${statusLine(ctx.t, c, reviews, zoneOf(ctx), ctx.actor.locale)})`);
  const drafts = items.length - sent.length;
  if (drafts) lines.push(ctx.t("commitment-review-member-drafts", { count: drafts }));
  if (sent.length) lines.push("", ctx.t("commitment-review-pick-commitment"));
  const labels = distinctLabels(sent.map((c) => shorten(c.text)));
  return { text: lines.join("\n"), choices: [...sent.map((c, i) => [{ label: labels[i]!, value: `c:${c.id}` }]), back] };
}

async function itemPrompt(ctx: Ctx, d: ReviewDraft): Promise<Prompt> {
  const member = await memberOf(ctx, d.memberId);
  const c = member ? await commitmentOf(ctx, d, d.commitmentId) : null;
  const back: StepChoice = { label: ctx.t("commitment-back"), value: "back" };
  if (!member || !c) return { text: ctx.t("commitment-not-found"), choices: [[back]] };
  const reviews = await ctx.tx.commitments.reviewsOf([c.id]);
  const lines = [ctx.t("commitment-review-card", { name: await shownName(ctx, member), text: c.text })];
  if (c.standardId) {
    const s = await ctx.tx.commitments.standardById(c.standardId);
    lines.push(ctx.t("commitment-card-standard", { standard: s && !s.archivedAt ? s.text : ctx.t("commitment-standard-archived") }));
  }
  lines.push(ctx.t("commitment-card-status", { status: statusLine(ctx.t, c, reviews, zoneOf(ctx), ctx.actor.locale) }));
  if (reviews.length) {
    const authors = await authorsOf(ctx.tx, reviews);
    lines.push("", ctx.t("commitment-card-reviews"), ...reviews.map((r) => reviewLine(ctx.t, r, authors.get(r.authorId), zoneOf(ctx), ctx.actor.locale)));
  }
  return {
    text: lines.join("\n"),
    choices: [
      [
        { label: ctx.t("commitment-review-comment"), value: "COMMENT" },
        { label: ctx.t("commitment-review-revision"), value: "REVISION" },
      ],
      [back],
    ],
  };
}

async function save(ctx: Ctx, d: ReviewDraft): Promise<Next<ReviewDraft>> {
  const member = await memberOf(ctx, d.memberId);
  const c = member ? await commitmentOf(ctx, d, d.commitmentId) : null;
  if (!member || !c || !d.kind || !d.text) return go("members", listOf(d), ctx.t("commitment-not-found"));
  const author = ctx.actor.member!;
  const review = await ctx.tx.commitments.addReview({ commitmentId: c.id, authorId: author.id, kind: d.kind, text: d.text, at: ctx.now });
  await ctx.audit("commitment.reviewed", { reviewId: review.id, commitmentId: c.id, memberId: member.id, kind: d.kind });
  const kind = d.kind;
  const authorName = await shownName(ctx, author);
  await tellMember(ctx, member, "review", (t) => ({
    text: t(kind === "REVISION" ? "commitment-review-notice-revision" : "commitment-review-notice-comment", {
      author: authorName,
      title: secretaryTitle(t, author),
      commitment: c.text,
      text: review.text,
    }),
    choices: [[{ label: t(kind === "REVISION" ? "commitment-review-answer" : "commitment-review-open"), action: `cm:${kind === "REVISION" ? "e" : "v"}:${c.id}` }]],
  }));
  return go("item", itemOf(d), ctx.t(kind === "REVISION" ? "commitment-review-sent-revision" : "commitment-review-sent", { name: await shownName(ctx, member) }));
}

export const reviewFlow: FlowDef<ReviewDraft> = {
  name: "review",
  access: "secretary",
  ttlHours: 48,
  steps: {
    members: {
      prompt: membersPrompt,
      text: membersText,
      choice: async (ctx, d, value) => {
        if (value === "close") return end(ctx.t("commitment-review-closed"));
        if (value === "all") return go("members", { periodId: d.periodId, page: 0 });
        if (value === "ye") return go("members", listOf(d), await proposalsOverview(ctx));
        const page = parsePageValue(value);
        if (page !== null) return go("members", { ...listOf(d), page });
        const member = value.startsWith("m:") ? await memberOf(ctx, value.slice(2)) : null;
        if (!member) return invalid(value.startsWith("m:") ? "commitment-review-member-gone" : "input-pick-a-choice");
        return go("member", { ...listOf(d), memberId: member.id });
      },
    },
    member: {
      prompt: memberPrompt,
      choice: async (ctx, d, value) => {
        if (value === "back") return go("members", listOf(d));
        if (value === "close") return end(ctx.t("commitment-review-closed"));
        const c = value.startsWith("c:") && (await memberOf(ctx, d.memberId)) ? await commitmentOf(ctx, d, value.slice(2)) : null;
        if (!c) return invalid(value.startsWith("c:") ? "commitment-not-found" : "input-pick-a-choice");
        return go("item", { ...memberOfDraft(d), commitmentId: c.id });
      },
    },
    item: {
      prompt: itemPrompt,
      choice: async (ctx, d, value) => {
        if (value === "back") return go("member", memberOfDraft(d));
        if (value !== "COMMENT" && value !== "REVISION") return invalid("input-pick-a-choice");
        if (!(await commitmentOf(ctx, d, d.commitmentId)) || !(await memberOf(ctx, d.memberId))) return go("members", listOf(d), ctx.t("commitment-not-found"));
        return go("write", { ...itemOf(d), kind: value });
      },
    },
    write: {
      prompt: async (ctx, d) => {
        const member = await memberOf(ctx, d.memberId);
        return {
          text: ctx.t(d.kind === "REVISION" ? "commitment-review-ask-revision" : "commitment-review-ask-comment", { name: member ? await shownName(ctx, member) : "", max: MAX_REVIEW_CHARS }),
          choices: [[{ label: ctx.t("control-cancel"), value: "back" }]],
        };
      },
      text: (_ctx, d, text) => {
        const checked = checkText(text, { max: MAX_REVIEW_CHARS, minLetters: 3 });
        return checked.ok ? go("confirm", { ...d, text: checked.value }) : invalid(checked.key, checked.args);
      },
      choice: (_ctx, d, value) => (value === "back" ? go("item", itemOf(d)) : invalid("input-pick-a-choice")),
    },
    confirm: {
      prompt: async (ctx, d) => {
        const member = await memberOf(ctx, d.memberId);
        const c = await commitmentOf(ctx, d, d.commitmentId);
        return {
          text: ctx.t(d.kind === "REVISION" ? "commitment-review-confirm-revision" : "commitment-review-confirm-comment", {
            name: member ? await shownName(ctx, member) : "",
            commitment: c?.text ?? "",
            text: d.text ?? "",
          }),
          choices: [confirmRow(ctx.t)],
        };
      },
      choice: (ctx, d, value) => {
        if (value === "ok") return save(ctx, d);
        if (value === "edit") return go("write", { ...itemOf(d), ...(d.kind ? { kind: d.kind } : {}) });
        if (value === "cancel") return go("item", itemOf(d), ctx.t("commitment-review-not-sent"));
        return invalid("input-pick-a-choice");
      },
    },
  },
};

/** /gopy, or "/gopy Bình" to start from the members whose name matches. */
export async function openReview(ctx: Ctx, args = ""): Promise<void> {
  const period = await registrationPeriod(ctx.tx, ctx.actor.branch!, ctx.now);
  if (!period) return ctx.reply(ctx.t("commitment-period-missing"));
  const query = args.replace(/\s+/g, " ").trim();
  const usable = query.length > 0 && query.length <= SEARCH_MAX && /\p{L}/u.test(query);
  if (!usable) return ctx.startFlow(reviewFlow, { periodId: period.id, page: 0 }, "members");
  // One match: straight to that member, as a typed search does.
  const found = (await ctx.tx.members.listActive(ctx.actor.branch!.id)).filter((m) => matches(m, query));
  if (found.length === 1) return ctx.startFlow(reviewFlow, { periodId: period.id, page: 0, query, memberId: found[0]!.id }, "member");
  await ctx.startFlow(reviewFlow, { periodId: period.id, page: 0, query }, "members");
}
