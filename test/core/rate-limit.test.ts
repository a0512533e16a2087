// The waiting helpers every part shares: backing off doubles up to a cap, with the spread asked for;
// sleeping ends at once when its signal aborts.
import { describe, expect, it } from "vitest";
import { backoffDelay, Semaphore, sleep } from "../../src/core/services/rate-limit.ts";

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
