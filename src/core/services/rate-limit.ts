// Waiting in real time, never on the injectable clock (waiting is physical): token buckets, a
// semaphore, sleeping and backing off. One copy of each, for the sender and the adapters alike.
import { setTimeout as delay } from "node:timers/promises";

export class TokenBucket {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    /** For tests. */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Milliseconds until a token is free (0 when one was taken). */
  take(): number {
    const now = this.now();
    if (now < this.pausedUntil) return this.pausedUntil - now;
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  /** The platform said to wait (429 retry_after): nothing goes out before then. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
    this.tokens = 0;
    // Nothing accrues while paused: otherwise a full burst goes out the moment the pause ends, and
    // the platform answers 429 again, pause after pause.
    this.last = this.pausedUntil;
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (a shutdown does not wait out a pause). */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  // Node's own abortable timer; an abort ends the wait early rather than failing it.
  await delay(ms, undefined, signal ? { signal } : undefined).catch(() => undefined);
}

export interface Backoff {
  /** The wait after the first failure; it doubles with each one after. */
  baseMs: number;
  maxMs: number;
  /** Spread around the wait (0.25: ±25%), so many retries do not come back all at once. */
  jitter?: number;
}

/** The wait before trying again after `failures` failures beyond the first (0: the base wait). */
export function backoffDelay(failures: number, b: Backoff): number {
  const exp = Math.min(b.maxMs, b.baseMs * 2 ** Math.min(Math.max(0, failures), 20));
  return b.jitter ? Math.round(exp * (1 - b.jitter + Math.random() * 2 * b.jitter)) : exp;
}

/**
 * At most `limit` calls within any `windowMs` (a second): the times of the last `limit` calls, and a
 * call goes only once the one `limit` calls back is a whole window old. A token bucket paces evenly
 * but lets its burst through on top of its rate, so a second could hold more than the limit; this
 * cannot. `now` is for tests.
 */
export class SlidingWindow {
  private readonly times: Float64Array;
  /** Where the oldest of the last `limit` calls is, and where the next one is written. */
  private next = 0;

  constructor(
    limit: number,
    private readonly windowMs = 1_000,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.times = new Float64Array(Math.max(1, Math.floor(limit))).fill(-Infinity);
  }

  /** Milliseconds until a call may go (0 when it may go now: it is counted). */
  take(): number {
    const now = this.now();
    const wait = this.times[this.next]! + this.windowMs - now;
    if (wait > 0) return Math.ceil(wait);
    this.times[this.next] = now;
    this.next = (this.next + 1) % this.times.length;
    return 0;
  }
}


/** Waits until the bucket (or window) lets a call go. */
export async function acquire(bucket: Pick<TokenBucket, "take">, cancelled: () => boolean = () => false): Promise<boolean> {
  for (;;) {
    if (cancelled()) return false;
    const wait = bucket.take();
    if (wait === 0) return true;
    // Short naps, so a shutdown does not wait out a long queue behind the rate limit.
    await sleep(Math.min(wait, 250));
  }
}

/** At most `size` holders at once; the others wait their turn, first come first served. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  get busy(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Waits for a place; false when `signal` aborted first (then no place is held). */
  async acquire(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return false;
    if (this.active < this.size) {
      this.active++;
      return true;
    }
    return new Promise<boolean>((resolve) => {
      const waiter = () => {
        signal?.removeEventListener("abort", giveUp);
        resolve(true);
      };
      const giveUp = () => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(false);
      };
      this.waiting.push(waiter);
      signal?.addEventListener("abort", giveUp, { once: true });
    });
  }

  /** Hands the place to the next in line, or frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
