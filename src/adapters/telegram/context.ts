// What every composer of the Telegram bot shares: grammY's context with a logger for the update, and
// the way into the core.
import type { Context } from "grammy";
import type { Logger, TranslateArgs, InboundEvent, Locale } from "../../core/index.ts";

export interface BotFlavor {
  /** A child logger carrying the update id. */
  log: Logger;
  /** When the update reached us (the event's receivedAt). */
  receivedAt: Date;
}

export type BotContext = Context & BotFlavor;

export interface ComposerDeps {
  /** Hands one event to the core; resolves once it is durably handled, throws when it was not. */
  dispatch(event: InboundEvent): Promise<void>;
  t(locale: Locale, key: string, args?: TranslateArgs): string;
  defaultLocale: Locale;
}
