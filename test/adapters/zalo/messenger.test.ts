// What the Zalo messenger does beyond the shared contract: where the numbered list goes when a text
// is split, no piece sent twice when a later piece fails, 429 waits that grow, the language of the
// added lines, and files as links or as a note.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZaloApiError } from "../../../src/adapters/zalo/client.ts";
import { createZaloMessenger, layoutChunks, type ZaloMessengerDeps } from "../../../src/adapters/zalo/messenger.ts";
import { createFileLinks } from "../../../src/adapters/shared/file-links.ts";
import { DeliveryError } from "../../../src/core/errors.ts";
import { loadLocales } from "../../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../../src/infra/paths.ts";
import { memoryLogger } from "../../helpers/fakes.ts";
import { servedFolder } from "../../helpers/loopback.ts";
import { senderAction } from "../messenger-contract.ts";

const { translator } = loadLocales(localesDir, { strict: true });

/** A stand-in for the client that records texts and fails the calls a test names. */
function stubClient() {
  const texts: string[] = [];
  const failures = new Map<number, ZaloApiError>();
  let calls = 0;
  return {
    texts,
    failCall: (n: number, err: ZaloApiError) => failures.set(n, err),
    client: {
      async sendMessage(_chatId: string, text: string) {
        const err = failures.get(++calls);
        if (err) throw err;
        texts.push(text);
        return { message_id: String(calls), date: 0 };
      },
      async sendPhoto(_chatId: string, url: string, caption?: string) {
        const err = failures.get(++calls);
        if (err) throw err;
        texts.push(`[photo ${url}] ${caption ?? ""}`);
        return { message_id: String(calls), date: 0 };
      },
    },
  };
}

function messenger(stub: ReturnType<typeof stubClient>, extra: Partial<ZaloMessengerDeps> = {}) {
  const logs: Array<{ level: string; obj: unknown; msg?: string }> = [];
  const m = createZaloMessenger({
    clientFor: () => stub.client,
    logger: memoryLogger(logs),
    bind: (locale) => (key, args) => translator.t(locale, key, args),
    defaultLocale: "vi",
    timezone: "Asia/Ho_Chi_Minh",
    files: null,
    ...extra,
  });
  return { m, logs };
}

const apiError = (errorCode: number, description = "x") => new ZaloApiError("ZALO_API_ERROR", "sendMessage", errorCode, description);
const attempt = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as DeliveryError);

describe("layoutChunks", () => {
  const body = (n: number) => Array.from({ length: n }, (_, i) => `dòng ${i}`.padEnd(19, ".")).join("\n");

  it("keeps text and list together when they fit, else puts the list with the last piece", () => {
    expect(layoutChunks("Chọn:", ["  1. A", "  2. B"], 100)).toEqual(["Chọn:\n\n  1. A\n  2. B"]);
    const pieces = layoutChunks(body(7), ["  1. A"], 100);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.at(-1)).toMatch(/\n\n {2}1\. A$/);
    expect(pieces.every((p) => p.length <= 100)).toBe(true);
  });

  it("sends the list on its own when the last piece has no room, and splits only an over-long list", () => {
    const pieces = layoutChunks(body(5), ["  1. A"], 100);
    expect(pieces.at(-1)).toBe("  1. A");
    const longList = Array.from({ length: 12 }, (_, i) => `  ${i + 1}. lựa chọn`);
    const listPieces = layoutChunks("Chọn:", longList, 100);
    expect(listPieces.every((p) => p.length <= 100)).toBe(true);
    expect(listPieces.join("\n")).toContain("  12. lựa chọn");
  });
});


describe("Zalo messenger", () => {
  it("words the choice hint in the language the core wrote the message in", async () => {
    const stub = stubClient();
    const { m } = messenger(stub);
    await m.send("c", { text: "Do you attend the meeting?", locale: "en", choices: [[{ label: "Attend", action: "a" }, { label: "Absent", action: "b" }]] });
    expect(stub.texts[0]).toBe("Do you attend the meeting?\n\n  1. Attend\n  2. Absent\n\n👉 Reply with a number (1–2) or type the choice.");
    await m.send("c", { text: "Đồng chí có tham dự không?", locale: "vi", choices: [[{ label: "Tham dự", action: "a" }, { label: "Vắng mặt", action: "b" }]] });
    expect(stub.texts[1]).toContain("👉 Trả lời bằng số thứ tự (1–2) hoặc gõ lựa chọn.");
  });

  it("after a later piece fails, the retry sends only what was not delivered", async () => {
    const stub = stubClient();
    const { m } = messenger(stub);
    const text = Array.from({ length: 90 }, (_, i) => `Dòng ${i}: ${"đăng ký làm theo ".repeat(3)}`).join("\n");
    stub.failCall(2, apiError(500));
    expect((await attempt(m.send("c", { text })))?.code).toBe("DELIVERY_RETRY");
    expect(stub.texts).toHaveLength(1);
    await m.send("c", { text });
    expect(stub.texts.join("\n")).toBe(text);
    // The same message again later is a new message: sent whole.
    const pieces = layoutChunks(text, [], 2000).length;
    expect(pieces).toBeGreaterThan(2);
    await m.send("c", { text });
    expect(stub.texts).toHaveLength(2 * pieces);
    expect(stub.texts.slice(-pieces).join("\n")).toBe(text);
  });

  it("waits longer after each 429 in a row, and starts again after a success", async () => {
    const stub = stubClient();
    const { m } = messenger(stub);
    for (let i = 1; i <= 5; i++) stub.failCall(i, apiError(429, "Quota exceeded"));
    const waits: Array<number | undefined> = [];
    for (let i = 0; i < 5; i++) waits.push((await attempt(m.send("c", { text: "x" })))?.opts.retryAfterMs);
    expect(waits).toEqual([5_000, 10_000, 20_000, 30_000, 30_000]);
    await m.send("c", { text: "x" });
    stub.failCall(7, apiError(429));
    expect((await attempt(m.send("c", { text: "x" })))?.opts.retryAfterMs).toBe(5_000);
  });

  // How each of Zalo's answers is read is in the shared contract (messenger.contract.test.ts); these
  // two cannot be played by the fake Zalo: a text refused before it is sent, and the log line.
  it("gives up a text Zalo would refuse, without sending it", async () => {
    const stub = stubClient();
    const { m } = messenger(stub);
    stub.failCall(1, new ZaloApiError("ZALO_INVALID_REQUEST", "sendMessage", null, "text must be 1–2000 characters (got 2001)"));
    const got = await attempt(m.send("c", { text: "x" }));
    expect(got).toBeInstanceOf(DeliveryError);
    expect(senderAction(got!)).toBe("give-up");
  });

  it("a refused token is logged naming the setting to check", async () => {
    const stub = stubClient();
    const { m, logs } = messenger(stub);
    stub.failCall(1, apiError(401, "Unauthorized"));
    expect(senderAction((await attempt(m.send("c", { text: "x" })))!)).toBe("pause-bot");
    expect(logs.some((l) => l.level === "error" && l.msg?.includes("ZALO_BOT_TOKEN"))).toBe(true);
  });

  it("without a public URL, a file is named and the person told where to get it", async () => {
    const stub = stubClient();
    const { m } = messenger(stub);
    await m.send("c", { text: "Dữ liệu của đồng chí:", files: [{ name: "du-lieu.json", mime: "application/json", data: Buffer.alloc(3000).toString("base64") }] });
    expect(stub.texts[0]).toContain("📎 Tệp du-lieu.json (3 KB)");
    expect(stub.texts[0]).toContain("Zalo không gửi được tệp đính kèm");
  });

  describe("with a public URL", () => {
    let served: Awaited<ReturnType<typeof servedFolder>>;
    beforeAll(async () => {
      served = await servedFolder();
    });
    afterAll(() => served.close());

    it("sends a link that downloads the file, with its expiry in the branch's time", async () => {
      const files = createFileLinks({ dir: served.dir, publicUrl: `${served.base}/`, logger: memoryLogger() });
      files.mount(served.http);
      const stub = stubClient();
      const { m } = messenger(stub, { files });
      const data = "họ tên,chi bộ\nNguyễn Văn An,Chi bộ Khoa Ngữ văn\n";
      await m.send("c", { text: "Báo cáo của chi bộ:", files: [{ name: "báo cáo.csv", mime: "text/csv", data: Buffer.from(data).toString("base64") }] });
      const url = /(http:\/\/\S+\/files\?k=\S+)/.exec(stub.texts[0] ?? "")?.[1];
      expect(stub.texts[0]).toContain("📎 báo cáo.csv (");
      expect(stub.texts[0]).toMatch(/dùng được đến \d\d:\d\d, Thứ .+ \d\d\/\d\d\/\d{4}/);
      const res = await fetch(url!);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="bao cao.csv"; filename*=UTF-8''${encodeURIComponent("báo cáo.csv")}`);
      expect(await res.text()).toBe(data);
    });
  });
});
