// The grammY bot: composers assembled in one place, one error boundary, and two API clients — one
// for the adapter's own calls (with bounded automatic retries) and one for the outbox's sends (none:
// the sender decides about retrying, and must see every failure).
import { autoRetry } from "@grammyjs/auto-retry";
import { Api, Bot, BotError, HttpError, type Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { type Core, type Actor, type Logger, lazyChild, type InboundEvent, type Locale } from "../../core/index.ts";
import { buttonsComposer } from "./composers/buttons.ts";
import { messagesComposer } from "./composers/messages.ts";
import { privateOnlyComposer } from "./composers/private-only.ts";
import { unhandledComposer } from "./composers/unhandled.ts";
import type { BotContext, ComposerDeps } from "./context.ts";
import { createBotHttp } from "./http.ts";

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  /** Skips getMe (tests); otherwise `init()` fetches it. */
  botInfo?: UserFromGetMe;
  /** Installed first on both clients, so they see every attempt (tests record or answer calls). */
  transformers?: Transformer[];
  core: Core;
  logger: Logger;
  defaultLocale: Locale;
}

/** Told of each update the core handled, with the person as it left them. */
export type HandledUpdateObserver = (event: InboundEvent, actor: Readonly<Actor>) => void;

export interface TelegramBot {
  bot: Bot<BotContext>;
  /** For the outbox sender: no retries. */
  sendApi: Api;
  /** getMe, unless bot info was given. */
  init(): Promise<void>;
  /** Follows the updates the core handles from now on (the command menus, built on this bot's API, do). */
  observe(observer: HandledUpdateObserver): void;
  /** Runs one update through the composers; rejects when it was not durably handled (redeliver it). */
  handleUpdate(update: Update): Promise<void>;
  /** Closes the HTTP connections to the Bot API. */
  close(): Promise<void>;
}

/** The adapter's own calls give up rather than hold an update or the shutdown for long. */
export const OWN_CALL_RETRIES = { maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true } as const;

/**
 * Calls made while starting (getMe, setWebhook, deleteWebhook) get a few more tries for a network
 * blip; Bot API errors (a wrong token: 401) fail at once.
 */
export async function atStart<T>(call: () => Promise<T>, attempts = 4, delayMs = 1_000): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await call();
    } catch (err) {
      if (i >= attempts || !(err instanceof HttpError)) throw err;
      await new Promise((r) => setTimeout(r, delayMs * i));
    }
  }
}

export class UpdateFailedError extends Error {
  readonly code = "TELEGRAM_UPDATE_FAILED";
}

export function createTelegramBot(opts: TelegramBotOptions): TelegramBot {
  const http = createBotHttp();
  const client = { apiRoot: opts.apiRoot.replace(/\/+$/, ""), timeoutSeconds: 60, fetch: http.fetch };
  const bot = new Bot<BotContext>(opts.token, { client, ...(opts.botInfo ? { botInfo: opts.botInfo } : {}) });
  const sendApi = new Api(opts.token, client);
  for (const t of opts.transformers ?? []) {
    bot.api.config.use(t);
    sendApi.config.use(t);
  }
  bot.api.config.use(autoRetry(OWN_CALL_RETRIES));

  let observer: HandledUpdateObserver | null = null;
  const deps: ComposerDeps = {
    async dispatch(event) {
      const told = observer;
      await opts.core.engine.handle(event, told ? (actor) => told(event, actor) : undefined);
    },
    t: (locale, key, args) => opts.core.messages.bind(locale)(key, args),
    defaultLocale: opts.defaultLocale,
  };

  // Order matters: each composer takes what is its own and stops there.
  bot.use((ctx, next) => {
    ctx.log = lazyChild(opts.logger, { platform: "TELEGRAM", updateId: ctx.update.update_id });
    ctx.receivedAt = new Date();
    return next();
  });
  bot.use(privateOnlyComposer(deps)); // 1. groups and channels: a pointer to the private chat, nothing else
  bot.use(buttonsComposer(deps)); // 2. pressed buttons → choice (always answered)
  bot.use(messagesComposer(deps)); // 3. private text → text, other private messages → unsupported
  bot.use(unhandledComposer()); // 4. whatever is left: logged, not answered

  // The one error boundary. grammY calls it for polling it runs itself; handleUpdate below routes
  // every other path (our poller, the webhook) through it too.
  const boundary = (err: BotError<BotContext>) => {
    const log = err.ctx.log ?? opts.logger;
    log.error({ err: err.error, updateId: err.ctx.update.update_id }, "telegram update failed");
  };
  bot.catch(boundary);

  return {
    bot,
    sendApi,
    // Not bot.init(): grammY retries that forever, and a wrong token or API root should stop the
    // start with a clear error instead of hanging.
    async init() {
      if (!bot.isInited()) bot.botInfo = await atStart(() => bot.api.getMe());
    },
    close: () => http.close(),
    observe(o) {
      observer = o;
    },
    async handleUpdate(update) {
      try {
        await bot.handleUpdate(update);
      } catch (err) {
        if (err instanceof BotError) {
          boundary(err as BotError<BotContext>);
          throw new UpdateFailedError(`update ${update.update_id} failed`, { cause: err.error });
        }
        throw err;
      }
    },
  };
}
