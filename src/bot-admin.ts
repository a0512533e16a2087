// Part of the composition root: adding and checking bot accounts, for `npm run bots` and for /kenh
// in chat. A token is checked with the platform (getMe) before it is stored, sealed, by the registry.
import { createZaloClient, ZaloApiError, type ZaloBotInfo } from "./adapters/zalo/client.ts";
import { accountWebhookPath } from "./adapters/zalo/webhook.ts";
import type { BotAddResult, BotAdmin } from "./core/ports/runtime.ts";
import { RegistryError, type BotRegistry } from "./infra/bots/registry.ts";

export type TokenCheck = { ok: true; info: ZaloBotInfo } | { ok: false; reason: "token-rejected" | "unreachable"; detail: string };

/** Asks Zalo who the token belongs to. */
export async function checkZaloToken(apiRoot: string, token: string): Promise<TokenCheck> {
  const client = createZaloClient({ token, apiRoot, timeoutMs: 10_000 });
  try {
    return { ok: true, info: await client.getMe() };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    // 401/404: a token Zalo does not know; anything else (network, 5xx) may pass later.
    const rejected = err instanceof ZaloApiError && err.code === "ZALO_API_ERROR" && [400, 401, 403, 404].includes(err.errorCode ?? 0);
    return { ok: false, reason: rejected ? "token-rejected" : "unreachable", detail };
  } finally {
    await client.close();
  }
}

export interface BotAdminDeps {
  registry: BotRegistry;
  zaloApiRoot: string;
  publicUrl: string | null;
  onChanged?: () => void;
}

export function createBotAdmin(deps: BotAdminDeps): BotAdmin {
  const base = deps.publicUrl?.replace(/\/+$/, "") ?? null;
  const webhookUrl = (id: string) => (base ? `${base}${accountWebhookPath(id)}` : null);
  return {
    canStore: () => deps.registry.canStore,
    webhookUrl,
    changed: () => deps.onChanged?.(),
    async add(input): Promise<BotAddResult> {
      if (!deps.registry.canStore) return { ok: false, reason: "no-secret-key" };
      const check = await checkZaloToken(deps.zaloApiRoot, input.token);
      if (!check.ok) return check;
      try {
        const account = await deps.registry.register({
          platform: input.platform,
          label: input.label,
          token: input.token,
          branchId: input.branchId,
          botUserId: String(check.info.id),
          username: check.info.account_name ?? null,
          link: input.link ?? null,
          // Without a public address Zalo cannot call a webhook: the bot polls instead.
          mode: input.mode ?? (base ? "WEBHOOK" : "POLLING"),
        });
        deps.onChanged?.();
        return { ok: true, account, webhookUrl: account.mode === "WEBHOOK" ? webhookUrl(account.id) : null };
      } catch (err) {
        if (err instanceof RegistryError && err.code === "DUPLICATE") return { ok: false, reason: "duplicate", detail: err.accountId ?? "" };
        if (err instanceof RegistryError && err.code === "NO_SECRET_KEY") return { ok: false, reason: "no-secret-key" };
        throw err;
      }
    },
  };
}
