// Telegram updates as the core's InboundEvent. The update id goes through unchanged, so a redelivered
// update (webhook retry, polling restart) is recognised by the core's de-duplication.
import type { Message, Update, User } from "grammy/types";
import type { InboundEvent, Locale } from "../../core/types.ts";

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

// What a message carries when it is not text, named for the logs (the core only says "text, please").
const KINDS = [
  "sticker",
  "photo",
  "voice",
  "video_note",
  "video",
  "animation",
  "audio",
  "document",
  "contact",
  "location",
  "venue",
  "poll",
  "dice",
  "game",
  "story",
  "paid_media",
] as const;

export function messageKind(message: Message): string {
  for (const kind of KINDS) if (kind in message && (message as unknown as Record<string, unknown>)[kind] !== undefined) return kind;
  return "other";
}

/** Telegram's language code as one of ours, or null when we have no such language. */
export function localeFromHint(code: string | undefined): Locale | null {
  if (!code) return null;
  const base = code.toLowerCase().split(/[-_]/)[0];
  return base === "vi" || base === "en" ? base : null;
}
