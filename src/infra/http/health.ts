// /healthz: the database answers, how much the outbox holds, and whether the scheduler ticks.
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
