// The digest as data: what the secretaries see about one meeting, computed from the rows the
// repository read. Pure, so the rendering can be tested exactly (golden files) without a database.
import { DateTime } from "luxon";
import { Priority } from "../../services/priority.ts";
import { evalWindow, hasSelfEvaluation } from "../../domain/commitments/window.ts";
import { absenceWarnings, erasedDuring, reasonOf } from "../../domain/digest/participation.ts";
import type { Meeting, Rsvp } from "../../domain/meetings.ts";
import type { Branch, MeetingKind, Member } from "../../domain/model.ts";
import { sortMembers } from "../../domain/names.ts";
import type { AttendanceRow, DigestSource } from "../../ports/digests.ts";
import { namesFrom, type Names } from "../names.ts";

/** before: at the configured time before the meeting; after: when the self-evaluation window closes
 * (the meeting starts), with the final counts; now: asked for with /baocao. */
export type DigestPhase = "before" | "after" | "now";

export interface Person {
  id: string;
  name: string;
}

/** Someone who has not done it yet; `draft` when they started and did not confirm. */
export interface Pending extends Person {
  draft: boolean;
}

export interface RollCall {
  /** Attendance was recorded (/diemdanh): the counts are what happened, not a forecast. */
  recorded: boolean;
  total: number;
  full: number;
  probationary: number;
  exempted: Person[];
  /** Forecast: answered Tham dự. Recorded: present. */
  present: number;
  /** Vắng mặt có lý do. */
  excused: Array<Person & { reason: string }>;
  /** Recorded absent without a reported reason. */
  absentNoReason: Person[];
  /** Forecast only: expected and not answered. */
  noAnswer: Person[];
}

export interface CommitmentSummary {
  periodName: string;
  deadline: Date;
  expected: number;
  registered: number;
  missing: Pending[];
  /** Submitted commitments edited or deleted since the last digest. */
  changed: Array<{ name: string; text: string; deleted: boolean }>;
  /** The last digest; null when there was none (every change after submission is listed). */
  since: Date | null;
}

export type WindowState = "upcoming" | "open" | "closed";

export interface SelfEvalSummary {
  opensAt: Date;
  closesAt: Date;
  state: WindowState;
  expected: number;
  submitted: number;
  missing: Pending[];
  done: number;
  inProgress: number;
  notYet: number;
  /** Marked Chưa thực hiện at this meeting and the one before. */
  notYetTwice: Array<{ name: string; text: string }>;
}

export interface Warnings {
  /** The year counted, and who missed regular meetings without reason in three months or more ("2026-10"). */
  year: number;
  absences: Array<{ name: string; months: string[] }>;
  unreachable: Array<{ name: string; why: "no-chat" | "inactive"; undelivered: number }>;
  /** Messages to members waiting for the next month: a bot used up its monthly quota. */
  quotaHeld: { notices: number; optional: number };
}

export interface DigestMeeting {
  id: string;
  kind: MeetingKind;
  startsAt: Date;
  place: string | null;
  topic: string | null;
  started: boolean;
}

export interface DigestModel {
  phase: DigestPhase;
  branchName: string;
  zone: string;
  now: Date;
  meeting: DigestMeeting | null;
  roll: RollCall | null;
  commitments: CommitmentSummary | null;
  selfEval: SelfEvalSummary | null;
  warnings: Warnings;
  /** Members who erased their data while on the roll in the commitment period (else the year) read. */
  erased: number;
}

export interface DigestInput {
  branch: Pick<Branch, "name" | "timezone" | "selfEvalDaysBefore">;
  meeting: Meeting | null;
  phase: DigestPhase;
  now: Date;
  source: DigestSource;
}

const person = (names: Names, m: Member): Person => ({ id: m.id, name: names.of(m) });
const byMember = <R extends { memberId: string }>(rows: R[]) => new Map(rows.map((r) => [r.memberId, r]));

function rollCall(names: Names, members: Member[], rsvps: Rsvp[], attendance: AttendanceRow[]): RollCall {
  const person_ = (m: Member) => person(names, m);
  const answers = byMember(rsvps);
  const rows = byMember(attendance);
  const roll: RollCall = {
    recorded: attendance.length > 0,
    total: members.length,
    full: members.filter((m) => m.partyStatus === "FULL").length,
    probationary: members.filter((m) => m.partyStatus === "PROBATIONARY").length,
    exempted: members.filter((m) => m.exempted).map(person_),
    present: 0,
    excused: [],
    absentNoReason: [],
    noAnswer: [],
  };
  for (const m of members) {
    const rsvp = answers.get(m.id);
    const excused = rsvp?.answer === "ABSENT" ? { ...person_(m), reason: rsvp.reason ?? "" } : null;
    if (roll.recorded) {
      // Members without a row joined after the meeting was recorded.
      const row = rows.get(m.id);
      if (!row) continue;
      const reason = reasonOf(rsvp, row);
      if (row.present) roll.present++;
      else if (reason !== null || excused) roll.excused.push({ ...person_(m), reason: reason ?? "" });
      else if (!m.exempted) roll.absentNoReason.push(person_(m));
    } else if (rsvp?.answer === "ATTEND") roll.present++;
    else if (excused) roll.excused.push(excused);
    else if (!m.exempted) roll.noAnswer.push(person_(m));
  }
  return roll;
}

function commitmentSummary(names: Names, members: Member[], source: DigestSource): CommitmentSummary | null {
  const { period, commitments, lastDigestAt: since } = source;
  if (!period) return null;
  const live = commitments.filter((c) => !c.deletedAt);
  const registered = new Set(live.filter((c) => c.status === "SUBMITTED").map((c) => c.memberId));
  const drafting = new Set(live.filter((c) => c.status === "DRAFT").map((c) => c.memberId));
  const expected = members.filter((m) => !m.exempted || registered.has(m.id));
  const after = (at: Date | null) => at !== null && (since === null || at > since);
  const changed = members.flatMap((m) =>
    commitments
      .filter((c) => c.memberId === m.id && c.submittedAt && (c.deletedAt ? after(c.deletedAt) : after(c.changedAt)))
      .map((c) => ({ name: names.of(m), text: c.text, deleted: c.deletedAt !== null })),
  );
  return {
    periodName: period.name,
    deadline: period.deadline,
    expected: expected.length,
    registered: expected.filter((m) => registered.has(m.id)).length,
    missing: expected.filter((m) => !registered.has(m.id)).map((m) => ({ ...person(names, m), draft: drafting.has(m.id) })),
    changed,
    since,
  };
}

function selfEvalSummary(names: Names, input: DigestInput, members: Member[]): SelfEvalSummary | null {
  const { meeting, source, now, branch } = input;
  // Monthly self-evaluation belongs to the regular meeting; a thematic one has none.
  if (!meeting || !hasSelfEvaluation(meeting)) return null;
  const { opensAt, closesAt } = evalWindow(meeting, branch);
  const state: WindowState = now < opensAt ? "upcoming" : now < closesAt ? "open" : "closed";
  const evaluations = byMember(source.evaluations);
  const submitted = source.evaluations.filter((e) => e.status === "SUBMITTED");
  const submittedBy = new Set(submitted.map((e) => e.memberId));
  const registered = new Set(source.commitments.filter((c) => c.status === "SUBMITTED" && !c.deletedAt).map((c) => c.memberId));
  const expected = members.filter((m) => registered.has(m.id) || submittedBy.has(m.id));
  const tally = { DONE: 0, IN_PROGRESS: 0, NOT_YET: 0 };
  const previous = byMember(source.previous?.evaluations ?? []);
  const notYetTwice: SelfEvalSummary["notYetTwice"] = [];
  for (const m of expected) {
    const evaluation = evaluations.get(m.id);
    if (evaluation?.status !== "SUBMITTED") continue;
    for (const item of evaluation.items) {
      tally[item.progress]++;
      const before = previous.get(m.id)?.items.find((i) => i.commitmentId === item.commitmentId);
      if (item.progress === "NOT_YET" && before?.progress === "NOT_YET") notYetTwice.push({ name: names.of(m), text: item.commitmentText });
    }
  }
  return {
    opensAt,
    closesAt,
    state,
    expected: expected.length,
    submitted: expected.filter((m) => submittedBy.has(m.id)).length,
    missing: expected.filter((m) => !submittedBy.has(m.id)).map((m) => ({ ...person(names, m), draft: evaluations.get(m.id)?.status === "DRAFT" })),
    done: tally.DONE,
    inProgress: tally.IN_PROGRESS,
    notYet: tally.NOT_YET,
    notYetTwice,
  };
}

function warnings(names: Names, input: DigestInput, members: Member[]): Warnings {
  const { source, now, branch } = input;
  const listed = new Map(members.map((m) => [m.id, names.of(m)]));
  const absences = absenceWarnings(source.history, now, branch.timezone).flatMap((c) => {
    const name = listed.get(c.memberId);
    return name ? [{ name, months: c.months }] : [];
  });
  const undelivered = new Map(source.undelivered.map((u) => [u.memberId, u.count]));
  const unreachable: Warnings["unreachable"] = [];
  for (const m of members) {
    const chats = source.chats.filter((c) => c.memberId === m.id);
    if (chats.some((c) => c.active)) continue;
    unreachable.push({ name: names.of(m), why: chats.length ? "inactive" : "no-chat", undelivered: undelivered.get(m.id) ?? 0 });
  }
  const held = (keep: (p: number) => boolean) => source.quotaHeld.filter((h) => keep(h.priority)).reduce((n, h) => n + h.count, 0);
  return {
    year: DateTime.fromJSDate(now, { zone: branch.timezone }).year,
    absences,
    unreachable,
    quotaHeld: { notices: held((p) => p < Priority.optional), optional: held((p) => p >= Priority.optional) },
  };
}

/** The span the digest's counts cover: the commitment period it reads, else the meeting's (or today's) year. */
function span(input: DigestInput): { from: Date; to: Date } {
  const { period } = input.source;
  if (period) return { from: period.startsAt, to: period.endsAt };
  const year = DateTime.fromJSDate(input.meeting?.startsAt ?? input.now, { zone: input.branch.timezone }).startOf("year");
  return { from: year.toJSDate(), to: year.plus({ years: 1 }).toJSDate() };
}

export function buildDigest(input: DigestInput): DigestModel {
  const { meeting, source, now, branch, phase } = input;
  // Lists read in the order people are listed everywhere else: by given name.
  const members = sortMembers(source.members.filter((m) => m.status === "ACTIVE"));
  const sorted: DigestInput = { ...input, source: { ...source, history: { ...source.history, members: sortMembers(source.history.members) } } };
  // Namesakes are marked from everyone the branch lists (active and removed), as /thanhvien does.
  const roster = new Map([...source.history.members, ...source.members].filter((m) => m.status !== "ERASED").map((m) => [m.id, m]));
  const names = namesFrom([...roster.values()]);
  return {
    phase,
    branchName: branch.name,
    zone: branch.timezone,
    now,
    meeting: meeting
      ? { id: meeting.id, kind: meeting.kind, startsAt: meeting.startsAt, place: meeting.place, topic: meeting.topic, started: meeting.startsAt <= now }
      : null,
    roll: meeting ? rollCall(names, members, source.rsvps, source.attendance) : null,
    commitments: commitmentSummary(names, members, source),
    selfEval: selfEvalSummary(names, sorted, members),
    warnings: warnings(names, sorted, members),
    erased: erasedDuring(source.history.members, span(input).from, span(input).to),
  };
}
