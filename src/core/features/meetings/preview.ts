// The reminders of the next meeting as an admin reads them in /nhacnho and before confirming a
// change to offsets, nudges or quiet hours: the same timeline the scheduler follows.
import type { Branch } from "../../domain/model.ts";
import { formatDateTime } from "../../domain/time.ts";
import type { Ctx } from "../../engine/context.ts";
import { durationText } from "./format.ts";
import { timelineOf } from "./keys.ts";

/** "• 07:00, Thứ Hai 02/12/2026 – nhắc trước 3 ngày" lines for the branch's next meeting, or a note that there is none. */
export async function nextMeetingTimeline(ctx: Ctx, branch: Branch, offsets?: number[]): Promise<string> {
  const meeting = await ctx.tx.meetings.next(branch.id, ctx.now);
  if (!meeting) return ctx.t("reminder-preview-no-meeting");
  const items = timelineOf(meeting, branch, offsets ?? (await ctx.tx.meetings.offsets(branch.id)));
  const when = (at: Date) => formatDateTime(at, branch.timezone, ctx.actor.locale);
  const lines = items.map((i) =>
    i.kind === "reminder"
      ? ctx.t("reminder-preview-reminder", { at: when(i.at), before: durationText(ctx.t, i.ordinal) })
      : ctx.t("reminder-preview-nudge", { at: when(i.at), n: i.ordinal }),
  );
  return ctx.t("reminder-preview-title", { when: when(meeting.startsAt) }) + "\n" + lines.map((l) => "• " + l).join("\n");
}
