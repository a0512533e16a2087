// The digest job. At each tick it finds the meetings whose digest is due — `digestHoursBefore`
// before the start ("before"), and at the start, when the self-evaluation window closes ("after") —
// and queues one to each of the branch's secretaries under a deterministic key, so restarts,
// overlapping ticks and several instances send each digest once. After downtime a digest is still
// sent while it is useful: "before" until the meeting starts, "after" for a day.
import { afterQuietHours } from "../../domain/calendar/quiet.ts";
import type { Meeting } from "../../domain/meetings.ts";
import type { Branch, Member } from "../../domain/model.ts";
import type { JobContext } from "../../engine/jobs.ts";
import { DIGEST_SENT_ACTION } from "../../ports/digests.ts";
import type { Renderer } from "../../ports/render.ts";
import type { Logger } from "../../ports/runtime.ts";
import type { Store } from "../../ports/store.ts";
import type { Messages } from "../../services/messages.ts";
import type { Locale, OutFile } from "../../types.ts";
import { chartFile, loadDigest } from "./compose.ts";
import type { DigestPhase } from "./model.ts";
import { renderDigest } from "./render.ts";

/** Longest digest time before a meeting the settings allow (a week). */
export const MAX_DIGEST_HOURS = 168;
/** The "after" picture is sent up to this long after the start (downtime); later it is skipped. */
export const AFTER_RELEVANT_MS = 24 * 3_600_000;

export type ScheduledPhase = Exclude<DigestPhase, "now">;

/** "digest:<meetingId>:<phase>:<memberId>:<start>": the start makes a moved meeting's digest new. */
export function digestKey(meeting: Pick<Meeting, "id" | "startsAt">, phase: ScheduledPhase, memberId: string): string {
  return `digest:${meeting.id}:${phase}:${memberId}:${Math.floor(meeting.startsAt.getTime() / 60_000).toString(36)}`;
}

/**
 * When the "before" digest goes: `digestHoursBefore` ahead of the start, moved out of quiet hours
 * when that is still before the meeting.
 */
export function beforeAt(meeting: Pick<Meeting, "startsAt">, branch: Branch): Date {
  const nominal = new Date(meeting.startsAt.getTime() - branch.digestHoursBefore * 3_600_000);
  const moved = afterQuietHours(nominal, branch.timezone, { start: branch.quietStart, end: branch.quietEnd });
  return moved < meeting.startsAt ? moved : nominal;
}

/** The phase due for this meeting at `now`, if any. */
export function duePhase(meeting: Pick<Meeting, "startsAt">, branch: Branch, now: Date): ScheduledPhase | null {
  if (now < meeting.startsAt) return now >= beforeAt(meeting, branch) ? "before" : null;
  return now.getTime() - meeting.startsAt.getTime() < AFTER_RELEVANT_MS ? "after" : null;
}

interface Due {
  meeting: Meeting;
  branch: Branch;
  phase: ScheduledPhase;
  secretaries: Member[];
}

export async function queueDueDigests({ now, store, messages, render, log }: JobContext): Promise<number> {
  const from = new Date(now.getTime() - AFTER_RELEVANT_MS);
  const to = new Date(now.getTime() + MAX_DIGEST_HOURS * 3_600_000 + 1);
  const due = await store.tx(async (tx) => {
    const found: Array<Omit<Due, "secretaries">> = [];
    for (const { meeting, branch } of await tx.digests.meetingsStarting(from, to)) {
      const phase = duePhase(meeting, branch, now);
      if (phase) found.push({ meeting, branch, phase });
    }
    if (!found.length) return [];
    const secretaries = await tx.digests.secretaries([...new Set(found.map((f) => f.branch.id))]);
    const keys = found.flatMap((f) => secretaries.filter((s) => s.branchId === f.branch.id).map((s) => digestKey(f.meeting, f.phase, s.id)));
    const sent = await tx.outbox.existingKeys(keys);
    return found.flatMap((f): Due[] => {
      const missing = secretaries.filter((s) => s.branchId === f.branch.id && !sent.has(digestKey(f.meeting, f.phase, s.id)));
      return missing.length ? [{ ...f, secretaries: missing }] : [];
    });
  });
  let queued = 0;
  for (const d of due) {
    // Each meeting on its own: a failure in one branch's digest does not hold up the others.
    try {
      queued += await sendDigest(store, messages, render, d, now, log);
    } catch (err) {
      log.error({ err, meetingId: d.meeting.id, phase: d.phase }, "digest failed");
    }
  }
  if (queued) log.info({ queued }, "digests queued");
  return queued;
}

async function sendDigest(store: Store, messages: Messages, render: Renderer, d: Due, now: Date, log: Logger): Promise<number> {
  const { meeting, branch, phase } = d;
  const { model, source, locales } = await store.tx(async (tx) => {
    const loaded = await loadDigest(tx, branch, meeting, phase, now);
    const locales = new Map<string, Locale>();
    for (const s of d.secretaries) locales.set(s.id, messages.localeOf(s, branch, messages.preferredIdentity(s, await tx.identities.listForMember(s.id))));
    return { ...loaded, locales };
  });
  // The monthly picture carries the participation chart: the regular meeting's final figures. It is
  // drawn outside any unit of work, once per language, so nobody's answer waits for the drawing.
  const charts = new Map<Locale, OutFile>();
  if (phase === "after" && meeting.kind === "REGULAR") {
    for (const locale of new Set(locales.values())) charts.set(locale, await chartFile(source.history, branch, now, messages.bind(locale), render));
  }
  const quiet = { start: branch.quietStart, end: branch.quietEnd };
  const notBefore = phase === "after" ? afterQuietHours(now, branch.timezone, quiet) : now;
  return store.tx(async (tx) => {
    const keys = d.secretaries.map((s) => digestKey(meeting, phase, s.id));
    // Another instance may have sent it meanwhile.
    const sent = await tx.outbox.existingKeys(keys);
    const recipients = d.secretaries.filter((s, i) => !sent.has(keys[i]!));
    for (const secretary of recipients) {
      const chart = charts.get(locales.get(secretary.id)!);
      // A secretary without a reachable chat gets a failed item: the next digest names them unreachable.
      await messages.toMember(
        tx,
        secretary,
        branch,
        digestKey(meeting, phase, secretary.id),
        (t, locale) => ({ text: renderDigest(model, t, locale), ...(chart ? { files: [chart] } : {}) }),
        // A "before" picture that could not go out before the meeting is replaced by the "after" one.
        // Addressed to them as secretary: not sent if they have stepped down by then.
        { notBefore, giveUpAt: phase === "before" ? meeting.startsAt : null, audience: "secretary" },
      );
    }
    if (!recipients.length) return 0;
    if (phase === "after") {
      const before = await tx.outbox.existingKeys(recipients.map((s) => digestKey(meeting, "before", s.id)));
      if (before.size < recipients.length) log.info({ meetingId: meeting.id, skipped: recipients.length - before.size }, "before-meeting digest skipped: the meeting had started");
    }
    await tx.audit.add(
      { branchId: branch.id, actorId: null, actorLabel: "system:digests", action: DIGEST_SENT_ACTION, details: { meetingId: meeting.id, phase, recipients: recipients.length } },
      now,
    );
    return recipients.length;
  });
}
