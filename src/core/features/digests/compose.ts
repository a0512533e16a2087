// A digest put together: the rows read in one go and the model built from them, and the
// participation chart as a file. Shared by the scheduled job, /baocao and its buttons.
import { DateTime } from "luxon";
import { ABSENCE_WINDOW_MONTHS, participationByMonth } from "../../domain/digest/participation.ts";
import type { Meeting } from "../../domain/meetings.ts";
import type { Branch } from "../../domain/model.ts";
import type { DigestSource, MeetingHistory } from "../../ports/digests.ts";
import type { Renderer } from "../../ports/render.ts";
import type { Tx } from "../../ports/store.ts";
import type { T } from "../../services/messages.ts";
import type { OutFile } from "../../types.ts";
import { participationChart } from "./chart.ts";
import { buildDigest, type DigestModel, type DigestPhase } from "./model.ts";

export const CHART_MONTHS = 12;

export interface Loaded {
  model: DigestModel;
  source: DigestSource;
}

/** The first moment the warnings (12 months back) and the chart (12 calendar months) look at. */
export function historyStart(now: Date, zone: string): Date {
  const local = DateTime.fromJSDate(now, { zone });
  const warnings = local.minus({ months: ABSENCE_WINDOW_MONTHS });
  const chart = local.startOf("month").minus({ months: CHART_MONTHS - 1 });
  return (warnings < chart ? warnings : chart).toJSDate();
}

export async function loadDigest(tx: Tx, branch: Branch, meeting: Meeting | null, phase: DigestPhase, now: Date): Promise<Loaded> {
  const source = await tx.digests.source(branch.id, meeting, now, historyStart(now, branch.timezone));
  return { model: buildDigest({ branch, meeting, phase, now, source }), source };
}

/** The chart of the 12 months ending with `now`'s month, labelled in `locale`. */
export async function chartFile(history: MeetingHistory, branch: Branch, now: Date, t: T, render: Renderer): Promise<OutFile> {
  const series = participationByMonth(history, branch.timezone, now, CHART_MONTHS, branch.createdAt);
  const chart = participationChart(series, {
    title: t("digest-chart-title", { branch: branch.name }),
    note: t("digest-chart-note"),
    present: t("digest-chart-attend"),
    excused: t("digest-chart-absent"),
    missing: t("digest-chart-no-answer"),
    axis: t("digest-chart-axis"),
    noMeeting: t("digest-chart-no-meeting"),
    fromRecorded: t("digest-chart-from-recorded"),
    fromAnswers: t("digest-chart-from-answers"),
    fromBoth: t("digest-chart-from-both"),
    month: (month) => t("digest-chart-month", { month }),
  });
  const png = await render.chartPng(chart);
  const month = DateTime.fromJSDate(now, { zone: branch.timezone }).toFormat("yyyy-MM");
  return { name: `${t("digest-chart-file")}-${month}.png`, mime: "image/png", data: png.toString("base64") };
}
