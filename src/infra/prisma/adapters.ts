// Which database a URL names, and its Prisma driver adapter. The adapters are loaded on demand: a
// SQLite installation never needs the PostgreSQL driver in memory, nor the other way round.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export type Provider = "sqlite" | "postgres";

export class DatabaseUrlError extends Error {
  readonly code = "CONFIG_INVALID";
}

export function providerFromUrl(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new DatabaseUrlError(`DATABASE_URL must start with file: or postgresql:// (got "${url.split(":")[0]}:")`);
}

/** `file:./data/chibo.db` → an absolute path, relative to the working directory like Prisma does. */
export function sqlitePath(url: string): string {
  const p = url.slice("file:".length).split("?")[0] ?? "";
  return path.resolve(p);
}

/** The driver adapter factory for a URL; SQLite's folder is created so the first start just works. */
export async function adapterFactory(url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (providerFromUrl(url) === "sqlite") {
    const file = sqlitePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSqlite3({ url: `file:${file}` });
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  return new PrismaPg({ connectionString: url });
}

/** An in-memory SQLite adapter (pure migration diffs need one of the right provider). */
export async function memorySqliteFactory(): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  return new PrismaBetterSqlite3({ url: ":memory:" });
}
