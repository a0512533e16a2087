// The Zalo Bot Platform adapter for a whole deployment. A free Zalo bot serves 50 people and sends
// 3,000 messages a month, so a ward or a province drives many bots: the token in ZALO_BOT_TOKEN (the
// default account, on /zalo/webhook as ever) and every account stored in the database, each on its own
// webhook path (/zalo/<account id>/webhook) with its own secret, or in its own long-poll loop. All
// accounts share two HTTP pools (sends, and a bounded number of long polls), so a bot that Zalo
// slows down or refuses never holds up the others. Accounts are read again every few seconds (and at
// once when told): a paused or removed account stops receiving straight away. One webhook receiver
// serves every account, and an account's client is made when it is first used: what stays per
// account is a small object (a province runs 15,000 bots in one instance).
import { Agent } from "undici";
import { type LeaseKeeper, Semaphore, defaultBotAccountId } from "../../core/index.ts";
import type { AdapterDeps, PlatformAdapter } from "../adapter.ts";
import { createFileLinks, DEFAULT_FILE_TTL_MS, type FileLinks } from "../shared/file-links.ts";
import { createZaloBot, pollSecondsFor, type BotEvents, type ZaloBot, type ZaloBotDeps, type ZaloBotSpec } from "./account.ts";
import type { ZaloClient } from "./client.ts";
import { createZaloMessenger } from "./messenger.ts";
import { DEFAULT_BACKOFF, type Backoff } from "./polling.ts";
import { ACCOUNT_WEBHOOK_PATH, accountWebhookPath, createWebhookReceiver, WEBHOOK_PATH } from "./webhook.ts";

export const DEFAULT_ZALO_ACCOUNT = defaultBotAccountId("ZALO");

/** The accounts stored in the database, as the composition root reads them (tokens decrypted). */
export interface ZaloBotSource {
  /** Every stored Zalo account that is not removed. */
  list(): Promise<ZaloBotSpec[]>;
  events: BotEvents;
}

export interface ZaloAdapterDeps extends AdapterDeps {
  /** Where files handed out as links are kept (FILES_DIR, or beside the database): the composition root decides. */
  filesDir: string;
}

/** Knobs for tests and benchmarks; production uses the defaults. */
export interface ZaloAdapterOptions {
  fileTtlMs?: number;
  /** How often expired files are swept (default hourly). */
  fileSweepMs?: number;
  pollTimeoutSeconds?: number;
  backoff?: Backoff;
  requestTimeoutMs?: number;
  quotaBackoffMs?: number[];
  /** The stored accounts; without it only ZALO_BOT_TOKEN is driven. */
  bots?: ZaloBotSource;
  /** How often the stored accounts are read again (default 5 s). */
  refreshMs?: number;
  /** Whether the database answers: polling keeps an update while it does not. */
  databaseUp?: () => Promise<boolean>;
  /**
   * Send leases (several instances): an account in polling mode is polled only by the instance that
   * holds its lease (started on gain, stopped on loss). Webhook accounts are served everywhere.
   */
  leases?: Pick<LeaseKeeper, "holds" | "onChange">;
}

export interface ZaloAdapter extends PlatformAdapter {
  /** The default account's client (ZALO_BOT_TOKEN), if it is configured. */
  readonly client: ZaloClient | null;
  /** Reads the accounts again now: starts new ones, stops paused and removed ones. */
  refresh(): Promise<void>;
  /** The running bot of an account. */
  bot(id: string): ZaloBot | undefined;
}

/** Bots registering their webhook (or preparing to poll) at the same time. */
const STARTS_AT_ONCE = 32;

const quiet: BotEvents = { error: () => {}, update: () => {} };

export async function createZaloAdapter(deps: ZaloAdapterDeps, options: ZaloAdapterOptions = {}): Promise<ZaloAdapter> {
  const { config, core } = deps;
  const log = deps.logger.child({ platform: "zalo" });
  const publicUrl = config.PUBLIC_URL?.replace(/\/+$/, "") ?? null;
  const source = options.bots ?? null;
  const events = source?.events ?? quiet;

  const defaultSpec: ZaloBotSpec | null = config.ZALO_BOT_TOKEN
    ? {
        id: DEFAULT_ZALO_ACCOUNT,
        label: "ZALO_BOT_TOKEN",
        token: config.ZALO_BOT_TOKEN,
        webhookSecret: config.ZALO_WEBHOOK_SECRET ?? "",
        mode: config.ZALO_MODE,
        paused: false,
        isDefault: true,
      }
    : null;

  // Sends and other short calls share one pool; long polls (each holding a connection for up to
  // their whole timeout) share another, with at most ZALO_POLL_CONCURRENCY at once.
  const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  const pollPlaces = config.ZALO_POLL_CONCURRENCY;
  const pollDispatcher = new Agent({ keepAliveTimeout: 30_000, connections: pollPlaces });
  const pollGate = new Semaphore(pollPlaces);

  const files: FileLinks | null = publicUrl
    ? createFileLinks({
        dir: deps.filesDir,
        publicUrl,
        ttlMs: options.fileTtlMs ?? DEFAULT_FILE_TTL_MS,
        ...(options.fileSweepMs ? { sweepEveryMs: options.fileSweepMs } : {}),
        logger: log,
      })
    : null;

  const bots = new Map<string, ZaloBot>();
  let polling = 0;
  const pollSeconds = () => options.pollTimeoutSeconds ?? pollSecondsFor(polling, pollPlaces);

  const messenger = createZaloMessenger({
    clientFor: (id) => {
      const bot = bots.get(id);
      return bot && !bot.spec.paused ? bot.client : null;
    },
    logger: log,
    bind: (locale) => core.messages.bind(locale),
    defaultLocale: config.DEFAULT_LOCALE,
    timezone: config.DEFAULT_TIMEZONE,
    files,
    ...(options.quotaBackoffMs ? { quotaBackoffMs: options.quotaBackoffMs } : {}),
  });

  // Every account is served by this one receiver: it finds the account by the id in the path.
  const receiver = createWebhookReceiver({
    account: (id) => {
      const bot = bots.get(id);
      return bot && bot.spec.mode === "webhook" ? bot : null;
    },
    logger: log,
  });

  const botDeps: ZaloBotDeps = {
    core,
    logger: log,
    apiRoot: config.ZALO_API_ROOT,
    webhookUrl: (spec) => (publicUrl ? `${publicUrl}${spec.isDefault ? WEBHOOK_PATH : accountWebhookPath(spec.id)}` : null),
    dispatcher,
    pollDispatcher,
    pollGate,
    pollSeconds,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.databaseUp ? { databaseUp: options.databaseUp } : {}),
    events,
    webhookSettled: (id) => receiver.settled(id),
  };
  const launch = (spec: ZaloBotSpec): ZaloBot => createZaloBot(spec, botDeps);

  const same = (a: ZaloBotSpec, b: ZaloBotSpec) =>
    a.token === b.token && a.webhookSecret === b.webhookSecret && a.mode === b.mode && a.paused === b.paused && a.label === b.label;

  let turn: Promise<void> = Promise.resolve();
  let stopped = false;

  /** Brings the running bots in line with the accounts: one refresh at a time. */
  function refresh(): Promise<void> {
    turn = turn.then(reconcile).catch((err: unknown) => log.error({ err }, "could not read the Zalo bot accounts"));
    return turn;
  }

  /** A polling account runs here only while this instance holds its lease. */
  const pollsHere = (spec: ZaloBotSpec) => spec.mode !== "polling" || !options.leases || options.leases.holds("ZALO", spec.id);

  async function reconcile(): Promise<void> {
    if (stopped) return;
    const wanted = new Map<string, ZaloBotSpec>();
    if (defaultSpec && pollsHere(defaultSpec)) wanted.set(defaultSpec.id, defaultSpec);
    for (const spec of (await source?.list()) ?? []) if (pollsHere(spec)) wanted.set(spec.id, spec);
    for (const [id, bot] of bots) {
      const next = wanted.get(id);
      if (next && same(bot.spec, next)) continue;
      bots.delete(id);
      // An account polled elsewhere now is not forgotten: only a removed one unregisters its webhook.
      await bot.stop({ forget: !next && bot.spec.mode !== "polling" });
      log.info({ botAccountId: id, label: bot.spec.label, now: next ? (next.paused ? "paused" : "changed") : "removed" }, "zalo bot stopped");
    }
    const fresh: ZaloBot[] = [];
    for (const [id, spec] of wanted) {
      if (bots.has(id)) continue;
      const bot = launch(spec);
      bots.set(id, bot);
      fresh.push(bot);
    }
    polling = [...bots.values()].filter((b) => b.spec.mode === "polling" && !b.spec.paused).length;
    // Started side by side, a bounded number at once: one slow or refused bot does not hold up the
    // others, and a province's 15,000 bots do not all ask Zalo at the same moment (they queued
    // behind the pool, timed out by thousands and filled the heap with their errors and retries).
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(STARTS_AT_ONCE, fresh.length) }, async () => {
        while (next < fresh.length) await fresh[next++]!.start();
      }),
    );
  }

  let timer: NodeJS.Timeout | null = null;
  let unfollow: (() => void) | null = null;

  return {
    platform: "ZALO",
    get client() {
      return bots.get(DEFAULT_ZALO_ACCOUNT)?.client ?? null;
    },
    messenger,
    inviteLink: () => null,
    refresh,
    bot: (id) => bots.get(id),
    mount(http) {
      http.route("POST", WEBHOOK_PATH, (req, res, body) => receiver.receive(req, res, body, DEFAULT_ZALO_ACCOUNT), {
        guard: (req) => receiver.guard(req, DEFAULT_ZALO_ACCOUNT),
      });
      // An unknown account and a wrong secret are refused before the body is read.
      http.route("POST", ACCOUNT_WEBHOOK_PATH, (req, res, body, [id]) => receiver.receive(req, res, body, id!), {
        guard: (req, [id]) => receiver.guard(req, id!),
      });
      files?.mount(http);
    },
    async start() {
      if (publicUrl && !publicUrl.startsWith("https://")) log.warn({ url: publicUrl }, "Zalo only calls HTTPS webhooks; PUBLIC_URL should start with https://");
      // The default account's refusal (a wrong ZALO_BOT_TOKEN) must stop the start, not be logged.
      if (defaultSpec && pollsHere(defaultSpec)) {
        const bot = launch(defaultSpec);
        bots.set(defaultSpec.id, bot);
        polling = defaultSpec.mode === "polling" ? 1 : 0;
        await bot.start();
      }
      // A polling account's lease gained or lost: start or stop its loop.
      unfollow = options.leases?.onChange((gained, lost) => {
        if ([...gained, ...lost].some((l) => l.platform === "ZALO")) return refresh();
      }) ?? null;
      await refresh();
      if (source) {
        timer = setInterval(() => void refresh(), options.refreshMs ?? 5_000);
        timer.unref();
      }
      // Expired files go on a timer, not only when the next one is published.
      files?.start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      unfollow?.();
      if (timer) clearInterval(timer);
      files?.stop();
      await turn;
      // New deliveries are refused (503: Zalo delivers them again); those under way finish.
      await receiver.close();
      await Promise.all([...bots.values()].map((b) => b.stop()));
    },
    async close() {
      await Promise.all([dispatcher.close(), pollDispatcher.close()]);
    },
  };
}
