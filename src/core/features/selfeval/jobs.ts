// The self-evaluation's scheduled work. While a meeting's window is open: the opening message to
// every member with sent commitments, then nudges to those who have not sent theirs (keyed per
// meeting, nudge and member, so each goes once, out of quiet hours, and never right after another). When the window closes: anyone
// still half-way in the flow has their answers kept as a draft and is told.
import { SELF_EVAL_DAYS_RANGE } from "../../domain/commitments/model.ts";
import { evaluatedYear, yearPeriodId } from "../../domain/commitments/period.ts";
import { dueNudge, evalWindow, isWindowOpen, NUDGE_MIN_GAP_MS, nudgeTimes, sendTime, type Nudge } from "../../domain/commitments/window.ts";
import type { Branch, Member, OutboxStatus } from "../../domain/model.ts";
import type { Meeting } from "../../domain/meetings.ts";
import { formatDateTime } from "../../domain/time.ts";
import type { JobContext } from "../../engine/jobs.ts";
import type { Tx } from "../../ports/store.ts";
import { Priority } from "../../services/priority.ts";
import type { Recipient, T } from "../../services/messages.ts";
import type { Locale, OutMessage } from "../../types.ts";
import { closedText, SELF_EVAL_FLOW, type EvalDraft } from "./flow.ts";
import { monthOf } from "./progress.ts";
import { keepDraft, stillAnswerable } from "./service.ts";

const DAY_MS = 86_400_000;
const LOOKAHEAD_MS = (SELF_EVAL_DAYS_RANGE.max + 1) * DAY_MS;
const MEETINGS_PER_TX = 50;

export const openKey = (meetingId: string, memberId: string): string => `selfeval-open:${meetingId}:${memberId}`;
export const nudgeKey = (meetingId: string, ordinal: number, memberId: string): string => `selfeval-nudge:${meetingId}:${ordinal}:${memberId}`;

interface Round {
  meeting: Meeting;
  branch: Branch;
}

function windowMessage(key: string, meeting: Meeting, branch: Branch, count: number): (t: T, locale: Locale) => OutMessage {
  return (t, locale) => ({
    text: t(key, {
      month: monthOf(meeting.startsAt, branch.timezone),
      start: formatDateTime(meeting.startsAt, branch.timezone, locale),
      count,
    }),
    choices: [[{ label: t("selfeval-start"), action: "se:m" }]],
    question: { topic: "se:m", title: t("selfeval-header", { month: monthOf(meeting.startsAt, branch.timezone) }) },
  });
}

export async function queueWindowMessages({ now, store, messages, log }: JobContext): Promise<{ opened: number; nudged: number }> {
  const upcoming = await store.tx((tx) => tx.meetings.scheduledBetween(now, new Date(now.getTime() + LOOKAHEAD_MS)));
  const rounds = upcoming.filter(({ meeting, branch }) => isWindowOpen(meeting, branch, now));
  const total = { opened: 0, nudged: 0 };
  for (let i = 0; i < rounds.length; i += MEETINGS_PER_TX) {
    const part = await store.tx((tx) => queueRounds(tx, rounds.slice(i, i + MEETINGS_PER_TX)));
    total.opened += part.opened;
    total.nudged += part.nudged;
  }
  if (total.opened || total.nudged) log.info(total, "self-evaluation messages queued");
  return total;

  async function queueRounds(tx: Tx, batch: Round[]): Promise<{ opened: number; nudged: number }> {
    const periodOf = (r: Round) => yearPeriodId(r.branch.id, evaluatedYear(r.meeting.startsAt, r.branch.timezone));
    const committed = new Map<string, number>();
    for (const r of await tx.commitments.submittedCounts(batch.map(periodOf))) committed.set(`${r.periodId}:${r.memberId}`, r.count);
    const sent = new Set(
      (await tx.commitments.evaluationsOfMeetings(batch.map((r) => r.meeting.id))).filter((e) => e.status === "SUBMITTED").map((e) => `${e.meetingId}:${e.memberId}`),
    );
    const members = await tx.meetings.activeMembersOf(batch.map((r) => r.branch.id));

    const wanted: Array<{ round: Round; member: Member; key: string; nudge: Nudge | null; earlier: Nudge[]; count: number }> = [];
    for (const round of batch) {
      const { meeting, branch } = round;
      const nudges = nudgeTimes(meeting, branch);
      const nudge = dueNudge(nudges, now);
      const earlier = nudge ? nudges.filter((n) => n.ordinal < nudge.ordinal) : [];
      for (const member of members) {
        const count = member.branchId === branch.id ? (committed.get(`${periodOf(round)}:${member.id}`) ?? 0) : 0;
        if (!count || sent.has(`${meeting.id}:${member.id}`)) continue;
        wanted.push({ round, member, key: openKey(meeting.id, member.id), nudge: null, earlier: [], count });
        if (nudge && !member.exempted) wanted.push({ round, member, key: nudgeKey(meeting.id, nudge.ordinal, member.id), nudge, earlier, count });
      }
    }
    const queued = await tx.outbox.existingKeys(wanted.map((w) => w.key));
    const candidates = wanted.filter((w) => !queued.has(w.key));
    // A nudge follows the opening message and earlier nudges at a distance (see nudgeCovered).
    const priorOf = (w: (typeof wanted)[number]) => [
      { key: openKey(w.round.meeting.id, w.member.id), planned: evalWindow(w.round.meeting, w.round.branch).opensAt },
      ...w.earlier.map((n) => ({ key: nudgeKey(w.round.meeting.id, n.ordinal, w.member.id), planned: n.at })),
    ];
    const times = await tx.outbox.timesOf(candidates.filter((w) => w.nudge).flatMap((w) => priorOf(w).map((p) => p.key)));
    const missing = candidates.filter((w) => {
      if (!w.nudge) return true;
      const prior = priorOf(w).flatMap((p) => {
        const queuedAs = times.get(p.key);
        return queuedAs ? [{ ...p, ...queuedAs }] : [];
      });
      return !nudgeCovered(w.nudge, w.round.branch, prior);
    });

    const result = { opened: 0, nudged: 0 };
    for (const round of batch) {
      const at = sendTime(now, round.branch, round.meeting.startsAt);
      const mine = missing.filter((w) => w.round === round);
      if (!at || !mine.length) continue;
      const recipients: Recipient[] = mine.map((w) => ({
        member: w.member,
        key: w.key,
        build: windowMessage(w.nudge ? "selfeval-nudge" : "selfeval-opened", round.meeting, round.branch, w.count),
        // Near a bot's monthly quota, nudges are the first to wait.
        priority: w.nudge ? Priority.optional : Priority.notice,
      }));
      const { inserted } = await messages.toMembers(tx, round.branch, recipients, { notBefore: at, giveUpAt: round.meeting.startsAt });
      const fresh = new Set(inserted);
      for (const w of mine) if (fresh.has(w.key)) result[w.nudge ? "nudged" : "opened"]++;
    }
    return result;
  }
}

/**
 * Whether a due nudge should not go, given the opening message and earlier nudges already queued
 * for the member: never before the opening message (it goes in a later tick), never while one of
 * them still waits to go (quiet hours, downtime: the same question twice in a minute), and not
 * soon after one that went off its plan (late or caught up).
 */
export function nudgeCovered(nudge: Nudge, branch: Pick<Branch, "nudgeIntervalHours">, prior: Array<{ key: string; planned: Date; status: OutboxStatus; at: Date }>): boolean {
  if (!prior.some((p) => p.key.startsWith("selfeval-open:"))) return true;
  if (prior.some((p) => p.status === "PENDING")) return true;
  const gap = Math.max(NUDGE_MIN_GAP_MS, (branch.nudgeIntervalHours * 3_600_000) / 2);
  return prior.some((p) => p.at.getTime() - p.planned.getTime() > NUDGE_MIN_GAP_MS && p.at.getTime() > nudge.at.getTime() - gap);
}

/** Flows still open on a window that has closed: their answers become a draft, and the member is told. */
export async function closeLapsedFlows({ now, store, messages, log }: JobContext): Promise<number> {
  const flows = await store.tx((tx) => tx.commitments.flowsNamed(SELF_EVAL_FLOW));
  let closed = 0;
  for (const f of flows) {
    const done = await store.tx(async (tx) => {
      const state = await tx.flows.get(f.identityId);
      if (!state || state.flow !== SELF_EVAL_FLOW) return false;
      const d = state.data as EvalDraft;
      const identity = await tx.identities.byId(state.identityId);
      const member = identity?.memberId ? await tx.members.byId(identity.memberId) : null;
      const branch = member ? await tx.branches.byId(member.branchId) : null;
      if (!identity || !member || member.status !== "ACTIVE" || !branch) {
        await tx.flows.delete(state.identityId);
        return false;
      }
      const meeting = await tx.meetings.byId(d.meetingId);
      if (stillAnswerable(meeting, branch.id, now)) return false;
      // A meeting deleted outright leaves nothing to attach a draft to.
      const kept = meeting ? await keepDraft(tx, member.id, d, now) : "nothing";
      await tx.flows.delete(state.identityId);
      if (kept === "draft") {
        await tx.audit.add({ branchId: branch.id, actorId: null, actorLabel: "scheduler", action: "selfeval.kept-draft", details: { memberId: member.id, meetingId: d.meetingId } }, now);
      }
      const locale = messages.localeOf(member, branch, identity);
      await messages.toIdentity(tx, identity, `selfeval-closed:${d.meetingId}:${member.id}`, {
        text: closedText(messages.bind(locale), kept, meeting, branch.timezone, locale),
        locale,
      }, { memberId: member.id });
      return true;
    });
    if (done) closed++;
  }
  if (closed) log.info({ closed }, "self-evaluations closed mid-way");
  return closed;
}
