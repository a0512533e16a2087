// The per-account limit: never more than the limit within any one second. A token bucket paced at
// the limit lets its burst through on top (5/s gave 6 in the first second); the sliding window does
// not. Time is driven by hand here.
import { describe, expect, it } from "vitest";
import { SlidingWindow, TokenBucket } from "../../src/core/services/rate-limit.ts";

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
