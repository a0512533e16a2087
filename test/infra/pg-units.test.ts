// Units of work on PostgreSQL send their statements in as few round trips as they can: statements
// asked for together go together, BEGIN with the first of them, writes nobody waits for with what
// follows or with COMMIT. These tests hold a unit to that, and to what must not change: results in
// order, a failed write failing its unit with its own error, a conflict retrying the unit.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HotDriver } from "../../src/infra/prisma/hot/driver.ts";
import { createPgUnits, createUnitPool, isPgConflict } from "../../src/infra/prisma/hot/pg.ts";
import { DB_KINDS, createTestDb, type TestDb } from "../helpers/db.ts";

describe.skipIf(!DB_KINDS.includes("postgres"))("units of work on PostgreSQL", () => {
  let db: TestDb;
  let pool: ReturnType<typeof createUnitPool>;
  let unit: <T>(fn: (d: HotDriver) => Promise<T>) => Promise<T>;
  /** What each connection was given to send: one entry per round trip. */
  const trips: string[][] = [];

  beforeAll(async () => {
    db = await createTestDb("postgres");
    pool = createUnitPool(db.url, 2);
    pool.on("connect", (client: pg.PoolClient) => {
      const query = client.query.bind(client) as (...a: unknown[]) => unknown;
      (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const q = args[0] as { statements?: { text: string }[]; text?: string } | string;
        trips.push(typeof q === "string" ? [q] : q.statements ? q.statements.map((s) => s.text) : [q.text ?? "?"]);
        return query(...args);
      };
    });
    unit = createPgUnits(pool, (d) => d, { attempts: 3, isConflict: isPgConflict });
    await pool.query(`CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)`);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const counted = async <T>(fn: () => Promise<T>): Promise<{ value: T; sent: string[][] }> => {
    trips.length = 0;
    const value = await fn();
    return { value, sent: [...trips] };
  };

  it("sends statements asked together in one trip with BEGIN, and the last writes with COMMIT", async () => {
    const { value, sent } = await counted(() =>
      unit(async (d) => {
        const [inserted, rows] = await Promise.all([
          d.run(`INSERT INTO note (id, body) VALUES (?, ?)`, [1, "Họp chi bộ tháng 12"]),
          d.all<{ n: string }>(`SELECT count(*) AS n FROM note`),
        ]);
        await d.write(`INSERT INTO note (id, body) VALUES (?, ?)`, [2, "Đăng ký làm theo gương Bác"]);
        await d.write(`UPDATE note SET body = body || ? WHERE id = ?`, [" (đã sửa)", 1]);
        return { inserted, count: Number(rows[0]!.n) };
      }),
    );
    expect(value).toEqual({ inserted: 1, count: 1 });
    expect(sent).toEqual([
      ["BEGIN", "INSERT INTO note (id, body) VALUES ($1, $2)", "SELECT count(*) AS n FROM note"],
      ["INSERT INTO note (id, body) VALUES ($1, $2)", "UPDATE note SET body = body || $1 WHERE id = $2", "COMMIT"],
    ]);
    expect((await pool.query(`SELECT body FROM note ORDER BY id`)).rows.map((r) => r.body)).toEqual(["Họp chi bộ tháng 12 (đã sửa)", "Đăng ký làm theo gương Bác"]);
  });

  it("sends nothing for a unit that ran no statement", async () => {
    const { sent } = await counted(() => unit(async () => "nothing"));
    expect(sent).toEqual([]);
  });

  it("lets a statement read what a queued write wrote, the ORM's own queries included", async () => {
    await unit(async (d) => {
      await d.write(`INSERT INTO note (id, body) VALUES (?, ?)`, [3, "Tự đánh giá"]);
      // A query outside the hot path (as the ORM sends them) on the unit's connection.
      const viaPool = await pool.query(`SELECT body FROM note WHERE id = 3`);
      expect(viaPool.rows).toEqual([{ body: "Tự đánh giá" }]);
      await d.write(`DELETE FROM note WHERE id = ?`, [3]);
      expect(await d.all(`SELECT * FROM note WHERE id = ?`, [3])).toEqual([]);
    });
  });

  it("fails a unit with the error of a queued write, keeping nothing of it", async () => {
    const attempt = unit(async (d) => {
      await d.write(`INSERT INTO note (id, body) VALUES (?, ?)`, [10, "giữ lại?"]);
      await d.write(`INSERT INTO note (id, body) VALUES (?, ?)`, [11, null]); // NOT NULL
      return "committed";
    });
    await expect(attempt).rejects.toMatchObject({ code: "23502" });
    expect((await pool.query(`SELECT count(*)::int AS n FROM note WHERE id IN (10, 11)`)).rows[0].n).toBe(0);
    // The connection is fine afterwards.
    expect(await unit((d) => d.all(`SELECT 1 AS one`))).toEqual([{ one: 1 }]);
  });

  it("answers the statements before a failed one and refuses those after it", async () => {
    let outcomes: unknown[] = [];
    const ended = await unit(async (d) => {
      const results = await Promise.allSettled([
        d.all<{ id: number }>(`SELECT id FROM note WHERE id = ?`, [2]),
        d.run(`INSERT INTO note (id, body) VALUES (?, ?)`, [2, "trùng"]),
        d.all(`SELECT 1 AS one`),
      ]);
      outcomes = results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as { code?: string }).code));
      return "swallowed"; // the error was caught: the unit must still not commit
    }).catch((err: { code?: string }) => err.code);
    expect(outcomes).toEqual([[{ id: 2 }], "23505", "23505"]);
    // A duplicate key is a conflict: the unit ran again, failed again, and its error came out.
    expect(ended).toBe("23505");
  });

  it("runs a unit again from the start when a queued write meets a conflict", async () => {
    let attempts = 0;
    const value = await unit(async (d) => {
      attempts++;
      const id = attempts === 1 ? 2 : 20; // 2 is taken: a unique violation, found at COMMIT
      await d.write(`INSERT INTO note (id, body) VALUES (?, ?)`, [id, "lần " + attempts]);
      return attempts;
    });
    expect(value).toBe(2);
    expect((await pool.query(`SELECT body FROM note WHERE id = 20`)).rows).toEqual([{ body: "lần 2" }]);
  });

  it("refuses a statement issued after its unit ended", async () => {
    let late: HotDriver | null = null;
    await unit(async (d) => {
      late = d;
    });
    await expect(late!.all(`SELECT 1`)).rejects.toThrow(/after its unit of work had ended/);
  });
});
