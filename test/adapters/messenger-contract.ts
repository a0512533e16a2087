// What every Messenger must do, whatever the platform: deliver plain text as written, split long
// text within the platform's limit at line breaks, render choices so a person can pick them (as
// buttons, or as a numbered list they answer by typing), and report failures as the DeliveryError
// the outbox sender acts on. Run it with a fixture per platform (see zalo/messenger.contract.test.ts).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/core/errors.ts";
import { cleanInput } from "../../src/core/engine/text.ts";
import type { Messenger } from "../../src/core/ports/runtime.ts";
import type { OutMessage } from "../../src/core/types.ts";
import sample from "../fixtures/vi-sample.json" with { type: "json" };

/** One message as the person sees it in the chat app. */
export interface ReceivedMessage {
  chatId: string;
  /** The text as displayed: markup already interpreted (Telegram HTML unescaped). */
  text: string;
  /** Button labels attached to the message, on platforms that have buttons. */
  buttons?: string[];
}

export type FailureKind = "rate-limited" | "blocked" | "unauthorized" | "server-error" | "network";

export interface MessengerFixture {
  messenger: Messenger;
  /** Everything the fake platform received so far, in order. */
  received(): ReceivedMessage[];
  /** The next delivery attempt fails as the platform fails for `kind` (once). */
  failNext(kind: FailureKind): void;
  close(): Promise<void>;
}

export interface MessengerContract {
  name: string;
  /** Characters per platform message (Telegram 4096, Zalo 2000). */
  limit: number;
  create(): Promise<MessengerFixture>;
}

const EXPECTED: Record<FailureKind, "DELIVERY_RETRY" | "DELIVERY_PERMANENT"> = {
  "rate-limited": "DELIVERY_RETRY",
  blocked: "DELIVERY_PERMANENT",
  // A revoked token: the messages wait (the sender pauses the bot and tells the operators).
  unauthorized: "DELIVERY_RETRY",
  "server-error": "DELIVERY_RETRY",
  network: "DELIVERY_RETRY",
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Can the person pick `label` as choice number `n` from this message: a button, or a numbered line? */
export function offersChoice(message: ReceivedMessage, label: string, n: number): boolean {
  if (message.buttons?.includes(label)) return true;
  return new RegExp(`^\\s*${n}[.)] ${escapeRegExp(label)}\\s*$`, "m").test(message.text);
}

function lines(count: number, width: number): string {
  const names = sample.names;
  return Array.from({ length: count }, (_, i) => `${String(i + 1).padStart(3, "0")}. ${names[i % names.length]}: ${"đăng ký làm theo ".repeat(8)}`.slice(0, width)).join("\n");
}

export function messengerContract(c: MessengerContract): void {
  describe(`${c.name} messenger contract`, () => {
    let f: MessengerFixture;
    beforeEach(async () => {
      f = await c.create();
    });
    afterEach(() => f.close());

    it("delivers plain text to the chat as written", async () => {
      await f.messenger.send("chat-1", { text: "Kính gửi đồng chí: buổi sinh hoạt chi bộ định kỳ lúc 14:00, Thứ Năm 03/12/2026." });
      const got = f.received();
      expect(got.map(({ chatId, text }) => ({ chatId, text }))).toEqual([{ chatId: "chat-1", text: "Kính gửi đồng chí: buổi sinh hoạt chi bộ định kỳ lúc 14:00, Thứ Năm 03/12/2026." }]);
      expect(got[0]?.buttons ?? []).toEqual([]);
    });

    it("splits a long text within the limit at line breaks, losing nothing", async () => {
      const text = lines(Math.ceil((c.limit * 2.5) / 120), 120);
      await f.messenger.send("chat-1", { text });
      const got = f.received();
      expect(got.length).toBeGreaterThan(2);
      for (const m of got) expect(m.text.length).toBeLessThanOrEqual(c.limit);
      // Each piece is whole lines: put back together they are the original text.
      expect(got.map((m) => m.text).join("\n")).toBe(text);
    });

    it("renders choices so that a person can pick each of them", async () => {
      const message: OutMessage = {
        text: "Đồng chí có tham dự buổi sinh hoạt chi bộ định kỳ không?",
        choices: [
          [
            { label: "Tham dự", action: "r:m1:a" },
            { label: "Vắng mặt", action: "r:m1:v" },
          ],
          [{ label: "Hủy", action: "r:m1:x" }],
        ],
      };
      await f.messenger.send("chat-1", message);
      const [got] = f.received();
      expect(got?.text).toContain(message.text);
      ["Tham dự", "Vắng mặt", "Hủy"].forEach((label, i) => expect(offersChoice(got!, label, i + 1), label).toBe(true));
    });

    it("keeps the choices whole with the last piece of a long text", async () => {
      const text = lines(Math.ceil((c.limit * 1.8) / 100), 100);
      await f.messenger.send("chat-1", { text, choices: [[{ label: "Xác nhận", action: "f:t:ok" }, { label: "Sửa", action: "f:t:edit" }]] });
      const got = f.received();
      expect(got.length).toBeGreaterThan(1);
      for (const m of got) expect(m.text.length).toBeLessThanOrEqual(c.limit);
      const last = got.at(-1)!;
      expect(offersChoice(last, "Xác nhận", 1) && offersChoice(last, "Sửa", 2)).toBe(true);
      for (const m of got.slice(0, -1)) expect(offersChoice(m, "Xác nhận", 1)).toBe(false);
    });

    it("shows text people typed verbatim: markup, emoji, quotes and placeholders stay as typed", async () => {
      const inputs = sample.hostile_inputs.map(cleanInput).filter((s) => s.length > 0);
      for (const [i, input] of inputs.entries()) await f.messenger.send(`chat-${i}`, { text: `Lý do vắng: ${input}` });
      const got = f.received();
      expect(got).toHaveLength(inputs.length);
      inputs.forEach((input, i) => expect(got[i]?.text).toBe(`Lý do vắng: ${input}`));
    });

    for (const kind of Object.keys(EXPECTED) as FailureKind[]) {
      it(`reports a ${kind} failure as ${EXPECTED[kind] === "DELIVERY_RETRY" ? "retryable" : "permanent"}, then delivers again`, async () => {
        f.failNext(kind);
        const err = await f.messenger.send("chat-1", { text: "Nhắc lịch sinh hoạt chi bộ" }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(DeliveryError);
        expect((err as DeliveryError).code).toBe(EXPECTED[kind]);
        if (kind === "rate-limited") expect((err as DeliveryError).opts.retryAfterMs).toBeGreaterThan(0);
        // What the sender acts on, not only the code: a blocked chat is held, a refused bot paused.
        expect(Boolean((err as DeliveryError).opts.unreachable)).toBe(kind === "blocked");
        expect(Boolean((err as DeliveryError).opts.accountRefused)).toBe(kind === "unauthorized");
        expect(f.received()).toHaveLength(0);
        await f.messenger.send("chat-1", { text: "Nhắc lịch sinh hoạt chi bộ" });
        expect(f.received().map((m) => m.text)).toEqual(["Nhắc lịch sinh hoạt chi bộ"]);
      });
    }
  });
}
