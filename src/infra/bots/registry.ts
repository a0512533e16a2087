// Bot accounts with their secrets: the only place tokens and webhook secrets are written or read.
// Rows keep them sealed (secret-box.ts); the core sees accounts without them (repos/bots.ts). The
// tokens in the environment are the default accounts and are never stored.
import { randomBytes } from "node:crypto";
import type { BotAccount, BotMode } from "../../core/domain/model.ts";
import type { Platform } from "../../core/types.ts";
import type { Db } from "../prisma/client.ts";
import { createSecretBox, type SecretBox } from "./secret-box.ts";

export type RegistryErrorCode = "NO_SECRET_KEY" | "DUPLICATE" | "NOT_FOUND";

export class RegistryError extends Error {
  constructor(
    readonly code: RegistryErrorCode,
    message: string,
    readonly accountId?: string,
  ) {
    super(message);
    this.name = "RegistryError";
  }
}

/** An account as a platform adapter drives it: with its token and webhook secret. */
export interface DrivenBot {
  id: string;
  platform: Platform;
  label: string;
  token: string;
  webhookSecret: string;
  mode: BotMode;
  status: BotAccount["status"];
  botUserId: string | null;
}

export interface NewBot {
  platform: Platform;
  label: string;
  token: string;
  branchId?: string | null;
  mode?: BotMode;
  link?: string | null;
  botUserId?: string | null;
  username?: string | null;
}

export interface BotRegistry {
  /** Tokens can be stored only with SECRET_KEY set. */
  readonly canStore: boolean;
  /** Stores a new account; the token is sealed, a webhook secret is made for it. */
  register(input: NewBot): Promise<BotAccount>;
  /** The platform's stored accounts that are not removed, with their secrets; unreadable ones are listed apart. */
  driven(platform: Platform): Promise<{ bots: DrivenBot[]; unreadable: Array<{ id: string; label: string; reason: string }> }>;
  /** Stops an account for good: its token and secret are wiped, its chats stay for the record. */
  remove(id: string): Promise<void>;
}

/** The accounts of the tokens in the environment: they are configured there, not removed here. */
const DEFAULT_IDS = ["default-telegram", "default-zalo", "default-console"];

/** 32 random bytes as URL-safe text: Zalo wants 8–256 characters, Telegram A-Z, a-z, 0-9, _ and -. */
export const newWebhookSecret = (): string => randomBytes(32).toString("base64url");

const PUBLIC = {
  id: true, platform: true, label: true, botUserId: true, username: true, link: true, mode: true, branchId: true,
  usersCap: true, monthlyCap: true, status: true, lastError: true, lastErrorAt: true, lastUpdateAt: true, createdAt: true, updatedAt: true,
} as const;

export function createBotRegistry(db: Db, secretKey: Buffer | null): BotRegistry {
  const box: SecretBox | null = secretKey ? createSecretBox(secretKey) : null;
  const needBox = (): SecretBox => {
    if (!box) throw new RegistryError("NO_SECRET_KEY", "SECRET_KEY is not set: bot tokens are stored encrypted and need it. Generate one with `openssl rand -base64 32` and set SECRET_KEY.");
    return box;
  };

  return {
    canStore: box !== null,
    async register(input) {
      const b = needBox();
      const tokenHash = b.fingerprint(input.token);
      const existing = await db.botAccount.findUnique({ where: { tokenHash }, select: { id: true, status: true } });
      if (existing && existing.status !== "REMOVED") throw new RegistryError("DUPLICATE", "this bot is already registered", existing.id);
      // A bot removed earlier and added again starts afresh under its old id: its chats come back with it.
      const data = {
        platform: input.platform,
        label: input.label,
        tokenCipher: b.seal(input.token),
        tokenHash,
        secretCipher: b.seal(newWebhookSecret()),
        mode: input.mode ?? "WEBHOOK",
        branchId: input.branchId ?? null,
        link: input.link ?? null,
        botUserId: input.botUserId ?? null,
        username: input.username ?? null,
        status: "ACTIVE" as const,
        lastError: null,
        lastErrorAt: null,
        ...(input.platform === "ZALO" ? {} : { usersCap: 0, monthlyCap: 0 }),
      };
      if (existing) return db.botAccount.update({ where: { id: existing.id }, data, select: PUBLIC }) as Promise<BotAccount>;
      return db.botAccount.create({ data, select: PUBLIC }) as Promise<BotAccount>;
    },
    async driven(platform) {
      const rows = await db.botAccount.findMany({ where: { platform, status: { not: "REMOVED" }, tokenCipher: { not: null } }, orderBy: { createdAt: "asc" } });
      const bots: DrivenBot[] = [];
      const unreadable: Array<{ id: string; label: string; reason: string }> = [];
      for (const r of rows) {
        if (!box) {
          unreadable.push({ id: r.id, label: r.label, reason: "SECRET_KEY is not set" });
          continue;
        }
        try {
          bots.push({
            id: r.id,
            platform: r.platform,
            label: r.label,
            token: box.open(r.tokenCipher!),
            webhookSecret: r.secretCipher ? box.open(r.secretCipher) : "",
            mode: r.mode,
            status: r.status,
            botUserId: r.botUserId,
          });
        } catch (err) {
          unreadable.push({ id: r.id, label: r.label, reason: err instanceof Error ? err.message : String(err) });
        }
      }
      return { bots, unreadable };
    },
    async remove(id) {
      const { count } = DEFAULT_IDS.includes(id)
        ? { count: 0 }
        : await db.botAccount.updateMany({ where: { id }, data: { status: "REMOVED", tokenCipher: null, secretCipher: null } });
      if (!count) throw new RegistryError("NOT_FOUND", `no bot account ${id} that can be removed`);
    },
  };
}

