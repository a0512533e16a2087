import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file makes its own SQLite files and PostgreSQL databases, so files run in parallel.
    pool: "forks",
    // Most of a test's time is spent waiting on a database, a child process or a loopback server, so
    // three files at once keep two cores busy (vitest's default here would be one file at a time).
    maxWorkers: Number(process.env.TEST_WORKERS ?? 3),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A migration on PostgreSQL leaves the engine's 10 s advisory-lock timer behind; do not wait for it.
    teardownTimeout: 5_000,
  },
});
