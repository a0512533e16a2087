// A DATABASE_URL that cannot be used stops start-up with one line naming the variable, the file or
// server, and the system's reason — not the schema engine's "External error id#0".
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/infra/paths.ts";
import { checkDatabaseUrl } from "../../src/infra/prisma/preflight.ts";
import { PG_ADMIN_URL } from "../helpers/db.ts";

const dir = mkdtempSync(path.join(tmpdir(), "chibo-dburl-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bot as deployed with this DATABASE_URL; resolves with its exit code and what it printed. */
function start(url: string): Promise<{ code: number | null; stderr: string }> {
  const { PATH, HOME } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: projectRoot, env: { PATH, HOME, DATABASE_URL: url }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stderr })));
}

describe("a DATABASE_URL that cannot be used", () => {
  it("a file that cannot be created: one line with the variable, the path and the system's reason", async () => {
    const { code, stderr } = await start("file:/proc/chibo-cannot-be-here.db");
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("DATABASE_URL");
    expect(lines[0]).toContain("/proc/chibo-cannot-be-here.db");
    expect(lines[0]).toMatch(/cannot be created or opened: E[A-Z]+/);
    expect(stderr).not.toContain("External error");
  }, 60_000);

  it("names the folder that cannot be made, and a file that is not a database", async () => {
    const plain = path.join(dir, "plain.txt");
    writeFileSync(plain, "not a database, just words that are long enough to fill a header page\n".repeat(20));
    await expect(checkDatabaseUrl(`file:${path.join(plain, "x.db")}`)).rejects.toThrow(/^DATABASE_URL points to .*x\.db, whose folder .*plain\.txt cannot be created: E[A-Z]+/);
    await expect(checkDatabaseUrl(`file:${plain}`)).rejects.toThrow(/^DATABASE_URL points to .*plain\.txt, which cannot be used as an SQLite database: file is not a database/);
    await expect(checkDatabaseUrl(`file:${dir}`)).rejects.toThrow(/^DATABASE_URL points to .*, which cannot be created or opened: EISDIR/);
  });

  it("a new file in a new folder is fine", async () => {
    await expect(checkDatabaseUrl(`file:${path.join(dir, "new", "folder", "chibo.db")}`)).resolves.toBeUndefined();
  });

  it("a PostgreSQL server that does not answer, or a database that does not exist: named, without the password", async () => {
    await expect(checkDatabaseUrl("postgresql://someone:pa55word@127.0.0.1:1/chibo")).rejects.toThrow(/^DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/chibo: .*ECONNREFUSED/);
    const missing = new URL(PG_ADMIN_URL);
    missing.pathname = "/chibo_no_such_database";
    missing.password = "pa55word";
    const err = await checkDatabaseUrl(missing.toString()).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^DATABASE_URL: cannot connect to PostgreSQL at .*\/chibo_no_such_database: /);
    expect((err as Error).message).not.toContain("pa55word");
    await expect(checkDatabaseUrl(PG_ADMIN_URL)).resolves.toBeUndefined();
  });
});
