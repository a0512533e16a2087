import type { InviteRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";

export function inviteRepo(db: DbTx): InviteRepo {
  return {
    create: (input) => db.invite.create({ data: input }),
    byCode: (code) => db.invite.findUnique({ where: { code } }),
    async use(id, now) {
      const invite = await db.invite.findUnique({ where: { id }, select: { uses: true, maxUses: true } });
      if (!invite || invite.uses >= invite.maxUses) return false;
      // Conditional on the count read: a concurrent join that got there first makes this a no-op.
      const { count } = await db.invite.updateMany({
        where: { id, uses: invite.uses, revokedAt: null, expiresAt: { gt: now } },
        data: { uses: { increment: 1 } },
      });
      return count === 1;
    },
    listOpen: (branchId, now) =>
      db.invite.findMany({ where: { branchId, revokedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: "desc" } }),
    async revoke(id, at) {
      await db.invite.update({ where: { id }, data: { revokedAt: at } });
    },
  };
}
