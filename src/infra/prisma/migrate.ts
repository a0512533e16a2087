// Prisma migrations without the native schema engine, which cannot be downloaded here.
// We drive the official Wasm schema engine with the official driver adapters and use only the calls
// that work on both databases: a pure diff between datamodels (to create migrations) and
// applyMigrations / diagnoseMigrationHistory (the code behind `prisma migrate deploy` / `status`).
// Migrations keep Prisma's standard folder layout and `_prisma_migrations` table, so the official CLI
// can take over wherever its engine can run. See the README, "Database".
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { adapterFactory, memorySqliteFactory, providerFromUrl, sqlitePath, type Provider } from "./adapters.ts";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export { adapterFactory, providerFromUrl, sqlitePath, type Provider } from "./adapters.ts";

export class MigrationError extends Error {
  readonly code = "MIGRATION_FAILED";
}

/** The project root: the nearest folder above this file with a package.json (src/ or dist/src/ alike). */
export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const prismaDir = path.join(projectRoot, "prisma");
const SNAPSHOT = "schema.prisma.snapshot";
const LOCKFILE = "migration_lock.toml";

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "prisma"))) return dir;
    if (path.dirname(dir) === dir) throw new MigrationError(`no project folder above ${start}`);
  }
}

export function migrationsDir(provider: Provider, dir = prismaDir): string {
  return path.join(dir, provider, "migrations");
}

/** The schema files of one provider: its header plus the shared models. */
export async function schemaFiles(provider: Provider, root = prismaDir): Promise<Array<{ path: string; content: string }>> {
  const dir = path.join(root, provider);
  const names = (await readdir(dir)).filter((n) => n.endsWith(".prisma")).sort();
  return Promise.all(names.map(async (n) => ({ path: path.join(dir, n), content: await readFile(path.join(dir, n), "utf8") })));
}

/** What a snapshot holds: the schema files joined, so the next diff can start from it. */
export function joinSchema(files: Array<{ content: string }>): string {
  return files.map((f) => f.content.trimEnd()).join("\n\n") + "\n";
}

interface MigrationDirInfo {
  name: string;
  dir: string;
  sql: string;
}

export async function listMigrations(provider: Provider, root = prismaDir): Promise<MigrationDirInfo[]> {
  const base = migrationsDir(provider, root);
  if (!existsSync(base)) return [];
  const entries = await readdir(base, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    dirs.map(async (name) => ({
      name,
      dir: path.join(base, name),
      sql: await readFile(path.join(base, name, "migration.sql"), "utf8"),
    })),
  );
}

async function lastSnapshot(provider: Provider, root: string): Promise<string | null> {
  const all = await listMigrations(provider, root);
  const last = all.at(-1);
  if (!last) return null;
  const file = path.join(last.dir, SNAPSHOT);
  if (!existsSync(file)) throw new MigrationError(`${path.relative(projectRoot, file)} is missing: the next diff has no starting point`);
  return readFile(file, "utf8");
}

// ---- the Wasm engine ---------------------------------------------------------------------------

type EngineRuntime = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
type Engine = Awaited<ReturnType<EngineRuntime["SchemaEngine"]["new"]>>;
let runtimePromise: Promise<EngineRuntime> | undefined;

// Node has WebAssembly; the ES library typings this project compiles against do not declare it.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: unknown };
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

// Node 20 cannot `import` a .wasm file, so instantiate it the way @prisma/internals does.
function loadRuntime(): Promise<EngineRuntime> {
  runtimePromise ??= (async () => {
    const runtime = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmFile = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const module = new Wasm.Module(await readFile(wasmFile));
    const instance = new Wasm.Instance(module, { "./schema_engine_bg.js": runtime });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    runtime.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return runtime;
  })();
  return runtimePromise;
}

/** Runs `fn` with an engine bound to the database (or to a throwaway in-memory SQLite for pure diffs). */
async function withEngine<T>(provider: Provider, url: string | null, root: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const runtime = await loadRuntime();
  const raw = url ? await adapterFactory(url) : await offlineFactory(provider);
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: raw.provider,
    adapterName: raw.adapterName,
    connect: async () => {
      const a = await raw.connect();
      opened.push(a);
      return a;
    },
    connectToShadowDb: async () => {
      throw new MigrationError("a shadow database is not used by this project's migration tool");
    },
  };
  const files = await schemaFiles(provider, root);
  const engine = await runtime.SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content]) },
    (log: string) => {
      if (process.env.DEBUG_SCHEMA_ENGINE) process.stderr.write(`${log}\n`);
    },
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((a) => a.dispose()));
  }
}

/**
 * A pure diff needs no database, but the engine still wants an adapter of the right provider.
 * For PostgreSQL it runs exactly one probe query when it starts, which we answer here.
 */
async function offlineFactory(provider: Provider): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (provider === "sqlite") return memorySqliteFactory();
  const fail = async (): Promise<never> => {
    throw new MigrationError("the offline PostgreSQL adapter only serves diffs");
  };
  const adapter = {
    provider: "postgres" as const,
    adapterName: "offline-postgres",
    async queryRaw(q: { sql: string }) {
      if (!q.sql.includes("FROM pg_namespace")) return fail();
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [5, 7, 0],
        rows: [[true, "PostgreSQL 15.0 on x86_64-pc-linux-gnu, offline diff", 150000]],
      };
    },
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    getConnectionInfo: () => ({ supportsRelationJoins: true, schemaName: "public" }),
    dispose: async () => {},
  };
  return {
    provider: "postgres",
    adapterName: "offline-postgres",
    connect: async () => adapter as unknown as SqlDriverAdapter,
    connectToShadowDb: fail,
  };
}

const filters = { externalTables: [] as string[], externalEnums: [] as string[] };

async function migrationsList(provider: Provider, root: string) {
  const base = migrationsDir(provider, root);
  const lockPath = path.join(base, LOCKFILE);
  const lock = existsSync(lockPath) ? await readFile(lockPath, "utf8") : null;
  const all = await listMigrations(provider, root);
  return {
    baseDir: base,
    lockfile: { path: LOCKFILE, content: lock },
    shadowDbInitScript: "",
    // Paths are relative to baseDir: the engine stores them as the migration's name.
    migrationDirectories: all.map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: m.sql } },
    })),
  };
}

// ---- the commands ------------------------------------------------------------------------------

/** The SQL that takes the last migration's schema to the current one ("" when nothing changed). */
export async function pendingDiff(provider: Provider, root = prismaDir): Promise<string> {
  const snapshot = await lastSnapshot(provider, root);
  const files = await schemaFiles(provider, root);
  return withEngine(provider, null, root, async (engine) => {
    const from = snapshot === null ? { tag: "empty" as const } : { tag: "schemaDatamodel" as const, files: [{ path: "snapshot.prisma", content: snapshot }] };
    const to = { tag: "schemaDatamodel" as const, files: files.map((f) => ({ path: f.path, content: f.content })) };
    const result = await engine.diff({ from, to, script: true, exitCode: true, filters });
    if (result.exitCode === 0) return "";
    const sql = (result as unknown as { stdout?: string }).stdout;
    if (typeof sql !== "string") throw new MigrationError("the schema engine returned a diff without SQL");
    return sql;
  });
}

/** Writes `<timestamp>_<name>` for both providers; returns the folders written (none when nothing changed). */
export async function createMigration(name: string, now = new Date(), root = prismaDir): Promise<string[]> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new MigrationError("a migration name is lowercase letters, digits and _ (for example add_invites)");
  const stamp = now.toISOString().replace(/[-:TZ]/g, "").slice(0, 14);
  const written: string[] = [];
  for (const provider of ["sqlite", "postgres"] as const) {
    let sql = await pendingDiff(provider, root);
    if (!sql.trim()) continue;
    const first = (await listMigrations(provider, root)).length === 0;
    // A diff from empty creates the "public" schema; that needs CREATE on the database, which a
    // least-privilege role lacks, and native `migrate dev` leaves it out as well.
    if (provider === "postgres" && first) sql = sql.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n?/m, "");
    const dir = path.join(migrationsDir(provider, root), `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    await writeFile(path.join(dir, SNAPSHOT), joinSchema(await schemaFiles(provider, root)));
    const lock = path.join(migrationsDir(provider, root), LOCKFILE);
    const lockProvider = provider === "postgres" ? "postgresql" : "sqlite";
    await writeFile(lock, `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${lockProvider}"\n`);
    written.push(path.relative(root === prismaDir ? projectRoot : root, dir));
  }
  return written;
}

/** Applies pending migrations, exactly like `prisma migrate deploy`. Returns the names applied. */
export async function deployMigrations(url: string, root = prismaDir): Promise<string[]> {
  const provider = providerFromUrl(url);
  const list = await migrationsList(provider, root);
  if (list.migrationDirectories.length === 0) throw new MigrationError(`no migrations in ${path.relative(projectRoot, list.baseDir)}`);
  return withEngine(provider, url, root, async (engine) => {
    try {
      const out = await engine.applyMigrations({ migrationsList: list, filters });
      return out.appliedMigrationNames;
    } catch (err) {
      throw new MigrationError(`migrations could not be applied: ${errorText(err)}`, { cause: err });
    }
  });
}

export interface MigrationStatus {
  upToDate: boolean;
  pending: string[];
  failed: string[];
  edited: string[];
  details: string;
}

export async function migrationStatus(url: string, root = prismaDir): Promise<MigrationStatus> {
  const provider = providerFromUrl(url);
  const list = await migrationsList(provider, root);
  return withEngine(provider, url, root, async (engine) => {
    const d = await engine.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters });
    const history = d.history as { diagnostic?: string; unappliedMigrationNames?: string[] } | null;
    const pending = history?.unappliedMigrationNames ?? (d.hasMigrationsTable ? [] : list.migrationDirectories.map((m) => m.path));
    return {
      upToDate: history === null && d.failedMigrationNames.length === 0 && d.editedMigrationNames.length === 0 && d.hasMigrationsTable,
      pending,
      failed: d.failedMigrationNames,
      edited: d.editedMigrationNames,
      details: history?.diagnostic ?? (d.hasMigrationsTable ? "in sync" : "no _prisma_migrations table yet"),
    };
  });
}

/** Marks a failed migration rolled back (P3009 recovery), like `prisma migrate resolve --rolled-back`. */
export async function markRolledBack(url: string, name: string, root = prismaDir): Promise<void> {
  const provider = providerFromUrl(url);
  await withEngine(provider, url, root, (engine) => engine.markMigrationRolledBack({ migrationName: name }));
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === "object" && err && "message" in err) return String((err as { message: unknown }).message);
  return String(err);
}

/**
 * deployMigrations in a worker thread, so the schema engine's memory (tens of MB) is returned once
 * it is done. Where a worker cannot load this project's code (a test runner with its own module
 * loader), the migrations run in this thread instead.
 */
export async function deployMigrationsIsolated(url: string): Promise<string[]> {
  // Nearly every start finds the database up to date: then the engine is not needed at all.
  if (await allApplied(url)) return [];
  const { Worker } = await import("node:worker_threads");
  const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const outcome = await new Promise<{ ok: true; applied: string[] } | { ok: false; message: string } | null>((resolve) => {
    let worker: InstanceType<typeof Worker>;
    try {
      worker = new Worker(new URL(`./migrate-worker${ext}`, import.meta.url), { workerData: { url } });
    } catch {
      return resolve(null);
    }
    worker.once("message", (m: { ok: true; applied: string[] } | { ok: false; message: string }) => {
      resolve(m);
      // PostgreSQL leaves an advisory-lock timer behind in the engine: end the thread now.
      void worker.terminate();
    });
    worker.once("error", () => resolve(null));
    worker.once("exit", () => resolve(null));
  });
  if (outcome === null) return deployMigrations(url);
  if (!outcome.ok) throw new MigrationError(outcome.message);
  return outcome.applied;
}

/**
 * True when `_prisma_migrations` lists every local migration as finished with the same checksum
 * (what `migrate deploy` would find with nothing to do). Anything else, or any doubt, is false and
 * the schema engine decides.
 */
export async function allApplied(url: string, root = prismaDir): Promise<boolean> {
  const provider = providerFromUrl(url);
  const local = await listMigrations(provider, root);
  type Row = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };
  let rows: Row[];
  const sql = `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`;
  try {
    if (provider === "sqlite") {
      const file = sqlitePath(url);
      if (!existsSync(file)) return false;
      const { default: Database } = await import("better-sqlite3");
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        rows = db.prepare(sql).all() as Row[];
      } finally {
        db.close();
      }
    } else {
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        rows = (await client.query<Row>(sql)).rows;
      } finally {
        await client.end();
      }
    }
  } catch {
    return false;
  }
  const done = new Map(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
  if (rows.some((r) => r.finished_at === null && r.rolled_back_at === null)) return false;
  return local.every((m) => done.get(m.name) === createHash("sha256").update(m.sql).digest("hex"));
}
