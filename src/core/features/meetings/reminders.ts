// The scheduler's reminder job. At each tick it works out, for every upcoming meeting, the one
// reminder or nudge due now (see timeline.ts) and queues it for each member it concerns, under a
// deterministic key: whoever ticks, however often, each member gets each reminder once. What the
// member was already sent decides the rest (see decide()). Reads and writes go in batches so that a
// whole province's meetings in the same minute plan in seconds.
import type { Branch, Member, OutboxStatus } from "../../domain/model.ts";
import { MAX_OFFSET_MINUTES, type Meeting, type Rsvp } from "../../domain/meetings.ts";
import type { JobContext } from "../../engine/jobs.ts";
import type { Stamp } from "../../ports/meetings.ts";
import type { Tx } from "../../ports/store.ts";
import { Priority } from "../../services/priority.ts";
import type { Recipient } from "../../services/messages.ts";
import type { Locale, OutMessage } from "../../types.ts";
import { answerText, meetingFacts, meetingMessage } from "./format.ts";
import { itemKey, movedKey, startKey, timelineOf } from "./keys.ts";
import { COLLIDE_MS, dueAt, type TimelineItem } from "./timeline.ts";

/** Meetings further ahead than the largest offset (plus a day of quiet hours) have nothing due. */
export const LOOKAHEAD_MS = (MAX_OFFSET_MINUTES + 1440) * 60_000;
/** Meetings handled per unit of work: short transactions, so people's answers are never kept waiting. */
const MEETINGS_PER_TX = 50;
/** Units of work under way at once (each holds one database connection). */
const UNITS_IN_FLIGHT = 2;

/**
 * The order in which one tick goes through its units of work. Every instance ticks the same minute;
 * were they all to go from the first meeting, they would build the same messages and the later one
 * would wait on the earlier one's keys. Each starts at a random place and goes a random way round,
 * so two instances mostly work on different meetings and each finds the other's part already queued
 * (a cheap look-up of keys). The keys keep the result exact whatever the order.
 */
export function workOrder(units: number, random: () => number = Math.random): number[] {
  if (units <= 1) return units === 1 ? [0] : [];
  const start = Math.floor(random() * units);
  const step = random() < 0.5 ? 1 : units - 1;
  return Array.from({ length: units }, (_, k) => (start + k * step) % units);
}

interface Round {
  meeting: Meeting;
  branch: Branch;
  item: TimelineItem;
  superseded: TimelineItem[];
}

export interface ReminderRun {
  reminders: number;
  nudges: number;
  unreachable: number;
}

/**
 * Rounds found complete at a tick (each of their reminders queued), with the stamp of their
 * audience then (see audienceStamps). A reminder stays due for days, and a province has 15,000 of
 * them: while a branch's members and a meeting's answers keep their stamp, later ticks skip the
 * round without reading its members or its 30 keys. Kept in the job's memory; a round no longer
 * due is forgotten.
 */
type Covers = Map<string, string>;
const COVERS = "covered-rounds";
const roundKey = (r: Round): string => `${r.meeting.id}|${startKey(r.meeting.startsAt)}|${r.item.kind}:${r.item.ordinal}`;
const stampText = (members: Stamp | undefined, answers: Stamp | undefined): string =>
  `${members?.count ?? 0}:${members?.at ?? 0}|${answers?.count ?? 0}:${answers?.at ?? 0}`;

/** The same stamps as audienceStamps, from rows already read. */
function stampsOf<T>(rows: T[], group: (row: T) => string, at: (row: T) => Date): Map<string, Stamp> {
  const out = new Map<string, Stamp>();
  for (const row of rows) {
    const s = out.get(group(row)) ?? { count: 0, at: 0 };
    s.count++;
    s.at = Math.max(s.at, at(row).getTime());
    out.set(group(row), s);
  }
  return out;
}

/** Who a reminder or nudge goes to: not the exempted, not who said they are absent; nudges only to who has not answered. */
export function concerns(item: TimelineItem, member: Member, rsvp: Rsvp | undefined): boolean {
  if (member.exempted) return false;
  return item.kind === "reminder" ? rsvp?.answer !== "ABSENT" : rsvp === undefined;
}

export async function queueDueReminders({ now, store, messages, log, memory }: JobContext): Promise<ReminderRun> {
  const began = performance.now();
  const covers = (memory?.get(COVERS) as Covers | undefined) ?? new Map<string, string>();
  memory?.set(COVERS, covers);
  const upcoming = await store.tx((tx) => tx.meetings.scheduledBetween(now, new Date(now.getTime() + LOOKAHEAD_MS)));
  if (!upcoming.length) {
    covers.clear();
    return { reminders: 0, nudges: 0, unreachable: 0 };
  }
  const offsets = await store.tx((tx) => tx.meetings.offsetsFor(upcoming.map((u) => u.branch.id)));
  const rounds: Round[] = [];
  // Branches with the same settings and meetings at the same time share one timeline (a province's
  // meetings of the month mostly do): worked out once, not once per meeting.
  const timelines = new Map<string, TimelineItem[]>();
  const timelineFor = (meeting: Meeting, branch: Branch, minutes: number[]): TimelineItem[] => {
    const key = [meeting.startsAt.getTime(), branch.timezone, branch.quietStart, branch.quietEnd, branch.nudgeMax, branch.nudgeIntervalHours, minutes.join(",")].join("|");
    let timeline = timelines.get(key);
    if (!timeline) timelines.set(key, (timeline = timelineOf(meeting, branch, minutes)));
    return timeline;
  };
  for (const { meeting, branch } of upcoming) {
    const { current, superseded } = dueAt(timelineFor(meeting, branch, offsets.get(branch.id) ?? []), meeting.startsAt, now);
    if (current) rounds.push({ meeting, branch, item: current, superseded });
  }
  const run: ReminderRun = { reminders: 0, nudges: 0, unreachable: 0 };
  const units: Round[][] = [];
  for (let i = 0; i < rounds.length; i += MEETINGS_PER_TX) units.push(rounds.slice(i, i + MEETINGS_PER_TX));
  const order = workOrder(units.length);
  // A few units at once: while one waits for the database, the next one's messages are built.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(UNITS_IN_FLIGHT, units.length) }, async () => {
      while (next < order.length) {
        const unit = units[order[next++]!]!;
        const part = await store.tx((tx) => queueRounds(tx, unit));
        // Only once committed: a unit rolled back covered nothing.
        for (const [round, stamp] of part.covered) covers.set(round, stamp);
        run.reminders += part.reminders;
        run.nudges += part.nudges;
        run.unreachable += part.unreachable;
      }
    }),
  );
  const due = new Set(rounds.map(roundKey));
  for (const round of covers.keys()) if (!due.has(round)) covers.delete(round);
  if (run.reminders || run.nudges) log.info({ ...run, ms: Math.round(performance.now() - began) }, "reminders queued");
  return run;

  async function queueRounds(tx: Tx, unit: Round[]): Promise<ReminderRun & { covered: Array<[string, string]> }> {
    const none = { reminders: 0, nudges: 0, unreachable: 0 };
    // Rounds complete at an earlier tick whose audience has kept its stamp have nothing to add.
    let batch = unit;
    const known = unit.filter((r) => covers.has(roundKey(r)));
    if (known.length) {
      const stamps = await tx.meetings.audienceStamps(known.map((r) => r.branch.id), known.map((r) => r.meeting.id));
      batch = unit.filter((r) => covers.get(roundKey(r)) !== stampText(stamps.members.get(r.branch.id), stamps.answers.get(r.meeting.id)));
      if (!batch.length) return { ...none, covered: [] };
    }
    const members = await tx.meetings.activeMembersOf(batch.map((r) => r.branch.id));
    const rsvps = await tx.meetings.rsvpsFor(batch.map((r) => r.meeting.id));
    const memberStamps = stampsOf(members, (m) => m.branchId, (m) => m.updatedAt);
    const answerStamps = stampsOf(rsvps, (r) => r.meetingId, (r) => r.answeredAt);
    const answerOf = new Map(rsvps.map((r) => [`${r.meetingId}:${r.memberId}`, r]));
    const byBranch = new Map<string, Member[]>();
    for (const m of members) byBranch.set(m.branchId, [...(byBranch.get(m.branchId) ?? []), m]);

    const wanted: Array<{ round: Round; member: Member; key: string }> = [];
    for (const round of batch) {
      for (const member of byBranch.get(round.branch.id) ?? []) {
        if (concerns(round.item, member, answerOf.get(`${round.meeting.id}:${member.id}`))) {
          wanted.push({ round, member, key: itemKey(round.meeting, round.item, member.id) });
        }
      }
    }
    // Most ticks find everything already queued: a look-up of keys is far cheaper than building messages.
    const queued = await tx.outbox.existingKeys(wanted.map((w) => w.key));
    const missing = wanted.filter((w) => !queued.has(w.key));
    /** The rounds whose every wanted key is queued now (the others are looked at again next tick). */
    const complete = (inserted: Set<string>): Array<[string, string]> => {
      const open = new Set(missing.filter((w) => !inserted.has(w.key)).map((w) => w.round));
      return batch.filter((r) => !open.has(r)).map((r) => [roundKey(r), stampText(memberStamps.get(r.branch.id), answerStamps.get(r.meeting.id))]);
    };
    if (!missing.length) return { ...none, covered: complete(new Set()) };

    // What each of them was already sent about the meeting decides what (if anything) goes now. The
    // first reminder has nothing before it, which spares a look-up when a whole province is reminded.
    const priorOf = (w: (typeof missing)[number]) =>
      w.round.superseded.length
        ? [...w.round.superseded.map((i) => ({ key: itemKey(w.round.meeting, i, w.member.id), planned: i.at })), { key: movedKey(w.round.meeting, w.member.id), planned: null }]
        : [];
    const times = await tx.outbox.timesOf(missing.flatMap((w) => priorOf(w).map((p) => p.key)));
    const chosen: Array<{ round: Round; member: Member; item: TimelineItem; key: string }> = [];
    const superseded: string[] = [];
    for (const w of missing) {
      const prior = priorOf(w).flatMap((p) => {
        const queuedAs = times.get(p.key);
        return queuedAs ? [{ ...p, ...queuedAs }] : [];
      });
      const decision = decide(w.round, prior);
      if (decision === "skip") continue;
      superseded.push(...decision.withdraw);
      chosen.push({ round: w.round, member: w.member, item: decision.item, key: itemKey(w.round.meeting, decision.item, w.member.id) });
    }
    if (superseded.length) await tx.outbox.withdraw(superseded, "superseded");
    if (!chosen.length) return { ...none, covered: complete(new Set()) };

    const cache = new Map<string, OutMessage>();
    const recipients: Recipient[] = chosen.map(({ round, member, item, key }) => ({
      member,
      branch: round.branch,
      key,
      // Planned for the item's time; late or caught up, it still waits for the end of quiet hours.
      notBefore: item.at,
      // A reminder for a meeting that has begun is of no use; the sender drops it then.
      giveUpAt: round.meeting.startsAt,
      // Near a bot's monthly quota the reminder still goes out; nudges wait.
      priority: round.item.kind === "nudge" ? Priority.optional : Priority.notice,
      build: (t, locale: Locale) => {
        const rsvp = answerOf.get(`${round.meeting.id}:${member.id}`);
        const id = `${round.meeting.id}:${item.kind}:${locale}:${rsvp?.answer ?? "-"}`;
        let message = cache.get(id);
        if (!message) {
          const facts = meetingFacts(t, locale, round.meeting, round.branch.timezone);
          const lead = t(item.kind === "nudge" ? "reminder-nudge-heading" : "reminder-heading");
          const tail = rsvp ? t("reminder-answered", { answer: answerText(t, rsvp) }) : t("reminder-ask");
          message = meetingMessage(`${lead}\n\n${facts}\n\n${tail}`, t, round.meeting, round.branch.timezone, locale);
          cache.set(id, message);
        }
        return message;
      },
    }));
    const { inserted, unreachable } = await messages.toMembers(tx, null, recipients);
    const fresh = new Set(inserted);
    await logSkipped(tx, batch, fresh);
    const nudges = inserted.filter((k) => k.startsWith("nudge:")).length;
    return { reminders: inserted.length - nudges, nudges, unreachable, covered: complete(fresh) };
  }

  /** After downtime only the latest reminder goes out; the earlier ones it replaced are logged. */
  async function logSkipped(tx: Tx, batch: Round[], inserted: Set<string>): Promise<void> {
    for (const round of batch) {
      if (!round.superseded.length) continue;
      const fresh = [...inserted].filter((k) => k.includes(`:${round.meeting.id}:`)).map((k) => k.split(":").at(-1)!);
      if (!fresh.length) continue;
      const earlier = round.superseded.flatMap((item) => fresh.map((memberId) => ({ item, key: itemKey(round.meeting, item, memberId) })));
      const sent = await tx.outbox.existingKeys(earlier.map((e) => e.key));
      const skipped = earlier.filter((e) => !sent.has(e.key));
      if (!skipped.length) continue;
      log.warn(
        { meetingId: round.meeting.id, skipped: skipped.length, items: [...new Set(skipped.map((s) => `${s.item.kind}:${s.item.ordinal}`))] },
        "stale reminders skipped: a later one was due when they could be sent",
      );
    }
  }
}

/** Something already queued for the member about the meeting: an earlier reminder or nudge, or the move notice. */
export interface Prior {
  key: string;
  /** When its timeline placed it; null for a notice outside the timeline (the meeting was moved). */
  planned: Date | null;
  status: OutboxStatus;
  /** When it went, or is to go. */
  at: Date;
}

/**
 * What one member gets now when `round.item` is due, given what they were already sent about the
 * meeting:
 * - the first message about a meeting is always the invitation: a nudge to someone never invited
 *   becomes the latest reminder that is due;
 * - something still waiting to go (quiet hours, downtime) is not followed by a nudge, which would
 *   ask the same in the same minute; a reminder replaces it (what waits is withdrawn);
 * - a message that went off its plan (late, caught up, a move notice) covers what was planned soon
 *   after it: within an hour for a reminder, within half the nudge interval for a nudge. Messages
 *   that went on time are already spaced by the timeline.
 */
export function decide(round: Pick<Round, "item" | "superseded" | "branch">, prior: Prior[]): "skip" | { item: TimelineItem; withdraw: string[] } {
  const { item, superseded, branch } = round;
  const waiting = prior.filter((p) => p.status === "PENDING");
  if (item.kind === "nudge") {
    if (waiting.length) return "skip";
    if (!prior.some((p) => p.key.startsWith("reminder:") || p.key.startsWith("moved:"))) {
      const invitation = superseded.filter((i) => i.kind === "reminder").at(-1);
      return invitation ? { item: invitation, withdraw: [] } : "skip";
    }
  }
  const offPlan = prior.filter((p) => p.status !== "PENDING" && (p.planned === null || p.at.getTime() - p.planned.getTime() > COLLIDE_MS));
  const gap = item.kind === "nudge" ? Math.max(COLLIDE_MS, (branch.nudgeIntervalHours * 3_600_000) / 2) : COLLIDE_MS;
  if (offPlan.some((p) => p.at.getTime() > item.at.getTime() - gap)) return "skip";
  return { item, withdraw: waiting.map((p) => p.key) };
}
