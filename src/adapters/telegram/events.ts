// Telegram updates as the core's InboundEvent. The update id goes through unchanged, so a redelivered
// update (webhook retry, polling restart) is recognised by the core's de-duplication.
import type { Message, Update, User } from "grammy/types";
import type { InboundEvent, Locale } from "../../core/index.ts";

type Content = Pick<InboundEvent, "text" | "choice" | "unsupported">;

export function toEvent(update: Update, from: User, chatId: number, content: Content, receivedAt: Date): InboundEvent {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(" ").trim();
  return {
    platform: "TELEGRAM",
    updateId: String(update.update_id),
    userId: String(from.id),
    chatId: String(chatId),
    ...content,
    ...(displayName ? { displayName } : {}),
    ...(from.language_code ? { languageHint: from.language_code } : {}),
    receivedAt,
  };
}

// What a message carries when it is not text, named for the logs (the core only says "text, please")
// in the words the Zalo adapter uses for the same things, so a photo is an "image" from either.
// In Telegram's order of precedence: an animation also carries a document.
const KINDS: ReadonlyArray<readonly [field: string, kind: string]> = [
  ["sticker", "sticker"],
  ["photo", "image"],
  ["voice", "voice"],
  ["video_note", "video"],
  ["video", "video"],
  ["animation", "gif"],
  ["audio", "audio"],
  ["document", "file"],
  ["contact", "contact"],
  ["location", "location"],
  ["venue", "location"],
  ["poll", "poll"],
  ["dice", "dice"],
  ["game", "game"],
  ["story", "story"],
  ["paid_media", "paid_media"],
];

export function messageKind(message: Message): string {
  const fields = message as unknown as Record<string, unknown>;
  for (const [field, kind] of KINDS) if (fields[field] !== undefined) return kind;
  return "other";
}

/** Telegram's language code as one of ours, or null when we have no such language. */
export function localeFromHint(code: string | undefined): Locale | null {
  if (!code) return null;
  const base = code.toLowerCase().split(/[-_]/)[0];
  return base === "vi" || base === "en" ? base : null;
}
