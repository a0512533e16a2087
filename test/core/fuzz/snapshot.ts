// What "changes nothing" means for a refused input: the rows of every domain table in the branches
// concerned (and the actor's own chat and flow), plus how many rows each domain table has in all.
// Bookkeeping is left out: processed updates, the outbox, the audit log, open questions, bot usage,
// wrong-code counters (they must count refused codes), and updatedAt / lastSeenAt stamps.
import { createHash } from "node:crypto";
import type { PrismaStore } from "../../../src/infra/prisma/store.ts";

type Db = PrismaStore["db"];

export interface Scope {
  branchIds: string[];
  /**
   * Also what is shared by all branches: every domain table's row count and the bot accounts. Off
   * for the check that the other branch was left alone (an operator may assign it a bot).
   */
  everywhere?: boolean;
  /** The chat the input came from (a stranger or the operator has no branch). */
  identityId?: string;
}

const STAMPS = new Set(["updatedAt", "lastSeenAt", "failedCodes", "codeLockedUntil", "lastUpdateAt", "lastError", "lastErrorAt"]);

function digest(rows: object[]): string {
  const lines = rows.map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !STAMPS.has(k)))).sort();
  return `${rows.length}:${createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16)}`;
}

const COUNTED = [
  "Branch", "Member", "Identity", "Invite", "LinkCode", "Meeting", "Rsvp", "Attendance", "Commitment", "CommitmentReview",
  "SelfEvaluation", "SelfEvaluationItem", "YearEndReview", "YearEndRating", "Notice", "FlowState", "EthicalStandard", "MeetingRule", "ReminderOffset",
];

/** Table name → "row count:content hash". Two snapshots are equal when nothing that matters changed. */
export async function snapshot(db: Db, scope: Scope): Promise<Record<string, string>> {
  const inBranches = { in: scope.branchIds };
  const ofMembers = { member: { branchId: inBranches } };
  const chats = { OR: [ofMembers, ...(scope.identityId ? [{ id: scope.identityId }] : [])] };
  const scoped: Record<string, Promise<object[]>> = {
    branch: db.branch.findMany({ where: { id: inBranches } }),
    member: db.member.findMany({ where: { branchId: inBranches } }),
    identity: db.identity.findMany({ where: chats }),
    invite: db.invite.findMany({ where: { branchId: inBranches } }),
    linkCode: db.linkCode.findMany({ where: ofMembers }),
    meetingRule: db.meetingRule.findMany({ where: { branchId: inBranches } }),
    meeting: db.meeting.findMany({ where: { branchId: inBranches } }),
    reminderOffset: db.reminderOffset.findMany({ where: { branchId: inBranches } }),
    rsvp: db.rsvp.findMany({ where: { OR: [{ meeting: { branchId: inBranches } }, ofMembers] } }),
    attendance: db.attendance.findMany({ where: { OR: [{ meeting: { branchId: inBranches } }, ofMembers] } }),
    commitmentPeriod: db.commitmentPeriod.findMany({ where: { branchId: inBranches } }),
    ethicalStandard: db.ethicalStandard.findMany({ where: { branchId: inBranches } }),
    commitment: db.commitment.findMany({ where: { OR: [{ period: { branchId: inBranches } }, ofMembers] } }),
    commitmentReview: db.commitmentReview.findMany({ where: { OR: [{ commitment: { period: { branchId: inBranches } } }, { author: { branchId: inBranches } }] } }),
    selfEvaluation: db.selfEvaluation.findMany({ where: { OR: [{ meeting: { branchId: inBranches } }, ofMembers] } }),
    selfEvaluationItem: db.selfEvaluationItem.findMany({ where: { evaluation: ofMembers } }),
    yearEndReview: db.yearEndReview.findMany({ where: { branchId: inBranches } }),
    yearEndRating: db.yearEndRating.findMany({ where: ofMembers }),
    notice: db.notice.findMany({ where: ofMembers }),
    flowState: db.flowState.findMany({ where: { identity: chats } }),
    ...(scope.everywhere ? { botAccount: db.botAccount.findMany() } : {}),
  };
  // Rows anywhere else: a refused input must not add or remove any (a branch, a member, a flow).
  // One statement for all the counts (both databases read it the same way).
  const counted = scope.everywhere
    ? db.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT ${COUNTED.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(", ")}`)
    : Promise.resolve([]);
  const [rows, [counts]] = await Promise.all([Promise.all(Object.values(scoped)), counted]);
  const out: Record<string, string> = {};
  Object.keys(scoped).forEach((name, i) => (out[name] = digest(rows[i]!)));
  for (const [table, n] of Object.entries(counts ?? {})) out[`${table} (all)`] = String(n);
  return out;
}
