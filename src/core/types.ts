// The platform-neutral vocabulary every adapter speaks: inbound events and canonical messages.

export type Platform = "TELEGRAM" | "ZALO" | "CONSOLE";

/** A role a message is addressed to a member as: they must still hold it when it is sent. */
export type Audience = "secretary" | "admin";
export type Locale = "vi" | "en";
export const LOCALES: readonly Locale[] = ["vi", "en"];

/** What the deployment tells the core (from the environment). */
export interface CoreSettings {
  /** "telegram:123" style labels of operators (BOT_ADMINS). */
  operators: ReadonlySet<string>;
  defaultTimezone: string;
  defaultLocale: Locale;
  /** Invites come with QR codes to print or show. Off unless set: the chat-level tests leave it off,
   * where a picture after every invite would crowd each conversation they check. */
  inviteQrCodes?: boolean;
}

/** The bot account that stands for a platform's token in the environment (and for the terminal). */
export function defaultBotAccountId(platform: Platform): string {
  return `default-${platform.toLowerCase()}`;
}

/** One update from any platform, after the adapter has parsed it. */
export interface InboundEvent {
  platform: Platform;
  /** The bot account the update came through; the platform's default account when absent. */
  botAccountId?: string;
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
  /**
   * What agreeing or declining words typed instead of the label mean here: "có", "được" pick the
   * "yes" choice, "vắng", "bận", "không đi được" the "no" one (see engine/answers.ts).
   */
  meaning?: "yes" | "no";
}

/**
 * What a message with choices asks, so that a typed "1" answers what the person actually has on
 * screen: one open question per topic and chat. Without it the topic comes from the choices.
 */
export interface QuestionMeta {
  /** "r:<meetingId>" for a meeting's answer, "flow" for the conversation's current step, … */
  topic: string;
  /** Short words saying what it is about ("buổi sinh hoạt 19:30 05/12/2026"), for "which one?". */
  title?: string;
  /** Until when it can be answered (ISO), when not the message's own give-up time. */
  until?: string;
}

/** A file the bot sends (exports, the year-end draft). */
export interface OutFile {
  name: string;
  mime: string;
  /** base64 */
  data: string;
  /** Shown as a picture (a chart, a QR code) where the platform can; the caption goes with it. */
  caption?: string;
}

/** The canonical outgoing message: plain text (adapters escape it) and optional rows of choices. */
export interface OutMessage {
  text: string;
  choices?: Choice[][];
  files?: OutFile[];
  /** The language the text is in, for the few words an adapter adds (a hint under a numbered list). */
  locale?: Locale;
  /** What the choices answer (see QuestionMeta); set by the features that know. */
  question?: QuestionMeta;
}

export const MAX_ACTION_BYTES = 64;
