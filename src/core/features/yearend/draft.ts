// The draft self-review (bản kiểm điểm) a member receives with their proposed level, laid out as the
// member's form of Hướng dẫn 43-HD/BTCTW (Mẫu 2A, 2B or 2C: see forms.ts). What the bot knows goes
// where the form asks for it: the year's commitments and their monthly results under "việc thực
// hiện cam kết tu dưỡng, rèn luyện, phấn đấu", what is not done yet under the shortcomings, the
// monthly reflections as material for the way forward, the proposed level last. Everything else is
// left as a line for the member to write. It is a draft; the level is a proposal the branch decides.
import { DateTime } from "luxon";
import { evaluatedYear, yearPeriodId } from "../../domain/commitments/period.ts";
import type { Branch, Member, Progress, RatingLevel, ReviewForm } from "../../domain/model.ts";
import { fold } from "../../text.ts";
import type { Tx } from "../../ports/store.ts";
import type { T } from "../../services/messages.ts";
import { monthOf, progressLabel } from "../selfeval/progress.ts";
import { FORM_SECTIONS, formCode, type SectionSpec } from "./forms.ts";
import { levelLabel } from "./levels.ts";

export interface MonthAnswer {
  month: string;
  progress: Progress;
  note: string | null;
  draft: boolean;
}

/** The year's self-evaluation in numbers: only what was sent counts, and the parts add up. */
export interface YearTally {
  /** Months whose self-evaluation was sent. */
  months: number;
  /** Answers about single commitments in those months (months × commitments answered). */
  answers: number;
  counts: Record<Progress, number>;
}

export interface YearRecord {
  name: string;
  branch: string;
  year: number;
  commitments: Array<{ text: string; standard: string | null; months: MonthAnswer[] }>;
  reflections: Array<{ month: string; text: string }>;
  tally: YearTally;
}

export interface Proposal {
  level: RatingLevel;
  reason: string;
}

/** Everything the member answered about `year` (its months are reviewed into the next January). */
export async function collectYear(tx: Tx, branch: Branch, member: Member, year: number): Promise<YearRecord> {
  const zone = branch.timezone;
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone });
  const commitments = (await tx.commitments.commitmentsOf(member.id, yearPeriodId(branch.id, year))).filter((c) => c.status === "SUBMITTED");
  const standards = new Map((await tx.commitments.standards(branch.id)).map((s) => [s.id, s.text]));
  const evaluations = (await tx.commitments.evaluationsOfMember(member.id, start.toJSDate(), start.plus({ years: 1, days: 31 }).toJSDate())).filter(
    (e) => evaluatedYear(e.meetingStartsAt, zone) === year,
  );
  const tally: YearTally = { months: 0, answers: 0, counts: { DONE: 0, IN_PROGRESS: 0, NOT_YET: 0 } };
  const months = new Map<string, MonthAnswer[]>();
  const reflections: YearRecord["reflections"] = [];
  for (const e of evaluations) {
    const month = monthOf(e.meetingStartsAt, zone);
    const sent = e.status === "SUBMITTED";
    if (sent) tally.months++;
    for (const item of e.items) {
      if (sent) {
        tally.answers++;
        tally.counts[item.progress]++;
      }
      months.set(item.commitmentId, [...(months.get(item.commitmentId) ?? []), { month, progress: item.progress, note: item.note, draft: !sent }]);
    }
    if (e.reflection) reflections.push({ month, text: e.reflection });
  }
  return {
    name: member.fullName,
    branch: branch.name,
    year,
    commitments: commitments.map((c) => ({ text: c.text, standard: c.standardId ? (standards.get(c.standardId) ?? null) : null, months: months.get(c.id) ?? [] })),
    reflections,
    tally,
  };
}

/** "Tháng 11/2026: Đã hoàn thành (ghi chú)" for each month a commitment was evaluated. */
export function monthLine(t: T, m: MonthAnswer): string {
  const answer = progressLabel(t, m.progress) + (m.draft ? ` ${t("yearend-draft-mark")}` : "");
  return m.note ? t("yearend-month-note", { month: m.month, answer, note: m.note }) : t("yearend-month", { month: m.month, answer });
}

/** The year in one sentence whose numbers add up (the level step and the draft say the same). */
export function tallyLine(t: T, tally: YearTally): string {
  return t("yearend-tally", { months: tally.months, answers: tally.answers, done: tally.counts.DONE, doing: tally.counts.IN_PROGRESS, notyet: tally.counts.NOT_YET });
}

/** "Khu phố 3" from "Chi bộ Khu phố 3": the form prints "Chi bộ:" before it. */
export function branchShortName(name: string): string {
  const m = /^\s*chi\s+bo\s+/.exec(fold(name));
  return m ? name.trim().split(/\s+/).slice(2).join(" ") || name : name;
}

/** The draft as sections of lines: the chat text and the .docx are made from the same sections. */
export interface DraftSection {
  heading: string;
  lines: string[];
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

function pledgeLines(t: T, r: YearRecord): string[] {
  if (!r.commitments.length) return [t("yearend-no-commitments")];
  const lines = [t("yearend-pledge-intro", { year: String(r.year) })];
  for (const [i, c] of r.commitments.entries()) {
    lines.push(`${i + 1}. ${c.text}`);
    if (c.standard) lines.push(`   ${t("yearend-standard", { standard: c.standard })}`);
    if (!c.months.length) lines.push(`   ${t("yearend-no-answers")}`);
    for (const m of c.months) lines.push(`   – ${monthLine(t, m)}`);
  }
  lines.push(tallyLine(t, r.tally));
  return lines;
}

/** Commitments whose latest sent answer is not "done": what the member may name as a shortcoming. */
function shortfallLines(t: T, r: YearRecord): string[] {
  const open = r.commitments.flatMap((c) => {
    const last = c.months.filter((m) => !m.draft).at(-1);
    return last && last.progress !== "DONE" ? [`– ${t("yearend-shortfall", { text: c.text, month: last.month, answer: progressLabel(t, last.progress) })}`] : [];
  });
  return [...(open.length ? [t("yearend-shortfalls-intro"), ...open] : []), t("yearend-fill")];
}

function reflectionLines(t: T, r: YearRecord): string[] {
  if (!r.reflections.length) return [t("yearend-fill")];
  return [t("yearend-reflections-intro"), ...r.reflections.map((x) => `– ${x.month}: ${x.text}`), t("yearend-fill")];
}

function contentOf(t: T, spec: SectionSpec, r: YearRecord, p: Proposal, form: ReviewForm): string[] {
  switch (spec.fill) {
    case "pledge":
      return pledgeLines(t, r);
    case "shortfalls":
      return shortfallLines(t, r);
    case "reflections":
      return reflectionLines(t, r);
    case "proposal":
      return [
        ...(form === "FORM_2C" ? [] : [t("yearend-rating-staff")]),
        t("yearend-proposal-level", { level: levelLabel(t, p.level) }),
        t("yearend-proposal-reason", { reason: p.reason }),
      ];
    default:
      return [t("yearend-fill")];
  }
}

export function draftSections(t: T, r: YearRecord, p: Proposal, form: ReviewForm): DraftSection[] {
  return FORM_SECTIONS[form].map((spec, i) => {
    const heading = `${ROMAN[i]}. ${t(spec.heading)}`;
    if (!spec.parts) return { heading, lines: contentOf(t, spec, r, p, form) };
    // Numbered parts under one heading: "1. Về tư tưởng chính trị …", then its content.
    const lines = spec.parts.flatMap((part, n) => [`${n + 1}. ${t(part.heading)}`, ...contentOf(t, part, r, p, form)]);
    return { heading, lines };
  });
}

export interface DraftText {
  /** "Mẫu 2A-HD KĐ.ĐG 2025". */
  formCode: string;
  /** Left of the header: the party committee and the branch. */
  headerLeft: string[];
  /** Right of the header: the party's name and the place and date. */
  headerRight: string[];
  title: string[];
  info: string[];
  sections: DraftSection[];
  notice: string;
  signature: string[];
}

export function draftDocument(t: T, r: YearRecord, p: Proposal, form: ReviewForm, now: Date, zone: string): DraftText {
  const d = DateTime.fromJSDate(now, { zone });
  const code = formCode(form);
  const short = branchShortName(r.branch);
  return {
    formCode: t(`yearend-form-code-${code}`),
    headerLeft: [t("yearend-header-committee"), t("yearend-header-branch", { branch: short.toLocaleUpperCase("vi") })],
    headerRight: [t("yearend-party-header"), t("yearend-draft-date", { day: d.toFormat("dd"), month: d.toFormat("MM"), year: String(d.year) })],
    title: [t("yearend-draft-title"), t("yearend-draft-year", { year: String(r.year) }), t(`yearend-form-for-${code}`), t("yearend-draft-tag")],
    info: [
      t("yearend-draft-name", { name: r.name }),
      t("yearend-info-birth"),
      ...(form === "FORM_2C" ? [t("yearend-info-residence")] : [t("yearend-info-party-post"), t("yearend-info-gov-post"), t("yearend-info-unit")]),
      t("yearend-draft-branch", { branch: short }),
    ],
    sections: draftSections(t, r, p, form),
    notice: t("yearend-draft-notice"),
    signature: [t("yearend-draft-signer"), t("yearend-draft-sign-hint"), r.name],
  };
}

/** The draft as one chat message (adapters split it to the platform's length). */
export function draftChatText(d: DraftText): string {
  return [
    d.formCode,
    ...d.headerLeft,
    ...d.headerRight,
    "",
    ...d.title,
    "",
    ...d.info,
    "",
    ...d.sections.flatMap((s) => [s.heading, ...s.lines, ""]),
    d.notice,
    "",
    ...d.signature,
  ].join("\n");
}
