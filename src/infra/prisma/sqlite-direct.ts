// The few statements every update runs (record the update, read the chat, move its flow, queue the
// reply, claim and mark what was sent) cost ~100–250 µs each through Prisma's query interpreter and
// ~10 µs as prepared statements on the driver. On SQLite the driver connection is the one Prisma's
// adapter opened, so these statements run inside the same open transaction as the ORM's; on
// PostgreSQL they go through Prisma's raw queries instead. Values are written in the adapter's own
// formats, so the ORM reads them back unchanged (a test compares both readings).
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Database, Statement } from "better-sqlite3";

export type SqlValue = string | number | null | Date | boolean;

/** The adapter's date format (timestampFormat "iso8601"). */
export function sqliteDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

function toSqlite(v: SqlValue): string | number | null {
  if (v instanceof Date) return sqliteDate(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

const MAX_STATEMENTS = 256;

export class SqliteDirect {
  private readonly statements = new Map<string, Statement>();
  /** True while this process's unit of work holds an open transaction on the connection. */
  inTransaction = false;

  constructor(private readonly db: Database) {}

  private prepare(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      // The adapter turns safe integers on for the whole connection; these rows want numbers.
      if (stmt.reader) stmt.safeIntegers(false);
      if (this.statements.size >= MAX_STATEMENTS) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, params: SqlValue[] = []): number {
    return this.prepare(sql).run(params.map(toSqlite)).changes;
  }

  get<T = Record<string, unknown>>(sql: string, params: SqlValue[] = []): T | undefined {
    return this.prepare(sql).get(params.map(toSqlite)) as T | undefined;
  }

  all<T = Record<string, unknown>>(sql: string, params: SqlValue[] = []): T[] {
    return this.prepare(sql).all(params.map(toSqlite)) as T[];
  }
}

/** Reads a column the adapter wrote as a date. */
export function readDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(typeof v === "number" ? v : String(v));
}

/** Reads a JSON column (stored as text on SQLite). */
export function readJson(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  return typeof v === "string" ? JSON.parse(v) : v;
}

/**
 * Wraps the SQLite adapter factory so the driver connection it opens can be used directly. If the
 * adapter ever stops exposing it, `current()` stays null and every statement goes through Prisma.
 *
 * The store runs its units of work as its own transactions on that connection (Prisma's interactive
 * transactions cost ~250 µs of CPU each). An ORM call that wants a transaction of its own while one
 * is open gets a savepoint instead, which commits or rolls back with it as Prisma expects.
 */
export function capturingFactory(inner: SqlMigrationAwareDriverAdapterFactory): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  current: () => SqliteDirect | null;
} {
  let direct: SqliteDirect | null = null;
  let savepoints = 0;
  // Savepoints nest: two ORM calls of one unit of work running at once must not interleave theirs
  // (releasing the outer one would release the inner one with it), so they take turns.
  let turn: Promise<void> = Promise.resolve();
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await inner.connect();
      const client = (adapter as unknown as { client?: Database }).client;
      if (!client || typeof client.prepare !== "function") return adapter;
      const found = new SqliteDirect(client);
      direct = found;
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => {
        if (!found.inTransaction) return startTransaction(isolationLevel);
        let done!: () => void;
        const previous = turn;
        turn = new Promise<void>((resolve) => (done = resolve));
        await previous;
        const name = `orm_${++savepoints}`;
        found.run(`SAVEPOINT ${name}`);
        return {
          provider: adapter.provider,
          adapterName: adapter.adapterName,
          // Phantom: Prisma then ends it through commit()/rollback() below instead of sending
          // COMMIT or ROLLBACK itself, which would end the outer transaction.
          options: { usePhantomQuery: true },
          queryRaw: (q) => adapter.queryRaw(q),
          executeRaw: (q) => adapter.executeRaw(q),
          commit: async () => {
            try {
              found.run(`RELEASE ${name}`);
            } finally {
              done();
            }
          },
          rollback: async () => {
            try {
              found.run(`ROLLBACK TO ${name}`);
              found.run(`RELEASE ${name}`);
            } finally {
              done();
            }
          },
          createSavepoint: async (n: string) => void found.run(`SAVEPOINT ${n}`),
          rollbackToSavepoint: async (n: string) => void found.run(`ROLLBACK TO ${n}`),
          releaseSavepoint: async (n: string) => void found.run(`RELEASE SAVEPOINT ${n}`),
        };
      };
      return adapter;
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
  return { factory, current: () => direct };
}
