// POST /zalo/<account id>/webhook (and /zalo/webhook for the default account): Zalo delivers each
// event with the secret that account registered, in X-Bot-Api-Secret-Token. One receiver serves
// every account (a province has 15,000): it finds the account by the id in the path and checks the
// secret before the body is read. The answer is 200 only once the core has handled the event (one
// short database transaction), so a 500 lets Zalo deliver it again and nothing is lost; a
// redelivery of something already handled is recognised by the core and changes nothing.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../core/index.ts";
import { json } from "../shared/http.ts";
import { createInFlight, sameSecret } from "../shared/webhook.ts";
import type { ZaloUpdate } from "./client.ts";
import { hasEventName, unwrapBody } from "./events.ts";

/** The default account's path, as before there were several accounts. */
export const WEBHOOK_PATH = "/zalo/webhook";
/** Every account's own path; `*` is the account id. */
export const ACCOUNT_WEBHOOK_PATH = "/zalo/*/webhook";
export const SECRET_HEADER = "x-bot-api-secret-token";

export const accountWebhookPath = (accountId: string): string => `/zalo/${encodeURIComponent(accountId)}/webhook`;

/** An account as the receiver needs it. */
export interface WebhookAccount {
  readonly webhookSecret: string;
  /** Known but paused by an operator: deliveries are refused with 503 (Zalo tries again later). */
  readonly paused: boolean;
  handle(update: ZaloUpdate): Promise<void>;
}

export interface WebhookReceiver {
  /** Before the body is read: 404 for an account not served here, 403 for a wrong secret, 503 while closing or paused; null to go on. */
  guard(req: IncomingMessage, accountId: string): number | null;
  /** Handles a delivery whose secret was checked. */
  receive(req: IncomingMessage, res: ServerResponse, body: Buffer, accountId: string): Promise<void>;
  /** Resolves once the account's deliveries under way have settled (the account is being stopped). */
  settled(accountId: string): Promise<void>;
  /** Refuses new deliveries (503, so Zalo retries) and waits for those under way. */
  close(): Promise<void>;
}

export function createWebhookReceiver(opts: { account(id: string): WebhookAccount | null; logger: Logger }): WebhookReceiver {
  const log = opts.logger.child({ component: "zalo-webhook" });
  const inFlight = createInFlight();
  /** Deliveries under way, only for the accounts that have some. */
  const busy = new Map<string, Set<Promise<unknown>>>();

  async function track(accountId: string, work: Promise<unknown>): Promise<void> {
    let set = busy.get(accountId);
    if (!set) busy.set(accountId, (set = new Set()));
    set.add(work);
    try {
      await work;
    } finally {
      set.delete(work);
      if (!set.size && busy.get(accountId) === set) busy.delete(accountId);
    }
  }

  return {
    guard(req, accountId) {
      if (inFlight.closed) return 503;
      const account = opts.account(accountId);
      if (!account) return 404;
      if (account.paused) return 503;
      if (sameSecret(req.headers[SECRET_HEADER], account.webhookSecret)) return null;
      log.warn({ botAccountId: accountId, ip: req.socket.remoteAddress, hasHeader: req.headers[SECRET_HEADER] !== undefined }, "webhook call with a wrong secret refused");
      return 403;
    },
    async receive(_req, res, body, accountId) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString("utf8"));
      } catch {
        return json(res, 400, { ok: false, description: "Body is not JSON" });
      }
      const updates = unwrapBody(parsed);
      if (!updates.length || !updates.every(hasEventName)) {
        log.warn({ botAccountId: accountId, keys: Object.keys((parsed as object) ?? {}).slice(0, 10) }, "webhook body without event_name refused");
        return json(res, 400, { ok: false, description: "event_name is required" });
      }
      // Stopped (removed, paused) between the guard and the body: Zalo delivers it again.
      const account = opts.account(accountId);
      if (!account || account.paused) return json(res, 503, { ok: false });
      try {
        await inFlight.run(() =>
          track(
            accountId,
            (async () => {
              for (const update of updates) await account.handle(update);
            })(),
          ),
        );
        json(res, 200, { message: "Success" });
      } catch (err) {
        log.error({ err, botAccountId: accountId }, "webhook event could not be handled; Zalo may deliver it again");
        json(res, 500, { ok: false });
      }
    },
    async settled(accountId) {
      await Promise.allSettled([...(busy.get(accountId) ?? [])]);
    },
    close: () => inFlight.close(),
  };
}
