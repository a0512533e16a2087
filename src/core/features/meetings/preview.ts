// The reminders of the next meeting as an admin reads them in /nhacnho and before confirming a
// change to offsets, nudges or quiet hours: the same timeline the scheduler follows, with what is
// already past (sent, or passed before the meeting was added) and what goes late in its place.
import { outsideQuietHours } from "../../domain/calendar/quiet.ts";
import type { Branch } from "../../domain/model.ts";
import { formatDateTime } from "../../domain/time.ts";
import type { Ctx } from "../../engine/context.ts";
import { durationText } from "./format.ts";
import { itemKey, timelineOf } from "./keys.ts";
import { dueAt, type TimelineItem } from "./timeline.ts";

/** "• 07:00, Thứ Hai 02/12/2026 – nhắc trước 3 ngày" lines for the branch's next meeting, or a note that there is none. */
export async function nextMeetingTimeline(ctx: Ctx, branch: Branch, offsets?: number[]): Promise<string> {
  const meeting = await ctx.tx.meetings.next(branch.id, ctx.now);
  if (!meeting) return ctx.t("reminder-preview-no-meeting");
  const items = timelineOf(meeting, branch, offsets ?? (await ctx.tx.meetings.offsets(branch.id)));
  const when = (at: Date) => formatDateTime(at, branch.timezone, ctx.actor.locale);
  const what = (i: TimelineItem) =>
    i.kind === "reminder" ? ctx.t("reminder-preview-reminder", { at: when(i.at), before: durationText(ctx.t, i.ordinal) }) : ctx.t("reminder-preview-nudge", { at: when(i.at), n: i.ordinal });

  // Past items went to somebody, or passed before there was anyone to send them to.
  const past = items.filter((i) => i.at <= ctx.now);
  const members = past.length ? await ctx.tx.meetings.activeMembersOf([branch.id]) : [];
  const queued = await ctx.tx.outbox.existingKeys(past.flatMap((i) => members.map((m) => itemKey(meeting, i, m.id))));
  const sent = (i: TimelineItem) => members.some((m) => queued.has(itemKey(meeting, i, m.id)));
  const lines = past.map((i) => ctx.t(sent(i) ? "reminder-preview-sent" : "reminder-preview-past", { line: what(i) }));

  // What the scheduler sends late in place of the past ones (see reminders.ts): the invitation
  // first, at once or when quiet hours end.
  const { current } = dueAt(items, meeting.startsAt, ctx.now);
  if (current && !sent(current)) {
    const invited = past.some((i) => i.kind === "reminder" && sent(i));
    const late = !invited ? ctx.t("reminder-preview-first") : current.kind === "nudge" ? ctx.t("reminder-preview-nth-nudge", { n: current.ordinal }) : ctx.t("reminder-preview-before", { before: durationText(ctx.t, current.ordinal) });
    const quiet = { start: branch.quietStart, end: branch.quietEnd };
    const at = outsideQuietHours(ctx.now, ctx.now, branch.timezone, quiet, meeting.startsAt);
    lines.push(at > ctx.now ? ctx.t("reminder-preview-catch-up-quiet", { at: when(at), what: late }) : ctx.t("reminder-preview-catch-up-now", { what: late }));
  }
  lines.push(...items.filter((i) => i.at > ctx.now).map(what));
  return ctx.t("reminder-preview-title", { when: when(meeting.startsAt) }) + "\n" + lines.map((l) => "• " + l).join("\n");
}
