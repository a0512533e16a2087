// /xuat (secretaries): the branch's answers to meetings, attendance, commitments and
// self-evaluations for a chosen period, as an Excel workbook (one sheet per kind) and/or CSV files,
// sent as documents. Headers are in the branch language; every export goes to the audit log.
import { DateTime } from "luxon";
import { formatDate } from "../../domain/time.ts";
import type { Ctx } from "../../engine/context.ts";
import { cancelChoice } from "../../engine/controls.ts";
import { end, go, invalid, type FlowDef, type Next, type StepChoice } from "../../engine/flow.ts";
import type { Feature } from "../../engine/registry.ts";
import { fold } from "../../text.ts";
import type { ExportRange } from "../../ports/digests.ts";
import type { Renderer } from "../../ports/render.ts";
import { asLocale } from "../../services/messages.ts";
import type { OutFile } from "../../types.ts";
import { periodName } from "../commitments/periods.ts";
import { buildTables, type Table } from "./tables.ts";

/** Commitment periods offered besides the calendar choices. */
export const OFFERED_PERIODS = 3;
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_MIME = "text/csv";
const FORMATS = ["xlsx", "csv", "both"] as const;
type Format = (typeof FORMATS)[number];

interface ExportDraft {
  /** "y:2026", "12" or "p:<periodId>". */
  period?: string;
}

interface Resolved {
  range: ExportRange;
  /** How the period reads in the reply: "năm 2026". */
  label: string;
  /** ASCII part of the file names. */
  slug: string;
}

/** ASCII for file names: "Chi bộ Khoa Ngữ văn" → "chi-bo-khoa-ngu-van". */
export function slug(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48) || "chibo";
}

async function resolve(ctx: Ctx, value: string | undefined): Promise<Resolved | null> {
  const branch = ctx.actor.branch!;
  const zone = branch.timezone;
  const now = DateTime.fromJSDate(ctx.now, { zone });
  const year = value ? /^y:(\d{4})$/.exec(value) : null;
  if (year) {
    const y = Number(year[1]);
    if (y < 2000 || y > now.year + 1) return null;
    const from = DateTime.fromObject({ year: y }, { zone });
    return { range: { from: from.toJSDate(), to: from.plus({ years: 1 }).toJSDate() }, label: ctx.t("export-label-year", { year: String(y) }), slug: String(y) };
  }
  if (value === "12") {
    const from = now.minus({ months: 12 }).startOf("day");
    const to = now.startOf("day").plus({ days: 1 });
    const label = ctx.t("export-label-12", { from: formatDate(from.toJSDate(), zone, ctx.actor.locale), to: formatDate(now.toJSDate(), zone, ctx.actor.locale) });
    return { range: { from: from.toJSDate(), to: to.toJSDate() }, label, slug: `12-${now.toFormat("yyyyMMdd")}` };
  }
  const periodId = value?.startsWith("p:") ? value.slice(2) : null;
  if (periodId) {
    const period = (await ctx.tx.digests.periods(branch.id, OFFERED_PERIODS)).find((p) => p.id === periodId);
    if (!period) return null;
    return { range: { from: period.startsAt, to: period.endsAt, periodIds: [period.id] }, label: ctx.t("export-label-period", { name: periodName(ctx.t, period) }), slug: slug(period.name) };
  }
  return null;
}

async function files(render: Renderer, tables: Table[], format: Format, base: string, zone: string, creator: string): Promise<OutFile[]> {
  const out: OutFile[] = [];
  if (format !== "csv") {
    const xlsx = await render.xlsx({ creator, zone, sheets: tables });
    out.push({ name: `${base}.xlsx`, mime: XLSX_MIME, data: xlsx.toString("base64") });
  }
  if (format !== "xlsx") {
    for (const table of tables) {
      const csv = await render.csv(table, zone);
      out.push({ name: `${base}_${slug(table.title)}.csv`, mime: CSV_MIME, data: csv.toString("base64") });
    }
  }
  return out;
}

async function produce(ctx: Ctx, d: ExportDraft, format: Format): Promise<Next<ExportDraft>> {
  const resolved = await resolve(ctx, d.period);
  if (!resolved) return end(ctx.t("export-period-gone"));
  const branch = ctx.actor.branch!;
  const data = await ctx.tx.digests.exportData(branch.id, resolved.range);
  // Headers and sheet names in the branch language, whatever the secretary reads.
  const branchT = ctx.services.messages.bind(asLocale(branch.locale) ?? ctx.services.settings.defaultLocale);
  const tables = buildTables(data, branchT);
  const counts = Object.fromEntries(tables.map((t) => [t.kind, t.rows.length]));
  await ctx.audit("export.created", { period: d.period, format, ...counts });
  const lines = [ctx.t("export-done", { branch: branch.name, period: resolved.label })];
  for (const table of tables) lines.push(ctx.t("export-count-line", { kind: ctx.t(`export-sheet-${table.kind}`), count: table.rows.length }));
  if (data.erased) lines.push(ctx.t("export-erased", { count: data.erased }));
  lines.push(ctx.t(format === "csv" ? "export-hint-csv" : "export-hint-xlsx"), ctx.t("export-privacy"));
  // Building the spreadsheet is slow: done after the unit of work, from the rows read in it.
  const base = `${slug(branch.name)}_${resolved.slug}`;
  const creator = ctx.t("export-creator");
  const { render } = ctx.services;
  ctx.replyLater(async () => [{ text: lines.join("\n"), files: await files(render, tables, format, base, branch.timezone, creator) }]);
  return end();
}

const cancelRow = (ctx: Ctx): StepChoice[] => [cancelChoice(ctx.t)];

export const exportFlow: FlowDef<ExportDraft> = {
  name: "export",
  access: "secretary",
  ttlHours: 24,
  steps: {
    period: {
      prompt: async (ctx) => {
        const year = DateTime.fromJSDate(ctx.now, { zone: ctx.actor.branch!.timezone }).year;
        const periods = await ctx.tx.digests.periods(ctx.actor.branch!.id, OFFERED_PERIODS);
        return {
          text: ctx.t("export-ask-period"),
          choices: [
            [
              // Years as text: a number would be written with a thousands separator ("2.026").
              { label: ctx.t("export-this-year", { year: String(year) }), value: `y:${year}` },
              { label: ctx.t("export-last-year", { year: String(year - 1) }), value: `y:${year - 1}` },
            ],
            [{ label: ctx.t("export-last-12"), value: "12" }],
            ...periods.map((p) => [{ label: ctx.t("export-period", { name: periodName(ctx.t, p) }), value: `p:${p.id}` }]),
            cancelRow(ctx),
          ],
        };
      },
      choice: async (ctx, _d, value) => {
        if (value === "cancel") return end(ctx.t("export-cancelled"));
        if (!(await resolve(ctx, value))) return invalid("input-pick-a-choice");
        return go("format", { period: value });
      },
      // A year typed instead of picked: "2024", "năm 2024".
      text: async (ctx, _d, text) => {
        const year = /^(?:nam\s*)?(\d{4})$/.exec(fold(text))?.[1];
        if (!year || !(await resolve(ctx, `y:${year}`))) return invalid("export-period-typed");
        return go("format", { period: `y:${year}` });
      },
    },
    format: {
      prompt: async (ctx, d) => ({
        text: ctx.t("export-ask-format", { period: (await resolve(ctx, d.period))?.label ?? "" }),
        choices: [FORMATS.map((f) => ({ label: ctx.t(`export-format-${f}`), value: f })), cancelRow(ctx)],
      }),
      choice: async (ctx, d, value) => {
        if (value === "cancel") return end(ctx.t("export-cancelled"));
        const format = FORMATS.find((f) => f === value);
        if (!format) return invalid("input-pick-a-choice");
        return produce(ctx, d, format);
      },
    },
  },
};

export const exportFeature: Feature = {
  name: "export",
  flows: [exportFlow],
  commands: [
    {
      name: "xuat",
      alias: "export",
      access: "secretary",
      description: "export-description",
      run: (ctx) => ctx.startFlow(exportFlow, {}),
    },
  ],
};
