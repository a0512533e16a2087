// One way to wire the bot from its parts: the core, the platform adapters on it, the outbox sender
// (with the bot accounts' quotas) over every messenger, and the scheduler's ticker. Production
// (app.ts), the test harnesses and the benchmarks all call this, each with its own parts: a real
// database or a test one, the wall clock or a test clock, real platforms or recording messengers.
//
// Each part is built after what it needs. Two things go the other way: the core tells of messages
// it queued (the sender, built last since it needs every messenger, is woken), and the bot admin in
// the core tells of changed bot accounts (the quotas, leases and adapters read them again). Both are
// signals the later parts listen to once they exist; before that there is nobody to tell.
import type { PlatformAdapter } from "./adapters/adapter.ts";
import { createCore, type Core } from "./core/core.ts";
import type { CoreSettings } from "./core/types.ts";
import type { Feature } from "./core/engine/registry.ts";
import { allFeatures } from "./core/features/index.ts";
import type { Renderer } from "./core/ports/render.ts";
import type { BotAdmin, Clock, Logger, Messenger, PlatformLinks, Translator } from "./core/ports/runtime.ts";
import type { Store } from "./core/ports/store.ts";
import type { LeaseKeeper } from "./core/services/leases.ts";
import { tellOperators } from "./core/services/operators.ts";
import { createQuota, type Quota } from "./core/services/quota.ts";
import { sleep } from "./core/services/rate-limit.ts";
import { createSender, type Sender, type SenderOptions } from "./core/services/sender.ts";
import type { HttpServer } from "./infra/http/server.ts";
import { createTicker, type Ticker } from "./infra/scheduler/ticker.ts";

/** The outbox sender's own settings (rates, retries, its name in claims); the rest comes from the parts. */
export type SendingParts = Omit<SenderOptions, "store" | "messengers" | "clock" | "logger" | "quota" | "leases" | "onAccountRefused">;

export interface AppParts<A extends Record<string, PlatformAdapter | undefined>> {
  store: Store;
  translator: Translator;
  clock: Clock;
  logger: Logger;
  renderer: Renderer;
  settings: CoreSettings;
  /** Every feature unless a test says otherwise. */
  features?: Feature[];
  /** Managing bot accounts from chat, given the signal to raise when accounts change. */
  bots?: (changed: () => void) => BotAdmin;
  /** How invites look and which platforms run; by default the adapters'. */
  links?: PlatformLinks;
  /** The platform adapters, each built on the core, in this order (their messengers come first). */
  adapters?: { [K in keyof A]: (core: Core) => Promise<A[K]> };
  /** Messengers besides the adapters' (recording ones in tests). */
  messengers?: Messenger[];
  /** The HTTP server the adapters add their routes to, closed once they stopped. Listening is the caller's. */
  http?: HttpServer;
  /** Send leases (several instances on one database): taken before sending starts, given back after it stops. */
  leases?: LeaseKeeper;
  /** Count and enforce the bot accounts' monthly quotas, reading the accounts again this often. */
  quota?: { refreshMs: number };
  sending: SendingParts;
  /** The operators hear of a bot whose token the platform refuses (revoked or rotated while running). */
  alertRefusedBots?: boolean;
  /** Runs the scheduler's jobs every minute; tests and benchmarks tick by hand instead. */
  ticker?: boolean;
}

export interface WiredApp<A> {
  core: Core;
  sender: Sender;
  quota: Quota | null;
  adapters: A;
  ticker: Ticker | null;
  /** Ticks once (catching up), takes the leases, starts sending, then receiving. */
  start(): Promise<void>;
  /**
   * Stops receiving, lets what is under way finish, stops sending and gives the leases back, then
   * releases the adapters' connections. The store stays open: it is the caller's.
   */
  stop(): Promise<void>;
}

export async function wireApp<A extends Record<string, PlatformAdapter | undefined> = Record<never, never>>(parts: AppParts<A>): Promise<WiredApp<A>> {
  const { store, clock, logger, settings } = parts;
  const queued = signal();
  const accountsChanged = signal();
  // Filled as the adapters are built; the default links read it only when asked (after start).
  const running: PlatformAdapter[] = [];
  const links: PlatformLinks = parts.links ?? {
    inviteLinks: (code) =>
      running.flatMap((a) => {
        const url = a.inviteLink(code);
        return url ? [{ platform: a.platform, url }] : [];
      }),
    platforms: () => running.map((a) => a.platform),
  };

  const core = createCore({
    store,
    translator: parts.translator,
    clock,
    logger,
    links,
    settings,
    features: parts.features ?? allFeatures,
    render: parts.renderer,
    onQueued: queued.raise,
    ...(parts.bots ? { bots: parts.bots(accountsChanged.raise) } : {}),
  });

  const adapters = {} as A;
  for (const [name, build] of Object.entries(parts.adapters ?? {}) as Array<[keyof A, (core: Core) => Promise<A[keyof A]>]>) {
    const adapter = await build(core);
    adapters[name] = adapter;
    if (!adapter) continue;
    running.push(adapter);
    if (parts.http) adapter.mount(parts.http);
  }

  const quota = parts.quota ? createQuota({ store, clock, logger, messages: core.messages, settings: core.services.settings, refreshMs: parts.quota.refreshMs }) : null;
  const sender = createSender({
    ...parts.sending,
    store,
    messengers: [...running.map((a) => a.messenger), ...(parts.messengers ?? [])],
    clock,
    logger,
    ...(quota ? { quota } : {}),
    ...(parts.leases ? { leases: parts.leases } : {}),
    ...(parts.alertRefusedBots ? { onAccountRefused: alertOperators(core, store, clock, settings.operators) } : {}),
  });
  queued.listen(() => sender.kick());
  // An operator paused, resumed, assigned or added a bot: the quotas and the Zalo bots follow at
  // once, and a bot added or resumed gets its lease row and an owner now, not at the next round.
  accountsChanged.listen(() => {
    quota?.refresh();
    void parts.leases?.refresh();
    for (const adapter of running) void adapter.refresh?.();
  });
  const ticker = parts.ticker ? createTicker(() => core.tick(), logger, () => clock.now()) : null;

  return {
    core,
    sender,
    quota,
    adapters,
    ticker,
    async start() {
      await ticker?.start();
      // The first share of leases is taken before anything is sent or polled.
      await parts.leases?.start();
      sender.start();
      for (const adapter of running) await adapter.start();
    },
    async stop() {
      // Stop taking work, let what is under way finish, then stop sending.
      for (const adapter of running) await adapter.stop();
      await parts.http?.close();
      await ticker?.stop();
      while (core.engine.busy > 0) await sleep(10);
      await sender.stop();
      // Given back at once: another instance takes this one's bot accounts without waiting them out.
      await parts.leases?.stop();
      for (const adapter of running) await adapter.close?.();
    },
  };
}

/** A token revoked or rotated while running: the bot's messages wait, the account records why, and the operators hear of it. */
function alertOperators(core: Core, store: Store, clock: Clock, operators: ReadonlySet<string>): NonNullable<SenderOptions["onAccountRefused"]> {
  return (botAccountId, _platform, error) =>
    store.tx(async (tx) => {
      const now = clock.now();
      const account = await tx.bots.update(botAccountId, { lastError: error.slice(0, 500), lastErrorAt: now });
      await tellOperators(tx, core.messages, operators, (label) => `bot-refused:${botAccountId}:${now.toISOString().slice(0, 13)}:${label}`, (t) => ({ text: t("bot-refused-alert", { bot: account.label, id: account.id, error: error.slice(0, 200) }) }), now);
    });
}

/** Something that happened, told to whoever listens once it exists; raised before that, it reaches nobody. */
function signal(): { raise: () => void; listen: (listener: () => void) => void } {
  let listener: (() => void) | null = null;
  return {
    raise: () => listener?.(),
    listen: (l) => {
      listener = l;
    },
  };
}
