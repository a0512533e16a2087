// A member's answer to a meeting: Tham dự, or Vắng mặt with a reason (vắng mặt có lý do). Answers
// come from the buttons on reminders (actions outside any flow, so they work weeks later) and from
// /hop, for the next meeting or ahead of time for a later one, and can be changed until the meeting
// starts.
import { nameOf } from "../names.ts";
import { MAX_REASON_CHARS, reasonProblem, type Meeting } from "../../domain/meetings.ts";
import type { RsvpAnswer } from "../../domain/model.ts";
import { formatDate, formatDateTime } from "../../domain/time.ts";
import { zoneOf, type Ctx } from "../../engine/context.ts";
import { end, invalid, type FlowDef } from "../../engine/flow.ts";
import type { ActionDef, CommandDef } from "../../engine/registry.ts";
import { visibleLength } from "../../text.ts";
import { beforeAt } from "../digests/schedule.ts";
import { noteForSecretaries } from "../notices.ts";
import { answerText, meetingFacts, meetingMessage } from "./format.ts";

interface AbsenceDraft {
  meetingId: string;
}

/** The meeting a button or a flow refers to, if the member may still answer it; otherwise the reason why not. */
async function openMeeting(ctx: Ctx, meetingId: string): Promise<{ meeting: Meeting } | { problem: string; args?: Record<string, string> }> {
  const meeting = await ctx.tx.meetings.byId(meetingId);
  const member = ctx.actor.member;
  if (!meeting || !member || meeting.branchId !== member.branchId) return { problem: "choice-stale" };
  const when = () => formatDateTime(meeting.startsAt, zoneOf(ctx), ctx.actor.locale);
  if (meeting.status === "CANCELLED") return { problem: "meeting-rsvp-cancelled", args: { when: when() } };
  if (meeting.startsAt <= ctx.now) return { problem: "meeting-rsvp-closed", args: { when: when() } };
  return { meeting };
}

function whenOf(ctx: Ctx, meeting: Meeting): string {
  return formatDateTime(meeting.startsAt, zoneOf(ctx), ctx.actor.locale);
}

/**
 * Records a member's answer. Once the secretaries' digest before the meeting has gone, a changed
 * answer (or a new absence) is news to them: it goes into the chi ủy's daily notice while the
 * meeting is still ahead.
 */
async function recordAnswer(ctx: Ctx, meeting: Meeting, answer: RsvpAnswer, reason: string | null): Promise<void> {
  const member = ctx.actor.member!;
  const branch = ctx.actor.branch!;
  const previous = await ctx.tx.meetings.rsvp(meeting.id, member.id);
  const saved = await ctx.tx.meetings.setRsvp({ meetingId: meeting.id, memberId: member.id, answer, reason, at: ctx.now });
  const news = previous ? previous.answer !== answer : answer === "ABSENT";
  if (!news || ctx.now < beforeAt(meeting, branch)) return;
  // Namesakes told apart, as everywhere names are listed.
  const name = await nameOf(ctx.tx, member);
  await noteForSecretaries(ctx.tx, ctx.services.messages, branch, {
    key: (secretaryId) => `rsvp-changed:${ctx.event.platform}:${ctx.event.updateId}:${secretaryId}`,
    about: member.id,
    except: member.id,
    expiresAt: meeting.startsAt,
    now: ctx.now,
    build: (t, locale) => {
      const when = formatDateTime(meeting.startsAt, branch.timezone, locale);
      if (!previous) return t("notice-rsvp-absent", { name, when, reason: reason ?? "" });
      return t("notice-rsvp-changed", { name, when, from: answerText(t, previous), to: answerText(t, saved) });
    },
  });
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
        await recordAnswer(ctx, open.meeting, "ABSENT", reason);
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
    await recordAnswer(ctx, meeting, "ATTEND", null);
    ctx.reply(ctx.t("meeting-rsvp-attend-saved", { when: whenOf(ctx, meeting) }));
  },
};

/** How far ahead /hop offers later meetings to answer in advance (báo vắng trước), and how many. */
const LATER_DAYS = 100;
const LATER_MAX = 3;

/**
 * A meeting as /hop shows it: the facts, one's answer and the Tham dự / Vắng mặt choices; for the
 * next meeting also the later ones, each a choice that opens its own card so that an absence next
 * month can be reported now.
 */
async function showMeeting(ctx: Ctx, meeting: Meeting, withLater: boolean): Promise<void> {
  const member = ctx.actor.member!;
  const branch = ctx.actor.branch!;
  const rsvp = await ctx.tx.meetings.rsvp(meeting.id, member.id);
  const lines = [meetingFacts(ctx.t, ctx.actor.locale, meeting, branch.timezone), "", ctx.t("meeting-your-answer", { answer: answerText(ctx.t, rsvp) })];
  if (member.exempted) lines.push(ctx.t("meeting-exempted-note"));
  lines.push(ctx.t("meeting-change-until-start"));
  const message = meetingMessage("", ctx.t, meeting, branch.timezone, ctx.actor.locale);
  if (withLater) {
    const later = (await ctx.tx.meetings.inRange(branch.id, new Date(meeting.startsAt.getTime() + 1), new Date(ctx.now.getTime() + LATER_DAYS * 86_400_000))).slice(0, LATER_MAX);
    if (later.length) {
      lines.push("", ctx.t("meeting-later-title"));
      for (const m of later) lines.push(ctx.t("meeting-later-line", { when: whenOf(ctx, m), answer: answerText(ctx.t, await ctx.tx.meetings.rsvp(m.id, member.id)) }));
      message.choices!.push(...later.map((m) => [{ label: ctx.t("meeting-later-answer", { date: formatDate(m.startsAt, branch.timezone, ctx.actor.locale) }), action: `h:${m.id}` }]));
    }
  }
  ctx.reply({ ...message, text: lines.join("\n") });
}

export const hopCommand: CommandDef = {
  name: "hop",
  alias: "meeting",
  access: "member",
  description: "meeting-hop-description",
  async run(ctx) {
    const branch = ctx.actor.branch!;
    const meeting = await ctx.tx.meetings.next(branch.id, ctx.now);
    if (!meeting) return ctx.reply(ctx.t(ctx.actor.member!.isAdmin ? "meeting-none-admin" : "meeting-none"));
    await showMeeting(ctx, meeting, true);
  },
};

/** "h:<meetingId>": a later meeting's card from /hop, to answer it in advance. */
export const laterMeetingAction: ActionDef = {
  prefix: "h",
  access: "member",
  async run(ctx, parts) {
    const [meetingId] = parts;
    if (!meetingId || parts.length !== 1) return ctx.reply(ctx.t("choice-stale"));
    const open = await openMeeting(ctx, meetingId);
    if ("problem" in open) return ctx.reply(ctx.t(open.problem, open.args));
    await showMeeting(ctx, open.meeting, false);
  },
};
