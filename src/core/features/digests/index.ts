// Digests for the branch's secretaries: scheduled before and at the start of each meeting (the job),
// and on demand with /baocao, with buttons for the participation chart, the export, attendance and
// the previous meeting's digest. Only secretaries, only their own branch.
import { erasedDuring } from "../../domain/digest/participation.ts";
import type { Meeting } from "../../domain/meetings.ts";
import type { Ctx } from "../../engine/context.ts";
import type { Feature } from "../../engine/registry.ts";
import type { Choice } from "../../types.ts";
import { openAttendance, ownMeeting } from "./attendance.ts";
import { chartFile, historyStart, loadDigest } from "./compose.ts";
import { exportFlow } from "./export.ts";
import { renderDigest } from "./render.ts";
import { queueDueDigests } from "./schedule.ts";

/** A meeting that started less than this long ago is the one /baocao reports on (it is under way). */
export const IN_PROGRESS_MS = 4 * 3_600_000;

/** The meeting /baocao reports on: one under way, else the next, else the last one. */
async function currentMeeting(ctx: Ctx): Promise<Meeting | null> {
  const branchId = ctx.actor.branch!.id;
  const [last] = await ctx.tx.digests.startedMeetings(branchId, ctx.now, 1);
  if (last && ctx.now.getTime() - last.startsAt.getTime() < IN_PROGRESS_MS) return last;
  return (await ctx.tx.digests.nextMeeting(branchId, ctx.now)) ?? last ?? null;
}

async function choicesFor(ctx: Ctx, meeting: Meeting | null): Promise<Choice[][]> {
  const rows: Choice[][] = [
    [
      { label: ctx.t("digest-do-chart"), action: "dg:c" },
      { label: ctx.t("digest-do-export"), action: "dg:x" },
    ],
  ];
  const second: Choice[] = [];
  if (meeting && meeting.startsAt <= ctx.now) second.push({ label: ctx.t("digest-do-attendance"), action: `dg:a:${meeting.id}` });
  const before = meeting ? (await ctx.tx.digests.startedMeetings(ctx.actor.branch!.id, new Date(meeting.startsAt.getTime() - 1), 1))[0] : undefined;
  if (before) second.push({ label: ctx.t("digest-do-previous"), action: `dg:m:${before.id}` });
  if (second.length) rows.push(second);
  return rows;
}

async function showDigest(ctx: Ctx, meeting: Meeting | null): Promise<void> {
  const { model } = await loadDigest(ctx.tx, ctx.actor.branch!, meeting, "now", ctx.now);
  ctx.reply({ text: renderDigest(model, ctx.t, ctx.actor.locale), choices: await choicesFor(ctx, meeting) });
  // Who looked at members' answers, and when (Decree 13/2023: sensitive personal data).
  await ctx.audit("digest.viewed", { meetingId: meeting?.id ?? null });
}

async function showChart(ctx: Ctx): Promise<void> {
  const branch = ctx.actor.branch!;
  const history = await ctx.tx.digests.history(branch.id, historyStart(ctx.now, branch.timezone), ctx.now);
  const { now, t } = ctx;
  const { render } = ctx.services;
  const erased = erasedDuring(history.members, historyStart(now, branch.timezone), now);
  const caption = [t("digest-chart-caption"), ...(erased ? [t("digest-chart-erased", { count: erased })] : [])].join("\n");
  // Drawing takes a few hundred milliseconds: done after the unit of work, not while holding it.
  ctx.replyLater(async () => [{ text: caption, files: [await chartFile(history, branch, now, t, render)] }]);
}

export const digestsFeature: Feature = {
  name: "digests",
  commands: [
    {
      name: "baocao",
      alias: "digest",
      access: "secretary",
      description: "digest-description",
      run: async (ctx) => showDigest(ctx, await currentMeeting(ctx)),
    },
  ],
  actions: [
    {
      // dg:c chart · dg:x export · dg:a:<meetingId> attendance · dg:m:<meetingId> that meeting's digest
      prefix: "dg",
      access: "secretary",
      run: async (ctx, [what, id]) => {
        if (what === "c") return showChart(ctx);
        if (what === "x") return ctx.startFlow(exportFlow, {});
        if (what !== "a" && what !== "m") return ctx.reply(ctx.t("choice-stale"));
        const meeting = await ownMeeting(ctx, id);
        if (!meeting) return ctx.reply(ctx.t("digest-meeting-not-found"));
        return what === "a" ? openAttendance(ctx, meeting) : showDigest(ctx, meeting);
      },
    },
  ],
  jobs: [{ name: "digests", run: async (job) => void (await queueDueDigests(job)) }],
};
