// What every platform's webhook needs: a constant-time check of the secret header, and a count of
// deliveries under way so that shutdown refuses new ones and waits for those already accepted.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Logger } from "../../core/index.ts";

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

export interface SecretGuardOptions {
  /** The header the platform sends the secret in, lower case. */
  header: string;
  secret: string;
  /** The status a wrong or missing secret gets (Telegram's webhook answers 401, Zalo's 403). */
  refusal: number;
  inFlight: InFlight;
  log: Logger;
}

/**
 * A webhook route's guard, run before the body is read: a wrong or missing secret is refused and
 * logged (a stranger cannot make the bot read anything, nor learn that it is stopping); then, while
 * closing, 503, so the platform delivers the call again later.
 */
export function secretGuard(opts: SecretGuardOptions): (req: IncomingMessage) => number | null {
  return (req) => {
    const given = req.headers[opts.header];
    if (!sameSecret(given, opts.secret)) {
      opts.log.warn({ ip: req.socket.remoteAddress, hasHeader: given !== undefined }, "webhook call with a wrong or missing secret refused");
      return opts.refusal;
    }
    return opts.inFlight.closed ? 503 : null;
  };
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
