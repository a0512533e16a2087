// The branch's answers as tables, one per kind (answers to meetings, attendance, commitments,
// self-evaluations), with headers in the branch language. CSV and XLSX are two writings of these.
import { onRollAt, reasonOf } from "../../domain/digest/participation.ts";
import type { Meeting } from "../../domain/meetings.ts";
import type { Progress } from "../../domain/model.ts";
import { sortMembers } from "../../domain/names.ts";
import type { ExportData } from "../../ports/digests.ts";
import type { Cell, Sheet } from "../../ports/render.ts";
import type { T } from "../../services/messages.ts";
import { periodName } from "../commitments/periods.ts";
import { namesFrom } from "../names.ts";

export type TableKind = "rsvps" | "attendance" | "commitments" | "selfeval";
export const TABLE_KINDS: readonly TableKind[] = ["rsvps", "attendance", "commitments", "selfeval"];

/** A sheet of the export; its title (in the branch language) also names its CSV file. */
export interface Table extends Sheet {
  kind: TableKind;
}

const PROGRESS_KEYS: Record<Progress, string> = { DONE: "export-progress-done", IN_PROGRESS: "export-progress-in-progress", NOT_YET: "export-progress-not-yet" };

export function buildTables(data: ExportData, t: T): Table[] {
  const members = sortMembers(data.members);
  // Namesakes are marked as in every other list, so two rows of "Trần Văn An" can be told apart.
  const names = namesFrom(data.members);
  const name = new Map(data.members.map((m) => [m.id, names.of(m)]));
  const meetingCells = (m: Meeting): Cell[] => [{ at: m.startsAt }, t(m.kind === "REGULAR" ? "export-kind-regular" : "export-kind-thematic")];
  const key = (meetingId: string, memberId: string) => `${meetingId}:${memberId}`;
  const rsvps = new Map(data.rsvps.map((r) => [key(r.meetingId, r.memberId), r]));
  const when = (at: Date | null): Cell => (at ? { at } : null);

  const rsvpRows: Cell[][] = [];
  for (const meeting of data.meetings) {
    for (const m of members) {
      const rsvp = rsvps.get(key(meeting.id, m.id));
      if (!rsvp && !onRollAt(m, meeting.startsAt)) continue;
      const answer = rsvp ? t(rsvp.answer === "ATTEND" ? "export-answer-attend" : "export-answer-absent") : t(m.exempted ? "export-answer-exempted" : "export-answer-none");
      rsvpRows.push([...meetingCells(meeting), names.of(m), answer, rsvp?.reason ?? null, when(rsvp?.answeredAt ?? null)]);
    }
  }

  const meetingsById = new Map(data.meetings.map((m) => [m.id, m]));
  const order = new Map(members.map((m, i) => [m.id, i]));
  const byMeetingThenMember = <R extends { meetingId: string; memberId: string }>(rows: R[]) =>
    [...rows].sort(
      (a, b) =>
        meetingsById.get(a.meetingId)!.startsAt.getTime() - meetingsById.get(b.meetingId)!.startsAt.getTime() ||
        (order.get(a.memberId) ?? 0) - (order.get(b.memberId) ?? 0),
    );

  const attendanceRows: Cell[][] = byMeetingThenMember(data.attendance.filter((a) => meetingsById.has(a.meetingId) && name.has(a.memberId))).map((a) => {
    const rsvp = rsvps.get(key(a.meetingId, a.memberId));
    return [
      ...meetingCells(meetingsById.get(a.meetingId)!),
      name.get(a.memberId)!,
      t(a.present ? "export-present" : "export-absent"),
      a.present ? null : reasonOf(rsvp, a),
      a.recordedById ? (name.get(a.recordedById) ?? null) : null,
      when(a.recordedAt),
    ];
  });

  const periods = new Map(data.periods.map((p) => [p.id, periodName(t, p)]));
  const commitmentRows: Cell[][] = data.commitments
    .filter((c) => name.has(c.memberId))
    .sort((a, b) => a.periodId.localeCompare(b.periodId) || order.get(a.memberId)! - order.get(b.memberId)! || a.position - b.position)
    .map((c) => [periods.get(c.periodId) ?? "", name.get(c.memberId)!, c.position, c.text, when(c.submittedAt), when(c.changedAt)]);

  const evalRows: Cell[][] = [];
  for (const e of byMeetingThenMember(data.evaluations.filter((e) => meetingsById.has(e.meetingId) && name.has(e.memberId)))) {
    const head = [...meetingCells(meetingsById.get(e.meetingId)!), name.get(e.memberId)!];
    const items = e.items.length ? e.items : [null];
    for (const item of items) {
      evalRows.push([...head, item?.commitmentText ?? null, item ? t(PROGRESS_KEYS[item.progress]) : null, item?.note ?? null, e.reflection, when(e.submittedAt)]);
    }
  }

  const meetingHeaders = [t("export-col-meeting"), t("export-col-kind")];
  return [
    {
      kind: "rsvps",
      title: t("export-sheet-rsvps"),
      headers: [...meetingHeaders, t("export-col-name"), t("export-col-answer"), t("export-col-reason"), t("export-col-answered-at")],
      rows: rsvpRows,
    },
    {
      kind: "attendance",
      title: t("export-sheet-attendance"),
      headers: [...meetingHeaders, t("export-col-name"), t("export-col-present"), t("export-col-reason"), t("export-col-recorded-by"), t("export-col-recorded-at")],
      rows: attendanceRows,
    },
    {
      kind: "commitments",
      title: t("export-sheet-commitments"),
      headers: [t("export-col-period"), t("export-col-name"), t("export-col-number"), t("export-col-commitment"), t("export-col-submitted-at"), t("export-col-changed-at")],
      rows: commitmentRows,
    },
    {
      kind: "selfeval",
      title: t("export-sheet-selfeval"),
      headers: [...meetingHeaders, t("export-col-name"), t("export-col-commitment"), t("export-col-progress"), t("export-col-note"), t("export-col-reflection"), t("export-col-submitted-at")],
      rows: evalRows,
    },
  ];
}

/** Rows in all tables, for the summary line. */
export function rowCount(tables: Table[]): number {
  return tables.reduce((n, table) => n + table.rows.length, 0);
}
