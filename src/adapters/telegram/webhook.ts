// The webhook route on our own HTTP server. Every call must carry the secret given to setWebhook; a
// wrong or missing one is refused before anything is read into the bot. Telegram gets its answer only
// after the core has durably handled the update (one short database transaction), and a failure
// answers 500 so that Telegram delivers the update again.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Update } from "grammy/types";
import type { Logger } from "../../core/ports/runtime.ts";
import { json, type HttpServer } from "../../infra/http/server.ts";

export const WEBHOOK_PATH = "/telegram/webhook";
export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export interface WebhookOptions {
  secret: string;
  handle(update: Update): Promise<void>;
  logger: Logger;
}

export interface Webhook {
  mount(http: HttpServer): void;
  /** Refuses new calls (503: Telegram retries them later, elsewhere) and waits for those under way. */
  close(): Promise<void>;
}

/** Compares digests, so neither the content nor the length of the secret leaks through timing. */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string") return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(secret).digest();
  return timingSafeEqual(a, b);
}

function parseUpdate(body: Buffer): Update | null {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as unknown;
    if (parsed && typeof parsed === "object" && Number.isSafeInteger((parsed as { update_id?: unknown }).update_id)) return parsed as Update;
  } catch {
    // answered below
  }
  return null;
}

export function createWebhook(opts: WebhookOptions): Webhook {
  const log = opts.logger.child({ component: "telegram-webhook" });
  let closing = false;
  let inFlight = 0;
  const drained: Array<() => void> = [];

  const refuse = (req: IncomingMessage) => log.warn({ ip: req.socket.remoteAddress }, "webhook call with a wrong or missing secret refused");

  return {
    mount(http) {
      http.route("POST", WEBHOOK_PATH, async (req, res, body) => {
        if (!secretMatches(req.headers[SECRET_HEADER], opts.secret)) {
          refuse(req);
          return json(res, 401, { ok: false, description: "Unauthorized" });
        }
        if (closing) return json(res, 503, { ok: false, description: "Shutting down" });
        const update = parseUpdate(body);
        if (!update) return json(res, 400, { ok: false, description: "Not an update" });
        inFlight++;
        try {
          await opts.handle(update);
          json(res, 200, { ok: true });
        } catch {
          // Already logged by the bot's error boundary.
          json(res, 500, { ok: false });
        } finally {
          inFlight--;
          if (inFlight === 0) for (const resolve of drained.splice(0)) resolve();
        }
      });
    },
    async close() {
      closing = true;
      if (inFlight === 0) return;
      await new Promise<void>((resolve) => drained.push(resolve));
    },
  };
}
