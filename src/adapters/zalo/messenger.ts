// Delivery to Zalo chats, through the bot account each message names. Zalo has no buttons and no
// documents: choices become a numbered list the person answers by typing, texts are cut to Zalo's
// 2,000 characters at line breaks, pictures (a chart, a QR code) go by URL through sendPhoto and
// other files become links (when the operator set a public URL) or a short note. Every API message
// counts against the bot's monthly quota, so a message is laid out in as few as it fits. Failures
// become DeliveryErrors the outbox sender understands.
import { createHash } from "node:crypto";
import { DeliveryError, formatDateTime, splitText, type Logger, type Messenger, type SendReceipt, type T, type Locale, type OutFile, type OutMessage } from "../../core/index.ts";
import type { FileLinks } from "../shared/file-links.ts";
import { numberedLines } from "../shared/numbered.ts";
import { ZALO_TEXT_LIMIT, ZaloApiError, type ZaloClient } from "./client.ts";

export interface ZaloMessengerDeps {
  /** The client of a bot account; null when this deployment does not drive it now (paused, removed). */
  clientFor(botAccountId: string): Pick<ZaloClient, "sendMessage" | "sendPhoto"> | null;
  logger: Logger;
  /** Wording in a locale: the message says which (OutMessage.locale). */
  bind(locale: Locale): T;
  defaultLocale: Locale;
  /** Where file links expire, shown in the branch's usual time zone. */
  timezone: string;
  /** Null when no PUBLIC_URL is configured: files are then described, not linked. */
  files: FileLinks | null;
  /** Waits after 429 "quota exceeded", longer each time in a row (Zalo gives no retry_after). */
  quotaBackoffMs?: number[];
}

export const DEFAULT_QUOTA_BACKOFF_MS = [5_000, 10_000, 20_000, 30_000];
const DEFAULT_ACCOUNT = "default-zalo";
const isPicture = (f: OutFile) => f.mime.startsWith("image/");

export function createZaloMessenger(deps: ZaloMessengerDeps): Messenger {
  const log = deps.logger.child({ component: "zalo-messenger" });
  const quotaSteps = deps.quotaBackoffMs ?? DEFAULT_QUOTA_BACKOFF_MS;
  /** 429s in a row, per bot account: one bot over its quota does not slow the others. */
  const quotaStreaks = new Map<string, number>();
  // Pieces already delivered of a message whose later piece failed: the retry skips them, so a
  // person never gets the first half twice. Only partial failures are remembered, briefly.
  const partial = new Map<string, number>();

  async function fileLines(files: OutFile[], t: T, locale: Locale): Promise<string[]> {
    if (!files.length) return [];
    if (!deps.files) {
      return [...files.map((f) => t("zalo-file-summary", { name: f.name, size: formatSize(base64Bytes(f.data)) })), t("zalo-files-unavailable")];
    }
    const lines: string[] = [];
    let expires: Date | null = null;
    for (const f of files) {
      const published = await deps.files.publish(f);
      expires = published.expiresAt;
      lines.push(t("zalo-file-link", { name: f.name, size: formatSize(published.bytes), url: published.url }));
    }
    lines.push(t("zalo-files-expire", { expires: formatDateTime(expires!, deps.timezone, locale) }));
    return lines;
  }

  /** Pictures as photos with their public URL (one API message each); none without a public URL. */
  async function photoSteps(pictures: OutFile[], client: Pick<ZaloClient, "sendPhoto">, chatId: string, t: T): Promise<Array<() => Promise<unknown>>> {
    if (!deps.files) return [];
    const steps: Array<() => Promise<unknown>> = [];
    for (const f of pictures) {
      const { url } = await deps.files.publish(f);
      const caption = (f.caption ?? "").slice(0, ZALO_TEXT_LIMIT) || t("zalo-picture-caption", { name: f.name });
      steps.push(() => client.sendPhoto(chatId, url, caption));
    }
    return steps;
  }

  return {
    platform: "ZALO",
    async send(chatId, message, via): Promise<SendReceipt> {
      const account = via?.botAccountId ?? DEFAULT_ACCOUNT;
      const client = deps.clientFor(account);
      if (!client) throw new DeliveryError(`zalo bot account ${account} is not running here`, { retryAfterMs: 60_000 });
      const locale = message.locale ?? deps.defaultLocale;
      const t = deps.bind(locale);
      const all = message.files ?? [];
      // Pictures are shown as pictures where they can be; everything else becomes a link or a note.
      const pictures = deps.files ? all.filter(isPicture) : [];
      const files = await fileLines(all.filter((f) => !pictures.includes(f)), t, locale);
      const body = files.length ? `${message.text}\n\n${files.join("\n")}` : message.text;
      const list = numberedLines(message.choices);
      const tail = list.length ? [...list, "", t("zalo-choice-hint", { count: list.length })] : [];
      const steps: Array<() => Promise<unknown>> = [];
      // A single picture with a short text is one message: the text becomes its caption.
      if (pictures.length === 1 && !tail.length && body.length <= ZALO_TEXT_LIMIT && body.trim()) {
        steps.push(...(await photoSteps([{ ...pictures[0]!, caption: body }], client, chatId, t)));
      } else {
        if (body.trim() || tail.length) steps.push(...layoutChunks(body, tail, ZALO_TEXT_LIMIT).map((chunk) => () => client.sendMessage(chatId, chunk)));
        steps.push(...(await photoSteps(pictures, client, chatId, t)));
      }

      const key = createHash("sha256").update(account).update("\u0000").update(chatId).update("\u0000").update(JSON.stringify(message)).digest("base64url");
      const done = partial.get(key) ?? 0;
      for (let i = done; i < steps.length; i++) {
        try {
          // A token of the bot's and the chat's rate limits for every API call (see SendVia).
          await via?.beforeCall?.();
          await steps[i]!();
        } catch (err) {
          if (i > 0) remember(partial, key, i);
          throw toDeliveryError(err, account);
        }
      }
      partial.delete(key);
      quotaStreaks.delete(account);
      return { parts: steps.length - done };
    },
  };

  function toDeliveryError(err: unknown, account: string): unknown {
    if (!(err instanceof ZaloApiError)) return err;
    const status = err.errorCode ?? undefined;
    const opts = status !== undefined ? { status } : {};
    if (err.code === "ZALO_INVALID_REQUEST") return new DeliveryError(err.message, { ...opts, permanent: true });
    if (err.code !== "ZALO_API_ERROR" || status === undefined) return new DeliveryError(err.message, opts);
    switch (status) {
      case 429: {
        const streak = quotaStreaks.get(account) ?? 0;
        const retryAfterMs = quotaSteps[Math.min(streak, quotaSteps.length - 1)]!;
        quotaStreaks.set(account, streak + 1);
        // Zalo's 429 is "quota exceeded": the bot account's, never one chat's, so the whole bot waits.
        return new DeliveryError(err.message, { ...opts, retryAfterMs, scope: "account" });
      }
      case 401:
        log.error(
          { errorCode: 401, description: err.description, botAccountId: account },
          `Zalo rejected the bot token: ${account === DEFAULT_ACCOUNT ? "check ZALO_BOT_TOKEN" : `check it with npm run bots -- check ${account}`} (nothing can be sent through this bot until it is fixed)`,
        );
        return new DeliveryError(err.message, { ...opts, accountRefused: true });
      case 403: // documented as "Internal server error": a fault on Zalo's side
      case 408:
        return new DeliveryError(err.message, opts);
      // Zalo's own answer (its envelope) that it will not deliver to this chat: the person blocked
      // or left the bot. As on Telegram, the chat goes inactive and its messages wait until they
      // write again. (A wrong API root answers without the envelope and is not taken for this.)
      case 404:
        return new DeliveryError(err.message, { ...opts, unreachable: true });
      default:
        return new DeliveryError(err.message, status >= 500 ? opts : { ...opts, permanent: true });
    }
  }
}

/**
 * The pieces a message is sent in: the body split at line breaks, and the `tail` (the numbered
 * choices) kept whole with the last piece, so the choices and their numbers are read together.
 */
export function layoutChunks(body: string, tail: string[], limit: number): string[] {
  if (!tail.length) return splitText(body, limit);
  const list = tail.join("\n");
  const whole = body ? `${body}\n\n${list}` : list;
  if (whole.length <= limit) return [whole];
  const parts = body ? splitText(body, limit) : [];
  const last = parts.pop();
  if (last !== undefined && last.length + 2 + list.length <= limit) return [...parts, `${last}\n\n${list}`];
  return [...parts, ...(last !== undefined ? [last] : []), ...splitText(list, limit)];
}

function remember(map: Map<string, number>, key: string, sent: number): void {
  map.set(key, sent);
  if (map.size > 200) map.delete(map.keys().next().value!);
}

function base64Bytes(data: string): number {
  return Buffer.byteLength(data, "base64");
}

/** "24 KB", "1.2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
