// Database tasks without the native Prisma engine:
//   generate         both Prisma clients (skipped when the schema has not changed)
//   create <name>    a new migration for SQLite and PostgreSQL, from the models alone (no database)
//   deploy           apply pending migrations to DATABASE_URL (the bot also does this at start)
//   status           exit 1 if migrations are pending, failed or edited
//   check            exit 1 if the models changed without a migration (CI runs it)
//   resolve --rolled-back <name>   recover from a failed migration (P3009)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import {
  createMigration,
  deployMigrations,
  markRolledBack,
  migrationStatus,
  pendingDiff,
  projectRoot,
  schemaFiles,
  joinSchema,
} from "../src/infra/prisma/migrate.ts";

const DEFAULT_URL = "file:./data/chibo.db";
const url = process.env.DATABASE_URL || DEFAULT_URL;
const [command, ...args] = process.argv.slice(2);

async function generate(): Promise<void> {
  const stampFile = path.join(projectRoot, "src/generated/.schema-hash");
  const prismaPkg = JSON.parse(readFileSync(path.join(projectRoot, "node_modules/prisma/package.json"), "utf8")) as { version: string };
  const hash = createHash("sha256")
    .update(prismaPkg.version)
    .update(joinSchema(await schemaFiles("sqlite")))
    .update(joinSchema(await schemaFiles("postgres")))
    .digest("hex");
  const complete = ["sqlite", "postgres"].every((p) => existsSync(path.join(projectRoot, `src/generated/${p}/client.ts`)));
  if (complete && existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) return;
  for (const provider of ["sqlite", "postgres"]) {
    const run = spawnSync(path.join(projectRoot, "node_modules/.bin/prisma"), ["generate"], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        DB_PROVIDER: provider,
        // Scoped to generate, which only checks that the file exists: see the stand-in's comment.
        PRISMA_SCHEMA_ENGINE_BINARY: path.join(projectRoot, "scripts/schema-engine-unavailable.sh"),
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
    });
    if (run.status !== 0) {
      process.stderr.write(run.stdout?.toString() ?? "");
      throw new Error(`prisma generate failed for ${provider}`);
    }
  }
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, hash);
  console.log("Prisma clients generated (sqlite, postgres).");
}

async function main(): Promise<number> {
  switch (command) {
    case "generate":
      await generate();
      return 0;
    case "create": {
      const name = args[0];
      if (!name) {
        console.error("usage: npm run db:create -- <name>");
        return 2;
      }
      const written = await createMigration(name);
      if (written.length === 0) console.log("The models match the last migration: nothing to create.");
      for (const dir of written) console.log(`created ${dir}/migration.sql — review it before committing`);
      return 0;
    }
    case "deploy": {
      const applied = await deployMigrations(url);
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "no pending migrations");
      return 0;
    }
    case "status": {
      const s = await migrationStatus(url);
      console.log(s.upToDate ? "database schema is up to date" : JSON.stringify(s, null, 2));
      return s.upToDate ? 0 : 1;
    }
    case "check": {
      let dirty = false;
      for (const provider of ["sqlite", "postgres"] as const) {
        const sql = await pendingDiff(provider);
        if (sql.trim()) {
          dirty = true;
          console.error(`prisma/models.prisma changed without a ${provider} migration. Run: npm run db:create -- <name>\n${sql}`);
        }
      }
      if (!dirty) console.log("migrations match the models (sqlite, postgres)");
      return dirty ? 1 : 0;
    }
    case "resolve": {
      const i = args.indexOf("--rolled-back");
      const name = i >= 0 ? args[i + 1] : undefined;
      if (!name) {
        console.error("usage: tsx scripts/db.ts resolve --rolled-back <migration name>");
        return 2;
      }
      await markRolledBack(url, name);
      console.log(`marked ${name} as rolled back`);
      return 0;
    }
    default:
      console.error("usage: tsx scripts/db.ts generate|create <name>|deploy|status|check|resolve --rolled-back <name>");
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
