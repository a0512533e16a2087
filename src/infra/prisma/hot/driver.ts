// The statements every update and every send runs are written once (statements.ts) and executed by
// one of two drivers, chosen when the store is created: prepared statements on the better-sqlite3
// connection that Prisma's SQLite adapter opened, or on the `pg` connection that holds the unit of
// work on PostgreSQL. Through Prisma each of them costs ~100–250 µs of query planning; on a driver
// ~10–40 µs. Both drivers return rows typed as the ORM types them (dates, booleans, JSON), so the
// rest of the code cannot tell which one read a row; a contract suite runs both.

export type SqlValue = string | number | boolean | null | Date | readonly (string | number)[];

/** The few places where the two databases' SQL differs. */
export interface Dialect {
  readonly kind: "sqlite" | "postgres";
  /** The database's clock now, in the format its date columns store. */
  readonly now: string;
  /** The database's clock plus `?` seconds (one parameter). */
  readonly later: string;
  /** A cast for a parameter whose type the database cannot infer (an INSERT … SELECT). */
  cast(type: "jsonb" | "boolean" | "timestamp" | "integer"): string;
  /**
   * `column` is one of `values`: an IN list on SQLite, one array parameter on PostgreSQL (so the
   * statement's text, and its prepared plan, do not change with the number of values).
   */
  oneOf(column: string, values: readonly (string | number)[]): { sql: string; params: SqlValue[] };
}

export interface HotDriver {
  readonly dialect: Dialect;
  /** Runs a statement written with `?` placeholders; returns the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * A write whose outcome nobody reads (no count, no rows). PostgreSQL sends it with the unit's next
   * statement or its COMMIT rather than on a round trip of its own; if it fails, the unit fails
   * with its error. SQLite, in process, runs it at once.
   */
  write(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** The rows a statement returns, typed as the ORM types them. */
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
}

export async function first<T>(driver: HotDriver, sql: string, params?: readonly SqlValue[]): Promise<T | null> {
  return (await driver.all<T>(sql, params))[0] ?? null;
}

