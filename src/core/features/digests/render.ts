// The digest as text for a phone: one block per section, in the order the secretary reads them at
// the meeting; counts first and names after, short lines. Blocks are separated by a blank line, and
// the adapters split a long digest at line boundaries, so no line is ever cut in two.
import { ABSENCE_WARNING_MONTHS } from "../../domain/digest/participation.ts";
import { formatDate, formatDateTime } from "../../domain/time.ts";
import type { TranslateArgs } from "../../ports/runtime.ts";
import type { Locale } from "../../types.ts";
import { periodName } from "../commitments/periods.ts";
import type { CommitmentSummary, DigestModel, Pending, Person, RollCall, SelfEvalSummary, Warnings } from "./model.ts";

type Tr = (key: string, args?: TranslateArgs) => string;

/** Reasons and commitments are shown up to this many characters; the export has them in full. */
export const REASON_SHOWN = 160;
export const COMMITMENT_SHOWN = 100;

/** One line, at most `max` characters, cut at a word with an ellipsis. */
export function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}

/** "2026-10" → "10/2026", as months are written everywhere ("tháng 10/2026"). */
const monthText = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;

const names = (people: Person[]) => people.map((p) => p.name).join(", ");

function pendingNames(t: Tr, people: Pending[]): string {
  return people.map((p) => (p.draft ? t("digest-draft-mark", { name: p.name }) : p.name)).join(", ");
}

function header(m: DigestModel, t: Tr, locale: Locale): string {
  const lines = [t(`digest-title-${m.phase}`)];
  const when = (at: Date) => formatDateTime(at, m.zone, locale);
  if (!m.meeting) {
    lines.push(m.branchName, t("digest-no-meeting"));
  } else {
    lines.push(t("digest-meeting-line", { branch: m.branchName, kind: t(`digest-kind-${m.meeting.kind.toLowerCase()}`) }));
    lines.push(t("digest-meeting-time", { time: when(m.meeting.startsAt) }));
    if (m.meeting.place) lines.push(t("digest-meeting-place", { place: clip(m.meeting.place, 200) }));
    if (m.meeting.topic) lines.push(t("digest-meeting-topic", { topic: clip(m.meeting.topic, 200) }));
  }
  // Only a regular meeting has a self-evaluation whose deadline is its start.
  if (m.phase === "after") lines.push(t(m.selfEval ? "digest-after-note" : "digest-after-note-no-eval"));
  if (m.phase === "now") lines.push(t("digest-as-of", { time: when(m.now) }));
  return lines.join("\n");
}

function roll(r: RollCall, started: boolean, erased: number, t: Tr): string {
  const lines = [t(r.recorded ? "digest-roll-title-recorded" : "digest-roll-title-forecast")];
  lines.push(t("digest-roll-total", { total: r.total, full: r.full, probationary: r.probationary }));
  if (erased) lines.push(t("digest-erased", { count: erased }));
  lines.push(t("digest-roll-exempted", { count: r.exempted.length }));
  if (r.exempted.length) lines.push(names(r.exempted));
  lines.push(t(r.recorded ? "digest-roll-present" : "digest-roll-expected", { count: r.present }));
  lines.push(t("digest-roll-excused", { count: r.excused.length }));
  for (const p of r.excused) lines.push(t("digest-reason-line", { name: p.name, reason: clip(p.reason, REASON_SHOWN) || t("digest-no-reason-given") }));
  if (r.recorded) {
    lines.push(t("digest-roll-absent-no-reason", { count: r.absentNoReason.length }));
    if (r.absentNoReason.length) lines.push(names(r.absentNoReason));
  } else {
    lines.push(t("digest-roll-no-answer", { count: r.noAnswer.length }));
    if (r.noAnswer.length) lines.push(names(r.noAnswer));
    const answered = r.present + r.excused.length;
    if (!r.noAnswer.length && answered) lines.push(t("digest-roll-everyone-answered"));
    if (r.noAnswer.length && !answered) lines.push(t("digest-roll-nobody-answered"));
    if (started) lines.push(t("digest-roll-record-hint"));
  }
  return lines.join("\n");
}

function commitments(m: DigestModel, c: CommitmentSummary | null, t: Tr, locale: Locale): string {
  if (!c) return [t("digest-commit-title-none"), t("digest-commit-no-period"), ...(m.erased && !m.roll ? [t("digest-erased", { count: m.erased })] : [])].join("\n");
  const lines = [t("digest-commit-title", { period: periodName(t, { name: c.periodName }) })];
  lines.push(t("digest-commit-registered", { count: c.registered, total: c.expected }));
  // Said here when there is no roll call to say it under.
  if (m.erased && !m.roll) lines.push(t("digest-erased", { count: m.erased }));
  if (c.missing.length) {
    lines.push(t("digest-commit-missing", { names: pendingNames(t, c.missing) }));
    // While registration is open the secretary can still remind them.
    if (c.deadline > m.now) lines.push(t("digest-commit-deadline", { date: formatDate(c.deadline, m.zone, locale) }));
  } else if (c.expected) lines.push(t("digest-commit-all"));
  if (c.changed.length) {
    lines.push(c.since ? t("digest-commit-changed-since", { count: c.changed.length, time: formatDateTime(c.since, m.zone, locale) }) : t("digest-commit-changed", { count: c.changed.length }));
    for (const ch of c.changed) lines.push(t(ch.deleted ? "digest-deleted-line" : "digest-changed-line", { name: ch.name, text: clip(ch.text, COMMITMENT_SHOWN) }));
  }
  return lines.join("\n");
}

function selfEval(s: SelfEvalSummary, t: Tr, locale: Locale, zone: string): string {
  const when = (at: Date) => formatDateTime(at, zone, locale);
  const lines = [t("digest-eval-title")];
  lines.push(t(`digest-eval-window-${s.state}`, { opens: when(s.opensAt), closes: when(s.closesAt) }));
  if (!s.expected) {
    lines.push(t("digest-eval-nobody-expected"));
    return lines.join("\n");
  }
  lines.push(t("digest-eval-submitted", { count: s.submitted, total: s.expected }));
  if (s.missing.length) lines.push(t("digest-eval-missing", { names: pendingNames(t, s.missing) }));
  else lines.push(t("digest-eval-all"));
  if (s.submitted) {
    lines.push(t("digest-eval-done", { count: s.done }), t("digest-eval-in-progress", { count: s.inProgress }), t("digest-eval-not-yet", { count: s.notYet }));
  }
  if (s.notYetTwice.length) {
    lines.push(t("digest-eval-not-yet-twice", { count: s.notYetTwice.length }));
    for (const i of s.notYetTwice) lines.push(t("digest-changed-line", { name: i.name, text: clip(i.text, COMMITMENT_SHOWN) }));
  }
  return lines.join("\n");
}

function warnings(w: Warnings, t: Tr): string {
  const lines = [t("digest-warn-title")];
  const held = w.quotaHeld.notices + w.quotaHeld.optional;
  if (held) lines.push(t("digest-warn-quota-held", { count: held, notices: w.quotaHeld.notices, optional: w.quotaHeld.optional }));
  if (!w.absences.length && !w.unreachable.length) {
    if (held) return lines.join("\n");
    lines.push(t("digest-warn-none"));
    return lines.join("\n");
  }
  if (w.absences.length) {
    lines.push(t("digest-warn-absences", { count: w.absences.length, months: ABSENCE_WARNING_MONTHS, year: String(w.year) }));
    for (const a of w.absences) lines.push(t("digest-warn-absence-line", { name: a.name, count: a.months.length, months: a.months.map(monthText).join(", ") }));
    lines.push(t("digest-warn-charter"));
  }
  if (w.unreachable.length) {
    lines.push(t("digest-warn-unreachable", { count: w.unreachable.length }));
    for (const u of w.unreachable) lines.push(t(`digest-warn-unreachable-${u.why}`, { name: u.name, undelivered: u.undelivered }));
  }
  return lines.join("\n");
}

/** The digest's sections, each a block of short lines. */
export function digestBlocks(m: DigestModel, t: Tr, locale: Locale): string[] {
  const blocks = [header(m, t, locale)];
  if (m.roll) blocks.push(roll(m.roll, m.meeting?.started ?? false, m.erased, t));
  blocks.push(commitments(m, m.commitments, t, locale));
  if (m.selfEval) blocks.push(selfEval(m.selfEval, t, locale, m.zone));
  blocks.push(warnings(m.warnings, t));
  return blocks;
}

export function renderDigest(m: DigestModel, t: Tr, locale: Locale): string {
  return digestBlocks(m, t, locale).join("\n\n");
}
