// The Store port on Prisma. Every unit of work is a transaction on one connection, opened by the
// store itself (not Prisma's interactive transactions): on SQLite the adapter's single connection,
// units committed in groups (hot/sqlite-units.ts); on PostgreSQL a connection from the pool for each
// unit (hot/pg.ts). The hot path (hot/statements.ts) and the ORM's statements of a unit both run on
// it. A conflict with another instance (a unique key taken, a flow version moved on, a serialization
// failure) retries the unit whole.
// Repositories read by a unique key with findFirst, never findUnique: Prisma gathers the findUnique
// calls of one tick into a batch that it runs outside the callers' async context, so on PostgreSQL
// a unit's read went to another unit's connection, or waited for a free one while every connection
// was held by a unit (test/infra/unit-of-work.test.ts).
import { ConflictError } from "../../core/errors.ts";
import type { Store, Tx } from "../../core/ports/store.ts";
import { Prisma, createDbClient, type Db, type DbClient, type DbOptions, type DbTx } from "./client.ts";
import type { HotDriver } from "./hot/driver.ts";
import { createPgUnits, isPgConflict } from "./hot/pg.ts";
import { createSqliteUnits } from "./hot/sqlite-units.ts";
import { createHotPath } from "./hot/statements.ts";
import type { Provider } from "./migrate.ts";
import { auditRepo } from "./repos/audit.ts";
import { botAccountRepo } from "./repos/bots.ts";
import { questionRepo } from "./repos/questions.ts";
import { branchRepo } from "./repos/branches.ts";
import { flowRepo } from "./repos/flows.ts";
import { identityRepo } from "./repos/identities.ts";
import { inviteRepo } from "./repos/invites.ts";
import { memberRepo } from "./repos/members.ts";
import { outboxRepo } from "./repos/outbox.ts";
import { updateRepo } from "./repos/updates.ts";
import { commitmentRepo } from "./repos/commitments.ts";
import { digestRepo } from "./repos/digests.ts";
import { codeGuardRepo } from "./repos/code-guards.ts";
import { linkCodeRepo } from "./repos/link-codes.ts";
import { meetingRepo } from "./repos/meetings.ts";
import { privacyRepo } from "./repos/privacy.ts";
import { noticeRepo } from "./repos/notices.ts";
import { retentionRepo } from "./repos/retention.ts";
import { leaseRepo } from "./repos/leases.ts";

const ATTEMPTS = 4;
// Prisma codes for "someone else got there first": unique violation, write conflict / deadlock.
const CONFLICT_CODES = new Set(["P2002", "P2034"]);

/** The repositories of one unit of work: `db` for the ORM, `driver` for the hot path, one connection. */
export function bindTx(db: DbTx, provider: Provider, driver: HotDriver): Tx {
  const hot = createHotPath(driver);
  return {
    updates: updateRepo(db, hot),
    identities: identityRepo(db, hot),
    members: memberRepo(db, hot),
    branches: branchRepo(db, hot),
    invites: inviteRepo(db, hot),
    flows: flowRepo(db, hot),
    outbox: outboxRepo(db, hot, provider),
    audit: auditRepo(hot),
    bots: botAccountRepo(db),
    questions: questionRepo(db, hot),
    linkCodes: linkCodeRepo(db),
    codeGuards: codeGuardRepo(hot),
    meetings: meetingRepo(db, hot),
    commitments: commitmentRepo(db),
    digests: digestRepo(db),
    privacy: privacyRepo(db),
    notices: noticeRepo(db),
    retention: retentionRepo(db, provider),
    leases: leaseRepo(db, provider),
  };
}

export function isConflict(err: unknown): boolean {
  if (err instanceof ConflictError) return true;
  if (isPgConflict(err)) return true;
  return err instanceof Prisma.PrismaClientKnownRequestError && CONFLICT_CODES.has(err.code);
}

export interface PrismaStore extends Store {
  readonly db: Db;
}

export function createPrismaStoreFromClient(client: DbClient): PrismaStore {
  const { db, provider } = client;
  const orm = db as unknown as DbTx;
  let units: (<T>(fn: (tx: Tx) => Promise<T>) => Promise<T>) | null = null;
  if (client.provider === "postgres") units = createPgUnits(client.pool, (driver) => bindTx(orm, provider, driver), { attempts: ATTEMPTS, isConflict });
  const sqliteUnits = () => {
    // The driver appears once Prisma has opened its connection (at the first query).
    const conn = client.provider === "sqlite" ? client.sqlite() : null;
    if (!conn) throw new Error("the SQLite adapter did not expose its connection: this version of @prisma/adapter-better-sqlite3 is not supported");
    return createSqliteUnits(conn, () => bindTx(orm, provider, conn), { attempts: ATTEMPTS, isConflict });
  };

  return {
    db,
    provider,
    tx: (fn) => (units ??= sqliteUnits())(fn),
    async ping() {
      await db.$queryRawUnsafe("SELECT 1");
    },
    async close() {
      await db.$disconnect();
      if (client.provider === "postgres") await client.pool.end().catch(() => undefined);
    },
  };
}

export async function createPrismaStore(url: string, opts: DbOptions = {}): Promise<PrismaStore> {
  const client = await createDbClient(url, opts);
  // SQLite: open the adapter's connection now, so the units of work find its driver.
  if (client.provider === "sqlite") await client.db.$queryRawUnsafe("SELECT 1");
  return createPrismaStoreFromClient(client);
}
