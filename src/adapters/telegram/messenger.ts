// Delivery to Telegram for the outbox sender. The sender owns retrying (rate limits, backoff, holding
// a blocked chat's messages), so this API has no retry plugin: every failure surfaces at once as a
// DeliveryError that says what kind of failure it was.
import { createHash } from "node:crypto";
import { GrammyError, HttpError, InputFile, type Api } from "grammy";
import { DeliveryError, type Messenger, type SendReceipt, type SendVia, type OutFile, type OutMessage } from "../../core/index.ts";
import { CallbackDataError, escapeHtml, renderText } from "./render.ts";

/** Characters of a photo's caption (after entities are parsed). */
const MAX_CAPTION_CHARS = 1024;
const isPicture = (f: OutFile) => f.mime.startsWith("image/");

/** 403 in a private chat (blocked, deactivated, never started) or a chat that no longer exists. */
const GONE = /chat not found|user not found|peer_id_invalid|bot was kicked|user is deactivated|bot can't initiate/i;

export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof CallbackDataError) return new DeliveryError(err.message, { permanent: true });
  if (err instanceof GrammyError) {
    const status = err.error_code;
    const message = `${err.method}: ${status} ${err.description}`;
    if (status === 429) {
      const seconds = err.parameters.retry_after ?? 1;
      return new DeliveryError(message, { retryAfterMs: seconds * 1000, status });
    }
    if (status === 403 || (status === 400 && GONE.test(err.description))) return new DeliveryError(message, { unreachable: true, status });
    // 401: the token was revoked or rotated while running: every message would fail the same way,
    // so they wait (the sender pauses the bot and tells the operators) instead of being lost.
    if (status === 401) return new DeliveryError(message, { accountRefused: true, status });
    if (status === 400) return new DeliveryError(message, { permanent: true, status });
    // 5xx, and 404 (an API root that is wrong for now).
    return new DeliveryError(message, { status });
  }
  if (err instanceof HttpError) return new DeliveryError(`network: ${err.message}`);
  return new DeliveryError(err instanceof Error ? err.message : String(err));
}

/**
 * How far a long message got before a retryable failure, so that the retry does not send its first
 * pieces twice. In memory: after a restart a retry starts again from the first piece.
 */
class Progress {
  private readonly done = new Map<string, { parts: number; at: number }>();
  private static readonly TTL_MS = 6 * 3_600_000;

  key(chatId: string, message: OutMessage): string {
    return `${chatId}:${createHash("sha1").update(JSON.stringify(message)).digest("base64url")}`;
  }
  get(key: string): number {
    return this.done.get(key)?.parts ?? 0;
  }
  set(key: string, parts: number): void {
    this.done.set(key, { parts, at: Date.now() });
    if (this.done.size > 1_000) {
      const cutoff = Date.now() - Progress.TTL_MS;
      for (const [k, v] of this.done) if (v.at < cutoff) this.done.delete(k);
    }
  }
  clear(key: string): void {
    this.done.delete(key);
  }
}

/**
 * What a 429 concerns. Telegram gives `retry_after` without saying which limit was hit: about one
 * message a second to a private chat, 20 a minute to a group, about 30 a second for the whole bot.
 * The rule: a group, supergroup or channel (a negative chat id), or a chat that took
 * CHAT_BURST_CALLS calls within CHAT_WINDOW_MS, was most likely over its own limit, so only that
 * chat waits; otherwise (a chat barely written to) it was the bot's overall limit and the whole
 * account waits. Erring towards the chat costs at most another 429 for the account; erring towards
 * the account would stall every other chat of the bot.
 */
export function scopeOf429(chatId: string, recentCalls: number): "chat" | "account" {
  return chatId.startsWith("-") || recentCalls >= CHAT_BURST_CALLS ? "chat" : "account";
}
const CHAT_WINDOW_MS = 5_000;
const CHAT_BURST_CALLS = 3;

/** API calls per chat in the last few seconds (the call that failed included). */
class RecentCalls {
  private readonly calls = new Map<string, number[]>();
  note(chatId: string): void {
    const now = performance.now();
    const list = (this.calls.get(chatId) ?? []).filter((t) => now - t < CHAT_WINDOW_MS);
    list.push(now);
    this.calls.delete(chatId);
    this.calls.set(chatId, list);
    if (this.calls.size > 5_000) this.calls.delete(this.calls.keys().next().value!);
  }
  count(chatId: string): number {
    const now = performance.now();
    return (this.calls.get(chatId) ?? []).filter((t) => now - t < CHAT_WINDOW_MS).length;
  }
}

export function createTelegramMessenger(api: Api): Messenger {
  const progress = new Progress();
  const recent = new RecentCalls();

  const photo = (chatId: string, file: OutFile, caption: string | undefined) => () =>
    api.sendPhoto(chatId, new InputFile(Buffer.from(file.data, "base64"), file.name), caption ? { caption: escapeHtml(caption.slice(0, MAX_CAPTION_CHARS)), parse_mode: "HTML" } : {});

  async function sendParts(chatId: string, message: OutMessage, via: SendVia | undefined): Promise<number> {
    const parts: Array<() => Promise<unknown>> = [];
    const files = message.files ?? [];
    const only = files.length === 1 && isPicture(files[0]!) ? files[0]! : null;
    if (only && !message.choices?.length && message.text.length <= MAX_CAPTION_CHARS) {
      // A picture (a QR code, a chart) with a short text is one message: the text is its caption.
      parts.push(photo(chatId, only, message.text || only.caption));
    } else {
      for (const part of renderText(message)) {
        parts.push(() =>
          api.sendMessage(chatId, part.html, {
            parse_mode: "HTML",
            link_preview_options: { is_disabled: true },
            ...(part.keyboard ? { reply_markup: part.keyboard } : {}),
          }),
        );
      }
      for (const file of files) {
        parts.push(isPicture(file) ? photo(chatId, file, file.caption) : () => api.sendDocument(chatId, new InputFile(Buffer.from(file.data, "base64"), file.name)));
      }
    }
    // A token of the bot's and the chat's rate limits for every API call (see SendVia).
    const call = async (part: () => Promise<unknown>) => {
      await via?.beforeCall?.();
      recent.note(chatId);
      await part();
    };
    if (parts.length === 1) {
      await call(parts[0]!);
      return 1;
    }
    const key = progress.key(chatId, message);
    const done = progress.get(key);
    for (let i = done; i < parts.length; i++) {
      await call(parts[i]!);
      progress.set(key, i + 1);
    }
    progress.clear(key);
    return parts.length - done;
  }

  return {
    platform: "TELEGRAM",
    async send(chatId, message, via): Promise<SendReceipt> {
      try {
        return { parts: await sendParts(chatId, message, via) };
      } catch (err) {
        const failure = toDeliveryError(err);
        if (failure.opts.status !== 429) throw failure;
        throw new DeliveryError(failure.message, { ...failure.opts, scope: scopeOf429(chatId, recent.count(chatId)) });
      }
    },
  };
}
