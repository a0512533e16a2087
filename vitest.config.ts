import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file makes its own SQLite files and PostgreSQL databases, so files run in parallel.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A migration on PostgreSQL leaves the engine's 10 s advisory-lock timer behind; do not wait for it.
    teardownTimeout: 5_000,
  },
});
