// The Zalo Bot Platform adapter: receiving (webhook or long polling) turned into core events, and
// the messenger that renders the core's messages for a chat without buttons.
import type { AdapterDeps, PlatformAdapter } from "../adapter.ts";
import { filesDir } from "../../infra/paths.ts";
import { createFileLinks, DEFAULT_FILE_TTL_MS, type FileLinks } from "../shared/file-links.ts";
import { createZaloClient, DEFAULT_POLL_SECONDS, ZaloApiError, type ZaloClient, type ZaloUpdate } from "./client.ts";
import { toInboundEvent } from "./events.ts";
import { createZaloMessenger } from "./messenger.ts";
import { createPoller, DEFAULT_BACKOFF, retryUntil, type Backoff, type Poller } from "./polling.ts";
import { createWebhookRoute, WEBHOOK_PATH, type WebhookRoute } from "./webhook.ts";

/** Knobs for tests and benchmarks; production uses the defaults. */
export interface ZaloAdapterOptions {
  /** Where linked files are kept (default: FILES_DIR, or "files" beside the database). */
  filesDir?: string;
  fileTtlMs?: number;
  pollTimeoutSeconds?: number;
  backoff?: Backoff;
  requestTimeoutMs?: number;
  quotaBackoffMs?: number[];
}

export interface ZaloAdapter extends PlatformAdapter {
  readonly client: ZaloClient;
}

export async function createZaloAdapter(deps: AdapterDeps, options: ZaloAdapterOptions = {}): Promise<ZaloAdapter> {
  const { config, core } = deps;
  const log = deps.logger.child({ platform: "zalo" });
  const token = config.ZALO_BOT_TOKEN;
  if (!token) throw new Error("ZALO_BOT_TOKEN is not set");
  const mode = config.ZALO_MODE;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const client = createZaloClient({ token, apiRoot: config.ZALO_API_ROOT, ...(options.requestTimeoutMs ? { timeoutMs: options.requestTimeoutMs } : {}) });

  const files: FileLinks | null = config.PUBLIC_URL
    ? createFileLinks({
        dir: options.filesDir ?? filesDir(config),
        publicUrl: config.PUBLIC_URL,
        ttlMs: options.fileTtlMs ?? DEFAULT_FILE_TTL_MS,
        logger: log,
      })
    : null;

  const messenger = createZaloMessenger({
    client,
    logger: log,
    bind: (locale) => core.messages.bind(locale),
    defaultLocale: config.DEFAULT_LOCALE,
    timezone: config.DEFAULT_TIMEZONE,
    files,
    ...(options.quotaBackoffMs ? { quotaBackoffMs: options.quotaBackoffMs } : {}),
  });

  let botId: string | null = null;
  const webhookUrl = config.PUBLIC_URL ? `${config.PUBLIC_URL.replace(/\/+$/, "")}${WEBHOOK_PATH}` : null;

  async function handleUpdate(update: ZaloUpdate): Promise<void> {
    const parsed = toInboundEvent(update, botId, new Date());
    if ("ignored" in parsed) {
      log.debug({ reason: parsed.ignored }, "zalo update ignored");
      return;
    }
    await core.engine.handle(parsed.event);
  }

  /** Who the bot is (to drop its own echoes), and the receiving mode registered with Zalo. */
  async function prepare(signal?: AbortSignal): Promise<void> {
    const o = signal ? { signal } : {};
    const me = await client.getMe(o);
    botId = String(me.id);
    if (mode === "webhook") {
      await client.setWebhook(webhookUrl!, config.ZALO_WEBHOOK_SECRET!, o);
      const info = await client.getWebhookInfo(o);
      if (info.url !== webhookUrl) log.warn({ registered: info.url, expected: webhookUrl }, "Zalo reports a different webhook URL than the one just set");
      log.info({ url: webhookUrl }, "zalo webhook registered");
    } else {
      // getUpdates does not work while a webhook is set.
      await client.deleteWebhook(o);
    }
  }

  const webhook: WebhookRoute | null =
    mode === "webhook" ? createWebhookRoute({ secret: config.ZALO_WEBHOOK_SECRET!, handle: handleUpdate, logger: log }) : null;
  if (webhookUrl && mode === "webhook" && !webhookUrl.startsWith("https://")) log.warn({ url: webhookUrl }, "Zalo only calls HTTPS webhooks; PUBLIC_URL should start with https://");

  let poller: Poller | null = null;
  const background = new AbortController();
  let retrying: Promise<unknown> | null = null;
  let stopped = false;

  return {
    platform: "ZALO",
    client,
    messenger,
    inviteLink: () => null,
    mount(http) {
      if (webhook) http.route("POST", WEBHOOK_PATH, webhook.route);
      files?.mount(http);
    },
    async start() {
      let ready = false;
      try {
        await prepare();
        ready = true;
      } catch (err) {
        // A wrong token or URL will not fix itself: refuse to start with a clear reason.
        if (err instanceof ZaloApiError && err.code === "ZALO_API_ERROR" && [400, 401, 404].includes(err.errorCode ?? 0)) {
          throw new Error(`Zalo refused to start the bot (${err.message}). Check ZALO_BOT_TOKEN${mode === "webhook" ? " and PUBLIC_URL" : ""}.`);
        }
        log.warn({ err: err instanceof Error ? err.message : err }, "Zalo is not reachable yet; retrying in the background");
      }
      if (mode === "polling") {
        poller = createPoller({
          getUpdates: (signal) => client.getUpdates({ timeoutSeconds: options.pollTimeoutSeconds ?? DEFAULT_POLL_SECONDS, signal }),
          handle: handleUpdate,
          ...(ready ? {} : { prepare }),
          backoff,
          logger: log,
        });
        poller.start();
      } else if (!ready) {
        const signal = background.signal;
        retrying = retryUntil("registering the Zalo webhook", () => prepare(signal), { signal, backoff, log });
      }
      files?.sweep().catch((err: unknown) => log.warn({ err }, "could not clean up old file links"));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      background.abort();
      await retrying;
      await poller?.stop();
      await webhook?.close();
      await client.close();
    },
  };
}
