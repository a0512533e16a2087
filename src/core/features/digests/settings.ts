// The digest settings of /caidat: how long before a meeting the secretaries' digest goes, and how
// long the branch's answers are kept (retention; the privacy job deletes what is older).
import { DateTime } from "luxon";
import { parseCount, parseDurations, type Parsed } from "../../domain/calendar/parse.ts";
import { formatDate, formatDateTime } from "../../domain/time.ts";
import type { BranchPatch, SettingDef } from "../../engine/settings.ts";
import { fold } from "../../text.ts";
import { beforeAt, MAX_DIGEST_HOURS } from "./schedule.ts";

export const MIN_DIGEST_HOURS = 1;
/** Warnings look back 12 months and the year-end review a whole year: keeping less breaks both. */
export const MIN_RETENTION_MONTHS = 12;
export const MAX_RETENTION_MONTHS = 120;

/** "24", "24 giờ", "12h", "1 ngày", "2 ngày 6 giờ": whole hours within the allowed range. */
export function parseDigestHours(text: string): Parsed<BranchPatch> {
  const plain = parseCount(text, MIN_DIGEST_HOURS, MAX_DIGEST_HOURS, /^(gio|tieng|h|g|hours?)$/);
  if (plain.ok) return { ok: true, value: { digestHoursBefore: plain.value } };
  const durations = parseDurations(text);
  const minutes = durations.ok ? durations.value.reduce((a, b) => a + b, 0) : null;
  if (minutes === null) return plain;
  if (minutes % 60 !== 0 || minutes < MIN_DIGEST_HOURS * 60 || minutes > MAX_DIGEST_HOURS * 60) {
    return { ok: false, problem: "digest-setting-hours-range", args: { min: MIN_DIGEST_HOURS, max: MAX_DIGEST_HOURS } };
  }
  return { ok: true, value: { digestHoursBefore: minutes / 60 } };
}

/** "36", "36 tháng", "3 năm". */
export function parseRetention(text: string): Parsed<BranchPatch> {
  const years = /^(\d{1,2})\s*(nam|years?)$/.exec(fold(text));
  const months = years ? Number(years[1]) * 12 : null;
  if (months !== null && (months < MIN_RETENTION_MONTHS || months > MAX_RETENTION_MONTHS)) {
    return { ok: false, problem: "settings-number-range", args: { min: MIN_RETENTION_MONTHS, max: MAX_RETENTION_MONTHS } };
  }
  if (months !== null) return { ok: true, value: { retentionMonths: months } };
  const n = parseCount(text, MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS, /^(thang|months?)$/);
  return n.ok ? { ok: true, value: { retentionMonths: n.value } } : n;
}

export const digestHoursSetting: SettingDef = {
  key: "digest-hours",
  label: "digest-setting-hours-label",
  prompt: "digest-setting-hours-prompt",
  columns: ["digestHoursBefore"],
  show: (b, t) => t("digest-setting-hours-value", { hours: b.digestHoursBefore }),
  parse: parseDigestHours,
  suggestions: (t) => [12, 24, 48].map((hours) => ({ label: t("digest-setting-hours-value", { hours }), text: String(hours) })),
  // When the next meeting's digest would go under the new value.
  async preview(ctx, after) {
    const next = await ctx.tx.digests.nextMeeting(after.id, ctx.now);
    if (!next) return null;
    const when = (at: Date) => formatDateTime(at, after.timezone, ctx.actor.locale);
    return ctx.t("digest-setting-hours-preview", { meeting: when(next.startsAt), at: when(beforeAt(next, after)) });
  },
};

export const retentionSetting: SettingDef = {
  key: "retention",
  label: "digest-setting-retention-label",
  prompt: "digest-setting-retention-prompt",
  columns: ["retentionMonths"],
  show: (b, t) => t("digest-setting-retention-value", { months: b.retentionMonths }),
  parse: parseRetention,
  suggestions: (t) => [24, 36, 60].map((months) => ({ label: t("digest-setting-retention-value", { months }), text: String(months) })),
  // Shortening it deletes data at the next clean-up: say from when.
  async preview(ctx, after) {
    const zone = after.timezone;
    const cutoff = DateTime.fromJSDate(ctx.now, { zone }).minus({ months: after.retentionMonths }).toJSDate();
    return ctx.t("digest-setting-retention-preview", { date: formatDate(cutoff, zone, ctx.actor.locale) });
  },
};
