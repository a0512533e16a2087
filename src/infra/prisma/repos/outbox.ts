import type { Platform } from "../../../core/types.ts";
import type { NewOutboxItem, OutboxRepo } from "../../../core/ports/store.ts";
import { Prisma, type DbTx } from "../client.ts";
import type { Provider } from "../migrate.ts";

const BATCH = 500;

export function outboxRepo(db: DbTx, provider: Provider): OutboxRepo {
  // Replies to every update go through here: a plain multi-row insert skips the ORM's planning.
  // Every column is given explicitly so the stored formats are the ORM's own (dates, JSON).
  const insertRaw = async (items: NewOutboxItem[]): Promise<void> => {
    const pg = provider === "postgres";
    const now = new Date();
    const rows = items.map((i) => {
      const json = JSON.stringify(i.payload);
      return pg
        ? Prisma.sql`(${i.key}, ${i.memberId}, ${i.identityId}, ${i.platform}::"Platform", ${i.chatId}, ${json}::jsonb, 'PENDING'::"OutboxStatus", 0, ${i.notBefore}, ${i.giveUpAt}, ${now})`
        : Prisma.sql`(${i.key}, ${i.memberId}, ${i.identityId}, ${i.platform}, ${i.chatId}, ${json}, 'PENDING', 0, ${i.notBefore}, ${i.giveUpAt}, ${now})`;
    });
    await db.$executeRaw`INSERT INTO "Outbox" ("key", "memberId", "identityId", "platform", "chatId", "payload", "status", "attempts", "notBefore", "giveUpAt", "createdAt") VALUES ${Prisma.join(rows)}`;
  };

  const due = (now: Date, platforms: Platform[]) => ({
    status: "PENDING" as const,
    notBefore: { lte: now },
    platform: { in: platforms },
    OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
  });

  return {
    async enqueue(items, opts = {}) {
      if (!items.length) return 0;
      const unique = [...new Map(items.map((i) => [i.key, i])).values()];
      let inserted = 0;
      for (let i = 0; i < unique.length; i += BATCH) {
        const chunk = unique.slice(i, i + BATCH);
        const existing = opts.fresh ? [] : await db.outbox.findMany({ where: { key: { in: chunk.map((c) => c.key) } }, select: { key: true } });
        const taken = new Set(existing.map((e) => e.key));
        const fresh = chunk.filter((c) => !taken.has(c.key));
        if (!fresh.length) continue;
        if (opts.fresh && fresh.every((f) => !f.undeliverable)) {
          await insertRaw(fresh);
          inserted += fresh.length;
          continue;
        }
        await db.outbox.createMany({
          data: fresh.map(({ undeliverable, payload, ...rest }) => ({
            ...rest,
            payload: payload as Prisma.InputJsonValue,
            ...(undeliverable ? { status: "FAILED" as const, lastError: undeliverable } : {}),
          })),
        });
        inserted += fresh.length;
      }
      return inserted;
    },

    async claim(owner, now, leaseUntil, limit, platforms) {
      if (!platforms.length) return [];
      let ids: number[];
      if (provider === "postgres") {
        // SKIP LOCKED: instances sharing the database each take different rows.
        const rows = await db.$queryRaw<Array<{ id: number }>>`
          UPDATE "Outbox" SET "claimedBy" = ${owner}, "claimedUntil" = ${leaseUntil}
          WHERE "id" IN (
            SELECT "id" FROM "Outbox"
            WHERE "status" = 'PENDING' AND "notBefore" <= ${now}
              AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
              AND "platform"::text IN (${Prisma.join(platforms)})
            ORDER BY "id" LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
          RETURNING "id"`;
        ids = rows.map((r) => Number(r.id));
      } else {
        // SQLite: units of work are serialised, so reading then updating cannot race.
        const rows = await db.outbox.findMany({ where: due(now, platforms), orderBy: { id: "asc" }, take: limit, select: { id: true } });
        ids = rows.map((r) => r.id);
        if (ids.length) await db.outbox.updateMany({ where: { id: { in: ids } }, data: { claimedBy: owner, claimedUntil: leaseUntil } });
      }
      if (!ids.length) return [];
      return db.outbox.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    },

    async markSent(ids, at) {
      if (!ids.length) return;
      await db.outbox.updateMany({
        where: { id: { in: ids } },
        data: { status: "SENT", sentAt: at, claimedBy: null, claimedUntil: null, attempts: { increment: 1 } },
      });
    },
    async retryLater(id, notBefore, error) {
      await db.outbox.update({
        where: { id },
        data: { status: "PENDING", notBefore, lastError: error.slice(0, 500), claimedBy: null, claimedUntil: null, attempts: { increment: 1 } },
      });
    },
    async markFailed(id, error) {
      await db.outbox.update({
        where: { id },
        data: { status: "FAILED", lastError: error.slice(0, 500), claimedBy: null, claimedUntil: null, attempts: { increment: 1 } },
      });
    },
    async release(ids, notBefore) {
      if (!ids.length) return;
      await db.outbox.updateMany({ where: { id: { in: ids }, status: "PENDING" }, data: { claimedBy: null, claimedUntil: null, notBefore } });
    },
    async holdForIdentity(identityId, error) {
      const { count } = await db.outbox.updateMany({
        where: { identityId, status: "PENDING" },
        data: { status: "HELD", lastError: error.slice(0, 500), claimedBy: null, claimedUntil: null },
      });
      return count;
    },
    async resumeForIdentity(identityId, now) {
      const { count } = await db.outbox.updateMany({ where: { identityId, status: "HELD" }, data: { status: "PENDING", notBefore: now } });
      return count;
    },
    async backlog(now) {
      const [pending, dueCount, failed] = await Promise.all([
        db.outbox.count({ where: { status: "PENDING" } }),
        db.outbox.count({ where: { status: "PENDING", notBefore: { lte: now } } }),
        db.outbox.count({ where: { status: "FAILED" } }),
      ]);
      return { pending, due: dueCount, failed };
    },
    byKey: (key) => db.outbox.findUnique({ where: { key } }),
    async existingKeys(keys) {
      const out = new Set<string>();
      for (let i = 0; i < keys.length; i += BATCH) {
        const rows = await db.outbox.findMany({ where: { key: { in: keys.slice(i, i + BATCH) } }, select: { key: true } });
        for (const r of rows) out.add(r.key);
      }
      return out;
    },
  };
}
