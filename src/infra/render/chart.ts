// A bar chart as a PNG (the participation chart of the monthly digest): stacked bars under a title,
// a legend and a note, a value axis in whole steps, and a few short lines under each bar.
// Drawn with pureimage (pure JavaScript, no native canvas) in DejaVu Sans, which has every
// Vietnamese diacritic.
import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import type * as PImageModule from "pureimage";
import type { BarChart, Tone } from "../../core/ports/render.ts";

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 540;

const COLORS = { grid: "#DDDDDD", text: "#212121", muted: "#757575" };
/** Each tone's bar colour, and the colour of the number written on it (dark on the light amber). */
const TONES: Record<Tone, { fill: string; ink: string }> = {
  good: { fill: "#2E7D32", ink: "#FFFFFF" },
  warning: { fill: "#F9A825", ink: COLORS.text },
  bad: { fill: "#C62828", ink: "#FFFFFF" },
};
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
export async function chartPng(chart: BarChart): Promise<Buffer> {
  const PImage = await loadPureimage();
  const img = PImage.make(CHART_WIDTH, CHART_HEIGHT);
  const ctx = img.getContext("2d");
  ctx.fillStyle = "#FFFFFF";
  ctx.fillRect(0, 0, CHART_WIDTH, CHART_HEIGHT);

  text(ctx, fit(ctx, chart.title, CHART_WIDTH - 48, 20), 24, 38, { size: 20, bold: true });

  // Legend, in the order of the stack from the bottom.
  let lx = 24;
  for (const { label, tone } of chart.layers) {
    ctx.fillStyle = TONES[tone].fill;
    ctx.fillRect(lx, 56, 16, 16);
    text(ctx, label, lx + 22, 70, { size: 15 });
    ctx.font = `15px ${FAMILY}`;
    lx += 22 + ctx.measureText(label).width + 28;
  }
  text(ctx, chart.note, 24, 98, { size: 13, color: COLORS.muted });

  const plot = { left: 72, right: CHART_WIDTH - 24, top: 140, bottom: CHART_HEIGHT - 72 };
  const totals = chart.bars.map((bar) => bar.values.reduce((sum, v) => sum + v, 0));
  const step = niceStep(Math.max(...totals, 1));
  const top = Math.max(step, Math.ceil(Math.max(...totals, 1) / step) * step);
  const y = (v: number) => plot.bottom - ((plot.bottom - plot.top) * v) / top;

  ctx.lineWidth = 1;
  for (let v = 0; v <= top; v += step) {
    ctx.fillStyle = COLORS.grid;
    ctx.fillRect(plot.left, Math.round(y(v)), plot.right - plot.left, 1);
    text(ctx, String(v), plot.left - 10, y(v) + 5, { size: 13, color: COLORS.muted, align: "right" });
  }
  text(ctx, chart.axis, 24, plot.top - 16, { size: 13, color: COLORS.muted });

  const slot = (plot.right - plot.left) / Math.max(1, chart.bars.length);
  const barWidth = Math.min(48, slot * 0.6);
  chart.bars.forEach((bar, i) => {
    const cx = plot.left + slot * i + slot / 2;
    let base = 0;
    chart.layers.forEach(({ tone }, layer) => {
      const value = bar.values[layer] ?? 0;
      if (value <= 0) return;
      const y0 = y(base);
      const y1 = y(base + value);
      ctx.fillStyle = TONES[tone].fill;
      ctx.fillRect(Math.round(cx - barWidth / 2), Math.round(y1), Math.round(barWidth), Math.max(1, Math.round(y0 - y1)));
      if (y0 - y1 >= 18) text(ctx, String(value), cx, (y0 + y1) / 2 + 5, { size: 12, color: TONES[tone].ink, align: "center" });
      base += value;
    });
    if (bar.empty) text(ctx, bar.empty, cx, plot.bottom - 8, { size: 11, color: COLORS.muted, align: "center" });
    text(ctx, bar.label, cx, plot.bottom + 20, { size: 14, align: "center" });
    if (bar.detail) text(ctx, bar.detail, cx, plot.bottom + 36, { size: 10, color: COLORS.muted, align: "center" });
    if (bar.group) text(ctx, bar.group, cx, plot.bottom + 54, { size: 12, color: COLORS.muted, align: "center" });
  });
  ctx.fillStyle = COLORS.text;
  ctx.fillRect(plot.left, plot.bottom, plot.right - plot.left, 1);

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await PImage.encodePNGToStream(img, out);
  return Buffer.concat(chunks);
}
