// A local HTTP server on 127.0.0.1 that speaks the Zalo Bot Platform API as documented (platforms
// notes §1): POST /bot<token>/<method> with JSON, the {ok, result, error_code, description} envelope,
// getUpdates handing out one update per call and answering 408 when a long poll finds nothing,
// setWebhook/deleteWebhook/getWebhookInfo, sendMessage with the 1–2000 character rule, 401 for a
// wrong token, 429 "Quota exceeded", and dropped connections.
// It can also play Zalo's side of the webhook: POST an event to the registered URL with a secret.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { eventually } from "./eventually.ts";
import { listenLoopback, type Loopback } from "./loopback.ts";

export interface ZaloCall {
  method: string;
  payload: Record<string, unknown>;
}

/**
 * A Zalo error answer; "network" for a connection dropped without an answer; "hang" for no answer
 * at all (the client gives up on its own timeout); or an HTTP answer that is not Zalo's envelope
 * (a proxy's error page).
 */
export type ZaloFailure = { errorCode: number; description: string } | "network" | "hang" | { httpStatus: number; body: string };

export const ZALO_ERRORS = {
  badRequest: { errorCode: 400, description: "Bad request" },
  unauthorized: { errorCode: 401, description: "Unauthorized" },
  internal: { errorCode: 403, description: "Internal server error" },
  notFound: { errorCode: 404, description: "Not found" },
  timeout: { errorCode: 408, description: "Request timeout" },
  quota: { errorCode: 429, description: "Quota exceeded" },
} as const;

export interface FakeZaloOptions {
  token?: string;
  botId?: string;
  /** Long polls wait at most this long (ms) before answering 408, however long the client asked. */
  maxPollMs?: number;
  /** Error answers carry this HTTP status: Zalo's error_code (default) or always 200. */
  errorStatus?: "error-code" | 200;
}

export interface ZaloUserSpec {
  id: string;
  name?: string;
  /** Which name field the update carries (older samples use first_name). */
  nameField?: "display_name" | "first_name" | "name";
  isBot?: boolean;
}

interface Queued {
  update: Record<string, unknown>;
  /** Resolves once the poller asked again after taking this update, i.e. it has handled it. */
  taken: () => void;
}

const SENDING = new Set(["sendMessage", "sendPhoto"]);

/** One bot of the fake Zalo platform: its token, webhook, queue of updates, and what it was asked to do. */
export class FakeZaloBot {
  readonly token: string;
  readonly botId: string;
  readonly calls: ZaloCall[] = [];
  webhook: { url: string; secret: string } | null = null;
  idlePolls = 0;
  /** Long polls the client abandoned (closed the connection) before an answer. */
  abandonedPolls = 0;
  /** Sends refused by the ongoing storm (see storm()). */
  stormHits = 0;
  /** Told of every call answered successfully (benchmarks time replies with it). */
  listener: ((bot: FakeZaloBot, call: ZaloCall) => void) | null = null;

  protected queue: Queued[] = [];
  protected waiters: Array<() => void> = [];
  private failures: Array<{ method: string | null; failure: ZaloFailure }> = [];
  private lastHandedOut: Queued | null = null;
  private stormFailure: ZaloFailure | null = null;

  constructor(protected readonly opts: FakeZaloOptions = {}) {
    this.token = opts.token ?? `1459232241454765289:${randomBytes(12).toString("hex")}`;
    this.botId = opts.botId ?? this.token.split(":")[0]!;
  }

  /** The next call (of `method`, or any) fails this way; failures queue up in order. */
  failNext(method: string | null, failure: ZaloFailure): void {
    this.failures.push({ method, failure });
  }

  /** Every send fails this way until storm(null): a bot over its quota answers 429 to everything. */
  storm(failure: ZaloFailure | null): void {
    this.stormFailure = failure;
  }

  /** A private text message from a user, as the docs' sample shows it. */
  textEvent(user: ZaloUserSpec, text: string, extra: { messageId?: string; date?: number } = {}): Record<string, unknown> {
    return this.event(user, "message.text.received", { text }, extra);
  }

  /** An event the bot cannot read: sticker, image, voice or unsupported (protected users). */
  otherEvent(user: ZaloUserSpec, kind: "sticker" | "image" | "voice" | "unsupported"): Record<string, unknown> {
    const body =
      kind === "sticker" ? { sticker: "bfe458bf64fa8da4d4eb", url: "https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=1" } : kind === "image" ? { photo: "https://photo.example/1.jpg", caption: "ảnh" } : {};
    return this.event(user, `message.${kind}.received`, body, {});
  }

  private event(user: ZaloUserSpec, name: string, body: Record<string, unknown>, extra: { messageId?: string; date?: number }): Record<string, unknown> {
    const from: Record<string, unknown> = { id: user.id, is_bot: user.isBot ?? false };
    from[user.nameField ?? "display_name"] = user.name ?? `Người dùng ${user.id}`;
    return {
      event_name: name,
      message: {
        from,
        chat: { id: user.id, chat_type: "PRIVATE" },
        ...body,
        message_id: extra.messageId ?? randomBytes(10).toString("hex"),
        date: extra.date ?? Date.now(),
      },
    };
  }

  /** Queues an update for getUpdates; resolves once the poller has handled it and polls again. */
  push(update: Record<string, unknown>): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push({ update, taken: resolve });
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Plays Zalo delivering an event to the registered webhook. */
  async postWebhook(update: unknown, opts: { secret?: string | null; wrapped?: boolean } = {}): Promise<{ status: number; body: string }> {
    if (!this.webhook) throw new Error("no webhook registered");
    const headers: Record<string, string> = { "content-type": "application/json" };
    const secret = opts.secret === undefined ? this.webhook.secret : opts.secret;
    if (secret !== null) headers["x-bot-api-secret-token"] = secret;
    const body = opts.wrapped === false ? update : { ok: true, result: update };
    const res = await fetch(this.webhook.url, { method: "POST", headers, body: JSON.stringify(body) });
    return { status: res.status, body: await res.text() };
  }

  /** What the bot sent (sendMessage and sendPhoto payloads), to one chat or all. */
  sent(chatId?: string): Array<{ chat_id: string; text?: string; photo?: string; caption?: string }> {
    return this.calls
      .filter((c) => SENDING.has(c.method) && (chatId === undefined || c.payload.chat_id === chatId))
      .map((c) => c.payload as { chat_id: string; text?: string });
  }

  /** Updates queued and not yet handed out. */
  get pending(): number {
    return this.queue.length;
  }

  callsTo(method: string): ZaloCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
    await eventually(predicate, "the fake Zalo API", timeoutMs);
  }

  /** Answers one API call addressed to this bot. */
  async call(req: IncomingMessage, res: ServerResponse, method: string, raw: string): Promise<void> {
    let payload: Record<string, unknown> = {};
    try {
      if (raw) payload = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return this.error(res, ZALO_ERRORS.badRequest);
    }
    if (this.stormFailure && SENDING.has(method)) {
      this.stormHits++;
      this.calls.push({ method: `${method}!failed`, payload });
      return this.fail(req, res, this.stormFailure);
    }
    const i = this.failures.findIndex((f) => f.method === null || f.method === method);
    if (i !== -1) {
      const { failure } = this.failures.splice(i, 1)[0]!;
      this.calls.push({ method: `${method}!failed`, payload });
      return this.fail(req, res, failure);
    }
    if (method === "getUpdates") return this.getUpdates(res, payload);
    if (method === "sendMessage" || method === "sendPhoto") {
      const text = String((method === "sendMessage" ? payload.text : payload.caption) ?? (method === "sendPhoto" ? "x" : ""));
      if (!payload.chat_id || text.length < 1 || text.length > 2000) return this.error(res, ZALO_ERRORS.badRequest);
    }
    if (method === "setWebhook") {
      const secret = String(payload.secret_token ?? "");
      if (!payload.url || secret.length < 8 || secret.length > 256) return this.error(res, ZALO_ERRORS.badRequest);
    }
    this.calls.push({ method, payload });
    this.listener?.(this, { method, payload });
    const result = this.result(method, payload);
    if (result === undefined) return this.error(res, ZALO_ERRORS.badRequest);
    return send(res, 200, method === "sendChatAction" ? { ok: true } : { ok: true, result });
  }

  private result(method: string, p: Record<string, unknown>): unknown {
    const now = Date.now();
    switch (method) {
      case "getMe":
        return { id: this.botId, account_name: "bot.TroLyChiBo", account_type: "BASIC", can_join_groups: false };
      case "setWebhook":
        this.webhook = { url: String(p.url), secret: String(p.secret_token) };
        return { url: this.webhook.url, updated_at: now };
      case "deleteWebhook":
        this.webhook = null;
        return { url: "", updated_at: now };
      case "getWebhookInfo":
        return { url: this.webhook?.url ?? "", updated_at: now };
      case "sendMessage":
      case "sendPhoto":
        return { message_id: randomBytes(10).toString("hex"), date: now };
      case "sendChatAction":
        return true;
      default:
        return undefined;
    }
  }

  private async getUpdates(res: ServerResponse, p: Record<string, unknown>): Promise<void> {
    // Asking again means the update handed out last time has been dealt with.
    this.lastHandedOut?.taken();
    this.lastHandedOut = null;
    if (this.webhook) return this.error(res, { errorCode: 400, description: "Bad request: webhook is set, call deleteWebhook first" });
    this.calls.push({ method: "getUpdates", payload: p });
    if (typeof p.timeout !== "string" && p.timeout !== undefined) return this.error(res, ZALO_ERRORS.badRequest);
    if (!this.queue.length) {
      const wait = Math.min(Number(p.timeout ?? 30) * 1000, this.opts.maxPollMs ?? 200);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(done, wait);
        this.waiters.push(done);
        // The client gave up on the poll (it is stopping): nothing is handed out.
        res.once("close", () => {
          if (!res.writableEnded) this.abandonedPolls++;
          done();
        });
      });
    }
    if (res.destroyed) return;
    const next = this.queue.shift();
    if (!next) {
      this.idlePolls++;
      return this.error(res, ZALO_ERRORS.timeout);
    }
    this.lastHandedOut = next;
    send(res, 200, { ok: true, result: next.update });
  }

  private fail(req: IncomingMessage, res: ServerResponse, failure: ZaloFailure): void {
    if (failure === "network") {
      req.socket.destroy();
      return;
    }
    // Held until the client closes the connection (its timeout), or the server stops.
    if (failure === "hang") return;
    if ("httpStatus" in failure) {
      res.writeHead(failure.httpStatus, { "content-type": "text/html" }).end(failure.body);
      return;
    }
    this.error(res, failure);
  }

  error(res: ServerResponse, e: { errorCode: number; description: string }): void {
    send(res, this.opts.errorStatus === 200 ? 200 : e.errorCode, { ok: false, error_code: e.errorCode, description: e.description });
  }

  /** Wakes long polls waiting for an update (at stop). */
  wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}

/**
 * The fake Zalo Bot Platform: one server on loopback hosting any number of bots, each reached by its
 * own token as on the real platform. The first bot is this object itself, so a test with one bot
 * reads as before; addBot() makes more.
 */
export class FakeZaloApi extends FakeZaloBot {
  private server: Loopback | null = null;
  private readonly bots = new Map<string, FakeZaloBot>();

  constructor(opts: FakeZaloOptions = {}) {
    super(opts);
    this.bots.set(this.token, this);
  }

  get apiRoot(): string {
    return this.server?.url ?? "http://127.0.0.1:0";
  }

  /** Another bot on the same platform (its own token, webhook, users and quota). */
  addBot(opts: Omit<FakeZaloOptions, "errorStatus" | "maxPollMs"> = {}): FakeZaloBot {
    const id = String(1459232241454765289n + BigInt(this.bots.size));
    const bot = new FakeZaloBot({ ...this.opts, token: `${id}:${randomBytes(12).toString("hex")}`, ...opts });
    bot.listener = this.listener;
    this.bots.set(bot.token, bot);
    return bot;
  }

  async start(): Promise<this> {
    this.server = await listenLoopback((req, res) => void this.route(req, res));
    return this;
  }

  /** Calls `fn` for every successful call to any bot of the platform. */
  onCall(fn: (bot: FakeZaloBot, call: ZaloCall) => void): void {
    this.listener = fn;
    for (const bot of this.bots.values()) bot.listener = fn;
  }

  async stop(): Promise<void> {
    for (const bot of this.bots.values()) bot.wake();
    await this.server?.close();
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? "").split("?")[0] ?? "");
    if (!match) return this.error(res, ZALO_ERRORS.badRequest);
    const [, token, method] = match as unknown as [string, string, string];
    const bot = this.bots.get(token);
    if (!bot) return this.error(res, ZALO_ERRORS.unauthorized);
    return bot.call(req, res, method, Buffer.concat(chunks).toString("utf8"));
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}
