// One Zalo bot account at work: who the bot is (its own messages are dropped), how it receives
// (its webhook registered with its own secret, or a long-poll loop), and its updates turned into
// core events that say which bot they came through. A deployment runs many of these (see index.ts).
import type { Dispatcher } from "undici";
import type { Core, Logger, Semaphore } from "../../core/index.ts";
import { createZaloClient, DEFAULT_POLL_SECONDS, ZaloApiError, type ZaloClient, type ZaloUpdate } from "./client.ts";
import { toInboundEvent } from "./events.ts";
import { createPoller, retryUntil, type Backoff, type Poller } from "./polling.ts";
import { createWebhookReceiver, type WebhookReceiver } from "./webhook.ts";

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

export interface ZaloBotDeps {
  core: Core;
  logger: Logger;
  apiRoot: string;
  /** Where Zalo calls this account (webhook mode); null when no PUBLIC_URL is set. */
  webhookUrl: string | null;
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
}

export interface ZaloBot {
  readonly spec: ZaloBotSpec;
  readonly client: ZaloClient;
  readonly receiver: WebhookReceiver | null;
  /** Starts receiving; for the default account a token Zalo refuses stops the start with a reason. */
  start(): Promise<void>;
  /** Stops receiving at once; the update being handled finishes. `forget` also unregisters the webhook. */
  stop(opts?: { forget?: boolean }): Promise<void>;
}

export function createZaloBot(spec: ZaloBotSpec, deps: ZaloBotDeps): ZaloBot {
  const log = deps.logger.child({ botAccountId: spec.id });
  const client = createZaloClient({
    token: spec.token,
    apiRoot: deps.apiRoot,
    dispatcher: deps.dispatcher,
    pollDispatcher: deps.pollDispatcher,
    ...(deps.requestTimeoutMs ? { timeoutMs: deps.requestTimeoutMs } : {}),
  });
  let botId: string | null = null;
  const background = new AbortController();
  let poller: Poller | null = null;
  let retrying: Promise<unknown> | null = null;
  let stopped = false;

  async function handleUpdate(update: ZaloUpdate): Promise<void> {
    const parsed = toInboundEvent(update, botId, new Date());
    if ("ignored" in parsed) {
      log.debug({ reason: parsed.ignored }, "zalo update ignored");
      return;
    }
    deps.events.update(spec.id, parsed.event.receivedAt);
    await deps.core.engine.handle({ ...parsed.event, botAccountId: spec.id });
  }

  /** What the audit log keeps of an update given up: its kind, chat and sender, and the last error. */
  async function abandonUpdate(update: ZaloUpdate, err: unknown): Promise<void> {
    const parsed = toInboundEvent(update, botId, new Date());
    if ("ignored" in parsed) return;
    const { event } = parsed;
    await deps.core.engine.abandon({
      platform: "ZALO",
      updateId: event.updateId,
      botAccountId: spec.id,
      userId: event.userId,
      details: { kind: update.event_name ?? "", chatId: event.chatId },
      error: err,
    });
  }

  const receiver = spec.mode === "webhook" ? createWebhookReceiver({ secret: spec.webhookSecret, handle: handleUpdate, logger: log }) : null;

  /** Who the bot is (to drop its own echoes), and the receiving mode registered with Zalo. */
  async function prepare(signal?: AbortSignal): Promise<void> {
    const o = signal ? { signal } : {};
    try {
      const me = await client.getMe(o);
      botId = String(me.id);
      if (spec.mode === "webhook") {
        if (!deps.webhookUrl) throw new Error("PUBLIC_URL is not set: Zalo has no address to call this bot's webhook at");
        await client.setWebhook(deps.webhookUrl, spec.webhookSecret, o);
        const info = await client.getWebhookInfo(o);
        if (info.url !== deps.webhookUrl) log.warn({ registered: info.url, expected: deps.webhookUrl }, "Zalo reports a different webhook URL than the one just set");
        log.info({ url: deps.webhookUrl }, "zalo webhook registered");
      } else {
        // getUpdates does not work while a webhook is set.
        await client.deleteWebhook(o);
      }
      deps.events.error(spec.id, null);
    } catch (err) {
      if (!signal?.aborted) deps.events.error(spec.id, err instanceof Error ? err.message : String(err));
      throw err;
    }
  }

  async function poll(signal: AbortSignal): Promise<ZaloUpdate[]> {
    // Accounts take turns for the shared long-poll places; one waiting here holds no connection.
    if (!(await deps.pollGate.acquire(signal))) return [];
    try {
      return await client.getUpdates({ timeoutSeconds: deps.pollSeconds(), signal });
    } finally {
      deps.pollGate.release();
    }
  }

  return {
    spec,
    client,
    receiver,
    async start() {
      if (spec.paused) return;
      let ready = false;
      try {
        await prepare();
        ready = true;
      } catch (err) {
        // A wrong token or URL in the environment will not fix itself: refuse to start with a clear reason.
        const refused = err instanceof ZaloApiError && err.code === "ZALO_API_ERROR" && [400, 401, 404].includes(err.errorCode ?? 0);
        if (refused && spec.isDefault) {
          throw new Error(`Zalo refused to start the bot (${err.message}). Check ZALO_BOT_TOKEN${spec.mode === "webhook" ? " and PUBLIC_URL" : ""}.`);
        }
        log.warn({ err: err instanceof Error ? err.message : err, label: spec.label }, "Zalo bot not ready yet; retrying in the background");
      }
      if (stopped) return;
      if (spec.mode === "polling") {
        poller = createPoller({
          getUpdates: poll,
          handle: handleUpdate,
          onAbandoned: abandonUpdate,
          ...(ready ? {} : { prepare }),
          ...(deps.databaseUp ? { databaseUp: deps.databaseUp } : {}),
          backoff: deps.backoff,
          logger: log,
        });
        poller.start();
      } else if (!ready) {
        const signal = background.signal;
        retrying = retryUntil("registering the Zalo webhook", () => prepare(signal), { signal, backoff: deps.backoff, log });
      }
    },
    async stop(opts = {}) {
      if (stopped) return;
      stopped = true;
      background.abort();
      await retrying;
      await poller?.stop();
      await receiver?.close();
      if (opts.forget && spec.mode === "webhook") {
        // Zalo stops calling a bot that was removed from this deployment.
        await client.deleteWebhook({ timeoutMs: 5_000 }).catch((err: unknown) => log.warn({ err: err instanceof Error ? err.message : err }, "could not unregister the webhook"));
      }
    },
  };
}

export const pollSecondsFor = (accounts: number, places: number): number => (accounts <= places ? DEFAULT_POLL_SECONDS : 5);
