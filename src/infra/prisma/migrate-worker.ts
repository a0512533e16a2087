// Runs the migrations in a worker thread: the schema engine is a large WebAssembly module that the
// bot needs for a second at start, and its memory is only given back when its thread ends.
import { parentPort, workerData } from "node:worker_threads";
import { deployMigrations } from "./migrate.ts";

const { url } = workerData as { url: string };
deployMigrations(url).then(
  (applied) => parentPort?.postMessage({ ok: true, applied }),
  (err: unknown) => parentPort?.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
);
