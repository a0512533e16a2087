// A local HTTP server on 127.0.0.1 that speaks enough of the Telegram Bot API for tests and
// benchmarks: getUpdates with offsets and long polling, sendMessage and friends, Telegram's error
// envelope, an optional global rate limit that answers 429 with retry_after, and injected failures.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { eventually } from "./eventually.ts";

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  /** The apiRoot's path prefix the client used (`http://127.0.0.1:port/<via>`): tells instances apart. */
  via?: string;
}

export interface ApiFailure {
  status: number;
  description: string;
  retryAfter?: number;
}

export interface FakeTelegramOptions {
  token?: string;
  username?: string;
  /** Messages per second the server accepts before answering 429 (like Telegram's ~30/s). */
  ratePerSecond?: number;
  /** Long polls wait at most this long (ms) however long the client asked for. */
  maxPollMs?: number;
}

const SENDING = new Set(["sendMessage", "sendDocument", "sendPhoto"]);

export class FakeTelegramApi {
  readonly token: string;
  readonly username: string;
  readonly calls: ApiCall[] = [];
  /** getUpdates calls (not kept in `calls`) by the apiRoot's path prefix ("" without one): who polls. */
  readonly polls = new Map<string, number>();
  /**
   * Return a failure to make the next matching call fail (403 blocked, 429, 500 …), "network" to drop
   * the connection, or "hang" to answer nothing until releaseHung() (a Bot API that times out).
   */
  fail: ((method: string, payload: Record<string, unknown>) => ApiFailure | "network" | "hang" | null) | null = null;
  rateLimited = 0;

  private readonly listeners = new Set<(call: ApiCall) => void>();
  private server: Server | null = null;
  private port = 0;
  private updates: Array<Record<string, unknown>> = [];
  private nextUpdateId = 100_000;
  private nextMessageId = 1;
  private waiters: Array<() => void> = [];
  /** Calls held without an answer ("hang"): their connections are dropped by releaseHung() or stop(). */
  private hung = new Set<() => void>();
  private window: number[] = [];
  private webhookUrl = "";

  constructor(private readonly opts: FakeTelegramOptions = {}) {
    this.token = opts.token ?? "123456789:TEST-fake-token-for-tests-only_abcdef";
    this.username = opts.username ?? "chibo_test_bot";
  }

  /** The apiRoot to give grammY. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get botInfo() {
    return {
      id: Number(this.token.split(":")[0]),
      is_bot: true as const,
      first_name: "Trợ lý Chi bộ",
      username: this.username,
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Drops the connections of calls held by "hang": the client sees a network error, nothing was sent. */
  releaseHung(): number {
    const n = this.hung.size;
    for (const drop of [...this.hung]) drop();
    this.hung.clear();
    return n;
  }

  async stop(): Promise<void> {
    this.releaseHung();
    for (const w of this.waiters.splice(0)) w();
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Updates handed out (or waiting) that no getUpdates offset has confirmed yet. */
  get unconfirmed(): number {
    return this.updates.length;
  }

  /** Queues an update for getUpdates; returns it with its update_id. */
  push(update: Record<string, unknown>): Record<string, unknown> {
    const full = { update_id: this.nextUpdateId++, ...update };
    this.updates.push(full);
    for (const w of this.waiters.splice(0)) w();
    return full;
  }

  /** A private text message from a user, as Telegram delivers it. */
  textUpdate(userId: number, text: string, extra: { firstName?: string; languageCode?: string } = {}): Record<string, unknown> {
    const from = { id: userId, is_bot: false, first_name: extra.firstName ?? `User ${userId}`, language_code: extra.languageCode ?? "vi" };
    const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] : undefined;
    return {
      message: { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: userId, type: "private", first_name: from.first_name }, from, text, ...(entities ? { entities } : {}) },
    };
  }

  /** A button press on a message the bot sent. */
  callbackUpdate(userId: number, data: string, messageId = 1): Record<string, unknown> {
    const from = { id: userId, is_bot: false, first_name: `User ${userId}` };
    return {
      callback_query: {
        id: `cb${this.nextMessageId++}`,
        from,
        chat_instance: `ci${userId}`,
        data,
        message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: userId, type: "private" }, text: "…" },
      },
    };
  }

  sent(chatId?: number | string): Array<Record<string, unknown>> {
    return this.calls.filter((c) => SENDING.has(c.method) && (chatId === undefined || String(c.payload.chat_id) === String(chatId))).map((c) => c.payload);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls `fn` with every recorded call as it arrives (benchmarks time replies with it); returns an unsubscribe. */
  onCall(fn: (call: ApiCall) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Resolves with the next message sent to `chatId` (or rejects after `timeoutMs`). */
  nextSent(chatId: number | string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no message to chat ${chatId} within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.onCall((call) => {
        if (!SENDING.has(call.method) || String(call.payload.chat_id) !== String(chatId)) return;
        clearTimeout(timer);
        off();
        resolve(call.payload);
      });
    });
  }

  private record(call: ApiCall): void {
    this.calls.push(call);
    for (const fn of this.listeners) fn(call);
  }

  /** Resolves when `predicate` holds, checking as calls arrive. */
  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    await eventually(predicate, "the fake Bot API", timeoutMs);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^(?:\/([a-z0-9-]+))?\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? "").split("?")[0] ?? "");
    const body = await readBody(req);
    if (!match) return send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, via, token, method] = match as unknown as [string, string | undefined, string, string];
    if (token !== this.token) return send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    if (method === "getUpdates") this.polls.set(via ?? "", (this.polls.get(via ?? "") ?? 0) + 1);
    const payload = parsePayload(req, body, (req.url ?? "").split("?")[1]);
    const injected = this.fail?.(method, payload);
    if (injected === "hang") {
      this.record({ method: `${method}!hung`, payload, at: Date.now() });
      const drop = () => {
        this.hung.delete(drop);
        req.socket.destroy();
      };
      this.hung.add(drop);
      // A client that gives up (its own timeout) closes the connection: nothing left to drop.
      res.once("close", () => this.hung.delete(drop));
      return;
    }
    if (injected === "network") {
      this.record({ method: `${method}!failed`, payload, at: Date.now() });
      req.socket.destroy();
      return;
    }
    if (injected) {
      this.record({ method: `${method}!failed`, payload, at: Date.now() });
      return send(res, injected.status, {
        ok: false,
        error_code: injected.status,
        description: injected.description,
        ...(injected.retryAfter !== undefined ? { parameters: { retry_after: injected.retryAfter } } : {}),
      });
    }
    if (SENDING.has(method) && this.opts.ratePerSecond && !this.allow()) {
      this.rateLimited++;
      return send(res, 429, { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    }
    if (method !== "getUpdates") this.record({ method, payload, at: Date.now(), ...(via ? { via } : {}) });
    return send(res, 200, { ok: true, result: await this.result(method, payload) });
  }

  private allow(): boolean {
    const now = Date.now();
    while (this.window.length && now - this.window[0]! >= 1000) this.window.shift();
    if (this.window.length >= this.opts.ratePerSecond!) return false;
    this.window.push(now);
    return true;
  }

  private async result(method: string, p: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case "getMe":
        return this.botInfo;
      case "getUpdates":
        return this.getUpdates(p);
      case "sendMessage":
      case "sendDocument":
      case "sendPhoto":
        return { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(p.chat_id), type: "private" }, text: p.text ?? "" };
      case "setWebhook":
        this.webhookUrl = String(p.url ?? "");
        return true;
      case "deleteWebhook":
        this.webhookUrl = "";
        return true;
      case "getWebhookInfo":
        return { url: this.webhookUrl, has_custom_certificate: false, pending_update_count: 0 };
      default:
        return true;
    }
  }

  private async getUpdates(p: Record<string, unknown>): Promise<unknown[]> {
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(100, Number(p.limit ?? 100));
    // Confirmed updates are forgotten, as Telegram does.
    if (offset) this.updates = this.updates.filter((u) => (u.update_id as number) >= offset);
    if (!this.updates.length && Number(p.timeout ?? 0) > 0) {
      const wait = Math.min(Number(p.timeout) * 1000, this.opts.maxPollMs ?? 500);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.updates.slice(0, limit);
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parsePayload(req: IncomingMessage, body: Buffer, query: string | undefined): Record<string, unknown> {
  const type = req.headers["content-type"] ?? "";
  const fromQuery = Object.fromEntries(new URLSearchParams(query ?? ""));
  if (!body.length) return fromQuery;
  if (type.includes("application/json")) return { ...fromQuery, ...(JSON.parse(body.toString("utf8")) as Record<string, unknown>) };
  if (type.includes("multipart/form-data")) return { ...fromQuery, ...parseMultipart(body, type) };
  return { ...fromQuery, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) };
}

/** Enough multipart parsing to read fields and uploaded files (name, bytes) back in tests. */
function parseMultipart(body: Buffer, type: string): Record<string, unknown> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  const marker = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ""}`);
  const out: Record<string, unknown> = {};
  let start = body.indexOf(marker);
  while (start !== -1) {
    const next = body.indexOf(marker, start + marker.length);
    if (next === -1) break;
    const part = body.subarray(start + marker.length + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, split).toString("utf8");
    const content = part.subarray(split + 4);
    const name = /name="([^"]+)"/.exec(head)?.[1];
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (name) {
      let value: unknown;
      if (filename !== undefined) {
        value = { filename, data: Buffer.from(content) };
      } else {
        const text = content.toString("utf8");
        try {
          value = JSON.parse(text);
        } catch {
          value = text;
        }
      }
      // grammY sends files as attach://<id> references: keep the file under the referring field too.
      out[name] = value;
    }
    start = next;
  }
  for (const [k, v] of Object.entries(out)) {
    if (typeof v === "string" && v.startsWith("attach://")) out[k] = out[v.slice("attach://".length)];
  }
  return out;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
