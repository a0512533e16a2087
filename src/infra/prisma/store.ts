// The Store port on Prisma. Every unit of work is an interactive transaction; a conflict with another
// instance (a unique key taken, a flow version moved on, a serialization failure) retries it whole.
import { ConflictError } from "../../core/errors.ts";
import type { Store, Tx } from "../../core/ports/store.ts";
import { Prisma, createDbClient, type Db, type DbTx } from "./client.ts";
import type { Provider } from "./migrate.ts";
import type { SqliteDirect } from "./sqlite-direct.ts";
import { createSqliteUnits } from "./sqlite-units.ts";
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

/** `direct`: the SQLite driver connection for the hottest statements (null on PostgreSQL). */
export function bindTx(db: DbTx, provider: Provider, direct: SqliteDirect | null = null): Tx {
  return {
    updates: updateRepo(db, provider, direct),
    identities: identityRepo(db, direct),
    members: memberRepo(db, direct),
    branches: branchRepo(db, direct),
    invites: inviteRepo(db, direct),
    flows: flowRepo(db, provider, direct),
    outbox: outboxRepo(db, provider, direct),
    audit: auditRepo(db, direct),
    bots: botAccountRepo(db),
    questions: questionRepo(db, provider, direct),
    linkCodes: linkCodeRepo(db),
    codeGuards: codeGuardRepo(db),
    meetings: meetingRepo(db, direct),
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
  return err instanceof Prisma.PrismaClientKnownRequestError && CONFLICT_CODES.has(err.code);
}

export interface PrismaStore extends Store {
  readonly db: Db;
  /** SQLite's driver connection, for use inside tx() only (null on PostgreSQL). */
  readonly direct: () => SqliteDirect | null;
}

export function createPrismaStoreFromClient(db: Db, provider: Provider, direct: () => SqliteDirect | null = () => null): PrismaStore {
  // SQLite: the store's own transactions on the adapter's connection, committed in groups.
  let sqliteUnits: (<T>(fn: (tx: Tx) => Promise<T>) => Promise<T>) | null = null;
  const unitsOn = (conn: SqliteDirect) =>
    (sqliteUnits ??= createSqliteUnits(conn, () => bindTx(db as unknown as DbTx, provider, conn), { attempts: ATTEMPTS, isConflict }));

  return {
    db,
    provider,
    direct,
    async tx(fn) {
      const conn = direct();
      if (conn) return unitsOn(conn)(fn);
      for (let attempt = 1; ; attempt++) {
        try {
          // The SQLite adapter queues transactions on its single connection, so under load a unit
          // of work may wait its turn for a while: allow for it rather than fail.
          return await db.$transaction((ptx) => fn(bindTx(ptx, provider, direct())), { maxWait: 60_000, timeout: 60_000 });
        } catch (err) {
          if (attempt < ATTEMPTS && isConflict(err)) continue;
          throw err;
        }
      }
    },
    async ping() {
      await db.$queryRawUnsafe("SELECT 1");
    },
    async close() {
      await db.$disconnect();
    },
  };
}

export async function createPrismaStore(url: string): Promise<PrismaStore> {
  const { db, provider, direct } = await createDbClient(url);
  return createPrismaStoreFromClient(db, provider, direct);
}
