// The participation chart attached to the monthly digest: for each of the last 12 months, the
// branch's meetings as stacked bars (có mặt / vắng có lý do / vắng không lý do), from recorded
// attendance where it was recorded and from the answers otherwise; under each bar, which of the two.
// Built here as data; the renderer draws it.
import type { MonthParticipation } from "../../domain/digest/participation.ts";
import type { BarChart } from "../../ports/render.ts";

export interface ChartLabels {
  title: string;
  /** What the bars are counted from, in one line under the legend. */
  note: string;
  present: string;
  excused: string;
  missing: string;
  axis: string;
  noMeeting: string;
  /** Under a bar: counted from attendance, from answers, or from both (two meetings that month). */
  fromRecorded: string;
  fromAnswers: string;
  fromBoth: string;
  /** The month's label under its bar ("T12", "Dec"). */
  month(month: number): string;
}

export function participationChart(series: MonthParticipation[], labels: ChartLabels): BarChart {
  return {
    title: labels.title,
    note: labels.note,
    axis: labels.axis,
    layers: [
      { label: labels.present, tone: "good" },
      { label: labels.excused, tone: "warning" },
      { label: labels.missing, tone: "bad" },
    ],
    bars: series.map((s, i) => {
      const [year, month] = s.month.split("-").map(Number) as [number, number];
      const source = s.recorded === s.meetings ? labels.fromRecorded : s.recorded === 0 ? labels.fromAnswers : labels.fromBoth;
      return {
        values: [s.present, s.excused, s.missing],
        label: labels.month(month),
        ...(s.meetings > 0 ? { detail: source } : {}),
        // The year under the first bar and under each January.
        ...(i === 0 || month === 1 ? { group: String(year) } : {}),
        // Before the branch existed there is nothing to say about a month.
        ...(s.meetings === 0 && !s.beforeStart ? { empty: labels.noMeeting } : {}),
      };
    }),
  };
}
