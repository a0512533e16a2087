// The Telegram adapter: the grammY bot, how updates arrive (long polling or the webhook), the
// messenger the outbox sender delivers through, the command menu, and invite deep links.
import type { Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { type AbandonedUpdate, type LeaseKeeper, defaultBotAccountId } from "../../core/index.ts";
import type { AdapterDeps, PlatformAdapter } from "../adapter.ts";
import { atStart, createTelegramBot, type TelegramBot } from "./bot.ts";
import { createMenus, type Menus } from "./menu.ts";
import { createTelegramMessenger } from "./messenger.ts";
import { createPoller, kindOf } from "./poller.ts";
import { createWebhook, WEBHOOK_PATH } from "./webhook.ts";

export { createTelegramBot } from "./bot.ts";

export interface TelegramAdapterOptions {
  /** Known bot info: skips getMe (tests). */
  botInfo?: UserFromGetMe;
  /** API transformers installed on every client (tests record calls). */
  transformers?: Transformer[];
  /** Chats handled at once when polling (default 32). */
  concurrency?: number;
  /** Whether the database answers: polling gives no update up while it does not. */
  databaseUp?: () => Promise<boolean>;
  /** Polling: attempts at an update before it is given up, and the first wait between them (tests). */
  attempts?: number;
  retryBaseMs?: number;
  /**
   * Send leases (several instances): long polling runs only while this instance holds the default
   * Telegram account's lease, so two instances never poll at once (Telegram answers the second with
   * 409). Without it this instance polls whenever it runs. Webhooks are served by every instance.
   */
  leases?: Pick<LeaseKeeper, "holds" | "onChange">;
}

export interface TelegramAdapter extends PlatformAdapter {
  readonly telegram: TelegramBot;
  readonly menus: Menus;
}

/** The update types the bot reads; everything else Telegram need not send. */
const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export async function createTelegramAdapter(deps: AdapterDeps, opts: TelegramAdapterOptions = {}): Promise<TelegramAdapter> {
  const { config, core } = deps;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  const logger = deps.logger.child({ platform: "TELEGRAM" });

  const telegram = createTelegramBot({
    token,
    apiRoot: config.TELEGRAM_API_ROOT,
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
    ...(opts.transformers ? { transformers: opts.transformers } : {}),
    core,
    logger,
    defaultLocale: config.DEFAULT_LOCALE,
  });
  const { bot } = telegram;
  const menus = createMenus({
    api: bot.api,
    core,
    logger,
    defaultLocale: config.DEFAULT_LOCALE,
    operators: [...config.BOT_ADMINS].filter((o) => o.startsWith("telegram:")).map((o) => o.slice("telegram:".length)),
  });
  // A chat's menu follows what its person became (a role, a language) after each update.
  telegram.observe((event, actor) => menus.observe(event, actor));
  // The bot's username is needed for invite links before anything else runs.
  await telegram.init();

  const handle = (update: Update) => telegram.handleUpdate(update);
  const webhookMode = config.TELEGRAM_MODE === "webhook";
  const webhook = webhookMode ? createWebhook({ secret: config.TELEGRAM_WEBHOOK_SECRET ?? "", handle, logger }) : null;
  const poller = webhookMode
    ? null
    : createPoller({
        api: bot.api,
        handle,
        logger,
        concurrency: opts.concurrency ?? 32,
        allowedUpdates: ALLOWED_UPDATES,
        ...(opts.databaseUp ? { databaseUp: opts.databaseUp } : {}),
        ...(opts.attempts ? { attempts: opts.attempts } : {}),
        ...(opts.retryBaseMs ? { retryBaseMs: opts.retryBaseMs } : {}),
        onAbandoned: (update, err) => core.engine.abandon(abandoned(update, err)),
      });

  // The poller follows the lease: started when it is gained, stopped (in-flight updates finished,
  // the offset confirmed) when it is lost, one change at a time.
  const account = defaultBotAccountId("TELEGRAM");
  let polling = false;
  let pollTurn: Promise<void> = Promise.resolve();
  const follow = (want: boolean): Promise<void> => {
    pollTurn = pollTurn.then(async () => {
      if (!poller || want === polling) return;
      polling = want;
      if (want) {
        poller.start();
        logger.info("telegram long polling started");
      } else {
        await poller.stop();
        logger.info("telegram long polling stopped: another instance holds the bot");
      }
    });
    return pollTurn;
  };
  let unfollow: (() => void) | null = null;

  async function publishMenus(): Promise<void> {
    try {
      await menus.publishDefaults();
      await menus.publishOperators();
    } catch (err) {
      // Commands still work when typed; the menu is published again at the next start.
      logger.warn({ err }, "could not publish the command menu");
    }
  }

  return {
    platform: "TELEGRAM",
    telegram,
    menus,
    messenger: createTelegramMessenger(telegram.sendApi),
    inviteLink: (code) => `https://t.me/${bot.botInfo.username}?start=${encodeURIComponent(code)}`,
    mount(http) {
      webhook?.mount(http);
    },
    async start() {
      if (webhook) {
        const url = `${config.PUBLIC_URL!.replace(/\/+$/, "")}${WEBHOOK_PATH}`;
        await atStart(() => bot.api.setWebhook(url, { secret_token: config.TELEGRAM_WEBHOOK_SECRET!, allowed_updates: [...ALLOWED_UPDATES], max_connections: 40 }));
        logger.info({ url }, "telegram webhook registered");
      } else {
        await atStart(() => bot.api.deleteWebhook({ drop_pending_updates: false }));
        const leases = opts.leases;
        if (leases) {
          unfollow = leases.onChange((gained, lost) => {
            const ours = (l: { platform: string; botAccountId: string }) => l.platform === "TELEGRAM" && l.botAccountId === account;
            if (lost.some(ours) || gained.some(ours)) return follow(leases.holds("TELEGRAM", account));
          });
          await follow(leases.holds("TELEGRAM", account));
          if (!polling) logger.info("telegram long polling waits: another instance holds the bot");
        } else await follow(true);
      }
      await publishMenus();
    },
    async stop() {
      unfollow?.();
      await follow(false);
      await webhook?.close();
      await menus.settle();
    },
    close: () => telegram.close(),
  };
}

/** What the audit log keeps of an update given up: its kind, chat and sender, and the last error. */
function abandoned(update: Update, err: unknown): AbandonedUpdate {
  const parts = update as unknown as Record<string, { chat?: { id: number }; from?: { id: number }; message?: { chat?: { id: number } } } | undefined>;
  const body = parts[kindOf(update)];
  const chat = body?.chat?.id ?? body?.message?.chat?.id;
  return {
    platform: "TELEGRAM",
    updateId: String(update.update_id),
    ...(body?.from ? { userId: String(body.from.id) } : {}),
    details: { kind: kindOf(update), ...(chat !== undefined ? { chatId: String(chat) } : {}) },
    error: err,
  };
}
