// POST /zalo/webhook: Zalo delivers each event here with the secret we registered in
// X-Bot-Api-Secret-Token. The answer is 200 only once the core has handled the event (one short
// database transaction), so a 500 lets Zalo deliver it again and nothing is lost; a redelivery of
// something already handled is recognised by the core and changes nothing.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Logger } from "../../core/ports/runtime.ts";
import { json, type Route } from "../../infra/http/server.ts";
import type { ZaloUpdate } from "./client.ts";
import { hasEventName, unwrapBody } from "./events.ts";

export const WEBHOOK_PATH = "/zalo/webhook";
export const SECRET_HEADER = "x-bot-api-secret-token";

export interface WebhookRoute {
  route: Route;
  /** Refuses new deliveries (503, so Zalo retries) and waits for those under way. */
  close(): Promise<void>;
}

/** Constant time whatever the lengths: both sides are hashed to the same size first. */
export function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export function createWebhookRoute(opts: { secret: string; handle: (update: ZaloUpdate) => Promise<void>; logger: Logger }): WebhookRoute {
  const log = opts.logger.child({ component: "zalo-webhook" });
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;

  const route: Route = async (req, res, body) => {
    if (closed) return json(res, 503, { ok: false });
    if (!sameSecret(req.headers[SECRET_HEADER], opts.secret)) {
      log.warn({ ip: req.socket.remoteAddress, hasHeader: req.headers[SECRET_HEADER] !== undefined }, "webhook call with a wrong secret refused");
      return json(res, 403, { ok: false, description: "Forbidden" });
    }
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
    const work = (async () => {
      for (const update of updates) await opts.handle(update);
    })();
    inFlight.add(work);
    try {
      await work;
      json(res, 200, { message: "Success" });
    } catch (err) {
      log.error({ err }, "webhook event could not be handled; Zalo may deliver it again");
      json(res, 500, { ok: false });
    } finally {
      inFlight.delete(work);
    }
  };

  return {
    route,
    async close() {
      closed = true;
      await Promise.allSettled([...inFlight]);
    },
  };
}
