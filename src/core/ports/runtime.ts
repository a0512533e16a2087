// Ports for what the core needs from the outside world besides storage.
import type { BotAccount } from "../domain/model.ts";
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

/** How a message is sent: through which bot account, and what to do before each API call. */
export interface SendVia {
  botAccountId: string;
  /**
   * Called by the messenger before every API call a message takes (a long text in parts, a picture
   * then its text): the sender takes a rate-limit token per call there, so the platform's limits are
   * counted in the calls it actually receives. It throws (a DeliveryError) to stop the message there.
   */
  beforeCall?: () => Promise<void>;
}

/**
 * Delivery to one platform. `botAccountId` names the bot account that sends (platforms with several
 * bots). Throws DeliveryError so the sender can decide what to do.
 */
export interface Messenger {
  readonly platform: Platform;
  send(chatId: string, message: OutMessage, via?: SendVia): Promise<SendReceipt | void>;
}

/** What the core cannot know about the platforms: how an invite looks on each. */
export interface PlatformLinks {
  /** Links that open a chat with the bot carrying the code (Telegram deep links); empty where codes are typed. */
  inviteLinks(code: string): Array<{ platform: Platform; url: string }>;
  /** The platforms this installation runs on, so instructions only mention those. */
  platforms(): Platform[];
}

export type BotAddResult =
  | { ok: true; account: BotAccount; webhookUrl: string | null }
  /** no-secret-key: SECRET_KEY is not set; token-rejected: the platform refused it; unreachable: no answer; duplicate: already added. */
  | { ok: false; reason: "no-secret-key" | "token-rejected" | "unreachable" | "duplicate"; detail?: string };

/** Managing bot accounts from chat (/kenh): what needs the platform's API and the secret key. */
export interface BotAdmin {
  /** Tokens are stored encrypted: without SECRET_KEY none can be added. */
  canStore(): boolean;
  /** Checks the token with the platform (getMe), then stores the account with its token sealed. */
  add(input: { platform: "ZALO"; label: string; token: string; branchId: string | null; link?: string | null; mode?: "WEBHOOK" | "POLLING" }): Promise<BotAddResult>;
  /** Where the platform calls an account's webhook (null without PUBLIC_URL). */
  webhookUrl(accountId: string): string | null;
  /** Accounts changed (paused, resumed, assigned, added): the running bots and quotas read them again. */
  changed(): void;
}
