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

  // One view per platform, kept between reads (the Zalo adapter asks every few seconds).
  const fleets = new Map<Platform, FleetView>();
  const fleet = (platform: Platform): FleetView => {
    let view = fleets.get(platform);
    if (!view) fleets.set(platform, (view = createFleetView(db, platform, box)));
    return view;
  };

  return {
    canStore: box !== null,
    async register(input) {
      const b = needBox();
      const tokenHash = b.fingerprint(input.token);
      const existing = await db.botAccount.findFirst({ where: { tokenHash }, select: { id: true, status: true } });
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
    driven: (platform) => fleet(platform).read(),
    async remove(id) {
      const { count } = DEFAULT_IDS.includes(id)
        ? { count: 0 }
        : await db.botAccount.updateMany({ where: { id }, data: { status: "REMOVED", tokenCipher: null, secretCipher: null } });
      if (!count) throw new RegistryError("NOT_FOUND", `no bot account ${id} that can be removed`);
    },
  };
}


/**
 * How far back a re-read looks before the newest change it has seen: `updatedAt` is written by the
 * clock of whichever process changed the row, and a transaction may commit a little after it. Both
 * are far below this on machines kept in time.
 */
const CHANGE_MARGIN_MS = 60_000;
/** Every account is read again this often anyway (a row changed behind the ORM's back, a clock far off). */
const FULL_READ_MS = 10 * 60_000;

const DRIVEN = { id: true, label: true, tokenCipher: true, secretCipher: true, mode: true, status: true, botUserId: true, createdAt: true, updatedAt: true } as const;

/** What is kept of an account between reads: not its sealed values (15,000 of them weigh). */
interface Seen {
  id: string;
  label: string;
  createdAt: number;
  /** The row's updatedAt when it was read (ms): the same again means nothing to read. */
  updatedAt: number;
  bot: DrivenBot | null;
  unreadable: string | null;
}

type DrivenRow = { id: string; label: string; tokenCipher: string | null; secretCipher: string | null; mode: BotMode; status: BotAccount["status"]; botUserId: string | null; createdAt: Date; updatedAt: Date };

interface FleetView {
  read(): Promise<{ bots: DrivenBot[]; unreadable: Array<{ id: string; label: string; reason: string }> }>;
}

/**
 * The driven accounts of a platform, kept up to date cheaply: a province runs 15,000 Zalo bots and
 * the adapter asks for them every five seconds. Reading them all and opening 30,000 sealed values
 * each time cost ~650 ms of CPU per instance per read; now a read first asks which rows' `updatedAt`
 * moved since the last one (two narrow columns, with a margin), and reads and opens only those.
 * Every FULL_READ_MS the stamps of all rows are looked at, which also notices rows deleted outright.
 */
function createFleetView(db: Db, platform: Platform, box: SecretBox | null): FleetView {
  const seen = new Map<string, Seen>();
  /** The newest `updatedAt` read so far; null: nothing read yet. */
  let newest: Date | null = null;
  let fullAt = -Infinity;
  let result: Awaited<ReturnType<FleetView["read"]>> | null = null;

  const open = (r: DrivenRow): Seen => {
    const kept = { id: r.id, label: r.label, createdAt: r.createdAt.getTime(), updatedAt: r.updatedAt.getTime() };
    if (!box) return { ...kept, bot: null, unreadable: "SECRET_KEY is not set" };
    try {
      const bot: DrivenBot = {
        id: r.id,
        platform,
        label: r.label,
        token: box.open(r.tokenCipher!),
        webhookSecret: r.secretCipher ? box.open(r.secretCipher) : "",
        mode: r.mode,
        status: r.status,
        botUserId: r.botUserId,
      };
      return { ...kept, bot, unreadable: null };
    } catch (err) {
      return { ...kept, bot: null, unreadable: err instanceof Error ? err.message : String(err) };
    }
  };

  return {
    async read() {
      const full = newest === null || performance.now() - fullAt > FULL_READ_MS;
      const since = full || !newest ? null : new Date(newest.getTime() - CHANGE_MARGIN_MS);
      // First only which rows changed (two narrow columns), then those rows in full: within the
      // margin most rows read are ones already seen at the same updatedAt.
      const stamps = await db.botAccount.findMany({ where: { platform, ...(since ? { updatedAt: { gte: since } } : {}) }, select: { id: true, updatedAt: true } });
      let changed = full || result === null;
      if (full) {
        fullAt = performance.now();
        const present = new Set(stamps.map((r) => r.id));
        for (const id of seen.keys()) if (!present.has(id)) seen.delete(id);
      }
      const stale = stamps.filter((r) => seen.get(r.id)?.updatedAt !== r.updatedAt.getTime()).map((r) => r.id);
      const rows = [];
      for (let i = 0; i < stale.length; i += 1_000) rows.push(...(await db.botAccount.findMany({ where: { id: { in: stale.slice(i, i + 1_000) } }, select: DRIVEN })));
      for (const r of rows) {
        if (!newest || r.updatedAt > newest) newest = r.updatedAt;
        const before = seen.get(r.id);
        // Removed, or without a token: no longer driven.
        if (r.status === "REMOVED" || r.tokenCipher === null) {
          if (before) {
            seen.delete(r.id);
            changed = true;
          }
          continue;
        }
        const next = open(r);
        if (!before || !sameDriven(before, next)) changed = true;
        seen.set(r.id, next);
      }
      if (changed || !result) {
        const all = [...seen.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
        result = {
          bots: all.flatMap((s) => (s.bot ? [s.bot] : [])),
          unreadable: all.flatMap((s) => (s.unreadable ? [{ id: s.id, label: s.label, reason: s.unreadable }] : [])),
        };
      }
      return { bots: [...result.bots], unreadable: [...result.unreadable] };
    },
  };
}

function sameDriven(a: Seen, b: Seen): boolean {
  if (a.unreadable !== b.unreadable) return false;
  if (!a.bot || !b.bot) return a.bot === b.bot;
  return a.bot.token === b.bot.token && a.bot.webhookSecret === b.bot.webhookSecret && a.bot.label === b.bot.label && a.bot.mode === b.bot.mode && a.bot.status === b.bot.status && a.bot.botUserId === b.bot.botUserId;
}
