// The draft self-review (bản kiểm điểm) a member receives with their proposed level: assembled from
// the year's commitments, the monthly progress and notes, and the reflections. It is a draft for the
// member to complete; the level is a proposal the branch decides on.
import { DateTime } from "luxon";
import { evaluatedYear, yearPeriodId } from "../../domain/commitments/period.ts";
import type { Branch, Member, Progress, RatingLevel } from "../../domain/model.ts";
import { formatDate } from "../../domain/time.ts";
import type { Tx } from "../../ports/store.ts";
import type { T } from "../../services/messages.ts";
import type { Locale } from "../../types.ts";
import { monthOf, progressLabel } from "../selfeval/progress.ts";
import { levelLabel } from "./service.ts";

export interface MonthAnswer {
  month: string;
  progress: Progress;
  note: string | null;
  draft: boolean;
}

export interface YearRecord {
  name: string;
  branch: string;
  year: number;
  commitments: Array<{ text: string; standard: string | null; months: MonthAnswer[] }>;
  reflections: Array<{ month: string; text: string }>;
  evaluations: number;
  counts: Record<Progress, number>;
}

export interface Proposal {
  level: RatingLevel;
  reason: string;
}

/** Everything the member answered in `year`. */
export async function collectYear(tx: Tx, branch: Branch, member: Member, year: number): Promise<YearRecord> {
  const zone = branch.timezone;
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone });
  const commitments = (await tx.commitments.commitmentsOf(member.id, yearPeriodId(branch.id, year))).filter((c) => c.status === "SUBMITTED");
  const standards = new Map((await tx.commitments.standards(branch.id)).map((s) => [s.id, s.text]));
  // The meetings that review the year's months: into January of the next year.
  const evaluations = (await tx.commitments.evaluationsOfMember(member.id, start.toJSDate(), start.plus({ years: 1, days: 31 }).toJSDate())).filter(
    (e) => evaluatedYear(e.meetingStartsAt, zone) === year,
  );
  const counts: Record<Progress, number> = { DONE: 0, IN_PROGRESS: 0, NOT_YET: 0 };
  const months = new Map<string, MonthAnswer[]>();
  const reflections: YearRecord["reflections"] = [];
  for (const e of evaluations) {
    const month = monthOf(e.meetingStartsAt, zone);
    for (const item of e.items) {
      counts[item.progress]++;
      months.set(item.commitmentId, [...(months.get(item.commitmentId) ?? []), { month, progress: item.progress, note: item.note, draft: e.status === "DRAFT" }]);
    }
    if (e.reflection) reflections.push({ month, text: e.reflection });
  }
  return {
    name: member.fullName,
    branch: branch.name,
    year,
    commitments: commitments.map((c) => ({ text: c.text, standard: c.standardId ? (standards.get(c.standardId) ?? null) : null, months: months.get(c.id) ?? [] })),
    reflections,
    evaluations: evaluations.length,
    counts,
  };
}

/** "11/2026: Đã hoàn thành (ghi chú)" for each month a commitment was evaluated. */
export function monthLine(t: T, m: MonthAnswer): string {
  const answer = progressLabel(t, m.progress) + (m.draft ? ` ${t("yearend-draft-mark")}` : "");
  return m.note ? t("yearend-month-note", { month: m.month, answer, note: m.note }) : t("yearend-month", { month: m.month, answer });
}

/** The draft as sections of lines: the chat text and the .docx are made from the same sections. */
export interface DraftSection {
  heading: string;
  lines: string[];
}

export function draftSections(t: T, r: YearRecord, p: Proposal): DraftSection[] {
  const commitments: string[] = [];
  if (!r.commitments.length) commitments.push(t("yearend-no-commitments"));
  for (const [i, c] of r.commitments.entries()) {
    commitments.push(`${i + 1}. ${c.text}`);
    if (c.standard) commitments.push(`   ${t("yearend-standard", { standard: c.standard })}`);
  }
  const results: string[] = [t("yearend-results-overview", { evaluations: r.evaluations, done: r.counts.DONE, doing: r.counts.IN_PROGRESS, notyet: r.counts.NOT_YET })];
  for (const [i, c] of r.commitments.entries()) {
    results.push(`${i + 1}. ${c.text}`);
    if (!c.months.length) results.push(`   ${t("yearend-no-answers")}`);
    for (const m of c.months) results.push(`   – ${monthLine(t, m)}`);
  }
  const reflections = r.reflections.length ? r.reflections.map((x) => `– ${x.month}: ${x.text}`) : [t("yearend-no-reflections")];
  return [
    { heading: t("yearend-section-commitments"), lines: commitments },
    { heading: t("yearend-section-results"), lines: results },
    { heading: t("yearend-section-reflections"), lines: reflections },
    { heading: t("yearend-section-proposal"), lines: [t("yearend-proposal-level", { level: levelLabel(t, p.level) }), t("yearend-proposal-reason", { reason: p.reason })] },
  ];
}

export interface DraftText {
  title: string;
  intro: string[];
  sections: DraftSection[];
  notice: string;
  signature: string[];
}

export function draftDocument(t: T, r: YearRecord, p: Proposal, now: Date, zone: string, locale: Locale): DraftText {
  return {
    title: t("yearend-draft-title", { year: String(r.year) }),
    intro: [t("yearend-draft-name", { name: r.name }), t("yearend-draft-branch", { branch: r.branch })],
    sections: draftSections(t, r, p),
    notice: t("yearend-draft-notice"),
    signature: [t("yearend-draft-date", { date: formatDate(now, zone, locale) }), t("yearend-draft-signer"), r.name],
  };
}

/** The draft as one chat message (adapters split it to the platform's length). */
export function draftChatText(d: DraftText): string {
  return [d.title, ...d.intro, "", ...d.sections.flatMap((s) => [s.heading, ...s.lines, ""]), d.notice].join("\n");
}
