import type { UpdateRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";

export function updateRepo(db: DbTx): UpdateRepo {
  return {
    async markProcessed(platform, updateId, at) {
      // Read first: on PostgreSQL a failed insert would abort the whole unit of work. Two instances
      // racing on the same update both pass the read; the loser's insert raises a unique violation
      // and its unit of work is retried, which then finds the row and reports a duplicate.
      const found = await db.processedUpdate.findUnique({ where: { platform_updateId: { platform, updateId } }, select: { updateId: true } });
      if (found) return false;
      await db.processedUpdate.create({ data: { platform, updateId, receivedAt: at } });
      return true;
    },
    async prune(before) {
      const { count } = await db.processedUpdate.deleteMany({ where: { receivedAt: { lt: before } } });
      return count;
    },
  };
}
