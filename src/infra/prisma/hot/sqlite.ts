// The SQLite driver: prepared statements on the better-sqlite3 connection that Prisma's adapter
// opened, so they run inside the same open transaction as the ORM's statements. Values are written
// in the adapter's own formats, so the ORM reads them back unchanged.
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Database, Statement } from "better-sqlite3";
import type { Dialect, HotDriver, SqlValue } from "./driver.ts";
import { fromSqlite, sqliteDate } from "./rows.ts";

const NOW = `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')`;

export const sqliteDialect: Dialect = {
  kind: "sqlite",
  now: NOW,
  later: `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '+' || ? || ' seconds')`,
  cast: () => "",
  oneOf: (column, values) => ({ sql: `${column} IN (${values.map(() => "?").join(", ")})`, params: [...values] }),
};

function toSqlite(v: SqlValue): string | number | null {
  if (v instanceof Date) return sqliteDate(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "object" && v !== null) throw new TypeError("SQLite takes no array parameters: use dialect.oneOf");
  return v;
}

const MAX_STATEMENTS = 256;

export class SqliteDriver implements HotDriver {
  readonly dialect = sqliteDialect;
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

  /** Synchronous, for the units of work (BEGIN, SAVEPOINT …) and the adapter's savepoints. */
  runSync(sql: string, params: readonly SqlValue[] = []): number {
    return this.prepare(sql).run(params.map(toSqlite)).changes;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.runSync(sql, params);
  }

  async write(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    this.runSync(sql, params);
  }

  async all<T = Record<string, unknown>>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const stmt = this.prepare(sql);
    const values = params.map(toSqlite);
    // A write with RETURNING is a reader too; one without returns nothing to read.
    const rows = stmt.reader ? (stmt.all(values) as Record<string, unknown>[]) : (stmt.run(values), []);
    return rows.map((r) => fromSqlite<T>(r));
  }
}

/**
 * Wraps the SQLite adapter factory so the driver connection it opens can be used directly. If the
 * adapter ever stops exposing it, `current()` stays null and the store refuses to start (see store.ts).
 *
 * The store runs its units of work as its own transactions on that connection (Prisma's interactive
 * transactions cost ~250 µs of CPU each). An ORM call that wants a transaction of its own while one
 * is open gets a savepoint instead, which commits or rolls back with it as Prisma expects.
 */
export function capturingFactory(inner: SqlMigrationAwareDriverAdapterFactory): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  current: () => SqliteDriver | null;
} {
  let driver: SqliteDriver | null = null;
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
      const found = new SqliteDriver(client);
      driver = found;
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => {
        if (!found.inTransaction) return startTransaction(isolationLevel);
        let done!: () => void;
        const previous = turn;
        turn = new Promise<void>((resolve) => (done = resolve));
        await previous;
        const name = `orm_${++savepoints}`;
        found.runSync(`SAVEPOINT ${name}`);
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
              found.runSync(`RELEASE ${name}`);
            } finally {
              done();
            }
          },
          rollback: async () => {
            try {
              found.runSync(`ROLLBACK TO ${name}`);
              found.runSync(`RELEASE ${name}`);
            } finally {
              done();
            }
          },
          createSavepoint: async (n: string) => void found.runSync(`SAVEPOINT ${n}`),
          rollbackToSavepoint: async (n: string) => void found.runSync(`ROLLBACK TO ${n}`),
          releaseSavepoint: async (n: string) => void found.runSync(`RELEASE SAVEPOINT ${n}`),
        };
      };
      return adapter;
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
  return { factory, current: () => driver };
}
