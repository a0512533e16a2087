import type { UpdateRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";
import type { HotPath } from "../hot/statements.ts";

export function updateRepo(db: DbTx, hot: HotPath): UpdateRepo {
  return {
    markProcessed: (platform, updateId, at) => hot.markProcessed(platform, updateId, at),
    async prune(before) {
      const { count } = await db.processedUpdate.deleteMany({ where: { receivedAt: { lt: before } } });
      return count;
    },
  };
}
