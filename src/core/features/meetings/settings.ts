// The reminder settings of /caidat (and /nhacnho): quiet hours and nudges. Each writes only its own
// Branch columns; the scheduler reads them at every tick, so a change applies from the next minute.
import { parseCount, parseTimeRange, parseWholeHours, type Parsed } from "../../domain/calendar/parse.ts";
import { formatMinutes } from "../../domain/time.ts";
import { countSetting, type BranchPatch, type SettingDef } from "../../engine/settings.ts";
import { fold } from "../../text.ts";
import { nextMeetingTimeline } from "./preview.ts";

/** The next meeting's reminders under the new value: what the change means in practice. */
const preview: SettingDef["preview"] = (ctx, after) => nextMeetingTimeline(ctx, after);

const OFF_WORDS = new Set(["tat", "khong", "khong co", "off", "none", "no"]);
export const MAX_NUDGES = 5;
export const MAX_NUDGE_INTERVAL_HOURS = 72;

export const quietHoursSetting: SettingDef = {
  key: "quiet-hours",
  label: "settings-quiet-label",
  preview,
  prompt: "settings-quiet-prompt",
  columns: ["quietStart", "quietEnd"],
  show: (b, t) => (b.quietStart === b.quietEnd ? t("settings-quiet-off") : `${formatMinutes(b.quietStart)}–${formatMinutes(b.quietEnd)}`),
  parse(text): Parsed<BranchPatch> {
    // "tắt" may come typed with the quotes the prompt shows it in.
    if (OFF_WORDS.has(fold(text.replace(/["“”]/g, "")))) return { ok: true, value: { quietStart: 0, quietEnd: 0 } };
    const range = parseTimeRange(text);
    if (!range.ok) return range;
    const [start, end] = range.value;
    if (start === end) return { ok: false, problem: "settings-quiet-same", args: {} };
    return { ok: true, value: { quietStart: start, quietEnd: end } };
  },
  suggestions: (t) => [
    { label: "21:00–07:00", text: "21:00-07:00" },
    { label: "22:00–06:00", text: "22:00-06:00" },
    { label: t("settings-quiet-off"), text: "off" },
  ],
};

export const nudgeCountSetting = countSetting({
  key: "nudge-count",
  label: "settings-nudge-count-label",
  preview,
  prompt: "settings-nudge-count-prompt",
  column: "nudgeMax",
  show: (b, t) => (b.nudgeMax === 0 ? t("settings-nudge-none") : t("settings-nudge-count-value", { count: b.nudgeMax })),
  read: (text) => parseCount(text, 0, MAX_NUDGES, /^(lan|times?|x)$/),
  suggestions: (t) => [0, 1, 2, 3].map((n) => ({ label: n === 0 ? t("settings-nudge-none") : t("settings-nudge-count-value", { count: n }), text: String(n) })),
});

export const nudgeIntervalSetting = countSetting({
  key: "nudge-interval",
  label: "settings-nudge-interval-label",
  preview,
  prompt: "settings-nudge-interval-prompt",
  column: "nudgeIntervalHours",
  show: (b, t) => t("settings-hours-value", { count: b.nudgeIntervalHours }),
  read: (text) => parseWholeHours(text, 1, MAX_NUDGE_INTERVAL_HOURS),
  suggestions: (t) => [12, 24, 48].map((h) => ({ label: t("settings-hours-value", { count: h }), text: String(h) })),
});

export const reminderSettings: SettingDef[] = [quietHoursSetting, nudgeCountSetting, nudgeIntervalSetting];
