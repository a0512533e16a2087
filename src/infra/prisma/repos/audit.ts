import type { AuditRepo } from "../../../core/ports/store.ts";
import type { DbTx, Prisma } from "../client.ts";
import type { SqliteDirect } from "../sqlite-direct.ts";
import { newId } from "../sqlite-rows.ts";

export function auditRepo(db: DbTx, direct: SqliteDirect | null = null): AuditRepo {
  return {
    async add(entry, at) {
      if (direct) {
        direct.run(`INSERT INTO "AuditLog" ("id", "branchId", "actorId", "actorLabel", "action", "details", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`, [
          newId(),
          entry.branchId,
          entry.actorId,
          entry.actorLabel,
          entry.action,
          entry.details === undefined ? null : JSON.stringify(entry.details),
          at,
        ]);
        return;
      }
      await db.auditLog.create({
        data: { ...entry, details: entry.details as Prisma.InputJsonValue | undefined, createdAt: at },
      });
    },
  };
}
