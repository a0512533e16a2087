// The Zalo Bot Platform API over undici: POST {apiRoot}/bot{token}/{method} with a JSON body, and the
// {ok, result, error_code, description} envelope turned into results or typed errors.
// The token travels in the URL path, so no URL ever goes into an error message or a log line:
// errors name the method only, and whatever the server or the network says is scrubbed of the token.
import { Agent, request, type Dispatcher } from "undici";

export interface ZaloUser {
  id: string;
  display_name?: string;
  first_name?: string;
  name?: string;
  is_bot?: boolean;
}

export interface ZaloChat {
  id: string;
  /** PRIVATE, or GROUP (announced, not available yet). */
  chat_type?: string;
}

export interface ZaloMessage {
  message_id?: string;
  from?: ZaloUser;
  chat?: ZaloChat;
  text?: string;
  photo?: string;
  caption?: string;
  sticker?: string;
  url?: string;
  /** Milliseconds since the epoch (Telegram uses seconds). */
  date?: number;
}

export interface ZaloUpdate {
  event_name?: string;
  message?: ZaloMessage;
}

export interface ZaloBotInfo {
  /** A numeric string. */
  id: string;
  account_name?: string;
  account_type?: string;
  can_join_groups?: boolean;
}

export interface ZaloWebhookInfo {
  url: string;
  updated_at?: number;
}

export interface ZaloSent {
  message_id: string;
  date: number;
}

/** Characters per sendMessage text and per photo caption. */
export const ZALO_TEXT_LIMIT = 2000;

export type ZaloErrorCode =
  /** Zalo answered with ok: false; `errorCode` is its error_code (401, 429 …). */
  | "ZALO_API_ERROR"
  /** An answer that is not the envelope (a proxy's error page); `errorCode` is the HTTP status. */
  | "ZALO_HTTP_ERROR"
  | "ZALO_NETWORK_ERROR"
  | "ZALO_TIMEOUT"
  /** The caller stopped waiting (shutdown). */
  | "ZALO_ABORTED"
  /** Refused before sending: Zalo would reject it (empty or over-long text). */
  | "ZALO_INVALID_REQUEST";

export class ZaloApiError extends Error {
  constructor(
    readonly code: ZaloErrorCode,
    readonly method: string,
    /** Zalo's error_code, or the HTTP status without an envelope; null when nothing was answered. */
    readonly errorCode: number | null,
    readonly description: string,
  ) {
    super(`Zalo ${method} failed: ${errorCode ?? code} ${description}`.trim());
    this.name = "ZaloApiError";
  }
}

export interface ZaloClientOptions {
  token: string;
  apiRoot: string;
  /** Timeout of every call except long polls, which wait the poll time plus 5 s. */
  timeoutMs?: number;
  /** For tests or proxies; by default the client keeps its own connection pool. */
  dispatcher?: Dispatcher;
  /** Long polls hold a connection for up to their whole timeout: a pool of their own keeps sends free. */
  pollDispatcher?: Dispatcher;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  dispatcher?: Dispatcher;
}

export interface ZaloClient {
  getMe(opts?: CallOptions): Promise<ZaloBotInfo>;
  /** One long poll; [] when nothing new came (Zalo answers 408). Zalo sends one update per call. */
  getUpdates(opts?: { timeoutSeconds?: number; signal?: AbortSignal }): Promise<ZaloUpdate[]>;
  setWebhook(url: string, secretToken: string, opts?: CallOptions): Promise<ZaloWebhookInfo>;
  deleteWebhook(opts?: CallOptions): Promise<ZaloWebhookInfo>;
  getWebhookInfo(opts?: CallOptions): Promise<ZaloWebhookInfo>;
  sendMessage(chatId: string, text: string, opts?: CallOptions): Promise<ZaloSent>;
  sendPhoto(chatId: string, photoUrl: string, caption?: string, opts?: CallOptions): Promise<ZaloSent>;
  sendChatAction(chatId: string, action: "typing" | "upload_photo", opts?: CallOptions): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_POLL_SECONDS = 30;
/** How much longer than the poll itself the HTTP request may take. */
const POLL_GRACE_MS = 5_000;

export function createZaloClient(opts: ZaloClientOptions): ZaloClient {
  return new HttpZaloClient(opts);
}

/**
 * Methods on the prototype, a handful of fields per client: a province drives 15,000 bots, and a
 * client made of closures weighed ~3 KB each.
 */
class HttpZaloClient implements ZaloClient {
  private readonly root: string;
  private readonly token: string;
  private readonly ownAgent: Agent | null;
  private readonly dispatcher: Dispatcher;
  private readonly pollDispatcher: Dispatcher | undefined;
  private readonly defaultTimeout: number;

  constructor(opts: ZaloClientOptions) {
    this.root = opts.apiRoot.replace(/\/+$/, "");
    this.token = opts.token;
    this.ownAgent = opts.dispatcher ? null : new Agent({ keepAliveTimeout: 30_000 });
    this.dispatcher = opts.dispatcher ?? this.ownAgent!;
    this.pollDispatcher = opts.pollDispatcher;
    this.defaultTimeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private scrub(text: string): string {
    return this.token ? text.split(this.token).join("[redacted]") : text;
  }

  private async call<T>(method: string, params: Record<string, unknown>, o: CallOptions = {}): Promise<T> {
    const timeoutMs = o.timeoutMs ?? this.defaultTimeout;
    const timer = AbortSignal.timeout(timeoutMs);
    const signal = o.signal ? AbortSignal.any([o.signal, timer]) : timer;
    const failed = (err: unknown): ZaloApiError => {
      if (err instanceof ZaloApiError) return err;
      if (o.signal?.aborted) return new ZaloApiError("ZALO_ABORTED", method, null, "stopped");
      if (timer.aborted) return new ZaloApiError("ZALO_TIMEOUT", method, null, `no answer within ${timeoutMs} ms`);
      const text = err instanceof Error ? `${err.message}${causeOf(err)}` : String(err);
      return new ZaloApiError("ZALO_NETWORK_ERROR", method, null, this.scrub(text));
    };
    let status: number;
    let raw: string;
    try {
      const res = await request(`${this.root}/bot${this.token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(params),
        signal,
        dispatcher: o.dispatcher ?? this.dispatcher,
      });
      status = res.statusCode;
      raw = await res.body.text();
    } catch (err) {
      throw failed(err);
    }
    let envelope: { ok?: unknown; result?: unknown; error_code?: unknown; description?: unknown };
    try {
      envelope = JSON.parse(raw) as typeof envelope;
      if (!envelope || typeof envelope !== "object") throw new Error("not an object");
    } catch {
      throw new ZaloApiError("ZALO_HTTP_ERROR", method, status, `HTTP ${status} without a Zalo answer`);
    }
    if (envelope.ok === true) return envelope.result as T;
    const errorCode = typeof envelope.error_code === "number" ? envelope.error_code : Number(envelope.error_code) || (status >= 400 ? status : null);
    const description = typeof envelope.description === "string" ? this.scrub(envelope.description).slice(0, 300) : `HTTP ${status}`;
    throw new ZaloApiError("ZALO_API_ERROR", method, errorCode, description);
  }

  getMe(o?: CallOptions): Promise<ZaloBotInfo> {
    return this.call<ZaloBotInfo>("getMe", {}, o);
  }

  async getUpdates(o: { timeoutSeconds?: number; signal?: AbortSignal } = {}): Promise<ZaloUpdate[]> {
    const seconds = o.timeoutSeconds ?? DEFAULT_POLL_SECONDS;
    try {
      const result = await this.call<unknown>("getUpdates", { timeout: String(seconds) }, {
        timeoutMs: seconds * 1000 + POLL_GRACE_MS,
        ...(o.signal ? { signal: o.signal } : {}),
        ...(this.pollDispatcher ? { dispatcher: this.pollDispatcher } : {}),
      });
      if (result === null || result === undefined) return [];
      // Documented as one update per call; some clients have seen arrays. Accept both.
      const list = Array.isArray(result) ? result : [result];
      return list.filter((u): u is ZaloUpdate => !!u && typeof u === "object");
    } catch (err) {
      if (err instanceof ZaloApiError && err.errorCode === 408) return [];
      throw err;
    }
  }

  setWebhook(url: string, secretToken: string, o?: CallOptions): Promise<ZaloWebhookInfo> {
    return this.call<ZaloWebhookInfo>("setWebhook", { url, secret_token: secretToken }, o);
  }

  deleteWebhook(o?: CallOptions): Promise<ZaloWebhookInfo> {
    return this.call<ZaloWebhookInfo>("deleteWebhook", {}, o);
  }

  getWebhookInfo(o?: CallOptions): Promise<ZaloWebhookInfo> {
    return this.call<ZaloWebhookInfo>("getWebhookInfo", {}, o);
  }

  async sendMessage(chatId: string, text: string, o?: CallOptions): Promise<ZaloSent> {
    checkText("sendMessage", "text", text);
    return this.call<ZaloSent>("sendMessage", { chat_id: chatId, text }, o);
  }

  async sendPhoto(chatId: string, photoUrl: string, caption?: string, o?: CallOptions): Promise<ZaloSent> {
    if (caption !== undefined) checkText("sendPhoto", "caption", caption);
    return this.call<ZaloSent>("sendPhoto", { chat_id: chatId, photo: photoUrl, ...(caption !== undefined ? { caption } : {}) }, o);
  }

  async sendChatAction(chatId: string, action: "typing" | "upload_photo", o?: CallOptions): Promise<void> {
    await this.call<unknown>("sendChatAction", { chat_id: chatId, action }, o);
  }

  async close(): Promise<void> {
    const agent = this.ownAgent;
    if (agent && !agent.closed && !agent.destroyed) await agent.close();
  }
}

function checkText(method: string, field: string, text: string): void {
  if (text.length < 1 || text.length > ZALO_TEXT_LIMIT) {
    throw new ZaloApiError("ZALO_INVALID_REQUEST", method, null, `${field} must be 1–${ZALO_TEXT_LIMIT} characters (got ${text.length})`);
  }
}

// undici wraps the interesting part ("ECONNREFUSED") in `cause`.
function causeOf(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? ` (${cause.message})` : "";
}
