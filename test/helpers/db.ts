// Real databases for tests: a fresh SQLite file, or a fresh database on the PostgreSQL server on
// 127.0.0.1 (TEST_PG_URL names an admin connection; it defaults to the local `test` database).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { deployMigrations } from "../../src/infra/prisma/migrate.ts";
import { createPrismaStore, type PrismaStore } from "../../src/infra/prisma/store.ts";

export type DbKind = "sqlite" | "postgres";

/** Both databases unless TEST_DATABASES narrows it ("sqlite" for a quick run). */
export const DB_KINDS: DbKind[] = (process.env.TEST_DATABASES ?? "sqlite,postgres")
  .split(",")
  .map((s) => s.trim())
  .filter((s): s is DbKind => s === "sqlite" || s === "postgres");

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export interface TestDb {
  kind: DbKind;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDb(kind: DbKind): Promise<TestDb> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "chibo-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    await deployMigrations(url);
    return { kind, url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `chibo_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  await deployMigrations(url);
  return {
    kind,
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function createTestStore(kind: DbKind): Promise<{ store: PrismaStore; db: TestDb; close(): Promise<void> }> {
  const db = await createTestDb(kind);
  const store = await createPrismaStore(db.url);
  return {
    store,
    db,
    close: async () => {
      await store.close();
      await db.drop();
    },
  };
}

/** A store on a database that already exists (a restart, a second instance); closing it keeps the data. */
export async function openTestStore(url: string): Promise<{ store: PrismaStore; db: { url: string }; close(): Promise<void> }> {
  const store = await createPrismaStore(url);
  return { store, db: { url }, close: () => store.close() };
}
