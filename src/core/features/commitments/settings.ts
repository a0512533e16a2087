// The commitment settings of /caidat: how many commitments a member registers, how long before the
// deadline the reminder goes, and how many days before a meeting the self-evaluation opens. The
// deadline itself, the standards and the year-end review are in /dangky → Quản lý (they are records,
// not branch columns).
import { parseCount, type Parsed } from "../../domain/calendar/parse.ts";
import { COMMITMENT_COUNT_LIMIT, REMINDER_DAYS_RANGE, SELF_EVAL_DAYS_RANGE } from "../../domain/commitments/model.ts";
import { evalWindow } from "../../domain/commitments/window.ts";
import { formatDateTime } from "../../domain/time.ts";
import { countSetting, type BranchPatch, type SettingDef } from "../../engine/settings.ts";
import { fold } from "../../text.ts";
import { nextWindow } from "../selfeval/service.ts";

const DAY_UNITS = /^(ngay|d|days?)$/;
// The day settings offer no buttons: a typed "3" would pick the third button, not mean 3 days.

/** "1-5", "1 – 5", "1 đến 5", "từ 2 đến 4 việc". */
export function parseCountRange(text: string): Parsed<BranchPatch> {
  const m = /^(?:tu\s+)?(\d{1,3})\s*(?:-|–|—|den|toi|to)\s*(\d{1,3})(?:\s*(?:viec|items?))?$/.exec(fold(text));
  if (!m) return { ok: false, problem: "commitment-setting-count-format", args: { max: COMMITMENT_COUNT_LIMIT } };
  const min = Number(m[1]);
  const max = Number(m[2]);
  if (min < 1 || max > COMMITMENT_COUNT_LIMIT || min > max) return { ok: false, problem: "commitment-setting-count-range", args: { max: COMMITMENT_COUNT_LIMIT } };
  return { ok: true, value: { commitmentMin: min, commitmentMax: max } };
}

export const commitmentCountSetting: SettingDef = {
  key: "commit-count",
  label: "commitment-setting-count-label",
  prompt: "commitment-setting-count-prompt",
  columns: ["commitmentMin", "commitmentMax"],
  show: (b, t) => t("commitment-setting-count-value", { min: b.commitmentMin, max: b.commitmentMax }),
  parse: parseCountRange,
  suggestions: (t) =>
    [
      [1, 5],
      [1, 3],
      [2, 5],
    ].map(([min, max]) => ({ label: t("commitment-setting-count-value", { min: min!, max: max! }), text: `${min}-${max}` })),
};

export const commitmentReminderSetting = countSetting({
  key: "commit-remind",
  label: "commitment-setting-remind-label",
  prompt: "commitment-setting-remind-prompt",
  column: "commitmentReminderDays",
  show: (b, t) => t("commitment-setting-remind-value", { days: b.commitmentReminderDays }),
  read: (text) => parseCount(text, REMINDER_DAYS_RANGE.min, REMINDER_DAYS_RANGE.max, DAY_UNITS),
});

export const selfEvalWindowSetting = countSetting({
  key: "eval-window",
  label: "commitment-setting-window-label",
  prompt: "commitment-setting-window-prompt",
  column: "selfEvalDaysBefore",
  show: (b, t) => t("commitment-setting-window-value", { days: b.selfEvalDaysBefore }),
  read: (text) => parseCount(text, SELF_EVAL_DAYS_RANGE.min, SELF_EVAL_DAYS_RANGE.max, DAY_UNITS),
  /** When the next meeting's self-evaluation would open under the new value. */
  async preview(ctx, after) {
    // With no lead time every window "opens" at its meeting: this finds the next meeting itself.
    const next = await nextWindow(ctx.tx, { ...after, selfEvalDaysBefore: 0 }, ctx.now);
    if (!next) return null;
    const opensAt = evalWindow(next.meeting, after).opensAt;
    return ctx.t("commitment-setting-window-preview", {
      meeting: formatDateTime(next.meeting.startsAt, after.timezone, ctx.actor.locale),
      opens: formatDateTime(opensAt < ctx.now ? ctx.now : opensAt, after.timezone, ctx.actor.locale),
    });
  },
});

export const commitmentSettings: SettingDef[] = [commitmentCountSetting, commitmentReminderSetting, selfEvalWindowSetting];
