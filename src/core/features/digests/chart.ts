// The participation chart attached to the monthly digest: for each of the last 12 months, the
// branch's meetings as stacked bars (có mặt / vắng có lý do / vắng không lý do), from recorded
// attendance where it was recorded and from the answers otherwise; under each bar, which of the two.
// Drawn with pureimage (pure JavaScript, no native canvas) in DejaVu Sans, which has every
// Vietnamese diacritic.
import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import type * as PImageModule from "pureimage";
import type { MonthParticipation } from "../../domain/digest/participation.ts";

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 540;

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

const COLORS = { present: "#2E7D32", excused: "#F9A825", missing: "#C62828", grid: "#DDDDDD", text: "#212121", muted: "#757575" };
// pureimage takes everything after the size as the family name, quotes included.
const FAMILY = "DejaVuSans";
const FAMILY_BOLD = "DejaVuSansBold";

// pureimage and the fonts are loaded on the first chart only (most processes never draw one);
// pureimage keeps registered fonts in its own module, so once per process is enough.
let loaded: Promise<typeof PImageModule> | null = null;
function loadPureimage(): Promise<typeof PImageModule> {
  loaded ??= import("pureimage").then((PImage) => {
    const require = createRequire(import.meta.url);
    PImage.registerFont(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), FAMILY).loadSync();
    PImage.registerFont(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"), FAMILY_BOLD).loadSync();
    return PImage;
  });
  return loaded;
}

/** A whole, round step for the value axis (people are counted): 0, 1, 2 … or 0, 5, 10 … or 0, 20, 40 … */
export function niceStep(max: number): number {
  const rough = Math.max(1, max) / 5;
  if (rough <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
}

type Ctx = ReturnType<PImageModule.Bitmap["getContext"]>;

function text(ctx: Ctx, value: string, x: number, y: number, opts: { size: number; bold?: boolean; color?: string; align?: "left" | "center" | "right" }): void {
  ctx.font = `${opts.size}px ${opts.bold ? FAMILY_BOLD : FAMILY}`;
  ctx.fillStyle = opts.color ?? COLORS.text;
  const width = ctx.measureText(value).width;
  const left = opts.align === "center" ? x - width / 2 : opts.align === "right" ? x - width : x;
  ctx.fillText(value, left, y);
}

/** The title cut with an ellipsis where a long branch name would run off the image. */
function fit(ctx: Ctx, value: string, width: number, size: number): string {
  ctx.font = `${size}px ${FAMILY_BOLD}`;
  if (ctx.measureText(value).width <= width) return value;
  let cut = value;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** The chart as a PNG. */
export async function participationChart(series: MonthParticipation[], labels: ChartLabels): Promise<Buffer> {
  const PImage = await loadPureimage();
  const img = PImage.make(CHART_WIDTH, CHART_HEIGHT);
  const ctx = img.getContext("2d");
  ctx.fillStyle = "#FFFFFF";
  ctx.fillRect(0, 0, CHART_WIDTH, CHART_HEIGHT);

  text(ctx, fit(ctx, labels.title, CHART_WIDTH - 48, 20), 24, 38, { size: 20, bold: true });

  // Legend, in the order of the stack from the bottom.
  const legend: Array<[string, string]> = [
    [COLORS.present, labels.present],
    [COLORS.excused, labels.excused],
    [COLORS.missing, labels.missing],
  ];
  let lx = 24;
  for (const [color, label] of legend) {
    ctx.fillStyle = color;
    ctx.fillRect(lx, 56, 16, 16);
    text(ctx, label, lx + 22, 70, { size: 15 });
    ctx.font = `15px ${FAMILY}`;
    lx += 22 + ctx.measureText(label).width + 28;
  }
  text(ctx, labels.note, 24, 98, { size: 13, color: COLORS.muted });

  const plot = { left: 72, right: CHART_WIDTH - 24, top: 140, bottom: CHART_HEIGHT - 72 };
  const totals = series.map((s) => s.present + s.excused + s.missing);
  const step = niceStep(Math.max(...totals, 1));
  const top = Math.max(step, Math.ceil(Math.max(...totals, 1) / step) * step);
  const y = (v: number) => plot.bottom - ((plot.bottom - plot.top) * v) / top;

  ctx.lineWidth = 1;
  for (let v = 0; v <= top; v += step) {
    ctx.fillStyle = COLORS.grid;
    ctx.fillRect(plot.left, Math.round(y(v)), plot.right - plot.left, 1);
    text(ctx, String(v), plot.left - 10, y(v) + 5, { size: 13, color: COLORS.muted, align: "right" });
  }
  text(ctx, labels.axis, 24, plot.top - 16, { size: 13, color: COLORS.muted });

  const slot = (plot.right - plot.left) / Math.max(1, series.length);
  const barWidth = Math.min(48, slot * 0.6);
  series.forEach((s, i) => {
    const cx = plot.left + slot * i + slot / 2;
    let base = 0;
    for (const [value, color] of [
      [s.present, COLORS.present],
      [s.excused, COLORS.excused],
      [s.missing, COLORS.missing],
    ] as const) {
      if (value <= 0) continue;
      const y0 = y(base);
      const y1 = y(base + value);
      ctx.fillStyle = color;
      ctx.fillRect(Math.round(cx - barWidth / 2), Math.round(y1), Math.round(barWidth), Math.max(1, Math.round(y0 - y1)));
      if (y0 - y1 >= 18) text(ctx, String(value), cx, (y0 + y1) / 2 + 5, { size: 12, color: color === COLORS.excused ? COLORS.text : "#FFFFFF", align: "center" });
      base += value;
    }
    // Before the branch existed there is nothing to say about a month.
    if (s.meetings === 0 && !s.beforeStart) text(ctx, labels.noMeeting, cx, plot.bottom - 8, { size: 11, color: COLORS.muted, align: "center" });
    const [year, month] = s.month.split("-").map(Number) as [number, number];
    text(ctx, labels.month(month), cx, plot.bottom + 20, { size: 14, align: "center" });
    if (s.meetings > 0) {
      const source = s.recorded === s.meetings ? labels.fromRecorded : s.recorded === 0 ? labels.fromAnswers : labels.fromBoth;
      text(ctx, source, cx, plot.bottom + 36, { size: 10, color: COLORS.muted, align: "center" });
    }
    if (i === 0 || month === 1) text(ctx, String(year), cx, plot.bottom + 54, { size: 12, color: COLORS.muted, align: "center" });
  });
  ctx.fillStyle = COLORS.text;
  ctx.fillRect(plot.left, plot.bottom, plot.right - plot.left, 1);

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await PImage.encodePNGToStream(img, out);
  return Buffer.concat(chunks);
}
