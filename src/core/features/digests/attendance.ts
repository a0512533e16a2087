// /diemdanh (secretaries): after a meeting, confirm who actually attended. The list is filled in
// from the answers (Tham dự → present) or from what was recorded before; one tap on a name (or its
// number, or typing the name) switches present ⇄ absent, a page of members at a time, and Xác nhận
// writes the attendance and the audit entry. Recorded attendance feeds the absence warnings.
import { onRollAt } from "../../domain/digest/participation.ts";
import type { Meeting, Rsvp } from "../../domain/meetings.ts";
import type { Member } from "../../domain/model.ts";
import { formatDateTime } from "../../domain/time.ts";
import type { Ctx } from "../../engine/context.ts";
import { end, go, invalid, type FlowDef, type Next, type Prompt, type StepChoice } from "../../engine/flow.ts";
import type { Feature } from "../../engine/registry.ts";
import { fold } from "../../engine/text.ts";
import type { AttendanceRow } from "../../ports/digests.ts";
import { sortMembers } from "../members.ts";
import { namesFrom, type Names } from "../names.ts";
import { distinctLabels, PAGE_SIZE, pageNav, pageOf, pagePosition, parsePageValue } from "../paging.ts";

/** Meetings offered when the secretary picks another one. */
export const PICKABLE_MEETINGS = 6;

export interface AttendanceDraft {
  meetingId: string;
  page: number;
  /** The members listed, in order (fixed when the flow starts, so numbers do not shift). */
  ids: string[];
  present: string[];
}

/** A scheduled meeting of the secretary's own branch; anything else reads as not found. */
export async function ownMeeting(ctx: Ctx, meetingId: string | undefined): Promise<Meeting | null> {
  const branch = ctx.actor.branch;
  if (!branch || !meetingId) return null;
  const meeting = await ctx.tx.digests.meeting(branch.id, meetingId);
  return meeting && meeting.status === "SCHEDULED" ? meeting : null;
}

/** Who is present before any change: what was recorded, else who answered Tham dự. */
function prefill(ids: string[], rsvps: Rsvp[], rows: AttendanceRow[]): Set<string> {
  const recorded = new Map(rows.map((r) => [r.memberId, r.present]));
  const attending = new Set(rsvps.filter((r) => r.answer === "ATTEND").map((r) => r.memberId));
  return new Set(ids.filter((id) => recorded.get(id) ?? attending.has(id)));
}

interface Facts {
  meeting: Meeting;
  members: Member[];
  /** Names as every list shows them (namesakes marked). */
  names: Names;
  rsvps: Rsvp[];
  rows: AttendanceRow[];
}

async function facts(ctx: Ctx, meeting: Meeting): Promise<Facts> {
  const source = await ctx.tx.digests.history(meeting.branchId, meeting.startsAt, meeting.startsAt);
  const rsvps = source.rsvps.filter((r) => r.meetingId === meeting.id);
  const rows = source.attendance.filter((a) => a.meetingId === meeting.id);
  const answered = new Set([...rsvps.map((r) => r.memberId), ...rows.map((a) => a.memberId)]);
  // Active members who were on the roll then, and anyone who answered or was recorded.
  const members = sortMembers(source.members.filter((m) => m.status === "ACTIVE" && (onRollAt(m, meeting.startsAt) || answered.has(m.id))));
  return { meeting, members, names: namesFrom(source.members.filter((m) => m.status !== "ERASED")), rsvps, rows };
}

/** The members the draft lists who are still members (one removed meanwhile drops out). */
function listedOf(d: AttendanceDraft, f: Facts): Member[] {
  const byId = new Map(f.members.map((m) => [m.id, m]));
  return d.ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** The attendance list of a meeting, filled in. */
async function draftFor(ctx: Ctx, meeting: Meeting): Promise<AttendanceDraft> {
  const f = await facts(ctx, meeting);
  const ids = f.members.map((m) => m.id);
  return { meetingId: meeting.id, page: 0, ids, present: [...prefill(ids, f.rsvps, f.rows)] };
}

const meetingTitle = (ctx: Ctx, m: Meeting) =>
  ctx.t("attendance-meeting", {
    kind: ctx.t(m.kind === "REGULAR" ? "digest-kind-regular" : "digest-kind-thematic"),
    time: formatDateTime(m.startsAt, ctx.actor.branch!.timezone, ctx.actor.locale),
  });

async function listPrompt(ctx: Ctx, d: AttendanceDraft): Promise<Prompt> {
  const meeting = await ownMeeting(ctx, d.meetingId);
  if (!meeting) return { text: ctx.t("digest-meeting-not-found"), choices: [[{ label: ctx.t("control-cancel"), value: "cancel" }]] };
  const f = await facts(ctx, meeting);
  const listed = listedOf(d, f);
  const present = new Set(d.present);
  const page = pageOf(listed, d.page);
  const lines = [
    ctx.t("attendance-title"),
    meetingTitle(ctx, meeting),
    ctx.t(f.rows.length ? "attendance-from-record" : "attendance-from-answers"),
    ctx.t("attendance-counts", { present: listed.filter((m) => present.has(m.id)).length, absent: listed.filter((m) => !present.has(m.id)).length }),
    ctx.t("attendance-hint"),
    pagePosition(ctx.t, page),
  ];
  const labels = distinctLabels(
    page.items.map((m) => {
      const name = m.exempted ? ctx.t("attendance-exempted", { name: f.names.of(m) }) : f.names.of(m);
      return ctx.t(present.has(m.id) ? "attendance-label-present" : "attendance-label-absent", { name });
    }),
  );
  const nav = pageNav(ctx.t, page);
  const controls: StepChoice[] = [
    { label: ctx.t("control-confirm"), value: "ok" },
    { label: ctx.t("control-cancel"), value: "cancel" },
  ];
  return {
    text: lines.filter(Boolean).join("\n"),
    choices: [
      ...page.items.map((m, i) => [{ label: labels[i]!, value: `m:${m.id}` }]),
      ...(nav.length ? [nav] : []),
      controls,
      [{ label: ctx.t("attendance-other-meeting"), value: "other" }],
    ],
  };
}

function toggle(d: AttendanceDraft, memberId: string): AttendanceDraft {
  const present = d.present.includes(memberId) ? d.present.filter((id) => id !== memberId) : [...d.present, memberId];
  return { ...d, present };
}

async function confirm(ctx: Ctx, d: AttendanceDraft): Promise<Next<AttendanceDraft>> {
  const meeting = await ownMeeting(ctx, d.meetingId);
  if (!meeting) return end(ctx.t("digest-meeting-not-found"));
  const f = await facts(ctx, meeting);
  const ids = listedOf(d, f).map((m) => m.id);
  const before = prefill(ids, f.rsvps, f.rows);
  const present = new Set(d.present);
  const entries = ids.map((memberId) => ({ memberId, present: present.has(memberId) }));
  await ctx.tx.digests.saveAttendance(meeting.id, entries, ctx.actor.member!.id, ctx.now);
  const absentees = entries.filter((e) => !e.present).map((e) => e.memberId);
  const excused = new Set(f.rsvps.filter((r) => r.answer === "ABSENT").map((r) => r.memberId));
  const counts = {
    present: entries.length - absentees.length,
    absent: absentees.length,
    excused: absentees.filter((id) => excused.has(id)).length,
    noreason: absentees.filter((id) => !excused.has(id)).length,
  };
  const corrected = entries.filter((e) => e.present !== before.has(e.memberId)).length;
  await ctx.audit("attendance.recorded", { meetingId: meeting.id, ...counts, corrected, rerecorded: f.rows.length > 0 });
  return end(ctx.t("attendance-saved", { meeting: meetingTitle(ctx, meeting), ...counts }));
}

async function byTypedName(ctx: Ctx, d: AttendanceDraft, text: string): Promise<Next<AttendanceDraft>> {
  const typed = text.trim();
  if (/^\d+$/.test(typed)) return invalid("attendance-pick-number", { number: typed.slice(0, 6) });
  const meeting = await ownMeeting(ctx, d.meetingId);
  if (!meeting) return end(ctx.t("digest-meeting-not-found"));
  const f = await facts(ctx, meeting);
  const query = fold(typed);
  const listed = listedOf(d, f);
  const found = query.length >= 2 ? listed.filter((m) => fold(m.fullName).includes(query)) : [];
  if (found.length === 0) return invalid("attendance-search-none", { query: typed.slice(0, 40) });
  if (found.length > 1) return invalid("attendance-search-many", { query: typed.slice(0, 40), count: found.length });
  const member = found[0]!;
  const next = toggle(d, member.id);
  return go("list", { ...next, page: Math.floor(listed.indexOf(member) / PAGE_SIZE) }, ctx.t(next.present.includes(member.id) ? "attendance-now-present" : "attendance-now-absent", { name: f.names.of(member) }));
}

async function pickPrompt(ctx: Ctx): Promise<Prompt> {
  const meetings = await ctx.tx.digests.startedMeetings(ctx.actor.branch!.id, ctx.now, PICKABLE_MEETINGS);
  return {
    text: ctx.t("attendance-pick-meeting"),
    choices: [...meetings.map((m) => [{ label: formatDateTime(m.startsAt, ctx.actor.branch!.timezone, ctx.actor.locale), value: `g:${m.id}` }]), [{ label: ctx.t("attendance-back"), value: "back" }]],
  };
}

export const attendanceFlow: FlowDef<AttendanceDraft> = {
  name: "attendance",
  access: "secretary",
  ttlHours: 24,
  steps: {
    list: {
      prompt: listPrompt,
      choice: async (ctx, d, value) => {
        if (value === "ok") return confirm(ctx, d);
        if (value === "cancel") return end(ctx.t("attendance-cancelled"));
        if (value === "other") return go("pick", d);
        const page = parsePageValue(value);
        if (page !== null) return go("list", { ...d, page });
        const id = value.startsWith("m:") ? value.slice(2) : "";
        if (!d.ids.includes(id)) return invalid("input-pick-a-choice");
        return go("list", toggle(d, id));
      },
      text: byTypedName,
    },
    pick: {
      prompt: pickPrompt,
      choice: async (ctx, d, value) => {
        if (value === "back") return go("list", d);
        const meeting = value.startsWith("g:") ? await ownMeeting(ctx, value.slice(2)) : null;
        if (!meeting || meeting.startsAt > ctx.now) return invalid("digest-meeting-not-found");
        return go("list", await draftFor(ctx, meeting));
      },
    },
  },
};

/** /diemdanh: the latest meeting that has started. */
export async function openAttendance(ctx: Ctx, meeting?: Meeting | null): Promise<void> {
  const target = meeting ?? (await ctx.tx.digests.startedMeetings(ctx.actor.branch!.id, ctx.now, 1))[0];
  if (!target) return ctx.reply(ctx.t("attendance-no-meeting"));
  if (target.startsAt > ctx.now) return ctx.reply(ctx.t("attendance-not-started", { time: formatDateTime(target.startsAt, ctx.actor.branch!.timezone, ctx.actor.locale) }));
  await ctx.startFlow(attendanceFlow, await draftFor(ctx, target));
}

export const attendanceFeature: Feature = {
  name: "attendance",
  flows: [attendanceFlow],
  commands: [
    {
      name: "diemdanh",
      alias: "attendance",
      access: "secretary",
      description: "attendance-description",
      run: (ctx) => openAttendance(ctx),
    },
  ],
};
