// Before anything else touches the database: can DATABASE_URL be used at all? The schema engine and
// the driver adapters report a path that cannot be opened as "External error id#0" or a Rust trace;
// here the operator gets one line naming the variable, the file or server, and the system's reason.
import { closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { DatabaseUrlError, providerFromUrl, sqlitePath } from "./adapters.ts";

const PG_CONNECT_TIMEOUT_MS = 20_000;

export async function checkDatabaseUrl(url: string): Promise<void> {
  if (providerFromUrl(url) === "sqlite") await checkSqlite(sqlitePath(url));
  else await checkPostgres(url);
}

async function checkSqlite(file: string): Promise<void> {
  const dir = path.dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new DatabaseUrlError(`DATABASE_URL points to ${file}, whose folder ${dir} cannot be created: ${reason(err)}`);
  }
  try {
    // Opening for appending creates a missing file (SQLite takes an empty file as a new database)
    // and changes nothing in an existing one.
    closeSync(openSync(file, "a"));
  } catch (err) {
    throw new DatabaseUrlError(`DATABASE_URL points to ${file}, which cannot be created or opened: ${reason(err)}`);
  }
  const { default: Database } = await import("better-sqlite3");
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma("schema_version");
    } finally {
      db.close();
    }
  } catch (err) {
    throw new DatabaseUrlError(`DATABASE_URL points to ${file}, which cannot be used as an SQLite database: ${reason(err)}`);
  }
}

async function checkPostgres(url: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS });
  // A failed connection may also report on the client later: nothing more to say than the rejection.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw new DatabaseUrlError(`DATABASE_URL: cannot connect to PostgreSQL at ${serverOf(url)}: ${reason(err)}`);
  }
  await client.end().catch(() => undefined);
}

/** host:port/database, never the user or password. */
function serverOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || "localhost"}:${u.port || "5432"}${u.pathname || "/"}`;
  } catch {
    return "(an address that cannot be read)";
  }
}

/** The system's reason on one line (ENOENT: no such file or directory, open '/proc/x.db'). */
function reason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  const line = message.split("\n")[0]!.trim() || "unknown error";
  return typeof code === "string" && !line.includes(code) ? `${line} (${code})` : line;
}
