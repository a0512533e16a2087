import { ConflictError } from "../../../core/errors.ts";
import type { FlowRepo } from "../../../core/ports/store.ts";
import type { DbTx, Prisma } from "../client.ts";

export function flowRepo(db: DbTx): FlowRepo {
  return {
    get: (identityId) => db.flowState.findUnique({ where: { identityId } }),
    async save(state, expectedVersion) {
      const data = { ...state, data: state.data as Prisma.InputJsonValue };
      if (expectedVersion === null) {
        // A new flow replaces whatever this chat had (a command started over the old flow).
        const existing = await db.flowState.findUnique({ where: { identityId: state.identityId }, select: { version: true } });
        if (existing) {
          await db.flowState.update({ where: { identityId: state.identityId }, data: { ...data, version: existing.version + 1 } });
        } else {
          await db.flowState.create({ data: { ...data, version: 0 } });
        }
        return;
      }
      const { count } = await db.flowState.updateMany({
        where: { identityId: state.identityId, version: expectedVersion },
        data: { ...data, version: expectedVersion + 1 },
      });
      if (count !== 1) throw new ConflictError(`flow of ${state.identityId} changed concurrently`);
    },
    async delete(identityId) {
      await db.flowState.deleteMany({ where: { identityId } });
    },
    async expired(now, limit) {
      const rows = await db.flowState.findMany({ where: { expiresAt: { lte: now } }, take: limit, orderBy: { expiresAt: "asc" } });
      if (rows.length) await db.flowState.deleteMany({ where: { identityId: { in: rows.map((r) => r.identityId) }, expiresAt: { lte: now } } });
      return rows;
    },
  };
}
