// Ports for what the core needs from the outside world besides storage.
import type { Locale, OutMessage, Platform } from "../types.ts";

export interface Clock {
  now(): Date;
}

export type TranslateArgs = Record<string, string | number | Date>;

export interface Translator {
  t(locale: Locale, key: string, args?: TranslateArgs): string;
  has(key: string): boolean;
}

export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** How a message went out. */
export interface SendReceipt {
  /** API messages it took (a long text in pieces, a picture and its text): each counts against a quota. */
  parts: number;
}

/**
 * Delivery to one platform. `botAccountId` names the bot account that sends (platforms with several
 * bots). Throws DeliveryError so the sender can decide what to do.
 */
export interface Messenger {
  readonly platform: Platform;
  send(chatId: string, message: OutMessage, via?: { botAccountId: string }): Promise<SendReceipt | void>;
}

/** What the core cannot know about the platforms: how an invite looks on each. */
export interface PlatformLinks {
  /** Links that open a chat with the bot carrying the code (Telegram deep links); empty where codes are typed. */
  inviteLinks(code: string): Array<{ platform: Platform; url: string }>;
  /** The platforms this installation runs on, so instructions only mention those. */
  platforms(): Platform[];
}
