import type { InviteRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";

export function inviteRepo(db: DbTx): InviteRepo {
  return {
    create: (input) => db.invite.create({ data: input }),
    byCode: (code) => db.invite.findUnique({ where: { code } }),
    byId: (id) => db.invite.findUnique({ where: { id } }),
    async use(id, now) {
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
