// How a meeting reads in a message: its title, time, place and topic, in the reader's language and
// the branch's time zone, and the Tham dự / Vắng mặt choices that travel with it.
import { holidayOn, weekdayOf, type Holiday } from "../../domain/calendar/holidays.ts";
import type { SolarDate } from "../../domain/calendar/lunar.ts";
import { durationParts, formatDay as formatDayNumbers } from "../../domain/calendar/parse.ts";
import { localDateOf, type Occurrence, type RuleSpec } from "../../domain/calendar/rule.ts";
import type { Meeting, Rsvp } from "../../domain/meetings.ts";
import { formatDateTime, formatMinutes, weekdayName } from "../../domain/time.ts";
import type { T } from "../../services/messages.ts";
import type { Choice, Locale, OutMessage } from "../../types.ts";

/** Button action for an answer to a meeting's reminder: "r:<meetingId>:a" (attend) or ":v" (vắng). */
export const rsvpAction = (meetingId: string, answer: "a" | "v"): string => `r:${meetingId}:${answer}`;

/** Tham dự / Vắng mặt; "có", "được" typed pick the first, "vắng", "bận", "không đi được" the second. */
export function rsvpChoices(t: T, meetingId: string): Choice[][] {
  return [[
    { label: t("meeting-attend"), action: rsvpAction(meetingId, "a"), meaning: "yes" },
    { label: t("meeting-absent"), action: rsvpAction(meetingId, "v"), meaning: "no" },
  ]];
}

const isLink = (place: string) => /^https?:\/\/\S+$/i.test(place.trim());

export function meetingTitle(t: T, m: Pick<Meeting, "kind" | "occurrence">): string {
  if (m.kind === "THEMATIC") return t("meeting-title-thematic");
  if (m.occurrence) {
    const [year, month] = m.occurrence.split("-");
    return t("meeting-title-regular-month", { month: `${Number(month)}/${year}` });
  }
  return t("meeting-title-regular");
}

/** The lines every message about a meeting carries: what, when, where, about what. */
export function meetingFacts(t: T, locale: Locale, m: Pick<Meeting, "kind" | "occurrence" | "startsAt" | "place" | "topic">, zone: string): string {
  const lines = [meetingTitle(t, m), t("meeting-line-when", { when: formatDateTime(m.startsAt, zone, locale) })];
  if (m.place) lines.push(t(isLink(m.place) ? "meeting-line-online" : "meeting-line-place", { place: m.place }));
  else lines.push(t("meeting-line-no-place"));
  if (m.topic) lines.push(t("meeting-line-topic", { topic: m.topic }));
  return lines.join("\n");
}

/** "Tham dự", or "Vắng mặt (lý do: …)", or "chưa trả lời". */
export function answerText(t: T, rsvp: Pick<Rsvp, "answer" | "reason"> | null | undefined): string {
  if (!rsvp) return t("meeting-answer-none");
  if (rsvp.answer === "ATTEND") return t("meeting-attend");
  return t("meeting-answer-absent", { reason: rsvp.reason ?? "" });
}

/**
 * A meeting with its choices, as a reminder, a nudge or /hop shows it. Its question is the meeting's
 * answer, titled by the meeting, so that a typed "1" that could answer two meetings asks which.
 */
export function meetingMessage(text: string, t: T, meeting: Pick<Meeting, "id" | "kind" | "occurrence" | "startsAt">, zone: string, locale: Locale): OutMessage {
  const title = `${meetingTitle(t, meeting)} (${formatDateTime(meeting.startsAt, zone, locale)})`;
  return { text, choices: rsvpChoices(t, meeting.id), question: { topic: `r:${meeting.id}`, title } };
}

export function holidayName(t: T, h: Holiday): string {
  return t(`meeting-holiday-${h.kind}`);
}

/** "ngày 5 hằng tháng", "Thứ Năm tuần thứ 2 hằng tháng", "Thứ Sáu cuối cùng của tháng", with the time. */
export function ruleText(t: T, locale: Locale, rule: RuleSpec): string {
  const time = formatMinutes(rule.timeOfDay);
  if (rule.kind === "DAY_OF_MONTH") return t("meeting-rule-day", { day: rule.dayOfMonth ?? 1, time });
  const weekday = weekdayName(rule.weekday ?? 1, locale);
  if (rule.kind === "NTH_WEEKDAY") return t("meeting-rule-nth", { nth: rule.nth ?? 1, weekday, time });
  return t("meeting-rule-last", { weekday, time });
}

/** One line of a preview: the date, and what a holiday does to it. */
export function occurrenceLine(t: T, locale: Locale, occ: Occurrence, zone: string): string {
  const when = formatDateTime(occ.startsAt, zone, locale);
  if (!occ.holiday) return t("meeting-preview-line", { when });
  const holiday = holidayName(t, occ.holiday);
  if (occ.shifted) {
    return t("meeting-preview-line-shifted", { when, holiday, original: formatDay(locale, occ.ruleDate) });
  }
  return t("meeting-preview-line-holiday", { when, holiday });
}

/** "Thứ Năm 30/04/2026" for a calendar day. */
export function formatDay(locale: Locale, d: SolarDate): string {
  return `${weekdayName(weekdayOf(d), locale)} ${formatDayNumbers(d)}`;
}

/** A warning when a chosen day is a public holiday, or "". */
export function holidayWarning(t: T, startsAt: Date, zone: string): string {
  const h = holidayOn(localDateOf(startsAt, zone));
  return h ? t("meeting-holiday-warning", { holiday: holidayName(t, h) }) : "";
}

/** "3 ngày", "2 giờ", "1 ngày 2 giờ", "45 phút". */
export function durationText(t: T, minutes: number): string {
  const p = durationParts(minutes);
  const parts: string[] = [];
  if (p.days) parts.push(t("reminder-duration-days", { count: p.days }));
  if (p.hours) parts.push(t("reminder-duration-hours", { count: p.hours }));
  if (p.minutes || !parts.length) parts.push(t("reminder-duration-minutes", { count: p.minutes }));
  return parts.join(" ");
}
