// Long polling for development and small installs: one getUpdates at a time, one update per call,
// each handled before the next poll. Zalo documents no offset: an update taken off Zalo's queue is
// ours to keep, so while the database is down it is tried again (backing off) until it can be
// recorded; only one that keeps failing while the database answers is given up, and logged.
import type { Logger } from "../../core/index.ts";
import { ZaloApiError, type ZaloUpdate } from "./client.ts";

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 2_000, maxMs: 60_000 };
const HANDLE_ATTEMPTS = 5;

export interface RetryContext {
  signal: AbortSignal;
  backoff: Backoff;
  log: Logger;
}

export function backoffDelay(failures: number, b: Backoff): number {
  const exp = Math.min(b.maxMs, b.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exp * (0.8 + Math.random() * 0.4));
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Calls `fn` until it succeeds, backing off between failures; undefined once `signal` aborts. */
export async function retryUntil<T>(what: string, fn: () => Promise<T>, ctx: RetryContext): Promise<T | undefined> {
  for (let failures = 1; !ctx.signal.aborted; failures++) {
    try {
      return await fn();
    } catch (err) {
      if (ctx.signal.aborted) return undefined;
      const waitMs = backoffDelay(failures, ctx.backoff);
      // A rejected token is the operator's to fix: say so loudly, every time.
      if (err instanceof ZaloApiError && err.errorCode === 401) ctx.log.error({ err: describe(err), waitMs }, `${what}: Zalo rejected the bot token (check ZALO_BOT_TOKEN)`);
      else ctx.log.warn({ err: describe(err), waitMs }, `${what} failed; retrying`);
      await sleep(waitMs, ctx.signal);
    }
  }
  return undefined;
}

export interface PollerOptions {
  getUpdates(signal: AbortSignal): Promise<ZaloUpdate[]>;
  handle(update: ZaloUpdate): Promise<void>;
  /** Runs until it succeeds before the first poll: getMe, deleteWebhook. */
  prepare?(signal: AbortSignal): Promise<void>;
  /** Whether the database answers: an update is never given up while it does not. */
  databaseUp?(): Promise<boolean>;
  /** Records an update given up, so the audit log says what was lost and from whom. */
  onAbandoned?(update: ZaloUpdate, err: unknown): Promise<void>;
  backoff?: Backoff;
  logger: Logger;
}

export interface Poller {
  start(): void;
  /** Aborts the poll under way, lets the update being handled finish, then resolves. */
  stop(): Promise<void>;
}

export function createPoller(opts: PollerOptions): Poller {
  const log = opts.logger.child({ component: "zalo-polling" });
  const abort = new AbortController();
  const ctx: RetryContext = { signal: abort.signal, backoff: opts.backoff ?? DEFAULT_BACKOFF, log };
  let loop: Promise<void> | null = null;

  const databaseUp = async (): Promise<boolean> => {
    if (!opts.databaseUp) return true;
    try {
      return await opts.databaseUp();
    } catch {
      return false;
    }
  };

  async function handle(update: ZaloUpdate): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await opts.handle(update);
      } catch (err) {
        // The core de-duplicates, so handling again after a failure is safe. At shutdown the update
        // is lost with the process either way; a database outage is waited out, however long.
        if (abort.signal.aborted) return;
        if (attempt >= HANDLE_ATTEMPTS && (await databaseUp())) {
          log.error({ err: describe(err), event: update.event_name }, "update dropped after repeated failures while the database answers");
          await opts.onAbandoned?.(update, err).catch((e: unknown) => log.error({ err: describe(e) }, "the update given up could not be recorded"));
          return;
        }
        if (attempt === HANDLE_ATTEMPTS) log.error({ err: describe(err) }, "the database is not answering: the update is kept and tried again until it does");
        await sleep(backoffDelay(Math.min(attempt, 20), ctx.backoff), abort.signal);
      }
    }
  }

  async function run(): Promise<void> {
    if (opts.prepare && (await retryUntil("preparing polling", async () => (await opts.prepare!(abort.signal), true), ctx)) === undefined) return;
    while (!abort.signal.aborted) {
      const updates = await retryUntil("getUpdates", () => opts.getUpdates(abort.signal), ctx);
      // Received means taken off Zalo's queue: handle it even when stopping.
      for (const update of updates ?? []) await handle(update);
    }
  }

  return {
    start() {
      loop ??= run().catch((err: unknown) => log.error({ err: describe(err) }, "polling stopped unexpectedly"));
    },
    async stop() {
      abort.abort();
      await loop;
    },
  };
}

function describe(err: unknown): unknown {
  if (err instanceof ZaloApiError) return { code: err.code, errorCode: err.errorCode, message: err.message };
  return err instanceof Error ? { message: err.message } : err;
}
