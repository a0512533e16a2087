// Where the project's files are, whether running from src/ (tsx) or dist/ (compiled), and where the
// bot keeps what it writes: beside the SQLite database, so a test database or a second install in
// another folder never writes into this one's data/ (or FILES_DIR, when set).
import path from "node:path";
import { providerFromUrl, sqlitePath } from "./prisma/adapters.ts";
import { projectRoot } from "./prisma/migrate.ts";

export const localesDir = path.join(projectRoot, "locales");
export { projectRoot };

/** The folder of the SQLite database; ./data for PostgreSQL (relative to the working directory, like DATABASE_URL). */
export function dataDir(databaseUrl: string): string {
  if (providerFromUrl(databaseUrl) === "sqlite" && !databaseUrl.includes(":memory:")) return path.dirname(sqlitePath(databaseUrl));
  return path.resolve("data");
}

/** Files the bot hands out (exports, the year-end draft, /dulieu): FILES_DIR, or "files" beside the database. */
export function filesDir(config: { DATABASE_URL: string; FILES_DIR?: string | undefined }): string {
  return config.FILES_DIR ? path.resolve(config.FILES_DIR) : path.join(dataDir(config.DATABASE_URL), "files");
}
