import type { OutboxItem } from "../../../core/domain/model.ts";
import type { NewOutboxItem, OutboxRepo } from "../../../core/ports/store.ts";
import { defaultBotAccountId } from "../../../core/types.ts";
import { Prisma, type DbTx } from "../client.ts";
import type { Provider } from "../migrate.ts";
import { readDate, readJson, type SqliteDirect } from "../sqlite-direct.ts";
import { dropFileBytes } from "./outbox-files.ts";

const BATCH = 500;
/** Rows per statement on the bulk path (one JSON parameter, however many rows). */
const BULK = 2000;

/**
 * A row for the bulk path, with dates as each database's column stores them (the ORM's own format:
 * ISO text with an explicit offset on SQLite; on PostgreSQL a timestamp without zone holding UTC).
 */
function bulkRow(i: NewOutboxItem, provider: Provider) {
  const date = (d: Date | null) => (d === null ? null : provider === "sqlite" ? d.toISOString().replace("Z", "+00:00") : d.toISOString());
  return {
    k: i.key,
    m: i.memberId,
    i: i.identityId,
    p: i.platform,
    b: accountOf(i),
    r: i.priority ?? 1,
    a: i.audience ?? null,
    c: i.chatId,
    d: JSON.stringify(i.payload),
    s: i.undeliverable ? "FAILED" : "PENDING",
    n: date(i.notBefore),
    g: date(i.giveUpAt),
    e: i.undeliverable ?? null,
  };
}

/** The bot account that sends an item: the platform's default one unless the item names another. */
const accountOf = (i: Pick<NewOutboxItem, "botAccountId" | "platform">): string => i.botAccountId ?? defaultBotAccountId(i.platform);

/** A row the SQLite driver returned, typed as the ORM would type it. */
function itemOf(r: Record<string, unknown>): OutboxItem {
  return {
    ...(r as unknown as OutboxItem),
    id: Number(r.id),
    payload: readJson(r.payload),
    notBefore: readDate(r.notBefore)!,
    giveUpAt: readDate(r.giveUpAt),
    claimedUntil: readDate(r.claimedUntil),
    createdAt: readDate(r.createdAt)!,
    sentAt: readDate(r.sentAt),
  };
}

// Claims run on the database's clock, not the instance's: two instances whose clocks disagree still
// agree on whose lease has run out. (SQLite: the adapter's own ISO format, so text compares as time.)
const SQLITE_NOW = `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')`;
const SQLITE_LEASE = `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '+' || ? || ' seconds')`;
const PG_NOW = Prisma.raw(`(clock_timestamp() AT TIME ZONE 'UTC')`);

// ── SendLease filter (issue 12, items 2–3) ───────────────────────────────────────────────────────
// With several instances, a row is claimed only by the instance holding its bot account's send lease
// (unexpired, on the database's clock): that account's rate limit and each chat's order then live in
// one process. A row without a bot account belongs to the platform's default account. One correlated
// look-up by the lease's primary key per candidate row; the holder is the claiming instance.
const LEASED_SQLITE = `
      AND EXISTS (SELECT 1 FROM "SendLease" l WHERE l."platform" = "Outbox"."platform"
        AND l."botAccountId" = COALESCE("Outbox"."botAccountId", 'default-' || lower("Outbox"."platform"))
        AND l."holder" = ? AND l."expiresAt" > ${SQLITE_NOW})`;
const leasedPg = (owner: string) => Prisma.sql`
      AND EXISTS (SELECT 1 FROM "SendLease" l WHERE l."platform" = "Outbox"."platform"
        AND l."botAccountId" = COALESCE("Outbox"."botAccountId", 'default-' || lower("Outbox"."platform"::text))
        AND l."holder" = ${owner} AND l."expiresAt" > ${PG_NOW})`;
const leasedSqlite = (owner: string) => Prisma.sql`
      AND EXISTS (SELECT 1 FROM "SendLease" l WHERE l."platform" = "Outbox"."platform"
        AND l."botAccountId" = COALESCE("Outbox"."botAccountId", 'default-' || lower("Outbox"."platform"))
        AND l."holder" = ${owner} AND l."expiresAt" > ${Prisma.raw(SQLITE_NOW)})`;
// ── end SendLease filter ─────────────────────────────────────────────────────────────────────────

const CLAIM_SQLITE = (platforms: number, skipped: number, leased: boolean) => `
  UPDATE "Outbox" SET "claimedBy" = ?, "claimedUntil" = ${SQLITE_LEASE}
  WHERE "id" IN (
    SELECT "id" FROM "Outbox"
    WHERE "status" = 'PENDING' AND "notBefore" <= ?
      AND ("claimedUntil" IS NULL OR "claimedUntil" < ${SQLITE_NOW})
      AND "platform" IN (${Array(platforms).fill("?").join(", ")})${skipped ? `
      AND "botAccountId" NOT IN (${Array(skipped).fill("?").join(", ")})` : ""}${leased ? LEASED_SQLITE : ""}
    ORDER BY "id" LIMIT ?)
  RETURNING *`;

export function outboxRepo(db: DbTx, provider: Provider, direct: SqliteDirect | null = null): OutboxRepo {
  // Replies to every update go through here: a plain multi-row insert skips the ORM's planning.
  // Every column is given explicitly so the stored formats are the ORM's own (dates, JSON).
  const valuesOf = (items: NewOutboxItem[]) => {
    const pg = provider === "postgres";
    const now = new Date();
    return Prisma.join(
      items.map((i) => {
        const json = JSON.stringify(i.payload);
        const status = i.undeliverable ? "FAILED" : "PENDING";
        const lastError = i.undeliverable ?? null;
        const priority = i.priority ?? 1;
        const audience = i.audience ?? null;
        return pg
          ? Prisma.sql`(${i.key}, ${i.memberId}, ${i.identityId}, ${i.platform}::"Platform", ${accountOf(i)}, ${i.chatId}, ${json}::jsonb, ${priority}, ${audience}, ${status}::"OutboxStatus", 0, ${i.notBefore}, ${i.giveUpAt}, ${lastError}, ${now})`
          : Prisma.sql`(${i.key}, ${i.memberId}, ${i.identityId}, ${i.platform}, ${accountOf(i)}, ${i.chatId}, ${json}, ${priority}, ${audience}, ${status}, 0, ${i.notBefore}, ${i.giveUpAt}, ${lastError}, ${now})`;
      }),
    );
  };
  const COLUMNS = Prisma.raw(`("key", "memberId", "identityId", "platform", "botAccountId", "chatId", "payload", "priority", "audience", "status", "attempts", "notBefore", "giveUpAt", "lastError", "createdAt")`);
  const directValues = (i: NewOutboxItem, now: Date) => [
    i.key, i.memberId, i.identityId, i.platform, accountOf(i), i.chatId, JSON.stringify(i.payload), i.priority ?? 1, i.audience ?? null,
    i.undeliverable ? "FAILED" : "PENDING", i.notBefore, i.giveUpAt, i.undeliverable ?? null, now,
  ];
  const DIRECT_INSERT = `INSERT INTO "Outbox" ${COLUMNS.sql} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`;
  const insertRaw = async (items: NewOutboxItem[]): Promise<void> => {
    if (direct) {
      const now = new Date();
      for (const i of items) direct.run(DIRECT_INSERT, directValues(i, now));
      return;
    }
    await db.$executeRaw`INSERT INTO "Outbox" ${COLUMNS} VALUES ${valuesOf(items)}`;
  };

  return {
    async enqueue(items, opts = {}) {
      if (!items.length) return 0;
      const unique = [...new Map(items.map((i) => [i.key, i])).values()];
      let inserted = 0;
      for (let i = 0; i < unique.length; i += BATCH) {
        const chunk = unique.slice(i, i + BATCH);
        if (direct) {
          // One statement per message that skips a key already there: no look-up first.
          const now = new Date();
          for (const i of chunk) inserted += direct.run(`${DIRECT_INSERT} ON CONFLICT ("key") DO NOTHING`, directValues(i, now));
          continue;
        }
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
            botAccountId: accountOf(rest),
            payload: payload as Prisma.InputJsonValue,
            ...(undeliverable ? { status: "FAILED" as const, lastError: undeliverable } : {}),
          })),
        });
        inserted += fresh.length;
      }
      return inserted;
    },

    async insertNew(items) {
      const inserted: string[] = [];
      // In key order: two instances inserting overlapping keys then lock them in the same order and
      // one waits for the other instead of both deadlocking.
      const unique = [...new Map(items.map((i) => [i.key, i])).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      for (let i = 0; i < unique.length; i += BULK) {
        // The rows travel as one JSON parameter that the database unpacks: thousands of rows per
        // statement without thousands of bound parameters. ON CONFLICT DO NOTHING rather than a
        // look-up first: an instance racing this one on the same keys waits for it, then skips them.
        const json = JSON.stringify(unique.slice(i, i + BULK).map((r) => bulkRow(r, provider)));
        const now = new Date();
        const rows =
          provider === "postgres"
            ? await db.$queryRaw<Array<{ key: string }>>`
                INSERT INTO "Outbox" ${COLUMNS}
                SELECT x.k, x.m, x.i, x.p::"Platform", x.b, x.c, x.d::jsonb, x.r, x.a, x.s::"OutboxStatus", 0, x.n::timestamp(3), x.g::timestamp(3), x.e, ${now}
                FROM json_to_recordset(${json}::json) AS x(k text, m text, i text, p text, b text, r int, a text, c text, d text, s text, n text, g text, e text)
                ON CONFLICT ("key") DO NOTHING RETURNING "key"`
            : await db.$queryRaw<Array<{ key: string }>>`
                INSERT INTO "Outbox" ${COLUMNS}
                SELECT json_extract(value, '$.k'), json_extract(value, '$.m'), json_extract(value, '$.i'), json_extract(value, '$.p'),
                  json_extract(value, '$.b'), json_extract(value, '$.c'), json_extract(value, '$.d'), json_extract(value, '$.r'), json_extract(value, '$.a'),
                  json_extract(value, '$.s'), 0, json_extract(value, '$.n'),
                  json_extract(value, '$.g'), json_extract(value, '$.e'), ${now}
                FROM json_each(${json}) WHERE true
                ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
        for (const r of rows) inserted.push(r.key);
      }
      return inserted;
    },

    async withdraw(keys, reason) {
      let count = 0;
      for (let i = 0; i < keys.length; i += BATCH) {
        const res = await db.outbox.updateMany({
          where: { key: { in: keys.slice(i, i + BATCH) }, status: { in: ["PENDING", "HELD"] } },
          data: { status: "FAILED", lastError: reason.slice(0, 500), claimedBy: null, claimedUntil: null },
        });
        count += res.count;
      }
      return count;
    },

    async withdrawAudience(memberId, audience) {
      const { count } = await db.outbox.updateMany({
        where: { memberId, audience, status: { in: ["PENDING", "HELD"] } },
        data: { status: "FAILED", lastError: `no-longer-${audience}`, claimedBy: null, claimedUntil: null },
      });
      return count;
    },

    async claim(owner, now, leaseMs, limit, platforms, skipAccounts = [], leased = false) {
      if (!platforms.length) return [];
      const seconds = leaseMs / 1000;
      // SendLease filter (issue 12): only accounts whose send lease `owner` holds.
      const onlyLeased = leased ? (provider === "postgres" ? leasedPg(owner) : leasedSqlite(owner)) : Prisma.empty;
      // One statement that picks and leases the rows and returns them: the sender claims after
      // nearly every update, so this is part of the hot path. On PostgreSQL, SKIP LOCKED lets
      // instances sharing the database each take different rows; SQLite runs units of work one by one.
      if (direct) {
        const claimed = direct.all(CLAIM_SQLITE(platforms.length, skipAccounts.length, leased), [owner, seconds, now, ...platforms, ...skipAccounts, ...(leased ? [owner] : []), limit]);
        return claimed.map(itemOf).sort((a, b) => a.id - b.id);
      }
      const skip = skipAccounts.length ? Prisma.sql`AND "botAccountId" NOT IN (${Prisma.join(skipAccounts)})` : Prisma.empty;
      const rows =
        provider === "postgres"
          ? await db.$queryRaw<OutboxItem[]>`
              UPDATE "Outbox" SET "claimedBy" = ${owner}, "claimedUntil" = ${PG_NOW} + make_interval(secs => ${seconds})
              WHERE "id" IN (
                SELECT "id" FROM "Outbox"
                WHERE "status" = 'PENDING' AND "notBefore" <= ${now}
                  AND ("claimedUntil" IS NULL OR "claimedUntil" < ${PG_NOW})
                  AND "platform"::text IN (${Prisma.join(platforms)}) ${skip} ${onlyLeased}
                ORDER BY "id" LIMIT ${limit}
                FOR UPDATE SKIP LOCKED)
              RETURNING *`
          : await db.$queryRaw<OutboxItem[]>`
              UPDATE "Outbox" SET "claimedBy" = ${owner}, "claimedUntil" = ${Prisma.raw(SQLITE_LEASE.replace("?", String(seconds)))}
              WHERE "id" IN (
                SELECT "id" FROM "Outbox"
                WHERE "status" = 'PENDING' AND "notBefore" <= ${now}
                  AND ("claimedUntil" IS NULL OR "claimedUntil" < ${Prisma.raw(SQLITE_NOW)})
                  AND "platform" IN (${Prisma.join(platforms)}) ${skip} ${onlyLeased}
                ORDER BY "id" LIMIT ${limit})
              RETURNING *`;
      // RETURNING keeps no order; a chat's messages must go out in the order they were queued.
      return rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => a.id - b.id);
    },

    async extend(ids, owner, leaseMs) {
      if (!ids.length) return [];
      const seconds = leaseMs / 1000;
      const rows =
        provider === "postgres"
          ? await db.$queryRaw<Array<{ id: number }>>`
              UPDATE "Outbox" SET "claimedUntil" = ${PG_NOW} + make_interval(secs => ${seconds})
              WHERE "id" IN (${Prisma.join(ids)}) AND "claimedBy" = ${owner} AND "status" = 'PENDING' RETURNING "id"`
          : await db.$queryRaw<Array<{ id: number }>>`
              UPDATE "Outbox" SET "claimedUntil" = ${Prisma.raw(SQLITE_LEASE.replace("?", String(seconds)))}
              WHERE "id" IN (${Prisma.join(ids)}) AND "claimedBy" = ${owner} AND "status" = 'PENDING' RETURNING "id"`;
      return rows.map((r) => Number(r.id));
    },

    // Every result below is written only where this sender still holds the claim: a message whose
    // lease ran out and was taken by another instance is that instance's to record.
    async markSent(ids, at, owner) {
      if (!ids.length) return;
      if (direct) {
        direct.run(
          `UPDATE "Outbox" SET "status" = 'SENT', "sentAt" = ?, "claimedBy" = NULL, "claimedUntil" = NULL, "attempts" = "attempts" + 1 WHERE "id" IN (${ids.map(() => "?").join(", ")}) AND "claimedBy" = ?`,
          [at, ...ids, owner],
        );
        return;
      }
      const list = Prisma.join(ids);
      await db.$executeRaw`
        UPDATE "Outbox" SET "status" = ${provider === "postgres" ? Prisma.sql`'SENT'::"OutboxStatus"` : Prisma.sql`'SENT'`},
          "sentAt" = ${at}, "claimedBy" = NULL, "claimedUntil" = NULL, "attempts" = "attempts" + 1
        WHERE "id" IN (${list}) AND "claimedBy" = ${owner}`;
    },
    async dropFiles(ids) {
      await dropFileBytes(db, ids);
    },
    async retryLater(id, notBefore, error, owner) {
      await db.outbox.updateMany({
        where: { id, claimedBy: owner },
        data: { status: "PENDING", notBefore, lastError: error.slice(0, 500), claimedBy: null, claimedUntil: null, attempts: { increment: 1 } },
      });
    },
    async markFailed(id, error, owner) {
      await db.outbox.updateMany({
        where: { id, claimedBy: owner },
        data: { status: "FAILED", lastError: error.slice(0, 500), claimedBy: null, claimedUntil: null, attempts: { increment: 1 } },
      });
    },
    async defer(ids, notBefore, reason, owner) {
      if (!ids.length) return;
      await db.outbox.updateMany({ where: { id: { in: ids }, status: "PENDING", claimedBy: owner }, data: { claimedBy: null, claimedUntil: null, notBefore, lastError: reason.slice(0, 500) } });
    },
    async release(ids, notBefore, owner) {
      if (!ids.length) return;
      await db.outbox.updateMany({ where: { id: { in: ids }, status: "PENDING", claimedBy: owner }, data: { claimedBy: null, claimedUntil: null, notBefore } });
    },
    async holdForIdentity(identityId, error) {
      const { count } = await db.outbox.updateMany({
        where: { identityId, status: "PENDING" },
        data: { status: "HELD", lastError: error.slice(0, 500), claimedBy: null, claimedUntil: null },
      });
      return count;
    },
    async resumeForIdentity(identityId) {
      // Their own times stay: what was due long ago and has outlived its use is dropped at sending,
      // not given a fresh three days because the person wrote again months later.
      const { count } = await db.outbox.updateMany({ where: { identityId, status: "HELD" }, data: { status: "PENDING" } });
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
    async timesOf(keys) {
      const out = new Map<string, { status: OutboxItem["status"]; at: Date }>();
      for (let i = 0; i < keys.length; i += BATCH) {
        const rows = await db.outbox.findMany({ where: { key: { in: keys.slice(i, i + BATCH) } }, select: { key: true, status: true, sentAt: true, notBefore: true } });
        for (const r of rows) out.set(r.key, { status: r.status, at: r.sentAt ?? r.notBefore });
      }
      return out;
    },
  };
}
