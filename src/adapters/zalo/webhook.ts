// POST /zalo/<account id>/webhook (and /zalo/webhook for the default account): Zalo delivers each
// event with the secret that account registered, in X-Bot-Api-Secret-Token. The secret is checked
// before the body is read. The answer is 200 only once the core has handled the event (one short
// database transaction), so a 500 lets Zalo deliver it again and nothing is lost; a redelivery of
// something already handled is recognised by the core and changes nothing.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../core/index.ts";
import { json } from "../shared/http.ts";
import { createInFlight, secretGuard } from "../shared/webhook.ts";
import type { ZaloUpdate } from "./client.ts";
import { hasEventName, unwrapBody } from "./events.ts";

/** The default account's path, as before there were several accounts. */
export const WEBHOOK_PATH = "/zalo/webhook";
/** Every account's own path; `*` is the account id. */
export const ACCOUNT_WEBHOOK_PATH = "/zalo/*/webhook";
export const SECRET_HEADER = "x-bot-api-secret-token";

export const accountWebhookPath = (accountId: string): string => `/zalo/${encodeURIComponent(accountId)}/webhook`;

export interface WebhookReceiver {
  /** Before the body is read: 403 for a wrong secret, 503 while closing; null to go on. */
  guard(req: IncomingMessage): number | null;
  /** Handles a delivery whose secret was checked. */
  receive(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void>;
  /** Refuses new deliveries (503, so Zalo retries) and waits for those under way. */
  close(): Promise<void>;
}

export function createWebhookReceiver(opts: { secret: string; handle: (update: ZaloUpdate) => Promise<void>; logger: Logger }): WebhookReceiver {
  const log = opts.logger.child({ component: "zalo-webhook" });
  const inFlight = createInFlight();

  return {
    guard: secretGuard({ header: SECRET_HEADER, secret: opts.secret, refusal: 403, inFlight, log }),
    async receive(_req, res, body) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString("utf8"));
      } catch {
        return json(res, 400, { ok: false, description: "Body is not JSON" });
      }
      const updates = unwrapBody(parsed);
      if (!updates.length || !updates.every(hasEventName)) {
        log.warn({ keys: Object.keys((parsed as object) ?? {}).slice(0, 10) }, "webhook body without event_name refused");
        return json(res, 400, { ok: false, description: "event_name is required" });
      }
      try {
        await inFlight.run(async () => {
          for (const update of updates) await opts.handle(update);
        });
        json(res, 200, { message: "Success" });
      } catch (err) {
        log.error({ err }, "webhook event could not be handled; Zalo may deliver it again");
        json(res, 500, { ok: false });
      }
    },
    close: () => inFlight.close(),
  };
}
