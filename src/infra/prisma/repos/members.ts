import type { MemberRepo } from "../../../core/ports/store.ts";
import type { Member } from "../../../core/domain/model.ts";
import type { DbTx } from "../client.ts";
import type { SqliteDirect } from "../sqlite-direct.ts";
import { fromSqlite, newId } from "../sqlite-rows.ts";

export function memberRepo(db: DbTx, direct: SqliteDirect | null = null): MemberRepo {
  return {
    async create(input) {
      // A member joins when they confirm (consentAt, the core's clock), not when the row is written.
      if (!direct) return db.member.create({ data: { ...input, joinedAt: input.consentAt } });
      const now = new Date();
      const row = direct.get(
        `INSERT INTO "Member" ("id", "branchId", "fullName", "isSecretary", "isDeputy", "isAdmin", "partyStatus", "exempted", "status", "locale", "preferredPlatform", "consentAt", "joinedAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, 'FULL', 0, 'ACTIVE', ?, ?, ?, ?, ?) RETURNING *`,
        [newId(), input.branchId, input.fullName, input.isSecretary, input.isDeputy ?? false, input.isAdmin, input.locale, input.preferredPlatform, input.consentAt, input.consentAt, now],
      );
      return fromSqlite<Member>(row!);
    },
    byId: (id) => db.member.findUnique({ where: { id } }),
    listActive: (branchId) => db.member.findMany({ where: { branchId, status: "ACTIVE" }, orderBy: [{ fullName: "asc" }, { joinedAt: "asc" }] }),
    async listWithRole(branchId, role) {
      const flag = role === "admin" ? "isAdmin" : "isSecretary";
      if (direct) {
        const rows = direct.all(`SELECT * FROM "Member" WHERE "branchId" = ? AND "status" = 'ACTIVE' AND "${flag}" = 1 ORDER BY "fullName", "joinedAt"`, [branchId]);
        return rows.map((r) => fromSqlite<Member>(r));
      }
      return db.member.findMany({ where: { branchId, status: "ACTIVE", [flag]: true }, orderBy: [{ fullName: "asc" }, { joinedAt: "asc" }] });
    },
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
