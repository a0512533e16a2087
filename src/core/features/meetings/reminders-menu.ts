// /nhacnho (admin): when reminders go (offsets before the meeting), how often non-responders are
// nudged, and the quiet hours, with the next meeting's reminders as they will actually go out.
// Offsets are edited here; nudges and quiet hours open the same settings as /caidat.
import { DEFAULT_REMINDER_OFFSETS, MAX_OFFSET_MINUTES, MAX_REMINDER_OFFSETS, MIN_OFFSET_MINUTES } from "../../domain/meetings.ts";
import { parseDurations, type Parsed } from "../../domain/calendar/parse.ts";
import type { Ctx } from "../../engine/context.ts";
import { confirmRow, exitChoice } from "../../engine/controls.ts";
import { end, go, invalid, type FlowDef } from "../../engine/flow.ts";
import type { ActionDef, CommandDef } from "../../engine/registry.ts";
import { durationText } from "./format.ts";
import { nextMeetingTimeline } from "./preview.ts";
import { reminderSettings } from "./settings.ts";

interface OffsetsDraft {
  offsets?: number[];
}

/** Offsets as typed → minutes, largest first, or what is wrong. */
export function parseOffsets(text: string): Parsed<number[]> {
  const parsed = parseDurations(text);
  if (!parsed.ok) return parsed;
  const offsets = [...new Set(parsed.value)].sort((a, b) => b - a);
  if (offsets.length > MAX_REMINDER_OFFSETS) return { ok: false, problem: "reminder-offsets-count", args: { max: MAX_REMINDER_OFFSETS } };
  if (offsets.some((o) => o < MIN_OFFSET_MINUTES || o > MAX_OFFSET_MINUTES)) {
    return { ok: false, problem: "reminder-offsets-range", args: { min: MIN_OFFSET_MINUTES, days: MAX_OFFSET_MINUTES / 1440 } };
  }
  return { ok: true, value: offsets };
}

const offsetsText = (ctx: Ctx, offsets: number[]) => offsets.map((o) => durationText(ctx.t, o)).join(", ");

export const offsetsFlow: FlowDef<OffsetsDraft> = {
  name: "reminder-offsets",
  access: "admin",
  steps: {
    offsets: {
      prompt: async (ctx) => ({
        text: ctx.t("reminder-ask-offsets", { current: offsetsText(ctx, await ctx.tx.meetings.offsets(ctx.actor.branch!.id)) }),
        choices: [[{ label: ctx.t("reminder-default-offsets"), value: "default" }], [exitChoice(ctx.t)]],
      }),
      choice: (ctx, d, value) => {
        if (value === "cancel") return end(ctx.t("control-exit-done"));
        if (value !== "default") return invalid("input-pick-a-choice");
        return go("confirm", { ...d, offsets: [...DEFAULT_REMINDER_OFFSETS] });
      },
      text: (_ctx, d, text) => {
        const parsed = parseOffsets(text);
        if (!parsed.ok) return invalid(parsed.problem, parsed.args);
        return go("confirm", { ...d, offsets: parsed.value });
      },
    },
    confirm: {
      prompt: async (ctx, d) => {
        const offsets = d.offsets ?? [];
        return {
          text: ctx.t("reminder-confirm-offsets", { offsets: offsetsText(ctx, offsets) }) + "\n\n" + (await nextMeetingTimeline(ctx, ctx.actor.branch!, offsets)),
          choices: [confirmRow(ctx.t)],
        };
      },
      choice: async (ctx, d, value) => {
        if (value === "edit") return go("offsets", {});
        if (value === "cancel") return end(ctx.t("cancel-done"));
        if (value !== "ok" || !d.offsets?.length) return invalid("input-pick-a-choice");
        const branchId = ctx.actor.branch!.id;
        const before = await ctx.tx.meetings.offsets(branchId);
        await ctx.tx.meetings.setOffsets(branchId, d.offsets);
        await ctx.audit("reminders.offsets-changed", { from: before, to: d.offsets });
        return end(ctx.t("reminder-offsets-saved", { offsets: offsetsText(ctx, d.offsets) }));
      },
    },
  },
};

async function summary(ctx: Ctx): Promise<void> {
  const branch = ctx.actor.branch!;
  const offsets = await ctx.tx.meetings.offsets(branch.id);
  const lines = [ctx.t("reminder-menu-title", { offsets: offsetsText(ctx, offsets) })];
  for (const s of reminderSettings) lines.push(`• ${ctx.t(s.label)}: ${s.show(branch, ctx.t, ctx.actor.locale)}`);
  lines.push("", await nextMeetingTimeline(ctx, branch, offsets));
  ctx.reply({
    text: lines.join("\n"),
    choices: [
      [{ label: ctx.t("reminder-menu-offsets"), action: "n:offsets" }],
      ...reminderSettings.map((s) => [{ label: ctx.t(s.label), action: `n:${s.key}` }]),
    ],
  });
}

export const remindersCommand: CommandDef = {
  name: "nhacnho",
  alias: "reminders",
  access: "admin",
  description: "reminder-description",
  run: summary,
};

/** The buttons of /nhacnho: "n:offsets", or "n:<setting key>". */
export const remindersAction: ActionDef = {
  prefix: "n",
  access: "admin",
  async run(ctx, parts) {
    const [what] = parts;
    if (what === "offsets" && parts.length === 1) return ctx.startFlow(offsetsFlow, {});
    // The settings feature opens its own flow: the same question as in /caidat.
    if (parts.length === 1 && reminderSettings.some((s) => s.key === what)) return ctx.press(`st:${what}`);
    ctx.reply(ctx.t("choice-stale"));
  },
};
