// The platform-neutral vocabulary every adapter speaks: inbound events and canonical messages.

export type Platform = "TELEGRAM" | "ZALO" | "CONSOLE";
export type Locale = "vi" | "en";
export const LOCALES: readonly Locale[] = ["vi", "en"];

/** One update from any platform, after the adapter has parsed it. */
export interface InboundEvent {
  platform: Platform;
  /** Unique per platform; the same update delivered twice carries the same id. */
  updateId: string;
  userId: string;
  chatId: string;
  /** Typed text (a command, an answer, a code). */
  text?: string;
  /** The action of a pressed button (Telegram callback data). */
  choice?: string;
  /** Something the bot cannot read (a sticker, a photo, a voice message). */
  unsupported?: string;
  displayName?: string;
  /** The platform's language hint, used before the person has chosen one. */
  languageHint?: string;
  receivedAt: Date;
}

/** A button: what the person sees, and the action that comes back when they pick it. */
export interface Choice {
  label: string;
  /** ASCII, at most 64 bytes: it travels as Telegram callback data. */
  action: string;
}

/** A file the bot sends (exports, the year-end draft). */
export interface OutFile {
  name: string;
  mime: string;
  /** base64 */
  data: string;
}

/** The canonical outgoing message: plain text (adapters escape it) and optional rows of choices. */
export interface OutMessage {
  text: string;
  choices?: Choice[][];
  files?: OutFile[];
  /** The language the text is in, for the few words an adapter adds (a hint under a numbered list). */
  locale?: Locale;
}

export const MAX_ACTION_BYTES = 64;
