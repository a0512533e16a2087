// The webhook route on our own HTTP server. Every call must carry the secret given to setWebhook; a
// wrong or missing one is refused before anything is read into the bot. Telegram gets its answer only
// after the core has durably handled the update (one short database transaction), and a failure
// answers 500 so that Telegram delivers the update again.
import type { Update } from "grammy/types";
import type { Logger, RouteRegistrar } from "../../core/index.ts";
import { json } from "../shared/http.ts";
import { createInFlight, secretGuard } from "../shared/webhook.ts";

export const WEBHOOK_PATH = "/telegram/webhook";
export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export interface WebhookOptions {
  secret: string;
  handle(update: Update): Promise<void>;
  logger: Logger;
}

export interface Webhook {
  mount(routes: RouteRegistrar): void;
  /** Refuses new calls (503: Telegram retries them later, elsewhere) and waits for those under way. */
  close(): Promise<void>;
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
  const inFlight = createInFlight();
  // The secret is checked before the body is read: a stranger cannot make the bot read anything.
  const guard = secretGuard({ header: SECRET_HEADER, secret: opts.secret, refusal: 401, inFlight, log: opts.logger.child({ component: "telegram-webhook" }) });

  return {
    mount(http) {
      http.route(
        "POST",
        WEBHOOK_PATH,
        async (_req, res, body) => {
          const update = parseUpdate(body);
          if (!update) return json(res, 400, { ok: false, description: "Not an update" });
          try {
            await inFlight.run(() => opts.handle(update));
            json(res, 200, { ok: true });
          } catch {
            // Already logged by the bot's error boundary.
            json(res, 500, { ok: false });
          }
        },
        { guard },
      );
    },
    close: () => inFlight.close(),
  };
}
