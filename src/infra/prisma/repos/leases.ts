// Send leases on both databases: which instance sends for which bot account (issue 12). Every
// statement covers a batch (all of an instance's leases, or a share of the free ones), never one
// account at a time: 15,000 Zalo bots on two instances cost a handful of statements every few
// seconds. Times are the database's clock (as in outbox.ts), so two instances whose clocks disagree
// agree on whose lease ran out. `epoch` grows whenever a lease changes hands.
import type { HeldLease, LeaseRepo } from "../../../core/ports/store.ts";
import { defaultBotAccountId, type Platform } from "../../../core/types.ts";
import { Prisma, type DbTx } from "../client.ts";
import { pgDialect } from "../hot/pg.ts";
import { sqliteDialect } from "../hot/sqlite.ts";
import type { Provider } from "../migrate.ts";

/**
 * An instance's own row: a lease on nothing that lives as long as its holder renews it, so that an
 * instance which holds no account yet (it just started beside one that holds them all) still counts
 * when the others work out their fair share and give leases back.
 */
export const PRESENCE_PREFIX = "~instance:";
const PLATFORMS: Platform[] = ["TELEGRAM", "ZALO", "CONSOLE"];
const BATCH = 1000;

// The database's clock, in each column's stored format: the hot path's dialects say how.
const SQLITE_NOW = sqliteDialect.now;
const sqliteIn = (seconds: number) => Prisma.raw(`strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '+${Number(seconds)} seconds')`);
const PG_NOW = pgDialect.now;

interface Row {
  platform: string;
  botAccountId: string;
  epoch: number | bigint;
}

const held = (rows: Row[]): HeldLease[] =>
  rows.filter((r) => !r.botAccountId.startsWith(PRESENCE_PREFIX)).map((r) => ({ platform: r.platform as Platform, botAccountId: r.botAccountId, epoch: Number(r.epoch) }));

export function leaseRepo(db: DbTx, provider: Provider): LeaseRepo {
  const pg = provider === "postgres";
  const now = Prisma.raw(pg ? PG_NOW : SQLITE_NOW);
  const until = (ttlMs: number) => (pg ? Prisma.sql`${Prisma.raw(PG_NOW)} + make_interval(secs => ${ttlMs / 1000})` : sqliteIn(ttlMs / 1000));
  const platformIn = (platforms: Platform[]) => (pg ? Prisma.sql`"platform"::text IN (${Prisma.join(platforms)})` : Prisma.sql`"platform" IN (${Prisma.join(platforms)})`);
  const notPresence = Prisma.raw(`"botAccountId" NOT LIKE '${PRESENCE_PREFIX}%'`);
  const returning = Prisma.raw(pg ? `RETURNING "platform"::text AS "platform", "botAccountId", "epoch"` : `RETURNING "platform", "botAccountId", "epoch"`);

  return {
    async ensure(holder, ttlMs) {
      // Every bot account and the three default accounts (there even before their row is), in one
      // statement; rows already there are left as they are.
      const defaults = Prisma.join(PLATFORMS.map((p) => (pg ? Prisma.sql`(${p}::"Platform", ${defaultBotAccountId(p)})` : Prisma.sql`(${p}, ${defaultBotAccountId(p)})`)));
      await db.$executeRaw`
        INSERT INTO "SendLease" ("platform", "botAccountId")
        SELECT "platform", "id" FROM "BotAccount"
        UNION SELECT * FROM (VALUES ${defaults}) AS d WHERE true
        ON CONFLICT DO NOTHING`;
      await this.present(holder, ttlMs);
    },

    async present(holder, ttlMs) {
      // Instances that stopped renewing are gone: their presence rows with them.
      await db.$executeRaw`DELETE FROM "SendLease" WHERE "botAccountId" LIKE ${`${PRESENCE_PREFIX}%`} AND "expiresAt" < ${now}`;
      await db.$executeRaw`
        INSERT INTO "SendLease" ("platform", "botAccountId", "holder", "epoch", "expiresAt", "renewedAt")
        VALUES (${pg ? Prisma.sql`'CONSOLE'::"Platform"` : Prisma.sql`'CONSOLE'`}, ${PRESENCE_PREFIX + holder}, ${holder}, 0, ${until(ttlMs)}, ${now})
        ON CONFLICT ("platform", "botAccountId") DO UPDATE SET "holder" = ${holder}, "expiresAt" = ${until(ttlMs)}, "renewedAt" = ${now}`;
    },

    async renew(holder, ttlMs) {
      const rows = await db.$queryRaw<Row[]>`
        UPDATE "SendLease" SET "expiresAt" = ${until(ttlMs)}, "renewedAt" = ${now}
        WHERE "holder" = ${holder} AND "expiresAt" > ${now}
        ${returning}`;
      return held(rows);
    },

    async take(holder, ttlMs, limit, platforms) {
      if (limit <= 0 || !platforms.length) return [];
      const free = Prisma.sql`${platformIn(platforms)} AND ${notPresence} AND ("holder" IS NULL OR "expiresAt" IS NULL OR "expiresAt" <= ${now})`;
      // The epoch moves only when the lease changes hands (taking back one's own lapsed lease keeps it).
      const epoch = pg ? Prisma.sql`"epoch" + CASE WHEN "holder" IS DISTINCT FROM ${holder} THEN 1 ELSE 0 END` : Prisma.sql`"epoch" + CASE WHEN "holder" IS ${holder} THEN 0 ELSE 1 END`;
      // PostgreSQL: SKIP LOCKED lets two instances starting together take different accounts; the
      // condition is checked again on the locked row. SQLite runs units of work one at a time.
      const rows = pg
        ? await db.$queryRaw<Row[]>`
            UPDATE "SendLease" SET "holder" = ${holder}, "epoch" = ${epoch}, "expiresAt" = ${until(ttlMs)}, "renewedAt" = ${now}
            WHERE ("platform", "botAccountId") IN (
              SELECT "platform", "botAccountId" FROM "SendLease" WHERE ${free}
              ORDER BY "platform", "botAccountId" LIMIT ${limit}
              FOR UPDATE SKIP LOCKED) AND ${free}
            ${returning}`
        : await db.$queryRaw<Row[]>`
            UPDATE "SendLease" SET "holder" = ${holder}, "epoch" = ${epoch}, "expiresAt" = ${until(ttlMs)}, "renewedAt" = ${now}
            WHERE rowid IN (SELECT rowid FROM "SendLease" WHERE ${free} ORDER BY "platform", "botAccountId" LIMIT ${limit})
            ${returning}`;
      return held(rows);
    },

    async release(holder, leases) {
      if (leases === "all") {
        await db.$executeRaw`UPDATE "SendLease" SET "expiresAt" = ${now} WHERE "holder" = ${holder} AND "expiresAt" > ${now}`;
        await db.$executeRaw`DELETE FROM "SendLease" WHERE "platform" = ${pg ? Prisma.sql`'CONSOLE'::"Platform"` : Prisma.sql`'CONSOLE'`} AND "botAccountId" = ${PRESENCE_PREFIX + holder}`;
        return;
      }
      const byPlatform = new Map<Platform, string[]>();
      for (const l of leases) byPlatform.set(l.platform, [...(byPlatform.get(l.platform) ?? []), l.botAccountId]);
      for (const [platform, ids] of byPlatform) {
        for (let i = 0; i < ids.length; i += BATCH) {
          await db.$executeRaw`
            UPDATE "SendLease" SET "expiresAt" = ${now}
            WHERE "holder" = ${holder} AND ${platformIn([platform])} AND "botAccountId" IN (${Prisma.join(ids.slice(i, i + BATCH))}) AND "expiresAt" > ${now}`;
        }
      }
    },

    async census(platforms) {
      const [row] = await db.$queryRaw<Array<{ accounts: number | bigint; holders: number | bigint }>>`
        SELECT
          (SELECT count(*) FROM "SendLease" WHERE ${platformIn(platforms.length ? platforms : PLATFORMS)} AND ${notPresence}) AS "accounts",
          (SELECT count(DISTINCT "holder") FROM "SendLease" WHERE "holder" IS NOT NULL AND "expiresAt" > ${now}) AS "holders"`;
      return { accounts: Number(row?.accounts ?? 0), holders: Number(row?.holders ?? 0) };
    },
  };
}
