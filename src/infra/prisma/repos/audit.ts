import type { AuditRepo } from "../../../core/ports/store.ts";
import type { DbTx, Prisma } from "../client.ts";

export function auditRepo(db: DbTx): AuditRepo {
  return {
    async add(entry, at) {
      await db.auditLog.create({
        data: { ...entry, details: entry.details as Prisma.InputJsonValue | undefined, createdAt: at },
      });
    },
  };
}
