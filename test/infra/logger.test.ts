import { describe, expect, it } from "vitest";
import { createLogger, scrub } from "../../src/infra/log/logger.ts";

describe("logging", () => {
  it("never writes a configured secret or anything shaped like a bot token", async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "info", secrets: ["zalo-token-abcdef", "webhook-secret-xyz"], destination: { write: (l: string) => lines.push(l) } });
    logger.info({ url: "https://bot-api.zaloplatforms.com/botzalo-token-abcdef/sendMessage" }, "call failed");
    logger.error({ err: new Error("POST https://api.telegram.org/bot123456789:TEST-fake-token-for-tests-only_abcdef/sendMessage failed") }, "send failed");
    logger.warn({ headers: { "x-bot-api-secret-token": "webhook-secret-xyz" } }, "forged");
    logger.info({ token: "anything" }, "field");
    const all = lines.join("");
    expect(all).not.toContain("zalo-token-abcdef");
    expect(all).not.toContain("webhook-secret-xyz");
    expect(all).not.toContain("TEST-fake-token-for-tests-only");
    expect(all).not.toContain("anything");
    expect(all).toContain("[redacted]");
    expect(lines).toHaveLength(4);
  });

  it("scrub leaves ordinary text alone", () => {
    expect(scrub("Nguyễn Văn An đã tham gia", ["secret123"])).toBe("Nguyễn Văn An đã tham gia");
  });
});
