// Long polling that handles different chats at the same time. grammY's built-in `bot.start()` handles
// one update after another, and the core spends most of an update waiting for the database, so chats
// would queue behind each other. Here updates of one chat still run in order, different chats run in
// parallel (bounded), and an update is confirmed to Telegram (the getUpdates offset moves past it)
// only once it and every update before it were handled: a crash loses nothing, and what was handled
// but not yet confirmed comes back after a restart and is dropped by the core's de-duplication.
// An update that keeps failing while the database answers (a reply Telegram refuses, a bug) is given
// up after a few attempts: logged, recorded, and confirmed like a handled one. Held for ever, it would
// pin the offset, and once 100 updates wait behind it nothing new would be read again, restart or not.
import { GrammyError, type Api } from "grammy";
import type { Update } from "grammy/types";
import { KeyedLock, type Logger } from "../../core/index.ts";

export interface PollerOptions {
  api: Api;
  handle(update: Update): Promise<void>;
  logger: Logger;
  /** Updates handled at once (different chats). */
  concurrency?: number;
  /** Long-poll timeout in seconds. */
  timeoutSeconds?: number;
  allowedUpdates?: ReadonlyArray<Exclude<keyof Update, "update_id">>;
  /** Attempts at one update before it is given up (default 5); never while the database is down. */
  attempts?: number;
  /** Wait after the first failed attempt, doubling up to a minute (default 1 s). */
  retryBaseMs?: number;
  /** Whether the database answers: an update is not given up while it does not (all would fail). */
  databaseUp?(): Promise<boolean>;
  /** Records an update given up (so it is not handled again should Telegram redeliver it). */
  onAbandoned?(update: Update, err: unknown): Promise<void>;
}

export interface Poller {
  /** Starts the loop in the background. */
  start(): void;
  /** Stops fetching, waits for the updates under way, confirms what was handled. */
  stop(): Promise<void>;
}

/** Telegram hands out at most 100 updates per call; fetching ahead of that many only repeats them. */
const MAX_PENDING = 100;
const RETRY_MAX_MS = 60_000;
const ATTEMPTS = 5;

type Outcome = "handled" | "abandoned" | "stopped";

export function createPoller(opts: PollerOptions): Poller {
  const log = opts.logger.child({ component: "telegram-poller" });
  const concurrency = opts.concurrency ?? 32;
  const timeout = opts.timeoutSeconds ?? 30;
  const attempts = Math.max(1, opts.attempts ?? ATTEMPTS);
  const waitMs = (failures: number) => Math.min(RETRY_MAX_MS, (opts.retryBaseMs ?? 1_000) * 2 ** Math.min(failures - 1, 20));
  const chats = new KeyedLock();
  /** Ids fetched and not yet handled; the lowest is what Telegram must hand out again. */
  const pending = new Set<number>();
  let lastFetched = 0;
  let running = false;
  let loop: Promise<void> | null = null;
  let abort: AbortController | null = null;
  let active = 0;
  let tasks = 0;
  const slotWaiters: Array<() => void> = [];
  const progress: Array<() => void> = [];

  const offset = (): number | undefined => (pending.size ? Math.min(...pending) : lastFetched ? lastFetched + 1 : undefined);

  /** Waits `ms`, or less when stop() is called. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const signal = abort?.signal;
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener("abort", done, { once: true });
    });

  /** Resolves when an update finishes (or after `ms`), so a full or stuck window is not spun on. */
  const nextProgress = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      progress.push(() => (clearTimeout(timer), resolve()));
    });

  async function acquire(): Promise<void> {
    if (active < concurrency) {
      active++;
      return;
    }
    await new Promise<void>((resolve) => slotWaiters.push(resolve));
  }
  function release(): void {
    const next = slotWaiters.shift();
    if (next) next();
    else active--;
  }

  /** Updates of one chat run in order: by chat, or by sender when the update has no chat. */
  function chatOf(update: Update): string {
    const parts = update as unknown as Record<string, { chat?: { id: number }; from?: { id: number }; message?: { chat?: { id: number } } } | number>;
    for (const value of Object.values(parts)) {
      if (typeof value !== "object" || value === null) continue;
      const id = value.chat?.id ?? value.message?.chat?.id ?? value.from?.id;
      if (id !== undefined) return String(id);
    }
    return "none";
  }

  async function databaseUp(): Promise<boolean> {
    if (!opts.databaseUp) return true;
    try {
      return await opts.databaseUp();
    } catch {
      return false;
    }
  }

  /** Stopping first leaves the update unconfirmed, for the next start to try afresh. */
  async function handleWithRetries(update: Update): Promise<Outcome> {
    const about = { updateId: update.update_id, kind: kindOf(update), chat: chatOf(update) };
    for (let attempt = 1; running; attempt++) {
      await acquire();
      let failure: unknown;
      try {
        await opts.handle(update);
        return "handled";
      } catch (err) {
        // The bot's error boundary has logged what went wrong.
        failure = err;
      } finally {
        release();
      }
      if (attempt >= attempts && (await databaseUp())) {
        log.error({ err: failure, ...about, attempts: attempt }, "update given up after repeated failures; polling moves past it");
        await opts.onAbandoned?.(update, failure).catch((err: unknown) => log.error({ err, ...about }, "could not record the update given up"));
        return "abandoned";
      }
      if (attempt === attempts) log.error({ err: failure, ...about }, "the database is not answering: the update is kept and tried again until it does");
      else if (attempt < attempts) log.warn({ err: failure, ...about, waitMs: waitMs(attempt) }, "update not handled; it will be tried again");
      await sleep(waitMs(attempt));
    }
    return "stopped";
  }

  function dispatch(update: Update): void {
    pending.add(update.update_id);
    tasks++;
    void chats
      .run(chatOf(update), () => handleWithRetries(update))
      .then((outcome) => {
        if (outcome !== "stopped") pending.delete(update.update_id);
      })
      .catch(() => undefined)
      .finally(() => {
        tasks--;
        for (const wake of progress.splice(0)) wake();
      });
  }

  async function fetch(): Promise<Update[]> {
    try {
      return await opts.api.getUpdates(
        {
          offset: offset(),
          limit: 100,
          // While updates are under way Telegram would answer at once anyway (they are still unconfirmed).
          timeout: pending.size ? 0 : timeout,
          ...(opts.allowedUpdates ? { allowed_updates: opts.allowedUpdates as never } : {}),
        },
        abort!.signal as never,
      );
    } catch (err) {
      if (!running) return [];
      const conflict = err instanceof GrammyError && (err.error_code === 409 || err.error_code === 401);
      log.error({ err }, conflict ? "getUpdates refused (another instance polling, a webhook set, or a wrong token)" : "getUpdates failed");
      await sleep(conflict ? 10_000 : 3_000);
      return [];
    }
  }

  async function run(): Promise<void> {
    while (running) {
      if (pending.size >= MAX_PENDING) {
        await nextProgress(1_000);
        continue;
      }
      const updates = await fetch();
      let fresh = 0;
      for (const update of updates) {
        if (update.update_id <= lastFetched) continue; // under way, or handled and not yet confirmed
        lastFetched = update.update_id;
        fresh++;
        dispatch(update);
      }
      if (!fresh && pending.size && running) await nextProgress(250);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      // Started again (its lease came back): Telegram hands out from what was confirmed at the stop.
      pending.clear();
      lastFetched = 0;
      abort = new AbortController();
      loop = run();
    },
    async stop() {
      if (!running) return;
      running = false;
      abort?.abort();
      for (const wake of progress.splice(0)) wake();
      await loop;
      // Updates under way finish; those waiting to start or to be retried stay unconfirmed.
      while (tasks > 0) await nextProgress(1_000);
      const confirm = offset();
      if (confirm !== undefined) {
        await opts.api.getUpdates({ offset: confirm, limit: 1, timeout: 0 }).catch((err: unknown) => log.warn({ err }, "could not confirm the last updates"));
      }
    },
  };
}

/** What an update carries ("message", "my_chat_member" …), for the logs. */
export function kindOf(update: Update): string {
  return Object.keys(update).find((k) => k !== "update_id") ?? "unknown";
}
