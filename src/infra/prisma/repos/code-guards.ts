import type { CodeGuardRepo } from "../../../core/ports/code-guards.ts";
import type { DbTx } from "../client.ts";

export function codeGuardRepo(db: DbTx): CodeGuardRepo {
  return {
    get: (identityId, kind) =>
      db.codeGuard.findUnique({
        where: { identityId_kind: { identityId, kind } },
        select: { failures: true, lastFailureAt: true, lockedUntil: true, windowStart: true, attempts: true },
      }),
    async put(identityId, kind, state) {
      const data = { failures: state.failures, lastFailureAt: state.lastFailureAt, lockedUntil: state.lockedUntil, windowStart: state.windowStart, attempts: state.attempts };
      await db.codeGuard.upsert({ where: { identityId_kind: { identityId, kind } }, create: { identityId, kind, ...data }, update: data });
    },
  };
}
