// Shared steps of the meeting tests: a branch with an admin and members, a rule set in chat.
import { generateCode } from "../../../src/core/domain/invites.ts";
import type { OutMessage } from "../../../src/core/types.ts";
import type { Harness } from "../../helpers/harness.ts";

export const ADMIN = "an";

/** A branch whose first member `an` is its admin and secretary; `others` join as plain members. */
export async function branchWithMembers(h: Harness, name: string, others: Array<[string, string]>): Promise<string> {
  const code = await h.createBranch(name);
  await h.join(ADMIN, code, "Nguyễn Văn An");
  const branch = await h.store.db.branch.findFirstOrThrow({ where: { name } });
  if (others.length) {
    const invite = generateCode();
    await h.store.db.invite.create({ data: { branchId: branch.id, code: invite, maxUses: others.length, expiresAt: new Date(h.clock.now().getTime() + 86_400_000) } });
    for (const [user, fullName] of others) await h.join(user, invite, fullName);
  }
  return branch.id;
}

/** What a user was sent, as text. */
export const texts = (messages: OutMessage[]): string[] => messages.map((m) => m.text);

/** The step of the flow `user` is in, or null. */
export async function flowStep(h: Harness, user: string): Promise<string | null> {
  const identity = await h.store.db.identity.findFirstOrThrow({ where: { userId: user } });
  return (await h.store.db.flowState.findUnique({ where: { identityId: identity.id } }))?.step ?? null;
}

/** Everything the meetings feature owns, to show that refused input changed nothing. */
export async function meetingState(h: Harness) {
  const db = h.store.db;
  return {
    rules: await db.meetingRule.findMany(),
    meetings: await db.meeting.findMany({ orderBy: { startsAt: "asc" } }),
    offsets: await db.reminderOffset.findMany({ orderBy: { minutesBefore: "asc" } }),
    rsvps: await db.rsvp.findMany(),
    branches: await db.branch.findMany(),
  };
}
