// What every platform's webhook needs: a constant-time check of the secret header, and a count of
// deliveries under way so that shutdown refuses new ones and waits for those already accepted.
import { createHash, timingSafeEqual } from "node:crypto";

/** Compares digests, so neither the content nor the length of the secret leaks through timing. */
export function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== "string" || !expected) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export interface InFlight {
  readonly closed: boolean;
  /** Runs one delivery, counted until it settles. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** No new deliveries; resolves once those under way have settled. */
  close(): Promise<void>;
}

export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  let closed = false;
  return {
    get closed() {
      return closed;
    },
    async run(work) {
      const p = work();
      running.add(p);
      try {
        return await p;
      } finally {
        running.delete(p);
      }
    },
    async close() {
      closed = true;
      await Promise.allSettled([...running]);
    },
  };
}
