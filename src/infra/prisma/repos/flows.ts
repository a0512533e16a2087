import { ConflictError } from "../../../core/errors.ts";
import type { FlowRepo } from "../../../core/ports/store.ts";
import { Prisma, type DbTx } from "../client.ts";
import type { Provider } from "../migrate.ts";
import type { SqliteDirect } from "../sqlite-direct.ts";

const UPSERT = `INSERT INTO "FlowState" ("identityId", "flow", "step", "data", "token", "expiresAt", "version", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, 0, ?)
  ON CONFLICT ("identityId") DO UPDATE SET
    "flow" = excluded."flow", "step" = excluded."step", "data" = excluded."data", "token" = excluded."token",
    "expiresAt" = excluded."expiresAt", "version" = "FlowState"."version" + 1, "updatedAt" = excluded."updatedAt"`;
const UPDATE = `UPDATE "FlowState" SET "flow" = ?, "step" = ?, "data" = ?, "token" = ?, "expiresAt" = ?, "version" = ?, "updatedAt" = ?
  WHERE "identityId" = ? AND "version" = ?`;

export function flowRepo(db: DbTx, provider: Provider, direct: SqliteDirect | null = null): FlowRepo {
  // Nearly every answer moves a flow on: plain statements rather than the ORM's planning, with the
  // same stored formats (dates as the driver writes them, the draft as JSON).
  const json = (data: unknown) => (provider === "postgres" ? Prisma.sql`${JSON.stringify(data)}::jsonb` : Prisma.sql`${JSON.stringify(data)}`);

  return {
    get: (identityId) => db.flowState.findUnique({ where: { identityId } }),
    async save(state, expectedVersion) {
      const now = new Date();
      if (direct) {
        const data = JSON.stringify(state.data);
        if (expectedVersion === null) {
          direct.run(UPSERT, [state.identityId, state.flow, state.step, data, state.token, state.expiresAt, now]);
          return;
        }
        const changed = direct.run(UPDATE, [state.flow, state.step, data, state.token, state.expiresAt, expectedVersion + 1, now, state.identityId, expectedVersion]);
        if (changed !== 1) throw new ConflictError(`flow of ${state.identityId} changed concurrently`);
        return;
      }
      if (expectedVersion === null) {
        // A new flow replaces whatever this chat had (a command started over the old flow).
        await db.$executeRaw`
          INSERT INTO "FlowState" ("identityId", "flow", "step", "data", "token", "expiresAt", "version", "updatedAt")
          VALUES (${state.identityId}, ${state.flow}, ${state.step}, ${json(state.data)}, ${state.token}, ${state.expiresAt}, 0, ${now})
          ON CONFLICT ("identityId") DO UPDATE SET
            "flow" = excluded."flow", "step" = excluded."step", "data" = excluded."data", "token" = excluded."token",
            "expiresAt" = excluded."expiresAt", "version" = "FlowState"."version" + 1, "updatedAt" = excluded."updatedAt"`;
        return;
      }
      const count = await db.$executeRaw`
        UPDATE "FlowState" SET "flow" = ${state.flow}, "step" = ${state.step}, "data" = ${json(state.data)}, "token" = ${state.token},
          "expiresAt" = ${state.expiresAt}, "version" = ${expectedVersion + 1}, "updatedAt" = ${now}
        WHERE "identityId" = ${state.identityId} AND "version" = ${expectedVersion}`;
      if (count !== 1) throw new ConflictError(`flow of ${state.identityId} changed concurrently`);
    },
    async delete(identityId) {
      if (direct) direct.run(`DELETE FROM "FlowState" WHERE "identityId" = ?`, [identityId]);
      else await db.$executeRaw`DELETE FROM "FlowState" WHERE "identityId" = ${identityId}`;
    },
    async expired(now, limit) {
      const rows = await db.flowState.findMany({ where: { expiresAt: { lte: now } }, take: limit, orderBy: { expiresAt: "asc" } });
      if (rows.length) await db.flowState.deleteMany({ where: { identityId: { in: rows.map((r) => r.identityId) }, expiresAt: { lte: now } } });
      return rows;
    },
  };
}
