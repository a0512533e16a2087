import type { UpdateRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";
import type { Provider } from "../migrate.ts";
import type { SqliteDirect } from "../sqlite-direct.ts";

export function updateRepo(db: DbTx, provider: Provider, direct: SqliteDirect | null = null): UpdateRepo {
  return {
    async markProcessed(platform, updateId, at) {
      if (direct) return direct.run(`INSERT INTO "ProcessedUpdate" ("platform", "updateId", "receivedAt") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, [platform, updateId, at]) === 1;
      // One statement on every update: an insert that does nothing for a duplicate. (A plain insert
      // would raise on the duplicate, and on PostgreSQL that aborts the whole unit of work.)
      const inserted =
        provider === "postgres"
          ? await db.$executeRaw`INSERT INTO "ProcessedUpdate" ("platform", "updateId", "receivedAt") VALUES (${platform}::"Platform", ${updateId}, ${at}) ON CONFLICT DO NOTHING`
          : await db.$executeRaw`INSERT INTO "ProcessedUpdate" ("platform", "updateId", "receivedAt") VALUES (${platform}, ${updateId}, ${at}) ON CONFLICT DO NOTHING`;
      return inserted === 1;
    },
    async prune(before) {
      const { count } = await db.processedUpdate.deleteMany({ where: { receivedAt: { lt: before } } });
      return count;
    },
  };
}
