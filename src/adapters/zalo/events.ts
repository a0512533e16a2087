// Zalo updates (from the webhook or getUpdates) as the core's InboundEvent, or the reason they are
// ignored. Zalo is private chats only; the bot's own messages and other bots are dropped.
import { createHash } from "node:crypto";
import type { InboundEvent } from "../../core/index.ts";
import type { ZaloUpdate } from "./client.ts";

export type Parsed = { event: InboundEvent } | { ignored: string };

/** What the person sent that the bot cannot read: the event name's middle part. */
const UNSUPPORTED = new Set(["image", "sticker", "voice", "unsupported", "video", "file", "link", "location", "gif", "audio"]);

/**
 * The update inside a webhook body, which may come wrapped as {ok, result} (as documented) or bare
 * (as seen in practice). A list is accepted too.
 */
export function unwrapBody(body: unknown): unknown[] {
  const inner = isObject(body) && body.ok === true && "result" in body ? body.result : body;
  return Array.isArray(inner) ? inner : [inner];
}

export function hasEventName(update: unknown): update is ZaloUpdate & { event_name: string } {
  return isObject(update) && typeof update.event_name === "string" && update.event_name.length > 0;
}

export function toInboundEvent(update: ZaloUpdate, botId: string | null, now: Date): Parsed {
  const name = update.event_name ?? "";
  const m = /^message\.([a-z_]+)\.received$/.exec(name);
  const message = update.message;
  if (!m || !message) return { ignored: `event ${name || "(none)"}` };
  const from = message.from;
  const userId = from?.id === undefined || from.id === null ? "" : String(from.id);
  if (!userId) return { ignored: "no sender" };
  if (from?.is_bot) return { ignored: "from a bot" };
  if (botId && userId === botId) return { ignored: "the bot's own message" };
  const chatType = message.chat?.chat_type;
  if (chatType && chatType.toUpperCase() !== "PRIVATE") return { ignored: `chat type ${chatType}` };

  const kind = m[1]!;
  const displayName = firstText(from?.display_name, from?.first_name, from?.name);
  const event: InboundEvent = {
    platform: "ZALO",
    updateId: message.message_id ? String(message.message_id) : fingerprint(update),
    userId,
    chatId: message.chat?.id ? String(message.chat.id) : userId,
    receivedAt: dateOf(message.date, now),
    ...(displayName ? { displayName } : {}),
  };
  if (kind === "text") return { event: { ...event, text: typeof message.text === "string" ? message.text : "" } };
  return { event: { ...event, unsupported: UNSUPPORTED.has(kind) ? kind : "unsupported" } };
}

function firstText(...values: unknown[]): string | undefined {
  for (const v of values) if (typeof v === "string" && v.trim()) return v.trim().slice(0, 128);
  return undefined;
}

/** Zalo dates are milliseconds; a value in seconds (as Telegram sends) is accepted too. */
function dateOf(value: unknown, now: Date): Date {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n) || n <= 0) return now;
  return new Date(n < 1e11 ? n * 1000 : n);
}

// Without a message id a redelivery can still be recognised: the same bytes give the same id.
function fingerprint(update: ZaloUpdate): string {
  return `h:${createHash("sha256").update(JSON.stringify(update)).digest("base64url").slice(0, 32)}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
