// The PostgreSQL driver and units of work. A unit of work holds one connection from the pool from
// BEGIN to COMMIT; the hot statements run on it as named prepared statements (parsed and planned
// once per connection), and the ORM's statements of the same unit run on it too: the pool handed to
// Prisma's adapter sends a query issued inside a unit to the unit's connection (AsyncLocalStorage),
// and a transaction the ORM opens inside a unit becomes a savepoint. Prisma's own interactive
// transactions are not used: they cost several round trips and ~1 ms of CPU each.
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import type { Dialect, HotDriver, SqlValue } from "./driver.ts";
import { Trip, type TripResult, type TripStatement } from "./pg-pipeline.ts";

const NOW = `(clock_timestamp() AT TIME ZONE 'UTC')`;

export const pgDialect: Dialect = {
  kind: "postgres",
  now: NOW,
  later: `(${NOW} + make_interval(secs => ?))`,
  cast: (type) => `::${type === "timestamp" ? "timestamp(3)" : type}`,
  oneOf: (column, values) => ({ sql: `${column} = ANY(?)`, params: [values] }),
};

// Date columns are "timestamp without time zone" holding UTC (as Prisma writes them). pg would read
// them as local time: read them as UTC, and write dates as UTC text (a zone in the text is ignored).
const TIMESTAMP = 1114;
const parseUtc = (v: string): Date => new Date(`${v.replace(" ", "T")}Z`);
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP ? parseUtc : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** A value as the protocol's text (what node-postgres' own value mapping does, for the types used here). */
function toText(v: SqlValue): string | null {
  if (v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return `{${v.map((x) => (typeof x === "number" ? String(x) : `"${x.replace(/[\\"]/g, (c: string) => `\\${c}`)}"`)).join(",")}}`;
  return String(v);
}

/** `?` placeholders as `$1 … $n` (the statements hold no `?` inside quotes). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const names = new Map<string, { name: string; text: string }>();
function statement(sql: string, params: readonly SqlValue[]): TripStatement {
  let p = names.get(sql);
  if (!p) {
    p = { name: `hot_${names.size + 1}`, text: numbered(sql) };
    names.set(sql, p);
  }
  return { name: p.name, text: p.text, values: params.map(toText) };
}

const BEGIN = statement("BEGIN", []);
const COMMIT = statement("COMMIT", []);

export class PgDriver implements HotDriver {
  readonly dialect = pgDialect;
  constructor(private readonly unit: Unit) {}

  private checked(sql: string, params: readonly SqlValue[]): TripStatement {
    // A statement after its unit of work ended would land on a connection another unit now holds.
    if (!this.unit.open) throw new Error("a statement ran after its unit of work had ended");
    return statement(sql, params);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.unit.ask(this.checked(sql, params))).rowCount;
  }

  async all<T = Record<string, unknown>>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.unit.ask(this.checked(sql, params))).rows as T[];
  }

  async write(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    this.unit.defer(this.checked(sql, params));
  }
}

interface Waiting {
  statement: TripStatement;
  /** Absent for a write nobody waits for. */
  settle?: { resolve: (r: TripResult) => void; reject: (e: Error) => void };
}

/**
 * One unit of work on its connection. Statements wait in `queue` and go to the server together: those
 * asked for in the same tick (Promise.all), with the writes queued before them, and BEGIN in front
 * of the first. The last writes go with COMMIT. So an update that reads its chat and queues its
 * reply costs two round trips, not five.
 */
class Unit {
  /** False once the unit committed or rolled back: work started inside it and still running later
   * (a timer, a background task) must not use its connection any more. */
  open = true;
  savepoints = 0;
  /** ORM transactions inside the unit take turns (their savepoints must not interleave). */
  turn: Promise<void> = Promise.resolve();
  private begun = false;
  private queue: Waiting[] = [];
  private scheduled = false;
  /**
   * The first statement that failed: the transaction is aborted from then on, whoever caught the
   * error, so the unit must not report a COMMIT (which the server would turn into a ROLLBACK).
   */
  failed: Error | null = null;

  constructor(readonly client: pg.PoolClient) {}

  ask(statement: TripStatement): Promise<TripResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ statement, settle: { resolve, reject } });
      if (this.scheduled) return;
      this.scheduled = true;
      queueMicrotask(() => {
        this.scheduled = false;
        // Sent at the end of the tick; a failure reaches the callers through `settle`.
        if (this.open) this.send().catch(() => undefined);
        else this.drop();
      });
    });
  }

  defer(statement: TripStatement): void {
    this.queue.push({ statement });
  }

  /** Sends what is queued now, ahead of a statement the ORM is about to run on the connection. */
  flushForOrm(): void {
    if (this.begun && !this.queue.length) return;
    this.send().catch(() => undefined);
  }

  /** Ends the unit: what is still queued, then COMMIT, in one round trip. */
  async commit(): Promise<void> {
    this.open = false;
    if (this.failed) throw this.failed;
    if (!this.begun && !this.queue.length) return; // nothing ran
    await this.send([COMMIT]);
  }

  async rollback(): Promise<void> {
    this.open = false;
    this.drop();
    if (this.begun) await this.client.query("ROLLBACK");
  }

  private drop(): void {
    const error = new Error("the unit of work ended before this statement was sent");
    for (const w of this.queue.splice(0)) w.settle?.reject(error);
  }

  private send(after: TripStatement[] = []): Promise<void> {
    const waiting = this.queue.splice(0);
    const before = this.begun ? [] : [BEGIN];
    if (!before.length && !waiting.length && !after.length) return Promise.resolve();
    this.begun = true;
    const statements = [...before, ...waiting.map((w) => w.statement), ...after];
    return new Promise<void>((resolve, reject) => {
      const trip: Trip = new Trip(statements, types, (err, results) => {
        waiting.forEach((w, i) => {
          const at = before.length + i;
          if (!err || at < trip.failedAt) w.settle?.resolve(results[at]!);
          else w.settle?.reject(err);
        });
        if (!err) return resolve();
        this.failed ??= err;
        reject(err);
      });
      (this.client.query as unknown as (t: Trip) => void)(trip);
    });
  }
}

const current = new AsyncLocalStorage<Unit>();

type QueryArgs = Parameters<pg.PoolClient["query"]>;

/**
 * What Prisma's adapter gets when it opens a transaction inside a unit of work: the unit's
 * connection, on which its BEGIN / COMMIT / ROLLBACK become a savepoint of the unit.
 */
function nested(unit: Unit): Promise<pg.PoolClient> {
  let done!: () => void;
  const previous = unit.turn;
  unit.turn = new Promise<void>((resolve) => (done = resolve));
  const name = `orm_${++unit.savepoints}`;
  const control: Record<string, string> = {
    BEGIN: `SAVEPOINT ${name}`,
    COMMIT: `RELEASE SAVEPOINT ${name}`,
    ROLLBACK: `ROLLBACK TO SAVEPOINT ${name}`,
  };
  const query = async (...args: QueryArgs) => {
    unit.flushForOrm();
    const config = args[0] as string | { text: string };
    const text = typeof config === "string" ? config : config.text;
    const replaced = control[text.trim().toUpperCase()];
    if (!replaced) {
      // The isolation level is the unit's own.
      if (/^SET TRANSACTION/i.test(text)) return { rows: [], rowCount: 0, fields: [] };
      return (unit.client.query as (...a: QueryArgs) => Promise<unknown>)(...args);
    }
    return unit.client.query(replaced);
  };
  const proxy = {
    query,
    release: () => done(),
    on: () => proxy,
    removeListener: () => proxy,
  };
  return previous.then(() => proxy as unknown as pg.PoolClient);
}

/**
 * The pool for Prisma's adapter and the units of work. A query issued inside a unit goes to the
 * unit's connection; outside one, to any connection as usual.
 */
export function createUnitPool(connectionString: string, max: number): pg.Pool & { own(): Promise<pg.PoolClient> } {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection dropped by the server (a restart) is replaced on the next checkout.
  pool.on("error", () => undefined);
  const query = pool.query.bind(pool) as (...a: unknown[]) => unknown;
  const connect = pool.connect.bind(pool) as (...a: unknown[]) => unknown;
  const openUnit = () => {
    const unit = current.getStore();
    return unit?.open ? unit : undefined;
  };
  Object.assign(pool, {
    query: (...args: unknown[]) => {
      const unit = openUnit();
      if (!unit) return query(...args);
      unit.flushForOrm();
      return (unit.client.query as (...a: unknown[]) => unknown)(...args);
    },
    connect: (...args: unknown[]) => {
      const unit = openUnit();
      return unit && typeof args[0] !== "function" ? nested(unit) : connect(...args);
    },
    own: () => connect() as Promise<pg.PoolClient>,
  });
  return pool as pg.Pool & { own(): Promise<pg.PoolClient> };
}

export interface PgUnitsOptions {
  attempts: number;
  isConflict: (err: unknown) => boolean;
}

/** Runs `fn` as one transaction on its own connection, again from the start after a conflict. */
export function createPgUnits<Tx>(
  pool: pg.Pool & { own(): Promise<pg.PoolClient> },
  bind: (driver: HotDriver) => Tx,
  opts: PgUnitsOptions,
): <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> {
  return async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.own();
      const unit = new Unit(client);
      let broken: Error | undefined;
      try {
        const value = await current.run(unit, () => settledHere(fn(bind(new PgDriver(unit)))));
        await unit.commit();
        return value;
      } catch (thrown) {
        // The first statement that failed is why everything after it failed ("transaction aborted").
        const err = unit.failed ?? thrown;
        try {
          await unit.rollback();
        } catch (e) {
          // The connection itself failed (the server restarted): it leaves the pool.
          broken = e instanceof Error ? e : new Error(String(e));
        }
        if (attempt < opts.attempts && opts.isConflict(err)) continue;
        throw err;
      } finally {
        client.release(broken);
      }
    }
  };
}

/**
 * The unit's result, awaited inside its context: a Prisma query is a lazy thenable that starts only
 * when `then` is called, and a unit that hands one back (`tx => tx.bots.list()`) would otherwise
 * have it start after the context was left, on another connection of the pool, outside the
 * transaction, and with every connection held by such a unit, waiting for one for ever.
 */
function settledHere<T>(result: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => result.then(resolve, reject));
}

/** SQLSTATE of "someone else got there first": unique violation, serialization failure, deadlock. */
const PG_CONFLICTS = new Set(["23505", "40001", "40P01"]);
export const isPgConflict = (err: unknown): boolean =>
  typeof err === "object" && err !== null && PG_CONFLICTS.has(String((err as { code?: unknown }).code));
