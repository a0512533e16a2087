// One Zalo bot account at work: who the bot is (its own messages are dropped), how it receives
// (its webhook registered with its own secret, or a long-poll loop), and its updates turned into
// core events that say which bot they came through. A deployment runs many of these (see index.ts):
// a province 15,000, nearly all in webhook mode. So an account is a small object with its methods on
// the prototype and everything it shares (the core, the pools, the logger) in one deps object; its
// client is made on first use, its logger only when something is logged, its poll loop and
// background retry only when it polls or must retry.
import type { Dispatcher } from "undici";
import type { Core, Logger, Semaphore } from "../../core/index.ts";
import { createZaloClient, DEFAULT_POLL_SECONDS, ZaloApiError, type ZaloClient, type ZaloUpdate } from "./client.ts";
import { toInboundEvent } from "./events.ts";
import { createPoller, retryUntil, type Backoff, type Poller } from "./polling.ts";
import type { WebhookAccount } from "./webhook.ts";

export interface ZaloBotSpec {
  id: string;
  label: string;
  token: string;
  webhookSecret: string;
  mode: "webhook" | "polling";
  /** Paused by an operator: known (its webhook answers 503), but neither receiving nor sending. */
  paused: boolean;
  /** The token in ZALO_BOT_TOKEN: a wrong one stops the start of the whole bot. */
  isDefault: boolean;
}

export interface BotEvents {
  /** Something the operator should see in `bots list` (null: the account works again). */
  error(id: string, message: string | null): void;
  /** An update arrived through the account. */
  update(id: string, at: Date): void;
}

/** What every account of a deployment shares. */
export interface ZaloBotDeps {
  core: Core;
  logger: Logger;
  apiRoot: string;
  /** Where Zalo calls an account (webhook mode); null when no PUBLIC_URL is set. */
  webhookUrl(spec: ZaloBotSpec): string | null;
  dispatcher: Dispatcher;
  pollDispatcher: Dispatcher;
  /** Long polls running at once across all accounts. */
  pollGate: Semaphore;
  /** How long one long poll waits (shorter when many accounts take turns). */
  pollSeconds: () => number;
  backoff: Backoff;
  requestTimeoutMs?: number;
  events: BotEvents;
  /** Whether the database answers (polling keeps an update while it does not). */
  databaseUp?: () => Promise<boolean>;
  /** Resolves once the account's webhook deliveries under way have settled. */
  webhookSettled(id: string): Promise<void>;
}

export interface ZaloBot extends WebhookAccount {
  readonly spec: ZaloBotSpec;
  /** The account's API client (made on first use). */
  readonly client: ZaloClient;
  /** Starts receiving; for the default account a token Zalo refuses stops the start with a reason. */
  start(): Promise<void>;
  /** Stops receiving at once; the update being handled finishes. `forget` also unregisters the webhook. */
  stop(opts?: { forget?: boolean }): Promise<void>;
}

export function createZaloBot(spec: ZaloBotSpec, deps: ZaloBotDeps): ZaloBot {
  return new ZaloAccount(spec, deps);
}

class ZaloAccount implements ZaloBot {
  /** The bot's own user id (from getMe): its echoes are dropped. */
  private botId: string | null = null;
  private made: ZaloClient | null = null;
  private poller: Poller | null = null;
  private background: AbortController | null = null;
  private retrying: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    readonly spec: ZaloBotSpec,
    private readonly deps: ZaloBotDeps,
  ) {}

  get webhookSecret(): string {
    return this.spec.webhookSecret;
  }

  get paused(): boolean {
    return this.spec.paused;
  }

  get client(): ZaloClient {
    return (this.made ??= createZaloClient({
      token: this.spec.token,
      apiRoot: this.deps.apiRoot,
      dispatcher: this.deps.dispatcher,
      pollDispatcher: this.deps.pollDispatcher,
      ...(this.deps.requestTimeoutMs ? { timeoutMs: this.deps.requestTimeoutMs } : {}),
    }));
  }

  /** Made when something is logged: most accounts log once at start, if at all. */
  private get log(): Logger {
    return this.deps.logger.child({ botAccountId: this.spec.id });
  }

  async handle(update: ZaloUpdate): Promise<void> {
    const parsed = toInboundEvent(update, this.botId, new Date());
    if ("ignored" in parsed) {
      this.log.debug({ reason: parsed.ignored }, "zalo update ignored");
      return;
    }
    this.deps.events.update(this.spec.id, parsed.event.receivedAt);
    await this.deps.core.engine.handle({ ...parsed.event, botAccountId: this.spec.id });
  }

  /** What the audit log keeps of an update given up: its kind, chat and sender, and the last error. */
  private async abandon(update: ZaloUpdate, err: unknown): Promise<void> {
    const parsed = toInboundEvent(update, this.botId, new Date());
    if ("ignored" in parsed) return;
    const { event } = parsed;
    await this.deps.core.engine.abandon({
      platform: "ZALO",
      updateId: event.updateId,
      botAccountId: this.spec.id,
      userId: event.userId,
      details: { kind: update.event_name ?? "", chatId: event.chatId },
      error: err,
    });
  }

  /** Who the bot is (to drop its own echoes), and the receiving mode registered with Zalo. */
  private async prepare(signal?: AbortSignal): Promise<void> {
    const { spec, deps } = this;
    const o = signal ? { signal } : {};
    try {
      const me = await this.client.getMe(o);
      this.botId = String(me.id);
      if (spec.mode === "webhook") {
        const url = deps.webhookUrl(spec);
        if (!url) throw new Error("PUBLIC_URL is not set: Zalo has no address to call this bot's webhook at");
        await this.client.setWebhook(url, spec.webhookSecret, o);
        const info = await this.client.getWebhookInfo(o);
        const log = this.log;
        if (info.url !== url) log.warn({ registered: info.url, expected: url }, "Zalo reports a different webhook URL than the one just set");
        log.info({ url }, "zalo webhook registered");
      } else {
        // getUpdates does not work while a webhook is set.
        await this.client.deleteWebhook(o);
      }
      deps.events.error(spec.id, null);
    } catch (err) {
      if (!signal?.aborted) deps.events.error(spec.id, err instanceof Error ? err.message : String(err));
      throw err;
    }
  }

  private async poll(signal: AbortSignal): Promise<ZaloUpdate[]> {
    // Accounts take turns for the shared long-poll places; one waiting here holds no connection.
    if (!(await this.deps.pollGate.acquire(signal))) return [];
    try {
      return await this.client.getUpdates({ timeoutSeconds: this.deps.pollSeconds(), signal });
    } finally {
      this.deps.pollGate.release();
    }
  }

  async start(): Promise<void> {
    const { spec, deps } = this;
    if (spec.paused) return;
    let ready = false;
    try {
      await this.prepare();
      ready = true;
    } catch (err) {
      // A wrong token or URL in the environment will not fix itself: refuse to start with a clear reason.
      const refused = err instanceof ZaloApiError && err.code === "ZALO_API_ERROR" && [400, 401, 404].includes(err.errorCode ?? 0);
      if (refused && spec.isDefault) {
        throw new Error(`Zalo refused to start the bot (${err.message}). Check ZALO_BOT_TOKEN${spec.mode === "webhook" ? " and PUBLIC_URL" : ""}.`);
      }
      this.log.warn({ err: err instanceof Error ? err.message : err, label: spec.label }, "Zalo bot not ready yet; retrying in the background");
    }
    if (this.stopped) return;
    if (spec.mode === "polling") {
      this.poller = createPoller({
        getUpdates: (signal) => this.poll(signal),
        handle: (update) => this.handle(update),
        onAbandoned: (update, err) => this.abandon(update, err),
        ...(ready ? {} : { prepare: (signal: AbortSignal) => this.prepare(signal) }),
        ...(deps.databaseUp ? { databaseUp: deps.databaseUp } : {}),
        backoff: deps.backoff,
        logger: this.log,
      });
      this.poller.start();
    } else if (!ready) {
      const background = (this.background = new AbortController());
      const signal = background.signal;
      this.retrying = retryUntil("registering the Zalo webhook", () => this.prepare(signal), { signal, backoff: deps.backoff, log: this.log });
    }
  }

  async stop(opts: { forget?: boolean } = {}): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.background?.abort();
    await this.retrying;
    await this.poller?.stop();
    await this.deps.webhookSettled(this.spec.id);
    if (opts.forget && this.spec.mode === "webhook") {
      // Zalo stops calling a bot that was removed from this deployment.
      await this.client.deleteWebhook({ timeoutMs: 5_000 }).catch((err: unknown) => this.log.warn({ err: err instanceof Error ? err.message : err }, "could not unregister the webhook"));
    }
  }
}

export const pollSecondsFor = (accounts: number, places: number): number => (accounts <= places ? DEFAULT_POLL_SECONDS : 5);
