// /diemdanh (secretaries): after a meeting, confirm who actually attended. The list is filled in
// from the answers (Tham dự → present, Vắng mặt → absent with the reason given) or from what was
// recorded before; one tap on a name (or its number, or typing the name) switches present ⇄
// absent, a page of members at a time; "Ghi lý do vắng" records the reason of an absence (vắng có
// lý do), as the minutes need; Xác nhận writes the attendance and the audit entry. Recorded
// attendance feeds the absence warnings and the chart.
import { onRollAt, reasonOf } from "../../domain/digest/participation.ts";
import { MAX_REASON_CHARS, reasonProblem, type Meeting, type Rsvp } from "../../domain/meetings.ts";
import type { Member } from "../../domain/model.ts";
import { formatDateTime } from "../../domain/time.ts";
import { sortMembers } from "../../domain/names.ts";
import type { Ctx } from "../../engine/context.ts";
import { cancelChoice, confirmRow } from "../../engine/controls.ts";
import { end, go, invalid, type FlowDef, type Next, type Prompt, type StepChoice } from "../../engine/flow.ts";
import type { Feature } from "../../engine/registry.ts";
import { fold, visibleLength } from "../../text.ts";
import type { AttendanceRow } from "../../ports/digests.ts";
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
  /** Reasons of absences (vắng có lý do), by member: given beforehand or recorded here. */
  reasons?: Record<string, string>;
  /** Whose reason is being asked. */
  reasonFor?: string;
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

/** Reasons before any change: recorded ones, else the reasons members gave with Vắng mặt. */
function prefillReasons(ids: string[], rsvps: Rsvp[], rows: AttendanceRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  const byMember = new Map(rows.map((r) => [r.memberId, r]));
  const answers = new Map(rsvps.map((r) => [r.memberId, r]));
  for (const id of ids) {
    const reason = reasonOf(answers.get(id), byMember.get(id));
    if (reason) out[id] = reason;
  }
  return out;
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
  return { meetingId: meeting.id, page: 0, ids, present: [...prefill(ids, f.rsvps, f.rows)], reasons: prefillReasons(ids, f.rsvps, f.rows) };
}

/** Present, absent with a reason, absent without one. */
function tally(listed: Member[], d: AttendanceDraft): { present: number; excused: number; noreason: number } {
  const present = new Set(d.present);
  const absent = listed.filter((m) => !present.has(m.id) && !m.exempted);
  const excused = absent.filter((m) => d.reasons?.[m.id]).length;
  return { present: listed.filter((m) => present.has(m.id)).length, excused, noreason: absent.length - excused };
}

const meetingTitle = (ctx: Ctx, m: Meeting) =>
  ctx.t("attendance-meeting", {
    kind: ctx.t(m.kind === "REGULAR" ? "digest-kind-regular" : "digest-kind-thematic"),
    time: formatDateTime(m.startsAt, ctx.actor.branch!.timezone, ctx.actor.locale),
  });

async function listPrompt(ctx: Ctx, d: AttendanceDraft): Promise<Prompt> {
  const meeting = await ownMeeting(ctx, d.meetingId);
  if (!meeting) return { text: ctx.t("digest-meeting-not-found"), choices: [[cancelChoice(ctx.t)]] };
  const f = await facts(ctx, meeting);
  const listed = listedOf(d, f);
  const present = new Set(d.present);
  const page = pageOf(listed, d.page);
  const lines = [
    ctx.t("attendance-title"),
    meetingTitle(ctx, meeting),
    ctx.t(f.rows.length ? "attendance-from-record" : "attendance-from-answers"),
    ctx.t("attendance-counts", tally(listed, d)),
    ctx.t("attendance-hint"),
    pagePosition(ctx.t, page),
  ];
  const labels = distinctLabels(
    page.items.map((m) => {
      const name = m.exempted ? ctx.t("attendance-exempted", { name: f.names.of(m) }) : f.names.of(m);
      if (present.has(m.id)) return ctx.t("attendance-label-present", { name });
      return ctx.t(d.reasons?.[m.id] ? "attendance-label-excused" : "attendance-label-absent", { name });
    }),
  );
  const nav = pageNav(ctx.t, page);
  const controls = confirmRow(ctx.t, false);
  return {
    text: lines.filter(Boolean).join("\n"),
    choices: [
      ...page.items.map((m, i) => [{ label: labels[i]!, value: `m:${m.id}` }]),
      ...(nav.length ? [nav] : []),
      // Once someone is absent, their reason can be recorded (vắng có lý do), before confirming.
      ...(listed.some((m) => !present.has(m.id)) ? [[{ label: ctx.t("attendance-give-reason"), value: "why" }]] : []),
      controls,
      [{ label: ctx.t("attendance-other-meeting"), value: "other" }],
    ],
  };
}

/** The absent members, to pick whose reason to record. */
async function whyPrompt(ctx: Ctx, d: AttendanceDraft): Promise<Prompt> {
  const meeting = await ownMeeting(ctx, d.meetingId);
  if (!meeting) return { text: ctx.t("digest-meeting-not-found"), choices: [[{ label: ctx.t("attendance-back"), value: "back" }]] };
  const absent = absentees(d, await facts(ctx, meeting));
  const page = pageOf(absent, d.page);
  const labels = distinctLabels(page.items.map((m) => ctx.t(d.reasons?.[m.id] ? "attendance-label-excused" : "attendance-label-absent", { name: m.fullName })));
  const nav = pageNav(ctx.t, page);
  return {
    text: [ctx.t("attendance-pick-absent"), pagePosition(ctx.t, page)].filter(Boolean).join("\n"),
    choices: [...page.items.map((m, i) => [{ label: labels[i]!, value: `w:${m.id}` }]), ...(nav.length ? [nav] : []), [{ label: ctx.t("attendance-back"), value: "back" }]],
  };
}

function absentees(d: AttendanceDraft, f: Facts): Member[] {
  const present = new Set(d.present);
  return listedOf(d, f).filter((m) => !present.has(m.id));
}

/** The reason of one absence: typed, the one they gave kept, or none. */
async function reasonPrompt(ctx: Ctx, d: AttendanceDraft): Promise<Prompt> {
  const member = d.reasonFor ? await ctx.tx.members.byId(d.reasonFor) : null;
  const current = d.reasonFor ? d.reasons?.[d.reasonFor] : undefined;
  const choices: StepChoice[][] = [];
  if (current) choices.push([{ label: ctx.t("attendance-reason-keep"), value: "keep" }], [{ label: ctx.t("attendance-reason-none"), value: "none" }]);
  choices.push([{ label: ctx.t("attendance-back"), value: "back" }]);
  return {
    text: ctx.t(current ? "attendance-ask-reason-current" : "attendance-ask-reason", { name: member?.fullName ?? "", reason: current ?? "" }),
    choices,
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
  const entries = ids.map((memberId) => ({ memberId, present: present.has(memberId), reason: present.has(memberId) ? null : (d.reasons?.[memberId] ?? null) }));
  await ctx.tx.digests.saveAttendance(meeting.id, entries, ctx.actor.member!.id, ctx.now);
  const listed = listedOf(d, f);
  const counts = tally(listed, d);
  const corrected = entries.filter((e) => e.present !== before.has(e.memberId)).length;
  await ctx.audit("attendance.recorded", { meetingId: meeting.id, ...counts, corrected, rerecorded: f.rows.length > 0 });
  // The reasons, for the minutes (biên bản): who was absent and why.
  const reasons = listed.filter((m) => !present.has(m.id) && !m.exempted && d.reasons?.[m.id]).map((m) => ctx.t("digest-reason-line", { name: m.fullName, reason: d.reasons![m.id]! }));
  return end([ctx.t("attendance-saved", { meeting: meetingTitle(ctx, meeting), ...counts }), ...reasons].join("\n"));
}

/** The one member among `among` whose name contains the typed text, or why there is not one. */
function byName(among: Member[], text: string): { member: Member } | { problem: string; args: Record<string, string | number> } {
  const typed = text.trim();
  if (/^\d+$/.test(typed)) return { problem: "attendance-pick-number", args: { number: typed.slice(0, 6) } };
  const query = fold(typed);
  const found = query.length >= 2 ? among.filter((m) => fold(m.fullName).includes(query)) : [];
  if (found.length === 0) return { problem: "attendance-search-none", args: { query: typed.slice(0, 40) } };
  if (found.length > 1) return { problem: "attendance-search-many", args: { query: typed.slice(0, 40), count: found.length } };
  return { member: found[0]! };
}

async function byTypedName(ctx: Ctx, d: AttendanceDraft, text: string): Promise<Next<AttendanceDraft>> {
  const meeting = await ownMeeting(ctx, d.meetingId);
  if (!meeting) return end(ctx.t("digest-meeting-not-found"));
  const f = await facts(ctx, meeting);
  const listed = listedOf(d, f);
  const found = byName(listed, text);
  if ("problem" in found) return invalid(found.problem, found.args);
  const { member } = found;
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
        if (value === "why") return go("why", { ...d, page: 0 });
        const page = parsePageValue(value);
        if (page !== null) return go("list", { ...d, page });
        const id = value.startsWith("m:") ? value.slice(2) : "";
        if (!d.ids.includes(id)) return invalid("input-pick-a-choice");
        return go("list", toggle(d, id));
      },
      text: byTypedName,
    },
    why: {
      prompt: whyPrompt,
      choice: (_ctx, d, value) => {
        if (value === "back") return go("list", { ...d, page: 0 });
        const page = parsePageValue(value);
        if (page !== null) return go("why", { ...d, page });
        const id = value.startsWith("w:") ? value.slice(2) : "";
        if (!d.ids.includes(id) || d.present.includes(id)) return invalid("input-pick-a-choice");
        return go("reason", { ...d, reasonFor: id });
      },
      text: async (ctx, d, text) => {
        const meeting = await ownMeeting(ctx, d.meetingId);
        if (!meeting) return end(ctx.t("digest-meeting-not-found"));
        const found = byName(absentees(d, await facts(ctx, meeting)), text);
        if ("problem" in found) return invalid(found.problem, found.args);
        return go("reason", { ...d, reasonFor: found.member.id });
      },
    },
    reason: {
      prompt: reasonPrompt,
      choice: (ctx, d, value) => {
        const id = d.reasonFor;
        const back = { ...d, page: 0 };
        delete back.reasonFor;
        if (value === "back" || !id) return go("list", back);
        if (value === "keep") return go("list", back);
        if (value !== "none") return invalid("input-pick-a-choice");
        const reasons = { ...d.reasons };
        delete reasons[id];
        return go("list", { ...back, reasons }, ctx.t("attendance-reason-cleared"));
      },
      text: async (ctx, d, text) => {
        const id = d.reasonFor;
        if (!id) return go("list", d);
        const reason = text.replace(/\s+/g, " ").trim();
        const problem = reasonProblem(reason);
        if (problem) return invalid(problem, { max: MAX_REASON_CHARS, count: visibleLength(reason) });
        const member = await ctx.tx.members.byId(id);
        const next: AttendanceDraft = { ...d, page: 0, reasons: { ...d.reasons, [id]: reason } };
        delete next.reasonFor;
        return go("list", next, ctx.t("attendance-reason-saved", { name: member?.fullName ?? "", reason }));
      },
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
