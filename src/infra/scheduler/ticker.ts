// node-cron ticks once a minute; each tick asks the core what is due. One tick runs at start so
// work missed while the bot was down is caught up at once (the jobs decide what is still useful).
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../../core/ports/runtime.ts";

/** Ticks longer than this are logged with their duration. */
const SLOW_TICK_MS = 1_000;

export interface Ticker {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** When the last tick finished (for /healthz). */
  readonly lastTickAt: Date | null;
}

/**
 * `now` stamps each finished tick: the app's clock, the one /healthz compares the stamp with (a clock
 * set apart from the wall clock would otherwise make every tick look hours old, or new).
 */
export function createTicker(tick: () => Promise<unknown>, logger: Logger, now: () => Date, expression = "* * * * *"): Ticker {
  let task: ScheduledTask | null = null;
  let lastTickAt: Date | null = null;
  let running: Promise<void> = Promise.resolve();

  const run = (): Promise<void> => {
    const began = performance.now();
    running = tick()
      .then(() => {
        lastTickAt = now();
        // A tick that takes a good part of its minute is worth seeing (a province's first tick).
        const ms = Math.round(performance.now() - began);
        if (ms >= SLOW_TICK_MS) logger.info({ ms }, "tick");
      })
      .catch((err: unknown) => logger.error({ err }, "scheduler tick failed"));
    return running;
  };

  return {
    async start() {
      await run();
      // noOverlap: a slow tick is never run twice at once in this process; across instances the
      // idempotency keys of what ticks queue make overlaps harmless.
      task = cron.schedule(expression, run, { noOverlap: true, name: "tick" });
    },
    async stop() {
      await task?.stop();
      await task?.destroy();
      await running;
    },
    get lastTickAt() {
      return lastTickAt;
    },
  };
}
