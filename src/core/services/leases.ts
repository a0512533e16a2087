// Which bot accounts this instance sends for (and, for polling bots, reads). Every few seconds it
// renews what it holds, takes free or lapsed leases up to its fair share (the accounts divided by
// the instances alive, rounded up) and gives back what is beyond it, so that leases spread when a
// second instance starts and flow back when one dies. A single instance simply holds every lease.
// All of it is a handful of batch statements per round, whatever the number of accounts.
import type { Logger } from "../ports/runtime.ts";
import type { HeldLease, LeaseKey, Store } from "../ports/store.ts";
import type { Platform } from "../types.ts";

export interface LeaseKeeperOptions {
  store: Store;
  /** This instance's name: the holder of its leases and the owner of its outbox claims. */
  owner: string;
  /** The platforms this instance can send on: it takes no lease it could not serve. */
  platforms: Platform[];
  logger: Logger;
  /** How long a lease lasts without renewal (default 30 s): how soon a dead instance's accounts move. */
  ttlMs?: number;
  /** How often leases are renewed and shares looked at (default 10 s; well under the TTL). */
  renewMs?: number;
  /**
   * Missing lease rows (accounts added, also by `npm run bots` from another process) are looked for
   * every this many rounds (default 1: one INSERT … SELECT per round), and on refresh().
   */
  ensureEvery?: number;
}

/**
 * `gained` and `lost` since the last round; a lease that changed hands and came back is in both. A
 * listener that returns a promise (a poller stopping) is waited for before leases are given back.
 */
export type LeaseListener = (gained: LeaseKey[], lost: LeaseKey[]) => void | Promise<void>;

export interface LeaseKeeper {
  readonly owner: string;
  /** Takes this instance's first share before resolving, then keeps renewing in the background. */
  start(): Promise<void>;
  /** Stops renewing and gives every lease back at once, so another instance takes over without waiting. */
  stop(): Promise<void>;
  /** Stops renewing without giving anything back, as a crash would (tests, fault benchmarks). */
  halt(): Promise<void>;
  /** One round now (bot accounts were added or changed). */
  refresh(): Promise<void>;
  /** Whether this instance holds the account's lease now (false once it may have lapsed unrenewed). */
  holds(platform: Platform, botAccountId: string): boolean;
  held(): LeaseKey[];
  onChange(listener: LeaseListener): () => void;
}

const keyOf = (l: LeaseKey) => `${l.platform}:${l.botAccountId}`;

export function createLeaseKeeper(opts: LeaseKeeperOptions): LeaseKeeper {
  const log = opts.logger.child({ component: "leases", owner: opts.owner });
  const ttlMs = opts.ttlMs ?? 30_000;
  const renewMs = Math.min(opts.renewMs ?? 10_000, ttlMs / 2);
  const ensureEvery = Math.max(1, opts.ensureEvery ?? 1);
  // Trusted locally a little less than the database grants: the lease runs from the statement, which
  // comes after this instance read its own clock, and timers drift.
  const trustMs = ttlMs * 0.9;
  let leases = new Map<string, HeldLease>();
  /** Until when (performance.now()) the leases held are certainly still ours. */
  let validUntil = 0;
  const listeners = new Set<LeaseListener>();
  let round = 0;
  let timer: NodeJS.Timeout | null = null;
  let turn: Promise<void> = Promise.resolve();
  let running = false;

  async function apply(next: Map<string, HeldLease>): Promise<void> {
    const gained: LeaseKey[] = [];
    const lost: LeaseKey[] = [];
    for (const [k, l] of leases) {
      const now = next.get(k);
      if (!now || now.epoch !== l.epoch) lost.push({ platform: l.platform, botAccountId: l.botAccountId });
    }
    for (const [k, l] of next) {
      const before = leases.get(k);
      if (!before || before.epoch !== l.epoch) gained.push({ platform: l.platform, botAccountId: l.botAccountId });
    }
    leases = next;
    if (!gained.length && !lost.length) return;
    log.info({ gained: gained.length, lost: lost.length, holding: leases.size }, "send leases changed");
    await Promise.all(
      [...listeners].map(async (listener) => {
        try {
          await listener(gained, lost);
        } catch (err) {
          log.error({ err }, "a lease listener failed");
        }
      }),
    );
  }

  async function once(ensure: boolean): Promise<void> {
    const startedAt = performance.now();
    const { kept, giveBack } = await opts.store.tx(async (tx) => {
      if (ensure) await tx.leases.ensure(opts.owner, ttlMs);
      else await tx.leases.present(opts.owner, ttlMs);
      const renewed = await tx.leases.renew(opts.owner, ttlMs);
      const { accounts, holders } = await tx.leases.census(opts.platforms);
      // Counted among the living even if the census ran before its presence was visible.
      const share = Math.ceil(accounts / Math.max(1, holders));
      const mine = renewed.filter((l) => opts.platforms.includes(l.platform));
      if (mine.length < share) mine.push(...(await tx.leases.take(opts.owner, ttlMs, share - mine.length, opts.platforms)));
      // More than a fair share (another instance started): the surplus goes back, the last in order.
      const sorted = mine.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
      return { kept: sorted.slice(0, Math.max(share, 0)), giveBack: sorted.slice(Math.max(share, 0)) };
    });
    validUntil = startedAt + trustMs;
    // Listeners hear of the loss (the sender stops sending for those accounts, a poller stops) before
    // the leases are given back; outbox claims already made stay fenced by their owner either way.
    await apply(new Map(kept.map((l) => [keyOf(l), l])));
    if (giveBack.length) {
      await opts.store.tx((tx) => tx.leases.release(opts.owner, giveBack));
      log.info({ given: giveBack.length }, "send leases given back for another instance to take");
    }
  }

  async function tick(ensure: boolean): Promise<void> {
    try {
      await once(ensure);
    } catch (err) {
      log.error({ err }, "could not renew the send leases");
      // Not renewed in time: another instance may hold them now, so stop acting on them.
      if (leases.size && performance.now() >= validUntil) await apply(new Map());
    }
  }

  function queue(ensure: boolean): Promise<void> {
    turn = turn.then(() => tick(ensure));
    return turn;
  }

  function schedule(): void {
    let busy = false;
    timer = setInterval(() => {
      // A round that hangs (the database unreachable) must not leave this instance acting on leases
      // that may have lapsed and been taken: a second Telegram poller would be a 409, a second sender
      // a doubled rate.
      if (leases.size && performance.now() >= validUntil) void apply(new Map());
      if (busy || !running) return;
      busy = true;
      round++;
      void queue(round % ensureEvery === 0).finally(() => (busy = false));
    }, renewMs);
    timer.unref?.();
  }

  function halt(): Promise<void> {
    running = false;
    if (timer) clearInterval(timer);
    timer = null;
    return turn;
  }

  return {
    owner: opts.owner,
    async start() {
      if (running) return;
      running = true;
      await queue(true);
      schedule();
    },
    halt,
    async stop() {
      await halt();
      await apply(new Map());
      await opts.store.tx((tx) => tx.leases.release(opts.owner, "all")).catch((err: unknown) => log.error({ err }, "could not give the send leases back; they run out by themselves"));
    },
    refresh: () => queue(true),
    holds(platform, botAccountId) {
      return performance.now() < validUntil && leases.has(`${platform}:${botAccountId}`);
    },
    held: () => [...leases.values()].map((l) => ({ platform: l.platform, botAccountId: l.botAccountId })),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
