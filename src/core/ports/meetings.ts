// Meetings, meeting rules, reminder offsets and RSVPs. The services the later features build on
// (commitments, self-evaluation windows, digests) are here: the next meeting of a branch, meetings in
// a range, the answers of a meeting.
import type { Branch, Member, MeetingKind, MeetingStatus, RsvpAnswer } from "../domain/model.ts";
import type { Meeting, MeetingRule, Rsvp } from "../domain/meetings.ts";

export type RuleInput = Omit<MeetingRule, "updatedAt">;

export interface NewMeeting {
  branchId: string;
  kind: MeetingKind;
  occurrence: string | null;
  startsAt: Date;
  place: string | null;
  topic: string | null;
}

export type MeetingPatch = Partial<Pick<Meeting, "startsAt" | "place" | "topic" | "status" | "cancelReason" | "kind">>;

export interface MeetingRepo {
  rule(branchId: string): Promise<MeetingRule | null>;
  saveRule(rule: RuleInput): Promise<MeetingRule>;
  /** Every branch's rule (the planner). */
  rules(): Promise<MeetingRule[]>;

  /** The branch's reminder offsets in minutes, largest first; the defaults until an admin sets them. */
  offsets(branchId: string): Promise<number[]>;
  /** The same for many branches at once. */
  offsetsFor(branchIds: string[]): Promise<Map<string, number[]>>;
  /** Replaces the branch's offsets. */
  setOffsets(branchId: string, minutes: number[]): Promise<void>;
  /** Writes the default offsets for a branch that has none yet. */
  ensureDefaultOffsets(branchId: string): Promise<void>;

  create(input: NewMeeting): Promise<Meeting>;
  byId(id: string): Promise<Meeting | null>;
  update(id: string, patch: MeetingPatch): Promise<Meeting>;
  /** The branch's meetings planned for these months ("2026-12"), cancelled ones included. */
  byOccurrences(branchId: string, occurrences: string[]): Promise<Meeting[]>;
  /** For each branch, the latest month its rule's meetings are planned for. */
  lastOccurrences(): Promise<Map<string, string>>;
  /** The branch's next scheduled meeting that starts after `after`. */
  next(branchId: string, after: Date): Promise<Meeting | null>;
  /** The branch's meetings starting in [from, to), in order; cancelled ones only when asked. */
  inRange(branchId: string, from: Date, to: Date, opts?: { status?: MeetingStatus[] }): Promise<Meeting[]>;
  /** Scheduled meetings of every branch starting in (from, to], in order, with their branches (jobs). */
  scheduledBetween(from: Date, to: Date): Promise<Array<{ meeting: Meeting; branch: Branch }>>;

  rsvp(meetingId: string, memberId: string): Promise<Rsvp | null>;
  /** Records or changes a member's answer. */
  setRsvp(input: { meetingId: string; memberId: string; answer: RsvpAnswer; reason: string | null; at: Date }): Promise<Rsvp>;
  /** The answers to one meeting. */
  rsvps(meetingId: string): Promise<Rsvp[]>;
  /** The answers to several meetings. */
  rsvpsFor(meetingIds: string[]): Promise<Rsvp[]>;
  /** Forgets the answers to a meeting (it moved: everyone is asked again). */
  clearRsvps(meetingId: string): Promise<number>;

  /** Active members of these branches (the people meetings are for), exempted ones included. */
  activeMembersOf(branchIds: string[]): Promise<Member[]>;
  /**
   * How many active members each branch has and when the last of them changed, and how many answers
   * each meeting has and when the last came: what tells a job that the people a meeting's reminder
   * is for are the same as when it last looked, without reading them.
   */
  audienceStamps(branchIds: string[], meetingIds: string[]): Promise<{ members: Map<string, Stamp>; answers: Map<string, Stamp> }>;
}

/** A count and the latest change among what was counted (ms; 0 when nothing). */
export interface Stamp {
  count: number;
  at: number;
}
