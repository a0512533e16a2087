// /healthz: the database answers, how much the outbox holds, and whether the scheduler ticks. A
// health check is called often (load balancers, monitors) and by anyone: its answer is computed at
// most once every few seconds, so a flood of calls never queues up behind the bot's own writes.
import type { Clock } from "../../core/ports/runtime.ts";
import type { Store } from "../../core/ports/store.ts";

export interface Health {
  ok: boolean;
  database: "up" | "down";
  outbox: { pending: number; due: number; failed: number } | null;
  lastTickAt: string | null;
}

/** Ticks come every minute; three missed ones mean the scheduler is stuck. */
export const TICK_STALE_MS = 3 * 60_000;
/** How long one answer serves every caller. */
export const HEALTH_CACHE_MS = 5_000;

export async function healthOf(store: Store, clock: Clock, lastTickAt: Date | null): Promise<Health> {
  const now = clock.now();
  let database: Health["database"] = "up";
  let outbox: Health["outbox"] = null;
  try {
    await store.ping();
    outbox = await store.tx((tx) => tx.outbox.backlog(now));
  } catch {
    database = "down";
  }
  const schedulerOk = lastTickAt !== null && now.getTime() - lastTickAt.getTime() < TICK_STALE_MS;
  return { ok: database === "up" && schedulerOk, database, outbox, lastTickAt: lastTickAt?.toISOString() ?? null };
}

/** healthOf, computed at most once per `ttlMs` (real time); callers meanwhile share the answer in flight. */
export function cachedHealth(compute: () => Promise<Health>, ttlMs = HEALTH_CACHE_MS): () => Promise<Health> {
  let last: { at: number; value: Promise<Health> } | null = null;
  return () => {
    const now = performance.now();
    if (!last || now - last.at >= ttlMs) last = { at: now, value: compute() };
    return last.value;
  };
}
