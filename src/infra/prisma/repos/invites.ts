import type { InviteRepo } from "../../../core/ports/store.ts";
import type { Invite } from "../../../core/domain/model.ts";
import type { DbTx } from "../client.ts";
import type { SqliteDirect } from "../sqlite-direct.ts";
import { fromSqlite } from "../sqlite-rows.ts";

export function inviteRepo(db: DbTx, direct: SqliteDirect | null = null): InviteRepo {
  return {
    create: (input) => db.invite.create({ data: input }),
    async byCode(code) {
      if (!direct) return db.invite.findUnique({ where: { code } });
      const row = direct.get(`SELECT * FROM "Invite" WHERE "code" = ?`, [code]);
      return row ? fromSqlite<Invite>(row) : null;
    },
    byId: (id) => db.invite.findUnique({ where: { id } }),
    async use(id, now) {
      if (direct) {
        return direct.run(`UPDATE "Invite" SET "uses" = "uses" + 1 WHERE "id" = ? AND "uses" < "maxUses" AND "revokedAt" IS NULL AND "expiresAt" > ?`, [id, now]) === 1;
      }
      // One conditional increment: people joining on a shared invite at the same moment each get a
      // use while any is left (the database re-checks the condition under the row lock).
      const { count } = await db.invite.updateMany({
        where: { id, uses: { lt: db.invite.fields.maxUses }, revokedAt: null, expiresAt: { gt: now } },
        data: { uses: { increment: 1 } },
      });
      return count === 1;
    },
    listOpen: (branchId, now) =>
      db.invite.findMany({
        where: { branchId, revokedAt: null, expiresAt: { gt: now }, uses: { lt: db.invite.fields.maxUses } },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      }),
    async revoke(id, at) {
      await db.invite.update({ where: { id }, data: { revokedAt: at } });
    },
  };
}
