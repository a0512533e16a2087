// The waiting helpers every part shares: backing off doubles up to a cap, with the spread asked for;
// sleeping ends at once when its signal aborts.
// The per-account limit: never more than the limit within any one second. A token bucket paced at
// the limit lets its burst through on top (5/s gave 6 in the first second); the sliding window does
// not. Time is driven by hand here.
import { describe, expect, it } from "vitest";
import { backoffDelay, Semaphore, sleep, SlidingWindow, TokenBucket } from "../../src/core/services/rate-limit.ts";

describe("waiting helpers", () => {
  it("back off from the base, doubling, up to the cap", () => {
    const b = { baseMs: 1_000, maxMs: 60_000 };
    expect([0, 1, 2, 5, 6, 50, -3].map((n) => backoffDelay(n, b))).toEqual([1_000, 2_000, 4_000, 32_000, 60_000, 60_000, 1_000]);
  });

  it("spread the wait by the jitter asked for, and no more", () => {
    for (let i = 0; i < 200; i++) {
      const wait = backoffDelay(3, { baseMs: 2_000, maxMs: 900_000, jitter: 0.25 });
      expect(wait).toBeGreaterThanOrEqual(12_000);
      expect(wait).toBeLessThanOrEqual(20_000);
    }
  });

  it("sleep ends when its signal aborts, and does not start when it already has", async () => {
    const abort = new AbortController();
    const long = sleep(3_600_000, abort.signal);
    abort.abort();
    await long;
    await sleep(3_600_000, abort.signal);
  });

  it("a semaphore hands its places out in turn; a waiter whose signal aborts gives up its turn", async () => {
    const gate = new Semaphore(1);
    expect(await gate.acquire()).toBe(true);
    const abort = new AbortController();
    const gaveUp = gate.acquire(abort.signal);
    const next = gate.acquire();
    expect(gate.queued).toBe(2);
    abort.abort();
    expect(await gaveUp).toBe(false);
    gate.release();
    expect(await next).toBe(true);
    expect(gate.busy).toBe(1);
  });
});

/** Calls made as soon as `limiter` allows, over `ms` of simulated time in 1 ms steps. */
function callTimes(take: () => number, clock: { t: number }, ms: number): number[] {
  const times: number[] = [];
  for (clock.t = 0; clock.t < ms; clock.t++) while (take() === 0) times.push(clock.t);
  return times;
}

/** The most calls within any window of `windowMs` (each window starting at a call). */
function busiest(times: number[], windowMs = 1_000): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[j]! < times[i]! - windowMs + 1) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe("SlidingWindow", () => {
  it("lets at most the limit through in any one second, and the limit every second when asked for more", () => {
    const clock = { t: 0 };
    const window = new SlidingWindow(5, 1_000, () => clock.t);
    const times = callTimes(() => window.take(), clock, 10_000);
    expect(busiest(times)).toBe(5);
    expect(times).toHaveLength(50);
  });

  it("rounds a fractional limit down and answers how long to wait", () => {
    const clock = { t: 0 };
    const window = new SlidingWindow(3.5, 1_000, () => clock.t);
    expect([window.take(), window.take(), window.take()]).toEqual([0, 0, 0]);
    clock.t = 400;
    expect(window.take()).toBe(600);
    clock.t = 1_000;
    expect(window.take()).toBe(0);
  });

  it("holds a token bucket's burst back: bucket and window together stay within the limit", () => {
    const clock = { t: 0 };
    const bucket = new TokenBucket(5, 1.5, () => clock.t);
    const alone = callTimes(() => bucket.take(), clock, 3_000);
    expect(busiest(alone)).toBeGreaterThan(5);
    clock.t = 0;
    const paced = new TokenBucket(5, 1.5, () => clock.t);
    const window = new SlidingWindow(5, 1_000, () => clock.t);
    // As the sender does: the bucket first, then the window.
    let pending = false;
    const both = callTimes(() => {
      if (!pending && paced.take() !== 0) return 1;
      pending = true;
      const wait = window.take();
      if (wait === 0) pending = false;
      return wait;
    }, clock, 3_000);
    expect(busiest(both)).toBeLessThanOrEqual(5);
    // Paced evenly still: about the limit each second, not a burst and a pause.
    expect(both.length).toBeGreaterThanOrEqual(14);
  });
});
