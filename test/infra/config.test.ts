import { describe, expect, it } from "vitest";
import { ConfigError, isConsoleMode, loadConfig } from "../../src/config.ts";

const token = "123456789:TEST-fake-token-for-tests-only_abcdef";

describe("configuration", () => {
  it("has working defaults: SQLite, Vietnamese, Asia/Ho_Chi_Minh, the console", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      DATABASE_URL: "file:./data/chibo.db",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      ZALO_API_ROOT: "https://bot-api.zaloplatforms.com",
      TELEGRAM_MODE: "polling",
      PORT: 8080,
      DEFAULT_TIMEZONE: "Asia/Ho_Chi_Minh",
      DEFAULT_LOCALE: "vi",
    });
    expect(isConsoleMode(c)).toBe(true);
    expect(isConsoleMode(loadConfig({ TELEGRAM_BOT_TOKEN: token }))).toBe(false);
  });

  it("parses operators as platform:userId", () => {
    const c = loadConfig({ BOT_ADMINS: "telegram:123456789, zalo:6ede9afa66b88fe6d6a9" });
    expect([...c.BOT_ADMINS]).toEqual(["telegram:123456789", "zalo:6ede9afa66b88fe6d6a9"]);
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ TELEGRAM_MODE: "push" }, "TELEGRAM_MODE"],
    [{ DEFAULT_TIMEZONE: "Mars/Olympus" }, "DEFAULT_TIMEZONE"],
    [{ DEFAULT_LOCALE: "fr" }, "DEFAULT_LOCALE"],
    [{ BOT_ADMINS: "123456" }, "BOT_ADMINS"],
    [{ TELEGRAM_BOT_TOKEN: "not-a-token" }, "TELEGRAM_BOT_TOKEN"],
    [{ TELEGRAM_API_ROOT: "api.telegram.org" }, "TELEGRAM_API_ROOT"],
    [{ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_SECRET: "s3cret-s3cret-s3cret" }, "PUBLIC_URL"],
    [{ ZALO_BOT_TOKEN: "1:abc", ZALO_MODE: "webhook", PUBLIC_URL: "https://bot.example.org", ZALO_WEBHOOK_SECRET: "short" }, "ZALO_WEBHOOK_SECRET"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    // Too short to resist guessing, or characters Telegram refuses in secret_token.
    [{ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook", PUBLIC_URL: "https://bot.example.org", TELEGRAM_WEBHOOK_SECRET: "x" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook", PUBLIC_URL: "https://bot.example.org", TELEGRAM_WEBHOOK_SECRET: "fifteen-chars-1" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook", PUBLIC_URL: "https://bot.example.org", TELEGRAM_WEBHOOK_SECRET: "long-enough-but-has:colon" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook", PUBLIC_URL: "https://bot.example.org", TELEGRAM_WEBHOOK_SECRET: "đúng-là-dài-nhưng-có-dấu" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook", PUBLIC_URL: "https://bot.example.org", TELEGRAM_WEBHOOK_SECRET: "a".repeat(257) }, "TELEGRAM_WEBHOOK_SECRET"],
  ])("a wrong value stops start-up naming the variable: %o", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as Error).message).toContain(`  ${name} `);
    }
  });

  it("takes a Telegram webhook secret of 16 to 256 characters Telegram allows", () => {
    const env = { TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook", PUBLIC_URL: "https://bot.example.org" };
    expect(loadConfig({ ...env, TELEGRAM_WEBHOOK_SECRET: "sixteen-chars_16" }).TELEGRAM_WEBHOOK_SECRET).toBe("sixteen-chars_16");
    expect(loadConfig({ ...env, TELEGRAM_WEBHOOK_SECRET: "Z".repeat(256) }).TELEGRAM_WEBHOOK_SECRET).toHaveLength(256);
  });

  it("never prints a token or secret it rejects", () => {
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: "123:secret-looking-but-wrong", TELEGRAM_WEBHOOK_SECRET: "bad secret!" });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).not.toContain("secret-looking-but-wrong");
      expect((err as Error).message).not.toContain("bad secret!");
    }
  });
});

describe("several instances", () => {
  it("reads the instance name and lease timings, and refuses a renewal too rare for the TTL", () => {
    expect(loadConfig({})).toMatchObject({ LEASE_TTL_SECONDS: 30, LEASE_RENEW_SECONDS: 10 });
    expect(loadConfig({ INSTANCE_NAME: "bot-1", LEASE_TTL_SECONDS: "12", LEASE_RENEW_SECONDS: "4" })).toMatchObject({ INSTANCE_NAME: "bot-1", LEASE_TTL_SECONDS: 12, LEASE_RENEW_SECONDS: 4 });
    expect(() => loadConfig({ LEASE_TTL_SECONDS: "10", LEASE_RENEW_SECONDS: "8" })).toThrow(/LEASE_RENEW_SECONDS must be at most half/);
    expect(() => loadConfig({ INSTANCE_NAME: "two words" })).toThrow(/INSTANCE_NAME/);
  });
});
