// Used only by `prisma generate` (npm run db:generate runs it once per provider).
// Migrations do not go through the Prisma CLI here: see src/infra/prisma/migrate.ts.
import path from "node:path";
import { defineConfig } from "prisma/config";

const provider = process.env.DB_PROVIDER === "postgres" ? "postgres" : "sqlite";

export default defineConfig({
  schema: path.join("prisma", provider),
  migrations: { path: path.join("prisma", provider, "migrations") },
});
