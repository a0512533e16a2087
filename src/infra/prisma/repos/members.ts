import type { MemberRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";
import type { HotPath } from "../hot/statements.ts";

export function memberRepo(db: DbTx, hot: HotPath): MemberRepo {
  return {
    create: (input) => hot.createMember(input),
    byId: (id) => hot.member(id),
    listActive: (branchId) => db.member.findMany({ where: { branchId, status: "ACTIVE" }, orderBy: [{ fullName: "asc" }, { joinedAt: "asc" }] }),
    listWithRole: (branchId, role) => hot.membersWithRole(branchId, role),
    listForAdmin: (branchId) =>
      db.member.findMany({ where: { branchId, status: { in: ["ACTIVE", "REMOVED"] } }, orderBy: [{ fullName: "asc" }, { joinedAt: "asc" }] }),
    countActiveAdmins: (branchId) => db.member.count({ where: { branchId, status: "ACTIVE", isAdmin: true } }),
    async lockAdmins(branchId) {
      // A no-op write takes the branch row's lock on PostgreSQL (SQLite has one writer at a time
      // anyway); reads after it see what a concurrent admin change committed before us.
      await db.$executeRaw`UPDATE "Branch" SET "updatedAt" = "updatedAt" WHERE "id" = ${branchId}`;
    },
    update: (id, patch) => db.member.update({ where: { id }, data: patch }),
    async remove(id, at) {
      const member = await db.member.update({ where: { id }, data: { status: "REMOVED", removedAt: at } });
      // Reminders and nudges planned ahead for them must not go out any more; a chat that had
      // blocked the bot must not get them later either.
      await db.outbox.updateMany({
        where: { memberId: id, status: { in: ["PENDING", "HELD"] } },
        data: { status: "FAILED", lastError: "member-removed", claimedBy: null, claimedUntil: null },
      });
      return member;
    },
    exemptionsEnded: (now) =>
      db.member.findMany({ where: { status: "ACTIVE", exempted: true, exemptUntil: { lte: now } }, orderBy: [{ exemptUntil: "asc" }, { id: "asc" }], take: 500 }),
    async restore(id) {
      const member = await db.member.update({ where: { id }, data: { status: "ACTIVE", removedAt: null } });
      // What was withdrawn at removal was never sent: forgetting it lets the schedulers queue again
      // whatever is still useful (their keys would otherwise say "already done").
      await db.outbox.deleteMany({ where: { memberId: id, status: "FAILED", lastError: "member-removed" } });
      return member;
    },
  };
}
