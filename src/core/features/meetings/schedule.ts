// /lichhop (admin): the branch's meeting rule, set as a guided flow with a preview of the next three
// dates (public holidays flagged, with the proposed working day) before Xác nhận; and single
// meetings moved, cancelled or added (a sinh hoạt chuyên đề, for example).
import { DateTime } from "luxon";
import { parseCount, parseDate, parseTime } from "../../domain/calendar/parse.ts";
import { localDateOf, localMinutesOf, localStart, occurrencesAfter, ruleProblem, type RuleSpec } from "../../domain/calendar/rule.ts";
import type { SolarDate } from "../../domain/calendar/lunar.ts";
import { MAX_PLACE_CHARS, MAX_TOPIC_CHARS, type Meeting, type MeetingRule } from "../../domain/meetings.ts";
import type { Branch, MeetingKind, RuleKind } from "../../domain/model.ts";
import { formatDateTime, formatMinutes, weekdayName } from "../../domain/time.ts";
import { zoneOf, type Ctx } from "../../engine/context.ts";
import { confirmRow, exitChoice } from "../../engine/controls.ts";
import { end, go, invalid, type FlowDef, type Next, type StepChoice, type StepDef } from "../../engine/flow.ts";
import type { CommandDef } from "../../engine/registry.ts";
import { fold, shorten, visibleLength } from "../../text.ts";
import { audienceOf, cancelMeeting, changeMeeting, type MeetingDeps } from "./changes.ts";
import { formatDay, holidayWarning, meetingFacts, meetingTitle, occurrenceLine, ruleText } from "./format.ts";
import { planBranch } from "./planner.ts";

type Op = "move" | "cancel" | "add";

export interface ScheduleDraft {
  kind?: RuleKind;
  day?: number;
  nth?: number;
  weekday?: number;
  time?: number;
  place?: string | null;
  topic?: string | null;
  op?: Op;
  meetingId?: string;
  date?: SolarDate;
  at?: number;
  addKind?: MeetingKind;
  reason?: string | null;
}

/** How far ahead a single meeting may be put. */
const MAX_DAYS_AHEAD = 400;
/** Meetings offered when one is to be moved or cancelled. */
const PICK_LIMIT = 6;
const PICK_DAYS = 180;

const deps = (ctx: Ctx): MeetingDeps => ({ tx: ctx.tx, messages: ctx.services.messages, now: ctx.now });
const branchOf = (ctx: Ctx): Branch => ctx.actor.branch!;
/**
 * Here "Hủy" names an action (cancelling a meeting), so the way out of a step is "Thoát", or "Không
 * hủy nữa" while a cancellation is being prepared: never the same word as the action.
 */
const exit = (ctx: Ctx, op?: Op): StepChoice => (op === "cancel" ? { label: ctx.t("meeting-cancel-keep"), value: "cancel" } : exitChoice(ctx.t));
const controls = (ctx: Ctx, op?: Op): StepChoice[] => confirmRow(ctx.t, true, exit(ctx, op));
/** The answer to the way out: it says what the person chose, "Thoát" or "Không hủy nữa". */
const exited = <D>(ctx: Ctx, op?: Op): Next<D> => end(ctx.t(op === "cancel" ? "meeting-cancel-kept" : "control-exit-done"));

/** The rule the draft describes, with only the fields its kind uses (an edit may leave others behind). */
function specOf(d: ScheduleDraft): RuleSpec {
  const kind = d.kind ?? "DAY_OF_MONTH";
  return {
    kind,
    dayOfMonth: kind === "DAY_OF_MONTH" ? (d.day ?? null) : null,
    weekday: kind === "DAY_OF_MONTH" ? null : (d.weekday ?? null),
    nth: kind === "NTH_WEEKDAY" ? (d.nth ?? null) : null,
    timeOfDay: d.time ?? 0,
    shiftHolidays: true,
  };
}

function draftOf(rule: MeetingRule | null): ScheduleDraft {
  if (!rule) return {};
  return {
    kind: rule.kind,
    ...(rule.dayOfMonth !== null ? { day: rule.dayOfMonth } : {}),
    ...(rule.nth !== null ? { nth: rule.nth } : {}),
    ...(rule.weekday !== null ? { weekday: rule.weekday } : {}),
    time: rule.timeOfDay,
    place: rule.place,
    topic: rule.topic,
  };
}

/** A place or topic as typed: one line, with letters, not too long. */
function freeText(text: string, max: number): { value: string } | { problem: string } {
  const value = text.replace(/\s+/g, " ").trim();
  if (!/[\p{L}\p{N}]/u.test(value)) return { problem: "meeting-text-empty" };
  if (visibleLength(value) > max) return { problem: "meeting-text-too-long" };
  return { value };
}

/** Typed instead of pressing the "none" choice: "bỏ qua", "không", "chưa có". */
const NONE_WORDS = new Set(["bo qua", "khong", "khong co", "chua co", "skip", "none", "no"]);

/** A free-text answer (place, topic, reason) that goes into `field` and moves on to `next`. */
function textStep(next: string, field: "place" | "topic" | "reason", max: number): NonNullable<StepDef<ScheduleDraft>["text"]> {
  return (_ctx, d, text) => {
    // A word meaning "none" typed where there are no buttons is not taken as the place itself.
    if (NONE_WORDS.has(fold(text).replace(/[.!]+$/, ""))) return go(next, { ...d, [field]: null });
    // A bare number is a choice that does not exist here, never a place or a topic.
    if (/^\d+$/.test(text.trim())) return invalid("meeting-text-number", { input: text.trim().slice(0, 12) });
    const p = freeText(text, max);
    if ("problem" in p) return invalid(p.problem, { max });
    return go(next, { ...d, [field]: p.value });
  };
}

/** Where the meeting is: typed, kept from before (named on the button), or left for later. */
function placeStep(next: string): StepDef<ScheduleDraft> {
  return {
    prompt: (ctx, d) => ({
      text: ctx.t("meeting-ask-place") + "\n" + (d.place ? ctx.t("meeting-current", { value: d.place }) : ctx.t("meeting-current-none")),
      choices: [...(d.place ? [[{ label: ctx.t("meeting-keep-place", { place: shorten(d.place) }), value: "keep" }]] : []), [{ label: ctx.t("meeting-no-place"), value: "skip" }]],
    }),
    choice: (_ctx, d, value) => {
      if (value === "keep" && d.place) return go(next, d);
      if (value === "skip") return go(next, { ...d, place: null });
      return invalid("input-pick-a-choice");
    },
    text: textStep(next, "place", MAX_PLACE_CHARS),
  };
}

/** "thứ 5", "t5", "thứ năm", "chủ nhật", "cn", "thursday" → ISO weekday. */
export function parseWeekday(text: string): number | null {
  const f = fold(text).replace(/^(vao|ngay)\s+/, "");
  const names: Record<string, number> = {
    "thu hai": 1, "thu ba": 2, "thu tu": 3, "thu nam": 4, "thu sau": 5, "thu bay": 6, "chu nhat": 7, cn: 7,
    monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  };
  if (names[f] !== undefined) return names[f]!;
  // Vietnamese counts the days from Sunday: thứ 2 is Monday … thứ 7 is Saturday.
  const m = /^(?:thu|t)\s*([2-7])$/.exec(f);
  return m ? Number(m[1]) - 1 : null;
}

/**
 * The days from Chủ Nhật, so that on Zalo (where the list is numbered) the number typed is the day's
 * own number: "5" is Thứ Năm, as everyone says it, never the fifth line (which from Thứ Hai would be
 * Thứ Sáu). "thứ 5" typed is read as Thursday too.
 */
function weekdayChoices(ctx: Ctx): StepChoice[][] {
  const choice = (iso: number): StepChoice => ({ label: weekdayName(iso, ctx.actor.locale), value: String(iso) });
  return [[7, 1, 2, 3].map(choice), [4, 5, 6].map(choice)];
}

async function upcoming(ctx: Ctx): Promise<Meeting[]> {
  const to = new Date(ctx.now.getTime() + PICK_DAYS * 86_400_000);
  return (await ctx.tx.meetings.inRange(branchOf(ctx).id, ctx.now, to)).slice(0, PICK_LIMIT);
}

function shortWhen(ctx: Ctx, m: Meeting): string {
  const d = DateTime.fromJSDate(m.startsAt, { zone: zoneOf(ctx) });
  return `${d.toFormat("dd/MM HH:mm")} · ${meetingTitle(ctx.t, m)}`;
}

/** A line of the menu's list: cancelled meetings stay in it, marked, with the reason. */
function listLine(ctx: Ctx, m: Meeting): string {
  if (m.status !== "CANCELLED") return "• " + shortWhen(ctx, m);
  return "• " + ctx.t(m.cancelReason ? "meeting-menu-cancelled-reason" : "meeting-menu-cancelled", { meeting: shortWhen(ctx, m), reason: m.cancelReason ?? "" });
}

async function openMeeting(ctx: Ctx, id: string | undefined): Promise<Meeting | null> {
  const m = id ? await ctx.tx.meetings.byId(id) : null;
  return m && m.branchId === branchOf(ctx).id && m.status === "SCHEDULED" && m.startsAt > ctx.now ? m : null;
}

function pickStep(op: "move" | "cancel"): StepDef<ScheduleDraft> {
  return {
    prompt: async (ctx) => {
      const list = await upcoming(ctx);
      return {
        text: ctx.t(op === "move" ? "meeting-pick-move" : "meeting-pick-cancel"),
        choices: [...list.map((m) => [{ label: shortWhen(ctx, m), value: m.id }]), [exit(ctx, op)]],
      };
    },
    choice: async (ctx, d, value) => {
      if (value === "cancel") return exited(ctx, op);
      const meeting = await openMeeting(ctx, value);
      if (!meeting) return invalid("meeting-pick-gone");
      const at = localMinutesOf(meeting.startsAt, zoneOf(ctx));
      return go(op === "move" ? "date" : "reason", { ...d, op, meetingId: meeting.id, at });
    },
  };
}

/** The start of the single meeting being moved or added, or what is wrong with it. */
function startOf(ctx: Ctx, d: ScheduleDraft, minutes: number): { startsAt: Date } | { problem: string; args: Record<string, string> } {
  const startsAt = localStart(d.date!, minutes, zoneOf(ctx));
  if (startsAt <= ctx.now) return { problem: "meeting-datetime-past", args: { now: formatDateTime(ctx.now, zoneOf(ctx), ctx.actor.locale) } };
  return { startsAt };
}

async function saveRule(ctx: Ctx, d: ScheduleDraft, shiftHolidays: boolean): Promise<Next<ScheduleDraft>> {
  const branch = branchOf(ctx);
  const spec = { ...specOf(d), shiftHolidays };
  const problem = ruleProblem(spec);
  if (problem) return invalid(problem);
  const rule = await ctx.tx.meetings.saveRule({ branchId: branch.id, ...spec, place: d.place ?? null, topic: d.topic ?? null });
  await ctx.tx.meetings.ensureDefaultOffsets(branch.id);
  const plan = await planBranch(deps(ctx), branch, rule, { replan: true, notifyShifted: false });
  await ctx.audit("meeting.rule-set", { kind: rule.kind, dayOfMonth: rule.dayOfMonth, nth: rule.nth, weekday: rule.weekday, timeOfDay: rule.timeOfDay, place: rule.place, topic: rule.topic, shiftHolidays, created: plan.created.length, moved: plan.updated.length, kept: plan.kept.length });
  const lines = [ctx.t("meeting-rule-saved", { rule: ruleText(ctx.t, ctx.actor.locale, spec) })];
  const next = await ctx.tx.meetings.inRange(branch.id, ctx.now, new Date(ctx.now.getTime() + 120 * 86_400_000));
  if (next.length) lines.push(ctx.t("meeting-next-dates", { dates: next.slice(0, 3).map((m) => "• " + formatDateTime(m.startsAt, branch.timezone, ctx.actor.locale)).join("\n") }));
  for (const k of plan.kept) lines.push(ctx.t("meeting-rule-kept", { when: formatDateTime(k.startsAt, branch.timezone, ctx.actor.locale) }));
  if (plan.told) lines.push(ctx.t("meeting-members-told", { count: plan.told }));
  return end(lines.join("\n\n"));
}

async function applyOne(ctx: Ctx, d: ScheduleDraft): Promise<Next<ScheduleDraft>> {
  const branch = branchOf(ctx);
  const zone = branch.timezone;
  if (d.op === "add") {
    const start = startOf(ctx, d, d.at ?? 0);
    if ("problem" in start) return invalid(start.problem, start.args);
    const meeting = await ctx.tx.meetings.create({ branchId: branch.id, kind: d.addKind ?? "THEMATIC", occurrence: null, startsAt: start.startsAt, place: d.place ?? null, topic: d.topic ?? null });
    await ctx.audit("meeting.added", { meetingId: meeting.id, kind: meeting.kind, startsAt: meeting.startsAt.toISOString(), place: meeting.place, topic: meeting.topic });
    return end(ctx.t("meeting-added-done", { facts: meetingFacts(ctx.t, ctx.actor.locale, meeting, zone) }));
  }
  const meeting = await openMeeting(ctx, d.meetingId);
  if (!meeting) return end(ctx.t("meeting-pick-gone"));
  if (d.op === "cancel") {
    const told = await cancelMeeting(deps(ctx), branch, meeting, d.reason ?? null);
    await ctx.audit("meeting.cancelled", { meetingId: meeting.id, startsAt: meeting.startsAt.toISOString(), reason: d.reason ?? null, told });
    return end(ctx.t("meeting-cancelled-done", { when: formatDateTime(meeting.startsAt, zone, ctx.actor.locale), count: told }));
  }
  const start = startOf(ctx, d, d.at ?? 0);
  if ("problem" in start) return invalid(start.problem, start.args);
  const { meeting: moved, told } = await changeMeeting(deps(ctx), branch, meeting, { startsAt: start.startsAt });
  await ctx.audit("meeting.moved", { meetingId: meeting.id, from: meeting.startsAt.toISOString(), to: moved.startsAt.toISOString(), told });
  return end(ctx.t("meeting-moved-done", { when: formatDateTime(moved.startsAt, zone, ctx.actor.locale), count: told }));
}

export const scheduleFlow: FlowDef<ScheduleDraft> = {
  name: "schedule",
  access: "admin",
  steps: {
    menu: {
      prompt: async (ctx) => {
        const branch = branchOf(ctx);
        const rule = await ctx.tx.meetings.rule(branch.id);
        const list = await upcoming(ctx);
        const to = new Date(ctx.now.getTime() + PICK_DAYS * 86_400_000);
        const shown = (await ctx.tx.meetings.inRange(branch.id, ctx.now, to, { status: ["SCHEDULED", "CANCELLED"] })).slice(0, PICK_LIMIT + 2);
        const lines = [ctx.t("meeting-menu-title", { branch: branch.name })];
        lines.push(rule ? ctx.t("meeting-menu-rule", { rule: ruleText(ctx.t, ctx.actor.locale, rule) }) : ctx.t("meeting-menu-no-rule"));
        if (shown.length) lines.push(ctx.t("meeting-menu-upcoming", { list: shown.map((m) => listLine(ctx, m)).join("\n") }));
        lines.push(ctx.t("meeting-menu-ask"));
        const choices: StepChoice[][] = [[{ label: ctx.t(rule ? "meeting-menu-edit-rule" : "meeting-menu-set-rule"), value: "rule" }]];
        if (list.length) choices.push([{ label: ctx.t("meeting-menu-move"), value: "move" }], [{ label: ctx.t("meeting-menu-cancel"), value: "cancel-one" }]);
        choices.push([{ label: ctx.t("meeting-menu-add"), value: "add" }], [exit(ctx)]);
        return { text: lines.join("\n\n"), choices };
      },
      choice: async (ctx, d, value) => {
        if (value === "cancel") return exited(ctx);
        if (value === "rule") return go("kind", { ...draftOf(await ctx.tx.meetings.rule(branchOf(ctx).id)), ...d });
        if (value === "move") return go("pick-move", d);
        if (value === "cancel-one") return go("pick-cancel", d);
        if (value === "add") return go("add-kind", { ...d, op: "add" });
        return invalid("input-pick-a-choice");
      },
    },

    kind: {
      prompt: (ctx) => ({
        text: ctx.t("meeting-ask-kind"),
        choices: [
          [{ label: ctx.t("meeting-kind-day"), value: "DAY_OF_MONTH" }],
          [{ label: ctx.t("meeting-kind-nth"), value: "NTH_WEEKDAY" }],
          [{ label: ctx.t("meeting-kind-last"), value: "LAST_WEEKDAY" }],
        ],
      }),
      choice: (_ctx, d, value) => {
        if (value === "DAY_OF_MONTH") return go("day", { ...d, kind: value });
        if (value === "NTH_WEEKDAY") return go("nth", { ...d, kind: value });
        if (value === "LAST_WEEKDAY") return go("weekday", { ...d, kind: value });
        return invalid("input-pick-a-choice");
      },
    },

    day: {
      prompt: (ctx) => ({ text: ctx.t("meeting-ask-day") }),
      text: (_ctx, d, text) => {
        const n = parseCount(fold(text).replace(/^ngay\s*/, ""), 1, 31);
        if (!n.ok) return invalid("meeting-day-out-of-range");
        return go("time", { ...d, day: n.value });
      },
    },

    nth: {
      prompt: (ctx) => ({
        text: ctx.t("meeting-ask-nth"),
        choices: [[1, 2], [3, 4]].map((row) => row.map((n) => ({ label: ctx.t("meeting-nth-label", { nth: n }), value: String(n) }))),
      }),
      choice: (_ctx, d, value) => {
        const n = Number(value);
        if (![1, 2, 3, 4].includes(n)) return invalid("meeting-nth-invalid");
        return go("weekday", { ...d, nth: n });
      },
    },

    weekday: {
      prompt: (ctx, d) => ({ text: ctx.t(d.kind === "LAST_WEEKDAY" ? "meeting-ask-weekday-last" : "meeting-ask-weekday", { nth: d.nth ?? 1 }), choices: weekdayChoices(ctx) }),
      choice: (_ctx, d, value) => {
        const n = Number(value);
        if (!(n >= 1 && n <= 7)) return invalid("meeting-weekday-invalid");
        return go("time", { ...d, weekday: n });
      },
      text: (_ctx, d, text) => {
        const n = parseWeekday(text);
        if (n === null) return invalid("meeting-weekday-invalid");
        return go("time", { ...d, weekday: n });
      },
    },

    time: {
      prompt: (ctx, d) => ({
        text: ctx.t("meeting-ask-time"),
        ...(d.time !== undefined ? { choices: [[{ label: ctx.t("meeting-keep-time", { time: formatMinutes(d.time) }), value: "keep" }]] } : {}),
      }),
      choice: (_ctx, d, value) => (value === "keep" && d.time !== undefined ? go("place", d) : invalid("input-pick-a-choice")),
      text: (_ctx, d, text) => {
        const t = parseTime(text);
        if (!t.ok) return invalid(t.problem, t.args);
        return go("place", { ...d, time: t.value });
      },
    },

    place: placeStep("topic"),

    topic: {
      prompt: (ctx, d) => ({
        text: ctx.t("meeting-ask-topic") + "\n" + (d.topic ? ctx.t("meeting-current", { value: d.topic }) : ctx.t("meeting-current-none")),
        choices: [...(d.topic ? [[{ label: ctx.t("meeting-keep-topic", { topic: shorten(d.topic) }), value: "keep" }]] : []), [{ label: ctx.t("meeting-no-topic"), value: "skip" }]],
      }),
      choice: (_ctx, d, value) => {
        if (value === "keep" && d.topic) return go("confirm", d);
        if (value === "skip") return go("confirm", { ...d, topic: null });
        return invalid("input-pick-a-choice");
      },
      text: textStep("confirm", "topic", MAX_TOPIC_CHARS),
    },

    confirm: {
      prompt: (ctx, d) => {
        const zone = zoneOf(ctx);
        const spec = specOf(d);
        const next = occurrencesAfter(spec, ctx.now, zone, 3);
        const shifted = next.filter((o) => o.shifted);
        const text = ctx.t("meeting-rule-preview", {
          rule: ruleText(ctx.t, ctx.actor.locale, spec),
          place: d.place ?? ctx.t("meeting-none-yet"),
          topic: d.topic ?? ctx.t("meeting-none-yet"),
          dates: next.map((o) => "• " + occurrenceLine(ctx.t, ctx.actor.locale, o, zone)).join("\n"),
        });
        if (!shifted.length) return { text: text + "\n\n" + ctx.t("meeting-preview-note"), choices: [controls(ctx)] };
        // A meeting on a holiday: the two answers say what they do.
        const shift = shifted.length === 1 ? ctx.t("meeting-shift-to", { date: formatDay(ctx.actor.locale, shifted[0]!.date) }) : ctx.t("meeting-shift-all");
        const choices: StepChoice[][] = [
          [{ label: shift, value: "ok" }],
          [{ label: ctx.t("meeting-keep-holiday-dates"), value: "keep" }],
          [{ label: ctx.t("control-edit"), value: "edit" }, exit(ctx)],
        ];
        return { text: text + "\n\n" + ctx.t("meeting-preview-holiday-note", { shift }), choices };
      },
      choice: (ctx, d, value) => {
        if (value === "edit") return go("kind", d);
        if (value === "cancel") return exited(ctx);
        if (value === "ok" || value === "keep") return saveRule(ctx, d, value === "ok");
        return invalid("input-pick-a-choice");
      },
    },

    "pick-move": pickStep("move"),
    "pick-cancel": pickStep("cancel"),

    "add-kind": {
      prompt: (ctx) => ({
        text: ctx.t("meeting-ask-add-kind"),
        choices: [[{ label: ctx.t("meeting-title-thematic"), value: "THEMATIC" }], [{ label: ctx.t("meeting-add-regular"), value: "REGULAR" }], [exit(ctx)]],
      }),
      choice: async (ctx, d, value) => {
        if (value === "cancel") return exited(ctx);
        if (value !== "THEMATIC" && value !== "REGULAR") return invalid("input-pick-a-choice");
        const rule = await ctx.tx.meetings.rule(branchOf(ctx).id);
        return go("date", { ...d, addKind: value, ...(rule ? { at: rule.timeOfDay, place: rule.place } : {}), topic: null });
      },
    },

    date: {
      prompt: (ctx, d) => ({ text: ctx.t(d.op === "move" ? "meeting-ask-date-move" : "meeting-ask-date", { today: formatDateTime(ctx.now, zoneOf(ctx), ctx.actor.locale) }) }),
      text: (ctx, d, text) => {
        const today = localDateOf(ctx.now, zoneOf(ctx));
        const p = parseDate(text, today);
        if (!p.ok) return invalid(p.problem, p.args);
        const day = DateTime.utc(p.value.year, p.value.month, p.value.day);
        const from = DateTime.utc(today.year, today.month, today.day);
        if (day < from) return invalid("meeting-date-past", { date: day.toFormat("dd/MM/yyyy") });
        if (day.diff(from, "days").days > MAX_DAYS_AHEAD) return invalid("meeting-date-too-far", { days: MAX_DAYS_AHEAD });
        return go("mtime", { ...d, date: p.value });
      },
    },

    mtime: {
      // A new meeting offers the rule's time; a moved one keeps its own.
      prompt: (ctx, d) => ({
        text: ctx.t("meeting-ask-time"),
        ...(d.at !== undefined ? { choices: [[{ label: ctx.t(d.op === "add" ? "meeting-usual-time" : "meeting-keep-time", { time: formatMinutes(d.at) }), value: "keep" }]] } : {}),
      }),
      choice: (ctx, d, value) => {
        if (value !== "keep" || d.at === undefined) return invalid("input-pick-a-choice");
        const start = startOf(ctx, d, d.at);
        if ("problem" in start) return invalid(start.problem, start.args);
        return go(d.op === "add" ? "mplace" : "mconfirm", d);
      },
      text: (ctx, d, text) => {
        const t = parseTime(text);
        if (!t.ok) return invalid(t.problem, t.args);
        const start = startOf(ctx, d, t.value);
        if ("problem" in start) return invalid(start.problem, start.args);
        return go(d.op === "add" ? "mplace" : "mconfirm", { ...d, at: t.value });
      },
    },

    mplace: placeStep("mtopic"),

    mtopic: {
      // A sinh hoạt chuyên đề is defined by its topic, so it cannot be skipped.
      prompt: (ctx, d) => ({
        text: ctx.t(d.addKind === "THEMATIC" ? "meeting-ask-topic-thematic" : "meeting-ask-topic"),
        ...(d.addKind === "THEMATIC" ? {} : { choices: [[{ label: ctx.t("meeting-no-topic"), value: "skip" }]] }),
      }),
      choice: (_ctx, d, value) => (value === "skip" && d.addKind !== "THEMATIC" ? go("mconfirm", { ...d, topic: null }) : invalid("input-pick-a-choice")),
      text: textStep("mconfirm", "topic", MAX_TOPIC_CHARS),
    },

    reason: {
      prompt: (ctx) => ({ text: ctx.t("meeting-ask-cancel-reason"), choices: [[{ label: ctx.t("meeting-no-reason"), value: "skip" }], [exit(ctx, "cancel")]] }),
      choice: (ctx, d, value) => {
        if (value === "cancel") return exited(ctx, "cancel");
        return value === "skip" ? go("mconfirm", { ...d, reason: null }) : invalid("input-pick-a-choice");
      },
      text: textStep("mconfirm", "reason", MAX_TOPIC_CHARS),
    },

    mconfirm: {
      prompt: async (ctx, d) => {
        const branch = branchOf(ctx);
        const zone = branch.timezone;
        const locale = ctx.actor.locale;
        if (d.op === "add") {
          const startsAt = localStart(d.date!, d.at ?? 0, zone);
          const facts = meetingFacts(ctx.t, locale, { kind: d.addKind ?? "THEMATIC", occurrence: null, startsAt, place: d.place ?? null, topic: d.topic ?? null }, zone);
          const warn = holidayWarning(ctx.t, startsAt, zone);
          return { text: ctx.t("meeting-add-preview", { facts }) + (warn ? "\n\n" + warn : ""), choices: [controls(ctx)] };
        }
        const meeting = await openMeeting(ctx, d.meetingId);
        if (!meeting) return { text: ctx.t("meeting-pick-gone"), choices: [[exit(ctx, d.op)]] };
        const { informed } = await audienceOf(deps(ctx), branch, meeting);
        const facts = meetingFacts(ctx.t, locale, meeting, zone);
        if (d.op === "cancel") {
          const text = ctx.t("meeting-cancel-preview", { facts, reason: d.reason ?? ctx.t("meeting-reason-none"), count: informed.length });
          return { text, choices: [controls(ctx, "cancel")] };
        }
        const startsAt = localStart(d.date!, d.at ?? 0, zone);
        const warn = holidayWarning(ctx.t, startsAt, zone);
        const text = ctx.t("meeting-move-preview", { facts, when: formatDateTime(startsAt, zone, locale), count: informed.length });
        return { text: text + (warn ? "\n\n" + warn : ""), choices: [controls(ctx)] };
      },
      choice: (ctx, d, value) => {
        if (value === "cancel") return exited(ctx, d.op);
        if (value === "edit") return go(d.op === "cancel" ? "reason" : "date", d);
        if (value === "ok") return applyOne(ctx, d);
        return invalid("input-pick-a-choice");
      },
    },
  },
};

export const scheduleCommand: CommandDef = {
  name: "lichhop",
  alias: "schedule",
  access: "admin",
  description: "meeting-schedule-description",
  run: (ctx) => ctx.startFlow(scheduleFlow, {}, "menu"),
};
