import type { LinkCodeRepo } from "../../../core/ports/link-codes.ts";
import type { DbTx } from "../client.ts";

export function linkCodeRepo(db: DbTx): LinkCodeRepo {
  return {
    create: (input) => db.linkCode.create({ data: input }),
    byCode: (code) => db.linkCode.findFirst({ where: { code } }),
    async use(code, now) {
      // Conditional: of two chats typing the same code at once, only one gets it.
      const { count } = await db.linkCode.updateMany({ where: { code, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      return count === 1;
    },
    async revokeUnused(memberId) {
      const { count } = await db.linkCode.deleteMany({ where: { memberId, usedAt: null } });
      return count;
    },
    async unlink(identityId) {
      await db.identity.update({ where: { id: identityId }, data: { memberId: null } });
      await db.flowState.deleteMany({ where: { identityId } });
      await db.openQuestion.deleteMany({ where: { identityId } });
      const { count } = await db.outbox.updateMany({
        where: { identityId, status: { in: ["PENDING", "HELD"] } },
        data: { status: "FAILED", lastError: "chat-unlinked", claimedBy: null, claimedUntil: null },
      });
      return count;
    },
    async prune(before) {
      const { count } = await db.linkCode.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { usedAt: { lt: before } }] } });
      return count;
    },
  };
}
