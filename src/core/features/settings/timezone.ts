// The branch's time zone (IANA), in which meeting times are planned and shown. Vietnamese branches
// abroad exist, so any zone is allowed; a city name is enough ("Berlin", "Hà Nội").
import { DateTime, IANAZone } from "luxon";
import type { Parsed } from "../../domain/calendar/parse.ts";
import { formatDateTime } from "../../domain/time.ts";
import type { BranchPatch, SettingDef } from "../../engine/settings.ts";
import { fold } from "../../text.ts";
import { planBranch } from "../meetings/planner.ts";

const VIETNAM = "Asia/Ho_Chi_Minh";
const ALIASES: Record<string, string> = {
  "viet nam": VIETNAM, vietnam: VIETNAM, "ha noi": VIETNAM, hanoi: VIETNAM, "ho chi minh": VIETNAM, hcm: VIETNAM, "sai gon": VIETNAM, saigon: VIETNAM,
};

const zoneNames = (): string[] => (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf("timeZone");

/** "Europe/Berlin", "europe/berlin", "Berlin", "Hà Nội" → the IANA name, or null. */
export function resolveTimeZone(text: string): string | null {
  const raw = text.trim();
  if (raw.length > 64) return null;
  const f = fold(raw);
  if (ALIASES[f]) return ALIASES[f]!;
  if (/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2}$/.test(raw) && IANAZone.isValidZone(raw)) {
    // The usual spelling, whatever case was typed ("asia/ho_chi_minh" → "Asia/Ho_Chi_Minh").
    const listed = zoneNames().find((z) => z.toLowerCase() === raw.toLowerCase());
    if (listed) return listed;
    const cased = raw.toLowerCase().replace(/(^|[/_-])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
    return IANAZone.isValidZone(cased) ? cased : raw;
  }
  const city = f.replace(/\s+/g, "_");
  return zoneNames().find((z) => z.toLowerCase().split("/").at(-1) === city) ?? null;
}

export const timezoneSetting: SettingDef = {
  key: "timezone",
  label: "settings-timezone-label",
  prompt: "settings-timezone-prompt",
  columns: ["timezone"],
  show: (b) => `${b.timezone} (UTC${DateTime.now().setZone(b.timezone).toFormat("ZZ")})`,
  parse(text): Parsed<BranchPatch> {
    const zone = resolveTimeZone(text);
    return zone ? { ok: true, value: { timezone: zone } } : { ok: false, problem: "settings-timezone-invalid", args: { input: text.trim().slice(0, 64) } };
  },
  suggestions: () => [
    { label: VIETNAM, text: VIETNAM },
    { label: "Europe/Berlin", text: "Europe/Berlin" },
    { label: "Europe/Moscow", text: "Europe/Moscow" },
  ],
  async preview(ctx, after) {
    return ctx.t("settings-timezone-preview", { now: formatDateTime(ctx.now, after.timezone, ctx.actor.locale) });
  },
  async afterChange(ctx, _before, after) {
    // The rule's meetings keep their local time of day: those not yet announced move with the zone.
    const rule = await ctx.tx.meetings.rule(after.id);
    if (!rule) return null;
    const plan = await planBranch({ tx: ctx.tx, messages: ctx.services.messages, now: ctx.now }, after, rule, { replan: true, notifyShifted: false });
    return plan.updated.length ? ctx.t("settings-timezone-replanned", { count: plan.updated.length }) : null;
  },
};
