// The messenger the outbox sender delivers through: rendering (escaped HTML, 4,096-character pieces,
// the keyboard on the last piece, files as documents). What each Bot API failure means to the sender
// is in the shared contract (messenger.contract.test.ts).
import { Api, InputFile, type Transformer } from "grammy";
import { describe, expect, it } from "vitest";
import { createTelegramMessenger } from "../../../src/adapters/telegram/messenger.ts";
import { MAX_MESSAGE_CHARS } from "../../../src/adapters/telegram/render.ts";
import { DeliveryError } from "../../../src/core/errors.ts";
import type { OutMessage } from "../../../src/core/types.ts";
import { shown, type ApiErrorAnswer, type Call } from "./kit.ts";

function setup(fail?: (method: string, payload: Record<string, any>, attempt: number) => ApiErrorAnswer | "network" | null) {
  const calls: Call[] = [];
  const recorder: Transformer = async (_prev, method, payload) => {
    const p = payload as Record<string, any>;
    calls.push({ method, payload: p });
    const failure = fail?.(method, p, calls.length);
    if (failure === "network") throw new Error("connect ECONNREFUSED 127.0.0.1:1");
    if (failure) return { ok: false, ...failure } as never;
    return { ok: true, result: { message_id: calls.length, date: 0, chat: { id: Number(p.chat_id), type: "private" } } } as never;
  };
  const api = new Api("123456789:TEST-fake-token-for-tests-only_abcdef", { apiRoot: "http://127.0.0.1:9" });
  api.config.use(recorder);
  return { calls, messenger: createTelegramMessenger(api) };
}

async function deliveryError(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe("telegram messenger", () => {
  it("escapes &, < and > and sends HTML", async () => {
    const { calls, messenger } = setup();
    await messenger.send("42", { text: "Tên: <b>An</b> & Bình 😀 <script>alert(1)</script>" });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.payload).toMatchObject({
      chat_id: "42",
      parse_mode: "HTML",
      text: "Tên: &lt;b&gt;An&lt;/b&gt; &amp; Bình 😀 &lt;script&gt;alert(1)&lt;/script&gt;",
    });
  });

  it("splits a long text at line breaks into pieces of at most 4,096 characters, keyboard on the last", async () => {
    const { calls, messenger } = setup();
    const lines = Array.from({ length: 400 }, (_, i) => `${i + 1}. Nguyễn Văn <An> & đồng chí – vắng mặt có lý do`);
    const text = lines.join("\n");
    expect(text.length).toBeGreaterThan(2 * MAX_MESSAGE_CHARS);
    await messenger.send("42", { text, choices: [[{ label: "Xác nhận", action: "f:abc123:ok" }]] });
    const pieces = calls.map((c) => shown(c.payload.text as string));
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    // Cut only between lines: nothing lost, no line broken.
    expect(pieces.join("\n")).toBe(text);
    for (const p of pieces) expect(lines).toContain(p.split("\n").at(-1));
    expect(calls.map((c) => Boolean(c.payload.reply_markup))).toEqual([...pieces.slice(1).map(() => false), true]);
    expect(calls.at(-1)!.payload.reply_markup).toEqual({ inline_keyboard: [[{ text: "Xác nhận", callback_data: "f:abc123:ok" }]] });
  });

  it("hard-splits a single word longer than a message without breaking an emoji", async () => {
    const { calls, messenger } = setup();
    const text = "a".repeat(MAX_MESSAGE_CHARS - 1) + "😀" + "b".repeat(10);
    await messenger.send("42", { text });
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.payload.text).join("")).toBe(text);
  });

  it("refuses callback data over 64 bytes as a permanent failure and sends nothing", async () => {
    const { calls, messenger } = setup();
    const err = await deliveryError(messenger.send("42", { text: "Chọn", choices: [[{ label: "Quá dài", action: `r:${"x".repeat(63)}` }]] }));
    expect(err.opts.permanent).toBe(true);
    expect(calls).toHaveLength(0);
  });

  it("sends files as documents after the text", async () => {
    const { calls, messenger } = setup();
    const csv = "Họ tên,Tham dự\nNguyễn Văn An,Có\n";
    const message: OutMessage = { text: "Dữ liệu của chi bộ:", files: [{ name: "chibo.csv", mime: "text/csv", data: Buffer.from(csv).toString("base64") }] };
    await messenger.send("42", message);
    expect(calls.map((c) => c.method)).toEqual(["sendMessage", "sendDocument"]);
    const doc = calls[1]!.payload.document as InputFile;
    expect(doc).toBeInstanceOf(InputFile);
    expect(doc.filename).toBe("chibo.csv");
    expect(Buffer.from((await doc.toRaw()) as Uint8Array).toString("utf8")).toBe(csv);
  });

  it("resumes a long message after a failure instead of sending its first pieces twice", async () => {
    let failSecond = true;
    const { calls, messenger } = setup((_m, _p, n) => {
      if (n === 2 && failSecond) {
        failSecond = false;
        return { error_code: 429, description: "Too Many Requests", parameters: { retry_after: 1 } };
      }
      return null;
    });
    const text = ["A".repeat(4000), "B".repeat(4000), "C".repeat(4000)].join("\n");
    await deliveryError(messenger.send("42", { text }));
    await messenger.send("42", { text });
    const delivered = calls.filter((_, i) => i !== 1).map((c) => (c.payload.text as string)[0]);
    expect(delivered).toEqual(["A", "B", "C"]);
  });
});
