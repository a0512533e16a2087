// The one configuration schema, parsed once at start. A wrong value stops start-up with a message
// that names the variable and says what is expected. Every variable is listed in .env.example.
import { z } from "zod";
import { isValidTimeZone } from "./core/domain/time.ts";
import { parseSecretKey } from "./infra/bots/secret-box.ts";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const mode = z.enum(["polling", "webhook"], { error: "must be polling or webhook" }).default("polling");

const operatorList = z
  .string()
  .default("")
  .transform((raw, ctx) => {
    const out = new Set<string>();
    for (const item of raw.split(/[,\s]+/).filter(Boolean)) {
      const m = /^(telegram|zalo|console):([A-Za-z0-9_-]{1,64})$/i.exec(item);
      if (!m) {
        ctx.addIssue({ code: "custom", message: `"${item}" is not platform:userId (for example telegram:123456789)` });
        return z.NEVER;
      }
      out.add(`${m[1]!.toLowerCase()}:${m[2]}`);
    }
    return out;
  });

const positiveNumber = (fallback: number) =>
  z.coerce.number({ error: "must be a number" }).positive({ error: "must be greater than 0" }).default(fallback);

export const configSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .default("file:./data/chibo.db")
      .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\//.test(v), { error: "must be file:<path> (SQLite) or postgresql://… (PostgreSQL)" }),
    /** Where exports and other files are kept (default: "files" beside the SQLite database). */
    FILES_DIR: optionalText,
    TELEGRAM_BOT_TOKEN: optionalText.refine((v) => v === undefined || /^\d+:[A-Za-z0-9_-]{20,}$/.test(v), {
      error: "must look like 123456789:AA… (the token from @BotFather)",
    }),
    TELEGRAM_API_ROOT: z.url({ error: "must be a URL such as https://api.telegram.org" }).default("https://api.telegram.org"),
    TELEGRAM_MODE: mode,
    // Telegram allows 1–256 of these characters; fewer than 16 could be guessed by whoever finds the URL.
    TELEGRAM_WEBHOOK_SECRET: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9_-]{16,256}$/.test(v), {
      error: "must be 16–256 characters of A-Z, a-z, 0-9, _ and - (for example from: openssl rand -hex 32)",
    }),
    ZALO_BOT_TOKEN: optionalText,
    ZALO_API_ROOT: z.url({ error: "must be a URL such as https://bot-api.zaloplatforms.com" }).default("https://bot-api.zaloplatforms.com"),
    ZALO_MODE: mode,
    ZALO_WEBHOOK_SECRET: optionalText.refine((v) => v === undefined || (v.length >= 8 && v.length <= 256), {
      error: "must be 8–256 characters",
    }),
    SECRET_KEY: optionalText.refine(
      (v) => {
        if (v === undefined) return true;
        try {
          parseSecretKey(v);
          return true;
        } catch {
          return false;
        }
      },
      { error: "must be 32 random bytes as base64 (44 characters) or hex (64 characters), e.g. from: openssl rand -base64 32" },
    ),
    PUBLIC_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), { error: "must be a URL such as https://bot.example.org" }),
    PORT: z.coerce.number({ error: "must be a port number" }).int().min(0).max(65535, { error: "must be a port number (0–65535)" }).default(8080),
    BOT_ADMINS: operatorList,
    DEFAULT_TIMEZONE: z
      .string()
      .default("Asia/Ho_Chi_Minh")
      .refine(isValidTimeZone, { error: "must be an IANA time zone such as Asia/Ho_Chi_Minh" }),
    DEFAULT_LOCALE: z.enum(["vi", "en"], { error: "must be vi or en" }).default("vi"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "must be fatal, error, warn, info, debug, trace or silent" }).optional(),
    TELEGRAM_RATE_PER_SECOND: positiveNumber(25),
    /** Messages per second to one Telegram chat (Telegram asks for about one; benchmarks lift it). */
    TELEGRAM_CHAT_RATE_PER_SECOND: positiveNumber(1),
    ZALO_RATE_PER_SECOND: positiveNumber(5),
    /** Messages per second to one Zalo chat (unpublished; one a second is polite). */
    ZALO_CHAT_RATE_PER_SECOND: positiveNumber(1),
    /** Zalo long polls running at once across all bot accounts in polling mode. */
    ZALO_POLL_CONCURRENCY: positiveNumber(50),
    /**
     * This instance's name in send leases and outbox claims; unique per running instance (two
     * instances under one name would both send). Default: host name, process id and a random suffix.
     */
    INSTANCE_NAME: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9._:-]{1,100}$/.test(v), {
      error: "must be 1–100 characters of A-Z, a-z, 0-9, . _ : and -",
    }),
    /** How long a send lease lasts unrenewed: how soon a dead instance's bot accounts move to another. */
    LEASE_TTL_SECONDS: positiveNumber(30),
    /** How often an instance renews its send leases and rebalances them (at most half the TTL). */
    LEASE_RENEW_SECONDS: positiveNumber(10),
  })
  .superRefine((c, ctx) => {
    const need = (cond: boolean, path: string, message: string) => {
      if (cond) ctx.addIssue({ code: "custom", path: [path], message });
    };
    need(!!c.TELEGRAM_BOT_TOKEN && c.TELEGRAM_MODE === "webhook" && !c.TELEGRAM_WEBHOOK_SECRET, "TELEGRAM_WEBHOOK_SECRET", "is required when TELEGRAM_MODE=webhook");
    need(!!c.TELEGRAM_BOT_TOKEN && c.TELEGRAM_MODE === "webhook" && !c.PUBLIC_URL, "PUBLIC_URL", "is required when TELEGRAM_MODE=webhook");
    need(!!c.ZALO_BOT_TOKEN && c.ZALO_MODE === "webhook" && !c.ZALO_WEBHOOK_SECRET, "ZALO_WEBHOOK_SECRET", "is required when ZALO_MODE=webhook");
    need(!!c.ZALO_BOT_TOKEN && c.ZALO_MODE === "webhook" && !c.PUBLIC_URL, "PUBLIC_URL", "is required when ZALO_MODE=webhook");
    // Renewed less often than that, a lease would lapse between two renewals of a live instance.
    need(c.LEASE_RENEW_SECONDS * 2 > c.LEASE_TTL_SECONDS, "LEASE_RENEW_SECONDS", "must be at most half of LEASE_TTL_SECONDS");
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
}

/** Parses the environment; throws one ConfigError listing every wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Unset and empty mean the same: use the default.
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = configSchema.safeParse(clean);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const name = String(i.path[0] ?? "configuration");
    const value = i.path[0] && !/TOKEN|SECRET|KEY/.test(name) ? ` (got "${clean[name as keyof typeof clean] ?? ""}")` : "";
    return `  ${name} ${i.message}${value}`;
  });
  throw new ConfigError(`Configuration error:\n${lines.join("\n")}\nSee .env.example and the README for every variable.`);
}

/** No platform token: the bot opens a chat in the terminal instead. */
export function isConsoleMode(config: Config): boolean {
  return !config.TELEGRAM_BOT_TOKEN && !config.ZALO_BOT_TOKEN;
}
