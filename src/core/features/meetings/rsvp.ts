// A member's answer to a meeting: Tham dự, or Vắng mặt with a reason (vắng mặt có lý do). Answers
// come from the buttons on reminders (actions outside any flow, so they work weeks later) and from
// /hop, and can be changed until the meeting starts.
import { MAX_REASON_CHARS, type Meeting } from "../../domain/meetings.ts";
import { formatDateTime } from "../../domain/time.ts";
import type { Ctx } from "../../engine/context.ts";
import { end, invalid, type FlowDef } from "../../engine/flow.ts";
import type { ActionDef, CommandDef } from "../../engine/registry.ts";
import { visibleLength } from "../../engine/text.ts";
import { answerText, meetingFacts, meetingMessage } from "./format.ts";

interface AbsenceDraft {
  meetingId: string;
}

/** The meeting a button or a flow refers to, if the member may still answer it; otherwise the reason why not. */
async function openMeeting(ctx: Ctx, meetingId: string): Promise<{ meeting: Meeting } | { problem: string; args?: Record<string, string> }> {
  const meeting = await ctx.tx.meetings.byId(meetingId);
  const member = ctx.actor.member;
  if (!meeting || !member || meeting.branchId !== member.branchId) return { problem: "choice-stale" };
  const when = formatDateTime(meeting.startsAt, ctx.actor.branch?.timezone ?? ctx.services.settings.defaultTimezone, ctx.actor.locale);
  if (meeting.status === "CANCELLED") return { problem: "meeting-rsvp-cancelled", args: { when } };
  if (meeting.startsAt <= ctx.now) return { problem: "meeting-rsvp-closed", args: { when } };
  return { meeting };
}

function whenOf(ctx: Ctx, meeting: Meeting): string {
  return formatDateTime(meeting.startsAt, ctx.actor.branch!.timezone, ctx.actor.locale);
}

/** What is wrong with an absence reason, or null. */
export function reasonProblem(reason: string): string | null {
  if (!/[\p{L}\p{N}]/u.test(reason)) return "meeting-reason-empty";
  if (visibleLength(reason) > MAX_REASON_CHARS) return "meeting-reason-too-long";
  return null;
}

export const absenceFlow: FlowDef<AbsenceDraft> = {
  name: "absence",
  access: "member",
  ttlHours: 72,
  steps: {
    reason: {
      prompt: async (ctx, d) => {
        const meeting = await ctx.tx.meetings.byId(d.meetingId);
        return { text: ctx.t("meeting-absence-ask", { when: meeting ? whenOf(ctx, meeting) : "" }) };
      },
      text: async (ctx, d, text) => {
        const reason = text.replace(/\s+/g, " ").trim();
        const problem = reasonProblem(reason);
        if (problem) return invalid(problem, { max: MAX_REASON_CHARS, count: visibleLength(reason) });
        const open = await openMeeting(ctx, d.meetingId);
        if ("problem" in open) return end(ctx.t(open.problem, open.args));
        await ctx.tx.meetings.setRsvp({ meetingId: open.meeting.id, memberId: ctx.actor.member!.id, answer: "ABSENT", reason, at: ctx.now });
        return end(ctx.t("meeting-rsvp-absent-saved", { when: whenOf(ctx, open.meeting), reason }));
      },
    },
  },
};

/** "r:<meetingId>:a" (Tham dự) and "r:<meetingId>:v" (Vắng mặt, then the reason). */
export const rsvpActionDef: ActionDef = {
  prefix: "r",
  access: "member",
  async run(ctx, parts) {
    const [meetingId, answer] = parts;
    if (!meetingId || parts.length !== 2 || (answer !== "a" && answer !== "v")) return ctx.reply(ctx.t("choice-stale"));
    const open = await openMeeting(ctx, meetingId);
    if ("problem" in open) return ctx.reply(ctx.t(open.problem, open.args));
    const { meeting } = open;
    if (answer === "v") return ctx.startFlow(absenceFlow, { meetingId: meeting.id });
    // Changing one's mind from Vắng mặt while the reason is being asked: that question is over.
    if (ctx.flow?.flow === absenceFlow.name) await ctx.endFlow();
    await ctx.tx.meetings.setRsvp({ meetingId: meeting.id, memberId: ctx.actor.member!.id, answer: "ATTEND", reason: null, at: ctx.now });
    ctx.reply(ctx.t("meeting-rsvp-attend-saved", { when: whenOf(ctx, meeting) }));
  },
};

/** How far ahead /hop mentions a second meeting after the next one. */
const ALSO_DAYS = 45;

export const hopCommand: CommandDef = {
  name: "hop",
  alias: "meeting",
  access: "member",
  description: "meeting-hop-description",
  async run(ctx) {
    const member = ctx.actor.member!;
    const branch = ctx.actor.branch!;
    const meeting = await ctx.tx.meetings.next(branch.id, ctx.now);
    if (!meeting) return ctx.reply(ctx.t(member.isAdmin ? "meeting-none-admin" : "meeting-none"));
    const rsvp = await ctx.tx.meetings.rsvp(meeting.id, member.id);
    const lines = [meetingFacts(ctx.t, ctx.actor.locale, meeting, branch.timezone), "", ctx.t("meeting-your-answer", { answer: answerText(ctx.t, rsvp) })];
    if (member.exempted) lines.push(ctx.t("meeting-exempted-note"));
    lines.push(ctx.t("meeting-change-until-start"));
    const later = (await ctx.tx.meetings.inRange(branch.id, new Date(meeting.startsAt.getTime() + 1), new Date(ctx.now.getTime() + ALSO_DAYS * 86_400_000)))[0];
    if (later) lines.push("", ctx.t("meeting-also-upcoming", { when: whenOf(ctx, later) }));
    ctx.reply(meetingMessage(lines.join("\n"), ctx.t, meeting, branch.timezone, ctx.actor.locale));
  },
};
