// Units of work on SQLite, committed in groups. Every commit writes the changed pages to the WAL
// (~150 µs each, the largest single cost of an update); units that are waiting anyway (SQLite has
// one writer) share one BEGIN … COMMIT, each in its own savepoint, so one that fails rolls back
// alone. A unit's promise settles only after the COMMIT that made it durable.
import type { Tx } from "../../../core/ports/store.ts";
import type { SqliteDriver } from "./sqlite.ts";

interface Unit {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface SqliteUnitsOptions {
  /** A unit of work that fails with a conflict is run again, up to this many times in all. */
  attempts: number;
  isConflict: (err: unknown) => boolean;
  /** Units per commit at most, so a long queue still commits regularly. */
  maxBatch?: number;
}

export function createSqliteUnits(conn: SqliteDriver, bind: () => Tx, opts: SqliteUnitsOptions): <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> {
  const maxBatch = opts.maxBatch ?? 64;
  const queue: Unit[] = [];
  let running = false;

  const quietly = (sql: string) => {
    try {
      conn.runSync(sql);
    } catch {
      // SQLite already ended the transaction or savepoint on its own (some errors do).
    }
  };

  async function runUnit(unit: Unit): Promise<Outcome> {
    for (let attempt = 1; ; attempt++) {
      conn.runSync("SAVEPOINT unit");
      try {
        const value = await unit.fn(bind());
        conn.runSync("RELEASE unit");
        return { ok: true, value };
      } catch (error) {
        quietly("ROLLBACK TO unit");
        quietly("RELEASE unit");
        if (attempt < opts.attempts && opts.isConflict(error)) continue;
        return { ok: false, error };
      }
    }
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      while (queue.length) {
        const batch = queue.splice(0, maxBatch);
        const outcomes: Outcome[] = [];
        try {
          conn.runSync("BEGIN IMMEDIATE");
          conn.inTransaction = true;
          for (const unit of batch) outcomes.push(await runUnit(unit));
          conn.inTransaction = false;
          conn.runSync("COMMIT");
        } catch (err) {
          // The commit itself failed: none of the batch is durable.
          conn.inTransaction = false;
          quietly("ROLLBACK");
          for (const unit of batch) unit.reject(err);
          continue;
        }
        batch.forEach((unit, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) unit.resolve(outcome.value);
          else unit.reject(outcome.error);
        });
      }
    } finally {
      running = false;
    }
  }

  return <T>(fn: (tx: Tx) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!running) void drain();
    });
}
