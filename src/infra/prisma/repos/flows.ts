import { ConflictError } from "../../../core/errors.ts";
import type { FlowRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";
import type { HotPath } from "../hot/statements.ts";

export function flowRepo(db: DbTx, hot: HotPath): FlowRepo {
  return {
    get: (identityId) => hot.flow(identityId),
    async save(state, expectedVersion) {
      const now = new Date();
      // A new flow replaces whatever this chat had (a command started over the old flow).
      if (expectedVersion === null) return hot.startFlow(state, now);
      if (!(await hot.moveFlow(state, expectedVersion, now))) throw new ConflictError(`flow of ${state.identityId} changed concurrently`);
    },
    delete: (identityId) => hot.deleteFlow(identityId),
    async expired(now, limit) {
      const rows = await db.flowState.findMany({ where: { expiresAt: { lte: now } }, take: limit, orderBy: { expiresAt: "asc" } });
      if (rows.length) await db.flowState.deleteMany({ where: { identityId: { in: rows.map((r) => r.identityId) }, expiresAt: { lte: now } } });
      return rows;
    },
  };
}
