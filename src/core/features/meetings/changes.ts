// Changing one meeting after it was announced: moving it (new time, place or topic) or cancelling it.
// The members who already know about it (they were reminded or they answered) are told; what was
// queued for the old time and not sent yet is withdrawn.
import { createHash } from "node:crypto";
import type { Branch, Member } from "../../domain/model.ts";
import type { Meeting, Rsvp } from "../../domain/meetings.ts";
import { formatDateTime } from "../../domain/time.ts";
import type { MeetingPatch } from "../../ports/meetings.ts";
import type { Tx } from "../../ports/store.ts";
import type { Messages } from "../../services/messages.ts";
import { answerText, meetingFacts, meetingMessage } from "./format.ts";
import { cancelledKey, itemKey, keysOf, movedKey, noticeTime, timelineOf } from "./keys.ts";
import { dueAt } from "./timeline.ts";

export interface MeetingDeps {
  tx: Tx;
  messages: Messages;
  now: Date;
}

interface Audience {
  members: Member[];
  /** Members who were sent something about the meeting at its current time, or who answered. */
  informed: Member[];
  rsvps: Rsvp[];
  /** Every key that may hold an unsent message about the meeting at its current time. */
  keys: string[];
}

export async function audienceOf(deps: MeetingDeps, branch: Branch, meeting: Meeting): Promise<Audience> {
  const { tx } = deps;
  const members = await tx.meetings.activeMembersOf([branch.id]);
  const timeline = timelineOf(meeting, branch, await tx.meetings.offsets(branch.id));
  const byMember = new Map(members.map((m) => [m.id, keysOf(meeting, timeline, m.id)]));
  const keys = [...byMember.values()].flat();
  const sent = await tx.outbox.existingKeys(keys);
  const rsvps = await tx.meetings.rsvps(meeting.id);
  const answered = new Set(rsvps.map((r) => r.memberId));
  const informed = members.filter((m) => answered.has(m.id) || byMember.get(m.id)!.some((k) => sent.has(k)));
  return { members, informed, rsvps, keys };
}

/** Changes a meeting's time, place or topic; returns the meeting and how many members were told. */
export async function changeMeeting(deps: MeetingDeps, branch: Branch, meeting: Meeting, patch: MeetingPatch): Promise<{ meeting: Meeting; told: number }> {
  const { tx, messages, now } = deps;
  const audience = await audienceOf(deps, branch, meeting);
  const moved = patch.startsAt !== undefined && patch.startsAt.getTime() !== meeting.startsAt.getTime();
  if (moved) await tx.outbox.withdraw(audience.keys, "meeting-moved");
  const updated = await tx.meetings.update(meeting.id, patch);
  // Answers were given for the old time: everyone is asked again, the notice says what they said.
  if (moved) await tx.meetings.clearRsvps(meeting.id);
  const changed = moved || updated.place !== meeting.place || updated.topic !== meeting.topic;
  if (!changed || !audience.informed.length) return { meeting: updated, told: 0 };

  const zone = branch.timezone;
  // The notice counts as the reminder that is due now, if one is, so the member does not get both.
  const due = moved ? dueAt(timelineOf(updated, branch, await tx.meetings.offsets(branch.id)), updated.startsAt, now).current : null;
  const contentKey = createHash("sha1").update(`${updated.place ?? ""}\u0000${updated.topic ?? ""}`).digest("base64url").slice(0, 8);
  const answers = new Map(audience.rsvps.map((r) => [r.memberId, r]));
  const { inserted } = await messages.toMembers(
    tx,
    branch,
    audience.informed.map((member) => ({
      member,
      key: moved ? (due ? itemKey(updated, due, member.id) : movedKey(updated, member.id)) : `updated:${updated.id}:${contentKey}:${member.id}`,
      notBefore: noticeTime(now, branch, new Date(Math.min(meeting.startsAt.getTime(), updated.startsAt.getTime()))),
      giveUpAt: updated.startsAt,
      build: (t, locale) => {
        const facts = meetingFacts(t, locale, updated, zone);
        if (!moved) return meetingMessage(t("meeting-updated-notice", { facts }), t, updated, zone, locale);
        const was = formatDateTime(meeting.startsAt, zone, locale);
        const previous = answers.get(member.id);
        const text = t("meeting-moved-notice", { facts, was }) + (previous ? "\n\n" + t("meeting-moved-answer-again", { answer: answerText(t, previous) }) : "");
        return meetingMessage(text, t, updated, zone, locale);
      },
    })),
  );
  return { meeting: updated, told: inserted.length };
}

/** Cancels a meeting; returns how many members were told. */
export async function cancelMeeting(deps: MeetingDeps, branch: Branch, meeting: Meeting, reason: string | null): Promise<number> {
  const { tx, messages } = deps;
  const audience = await audienceOf(deps, branch, meeting);
  await tx.outbox.withdraw(audience.keys, "meeting-cancelled");
  const cancelled = await tx.meetings.update(meeting.id, { status: "CANCELLED", cancelReason: reason });
  const { inserted } = await messages.toMembers(
    tx,
    branch,
    audience.informed.map((member) => ({
      member,
      key: cancelledKey(meeting.id, member.id),
      notBefore: noticeTime(deps.now, branch, meeting.startsAt),
      giveUpAt: meeting.startsAt,
      build: (t, locale) => ({
        text:
          t("meeting-cancelled-notice", { facts: meetingFacts(t, locale, cancelled, branch.timezone) }) +
          (reason ? "\n" + t("meeting-cancelled-reason", { reason }) : ""),
      }),
    })),
  );
  return inserted.length;
}
