// /tudanhgia: the monthly self-evaluation before a meeting. For each sent commitment one tap
// (Đã hoàn thành / Đang thực hiện / Chưa thực hiện) and an optional short note, then one free
// reflection (liên hệ bản thân), a summary and Xác nhận. Answers live in the flow until Xác nhận;
// if the window closes first they are kept as a draft and the member is told (here or by the job).
import { MAX_NOTE_CHARS, MAX_REFLECTION_CHARS, SELF_EVAL_FLOW_TTL_HOURS } from "../../domain/commitments/model.ts";
import { checkText } from "../../domain/commitments/text.ts";
import type { Meeting } from "../../domain/meetings.ts";
import type { Progress } from "../../domain/model.ts";
import { formatDateTime } from "../../domain/time.ts";
import { zoneOf, type Ctx } from "../../engine/context.ts";
import { shorten } from "../../text.ts";
import { askKeeping, confirmRow } from "../../engine/controls.ts";
import { end, go, invalid, type FlowDef, type Next, type Prompt, type StepChoice } from "../../engine/flow.ts";
import type { T } from "../../services/messages.ts";
import type { Locale } from "../../types.ts";
import { distinctLabels } from "../paging.ts";
import { monthOf, progressChoices, progressLabel, progressOf, progressTyped } from "./progress.ts";
import { evaluatedCommitments, keepDraft, stillAnswerable, type EvalAnswers, type KeptAs } from "./service.ts";

export interface EvalDraft extends EvalAnswers {
  /** The item being answered. */
  index: number;
  /** One item (or the reflection) picked from the summary: back to the summary after it. */
  single?: boolean;
  /** A sent evaluation exists; `dirty` once something changed since. */
  sent?: boolean;
  dirty?: boolean;
}

export const SELF_EVAL_FLOW = "selfeval";


/** What the member is told when the window closed under them. */
export function closedText(t: T, kept: KeptAs, meeting: Pick<Meeting, "startsAt"> | null, zone: string, locale: Locale): string {
  const month = meeting ? monthOf(meeting.startsAt, zone) : "";
  const key = kept === "draft" ? "selfeval-closed-draft" : kept === "submitted" ? "selfeval-closed-submitted" : "selfeval-closed-nothing";
  return t(key, { month, start: meeting ? formatDateTime(meeting.startsAt, zone, locale) : "" });
}

/** Every answer first checks the window: after it closed, what was answered is kept as a draft. */
function guarded<A extends unknown[]>(
  handler: (ctx: Ctx, d: EvalDraft, meeting: Meeting, ...rest: A) => Promise<Next<EvalDraft>> | Next<EvalDraft>,
): (ctx: Ctx, d: EvalDraft, ...rest: A) => Promise<Next<EvalDraft>> {
  return async (ctx, d, ...rest) => {
    const meeting = await ctx.tx.meetings.byId(d.meetingId);
    if (!stillAnswerable(meeting, ctx.actor.member!.branchId, ctx.now)) {
      const kept = meeting ? await keepDraft(ctx.tx, ctx.actor.member!.id, d, ctx.now) : "nothing";
      if (kept === "draft") await ctx.audit("selfeval.kept-draft", { meetingId: d.meetingId });
      return end(closedText(ctx.t, kept, meeting, zoneOf(ctx), ctx.actor.locale));
    }
    return handler(ctx, d, meeting, ...rest);
  };
}

async function texts(ctx: Ctx, d: EvalDraft): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const item of d.items) {
    const c = await ctx.tx.commitments.commitmentById(item.id);
    out.set(item.id, c?.text ?? ctx.t("selfeval-commitment-gone"));
  }
  return out;
}

async function header(ctx: Ctx, d: EvalDraft): Promise<string> {
  const meeting = await ctx.tx.meetings.byId(d.meetingId);
  return meeting ? ctx.t("selfeval-header", { month: monthOf(meeting.startsAt, zoneOf(ctx)) }) : "";
}

async function progressPrompt(ctx: Ctx, d: EvalDraft): Promise<Prompt> {
  const item = d.items[d.index];
  const text = item ? ((await ctx.tx.commitments.commitmentById(item.id))?.text ?? ctx.t("selfeval-commitment-gone")) : "";
  const lines = [await header(ctx, d), ctx.t("selfeval-ask-progress", { n: d.index + 1, total: d.items.length, text })];
  if (item?.progress) lines.push(ctx.t("selfeval-previous", { answer: progressLabel(ctx.t, item.progress) }));
  return { text: lines.filter(Boolean).join("\n"), choices: progressChoices(ctx.t) };
}

function notePrompt(ctx: Ctx, d: EvalDraft): Prompt {
  const note = d.items[d.index]?.note;
  return askKeeping(
    ctx.t("selfeval-ask-note", { max: MAX_NOTE_CHARS }),
    note ? { line: ctx.t("selfeval-previous-note", { note }), keep: ctx.t("selfeval-keep") } : null,
    { label: ctx.t("control-skip"), value: "skip" },
  );
}

function withItem(d: EvalDraft, patch: Partial<EvalDraft["items"][number]>): EvalDraft {
  return { ...d, items: d.items.map((it, i) => (i === d.index ? { ...it, ...patch } : it)), dirty: true };
}

/** After an item: the next one, the reflection, or back to the summary when one item was picked. */
function afterItem(d: EvalDraft): Next<EvalDraft> {
  if (d.single) return go("summary", { ...d, single: false });
  if (d.index + 1 < d.items.length) return go("progress", { ...d, index: d.index + 1 });
  return go("reflection", d);
}

function reflectionPrompt(ctx: Ctx, d: EvalDraft): Prompt {
  return askKeeping(
    ctx.t("selfeval-ask-reflection", { max: MAX_REFLECTION_CHARS }),
    d.reflection ? { line: ctx.t("selfeval-previous-reflection", { text: d.reflection }), keep: ctx.t("selfeval-keep") } : null,
    { label: ctx.t("control-skip"), value: "skip" },
  );
}

/** The answers as the member will send them (also the secretary-facing wording of /cuatoi). */
export function answerLines(t: T, items: Array<{ text: string; progress?: Progress | null; note?: string | null }>, reflection: string | null | undefined): string[] {
  const lines: string[] = [];
  for (const [i, item] of items.entries()) {
    lines.push(`${i + 1}. ${item.text}`);
    const answer = item.progress ? progressLabel(t, item.progress) : t("selfeval-unanswered");
    lines.push(`   ${item.note ? t("selfeval-answer-note", { answer, note: item.note }) : t("selfeval-answer", { answer })}`);
  }
  lines.push(t("selfeval-reflection-line", { text: reflection || t("selfeval-reflection-none") }));
  return lines;
}

async function summaryPrompt(ctx: Ctx, d: EvalDraft): Promise<Prompt> {
  const names = await texts(ctx, d);
  const meeting = await ctx.tx.meetings.byId(d.meetingId);
  const lines = [ctx.t("selfeval-summary-title", { month: meeting ? monthOf(meeting.startsAt, zoneOf(ctx)) : "" })];
  lines.push(...answerLines(ctx.t, d.items.map((i) => ({ text: names.get(i.id) ?? "", progress: i.progress ?? null, note: i.note ?? null })), d.reflection));
  const start = meeting ? formatDateTime(meeting.startsAt, zoneOf(ctx), ctx.actor.locale) : "";
  const unchanged = d.sent && !d.dirty;
  lines.push("", ctx.t(unchanged ? "selfeval-summary-sent" : "selfeval-summary-hint", { start }));
  const choices: StepChoice[] = unchanged
    ? [
        { label: ctx.t("control-edit"), value: "edit" },
        { label: ctx.t("selfeval-close"), value: "close" },
      ]
    : confirmRow(ctx.t);
  return { text: lines.join("\n"), choices: [choices] };
}

async function send(ctx: Ctx, d: EvalDraft, meeting: Meeting): Promise<Next<EvalDraft>> {
  const member = ctx.actor.member!;
  // The commitments may have changed since the flow began (one deleted, one added and sent).
  const current = await evaluatedCommitments(ctx.tx, ctx.actor.branch!, member.id, meeting);
  const byId = new Map(d.items.map((i) => [i.id, i]));
  const items = current.map((c) => byId.get(c.id) ?? { id: c.id });
  const missing = items.findIndex((i) => !i.progress);
  if (!current.length) return end(ctx.t("selfeval-no-commitments"));
  if (missing >= 0) return go("progress", { ...d, items, index: missing, single: false }, ctx.t("selfeval-new-commitment"));
  await ctx.tx.commitments.saveEvaluation({
    memberId: member.id,
    meetingId: meeting.id,
    status: "SUBMITTED",
    reflection: d.reflection ?? null,
    items: items.map((i) => ({ commitmentId: i.id, progress: i.progress!, note: i.note ?? null })),
    at: ctx.now,
  });
  await ctx.audit("selfeval.submitted", { meetingId: meeting.id, items: items.length, edit: Boolean(d.sent) });
  return end(
    ctx.t(d.sent ? "selfeval-updated" : "selfeval-sent", {
      month: monthOf(meeting.startsAt, zoneOf(ctx)),
      start: formatDateTime(meeting.startsAt, zoneOf(ctx), ctx.actor.locale),
    }),
  );
}

async function pickPrompt(ctx: Ctx, d: EvalDraft): Promise<Prompt> {
  const names = await texts(ctx, d);
  // The list renders its own numbers (Zalo, the terminal): labels are the texts, told apart if alike.
  const labels = distinctLabels(d.items.map((i) => shorten(names.get(i.id) ?? "")));
  const choices: StepChoice[][] = d.items.map((_i, n) => [{ label: labels[n]!, value: `i:${n}` }]);
  choices.push([{ label: ctx.t("selfeval-edit-reflection"), value: "refl" }]);
  choices.push([{ label: ctx.t("selfeval-back"), value: "back" }]);
  return { text: ctx.t("selfeval-ask-pick"), choices };
}

export const selfEvalFlow: FlowDef<EvalDraft> = {
  name: SELF_EVAL_FLOW,
  access: "member",
  ttlHours: SELF_EVAL_FLOW_TTL_HOURS,
  steps: {
    progress: {
      prompt: progressPrompt,
      choice: guarded((_ctx, d, _m, value: string) => {
        const progress = progressOf(value);
        if (!progress || !d.items[d.index]) return invalid("selfeval-pick-progress");
        return go("note", withItem(d, { progress }));
      }),
      text: guarded((_ctx, d, _m, text: string) => {
        const progress = progressTyped(text);
        return progress && d.items[d.index] ? go("note", withItem(d, { progress })) : invalid("selfeval-pick-progress");
      }),
    },
    note: {
      prompt: notePrompt,
      choice: guarded((_ctx, d, _m, value: string) => {
        if (value === "keep" && d.items[d.index]?.note) return afterItem(d);
        if (value === "skip") return afterItem(withItem(d, { note: null }));
        return invalid("input-pick-a-choice");
      }),
      text: guarded((_ctx, d, _m, text: string) => {
        const checked = checkText(text, { max: MAX_NOTE_CHARS });
        if (!checked.ok) return invalid(checked.key, checked.args);
        return afterItem(withItem(d, { note: checked.value }));
      }),
    },
    reflection: {
      prompt: reflectionPrompt,
      choice: guarded((_ctx, d, _m, value: string) => {
        if (value === "keep" && d.reflection) return go("summary", { ...d, single: false });
        if (value === "skip") return go("summary", { ...d, reflection: null, single: false, dirty: true });
        return invalid("input-pick-a-choice");
      }),
      text: guarded((_ctx, d, _m, text: string) => {
        const checked = checkText(text, { max: MAX_REFLECTION_CHARS, minLetters: 2 });
        if (!checked.ok) return invalid(checked.key, checked.args);
        return go("summary", { ...d, reflection: checked.value, single: false, dirty: true });
      }),
    },
    summary: {
      prompt: summaryPrompt,
      choice: guarded((ctx, d, meeting, value: string) => {
        if (value === "ok" && (!d.sent || d.dirty)) return send(ctx, d, meeting);
        if (value === "edit") return go("pick", d);
        if (value === "cancel") return end(ctx.t(d.sent ? "selfeval-edit-cancelled" : "cancel-done"));
        if (value === "close") return end(ctx.t("selfeval-closed-view"));
        return invalid("input-pick-a-choice");
      }),
    },
    pick: {
      prompt: pickPrompt,
      choice: guarded((_ctx, d, _m, value: string) => {
        if (value === "back") return go("summary", d);
        if (value === "refl") return go("reflection", { ...d, single: true });
        const n = /^i:(\d{1,2})$/.exec(value);
        const index = n ? Number(n[1]) : -1;
        if (!d.items[index]) return invalid("input-pick-a-choice");
        return go("progress", { ...d, index, single: true });
      }),
    },
  },
};
