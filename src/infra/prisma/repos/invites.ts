import type { InviteRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";
import type { HotPath } from "../hot/statements.ts";

export function inviteRepo(db: DbTx, hot: HotPath): InviteRepo {
  return {
    create: (input) => db.invite.create({ data: input }),
    byCode: (code) => hot.inviteByCode(code),
    byId: (id) => db.invite.findFirst({ where: { id } }),
    use: (id, now) => hot.useInvite(id, now),
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
