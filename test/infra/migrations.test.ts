// Migrations without the native Prisma engine: the models and the committed migrations agree, a
// model change without a migration is detected, and deploy writes Prisma's own bookkeeping.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { allApplied, createMigration, deployMigrations, listMigrations, migrationStatus, pendingDiff, prismaDir } from "../../src/infra/prisma/migrate.ts";
import { projectRoot } from "../../src/infra/paths.ts";
import { createTestDb, DB_KINDS } from "../helpers/db.ts";

const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of prisma/ whose provider folders hold real files instead of links to the models. */
function copyPrisma(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "chibo-prisma-"));
  temp.push(dir);
  cpSync(prismaDir, dir, { recursive: true });
  // Each database's models.prisma links to the shared one. Tests write these copies, so they must be
  // files of their own: a copied link points at the project's file (Node 24 keeps links even with
  // `dereference`), and writing through it would change the real schema.
  for (const p of ["sqlite", "postgres"]) {
    const file = path.join(dir, p, "models.prisma");
    rmSync(file, { force: true });
    writeFileSync(file, readFileSync(path.join(prismaDir, "models.prisma")));
  }
  return dir;
}

describe("migrations", () => {
  it("the committed migrations match the models for both databases", async () => {
    expect(await pendingDiff("sqlite")).toBe("");
    expect(await pendingDiff("postgres")).toBe("");
  });

  it("a model change without a migration is detected, and db:create fixes it for both databases", async () => {
    const dir = copyPrisma();
    const models = readFileSync(path.join(dir, "models.prisma"), "utf8").replace("  fullName          String", "  fullName          String\n  nickname          String?");
    for (const p of ["sqlite", "postgres"]) writeFileSync(path.join(dir, p, "models.prisma"), models);
    expect(await pendingDiff("sqlite", dir)).toContain('ADD COLUMN "nickname" TEXT');
    expect(await pendingDiff("postgres", dir)).toContain('ADD COLUMN     "nickname" TEXT');
    const written = await createMigration("add_nickname", new Date("2030-01-01T00:00:00Z"), dir);
    expect(written).toHaveLength(2);
    expect(await pendingDiff("sqlite", dir)).toBe("");
    expect(await pendingDiff("postgres", dir)).toBe("");
    expect((await listMigrations("sqlite", dir)).at(-1)?.name).toBe("20300101000000_add_nickname");
  });

  it("db:check exits non-zero when the models changed without a migration", () => {
    const original = readFileSync(path.join(prismaDir, "models.prisma"), "utf8");
    // Work on a copy of the project's prisma folder through the CLI's own entry point.
    const dir = copyPrisma();
    writeFileSync(path.join(dir, "sqlite", "models.prisma"), original.replace("model Branch {", "model Extra {\n  id String @id\n}\n\nmodel Branch {"));
    writeFileSync(path.join(dir, "postgres", "models.prisma"), original);
    const script = `import { pendingDiff } from ${JSON.stringify(path.join(projectRoot, "src/infra/prisma/migrate.ts"))};
      const sql = await pendingDiff("sqlite", ${JSON.stringify(dir)}); process.exit(sql.trim() ? 1 : 0);`;
    const file = path.join(dir, "check.mts");
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, ["--import", "tsx", file], { cwd: projectRoot, encoding: "utf8" });
    expect(run.status).toBe(1);
    const clean = spawnSync(process.execPath, ["--import", "tsx", "scripts/db.ts", "check"], { cwd: projectRoot, encoding: "utf8" });
    expect(clean.stdout + clean.stderr).toContain("migrations match the models");
    expect(clean.status).toBe(0);
  });

  it("the first PostgreSQL migration does not create the public schema (least-privilege roles)", async () => {
    const [first] = await listMigrations("postgres");
    expect(first!.sql).not.toContain("CREATE SCHEMA");
  });

  it("the stand-in for the native schema engine fails loudly if anything runs it", () => {
    const run = spawnSync(path.join(projectRoot, "scripts/schema-engine-unavailable.sh"), [], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("not installed");
  });

  it.each(DB_KINDS)("deploy on %s writes _prisma_migrations like prisma migrate deploy, and is idempotent", async (kind) => {
    const db = await createTestDb(kind);
    try {
      const status = await migrationStatus(db.url);
      expect(status.upToDate).toBe(true);
      expect(await deployMigrations(db.url)).toEqual([]);
      const provider = kind;
      const [first] = await listMigrations(provider);
      const expected = createHash("sha256").update(first!.sql).digest("hex");
      if (kind === "sqlite") {
        const file = db.url.slice("file:".length);
        const sqlite = new Database(file, { readonly: true });
        const rows = sqlite.prepare('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"').all() as Array<{ migration_name: string; checksum: string; finished_at: string | null }>;
        sqlite.close();
        expect(rows[0]).toMatchObject({ migration_name: first!.name, checksum: expected });
        expect(rows[0]!.finished_at).not.toBeNull();
      }
    } finally {
      await db.drop();
    }
  });

  it("a fresh SQLite file in a folder that does not exist yet is created on first deploy", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chibo-fresh-"));
    temp.push(dir);
    const url = `file:${path.join(dir, "nested", "data", "chibo.db")}`;
    expect((await deployMigrations(url)).length).toBeGreaterThan(0);
    expect(readdirSync(path.join(dir, "nested", "data"))).toContain("chibo.db");
    for (const f of readdirSync(path.join(dir, "nested", "data"))) if (f.endsWith("-wal") || f.endsWith("-shm")) unlinkSync(path.join(dir, "nested", "data", f));
  });
});

describe.each(DB_KINDS)("start-up check on %s", (kind) => {
  it("knows when nothing is pending without loading the schema engine, and notices an edited migration", async () => {
    const db = await createTestDb(kind);
    try {
      expect(await allApplied(db.url)).toBe(true);
      const dir = copyPrisma();
      const [first] = await listMigrations(kind, dir);
      writeFileSync(path.join(first!.dir, "migration.sql"), `${first!.sql}\n-- edited\n`);
      expect(await allApplied(db.url, dir)).toBe(false);
    } finally {
      await db.drop();
    }
  });
  it("says no for a database that does not exist yet", async () => {
    expect(await allApplied(kind === "sqlite" ? `file:${path.join(tmpdir(), "chibo-none", "x.db")}` : "postgresql://postgres@127.0.0.1:5432/chibo_does_not_exist")).toBe(false);
  });
});
