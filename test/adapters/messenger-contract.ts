// What every Messenger must do, whatever the platform: deliver plain text as written, split long
// text within the platform's limit at line breaks, render choices so a person can pick them (as
// buttons, or as a numbered list they answer by typing), take a rate-limit token before each API
// call and report how many it made, and report every failure as the DeliveryError the outbox sender
// acts on: for each kind of failure, the one thing the sender then does. Run it with a fixture per
// messenger (telegram/, zalo/ and console/messenger.contract.test.ts).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/core/errors.ts";
import { cleanInput } from "../../src/core/engine/text.ts";
import type { Messenger, SendVia } from "../../src/core/ports/runtime.ts";
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

/** The ways a platform refuses a message, as the people running the bot meet them. */
export type FailureKind =
  /** The person blocked the bot (or deleted their account, or never started it). */
  | "blocked"
  /** The chat does not exist (any more). */
  | "chat-not-found"
  /** Too many messages: the platform says how long to wait, or the bot's quota is used up. */
  | "rate-limited"
  | "server-error"
  /** The platform does not answer in time, or says it timed out. */
  | "timeout"
  /** The connection drops. */
  | "network"
  /** The platform refuses this message itself (markup it cannot parse, a malformed call). */
  | "bad-request"
  /** The bot's token is refused (revoked, rotated). */
  | "unauthorized";

/**
 * What the outbox sender does with a failed message (src/core/services/sender.ts, `failed`), and the
 * DeliveryError field it decides by, in the order it checks them:
 * - release (`aborted`): back to the outbox untouched; the sender stopped it itself between two calls.
 * - pause-bot (`accountRefused`): every message of the bot account waits; the operators are told once.
 * - hold-chat (`unreachable`): the message fails, the chat's identity goes inactive and its other
 *   messages wait until the person writes again.
 * - give-up (`permanent`): this message fails for good.
 * - wait-chat / wait-bot (`retryAfterMs`, with `scope`): retried after that wait, pausing only that
 *   chat ("chat") or the whole bot account (anything else).
 * - back-off (none of these, or not a DeliveryError at all): retried later, each time later.
 * `message` is kept as the outbox's last error and the identity's inactive reason; `code` and `status`
 * are not read.
 */
export type SenderAction = "release" | "pause-bot" | "hold-chat" | "give-up" | "wait-chat" | "wait-bot" | "back-off";

const WHAT: Record<SenderAction, string> = {
  release: "gives the message back untouched",
  "pause-bot": "pauses the bot and tells the operators",
  "hold-chat": "holds the chat's messages until the person writes again",
  "give-up": "gives the message up",
  "wait-chat": "waits as told, in that chat only",
  "wait-bot": "waits as told, for the whole bot",
  "back-off": "retries it later, backing off",
};

const EXPECTED: Record<FailureKind, SenderAction> = {
  blocked: "hold-chat",
  "chat-not-found": "hold-chat",
  // A chat not written to just before: the bot's own limit (or its quota), not the chat's.
  "rate-limited": "wait-bot",
  "server-error": "back-off",
  timeout: "back-off",
  network: "back-off",
  "bad-request": "give-up",
  unauthorized: "pause-bot",
};

/**
 * The sender's action for an error, read from the fields the sender reads. An error says one thing:
 * two deciding fields at once would leave the outcome to the order the sender checks them in.
 */
export function senderAction(err: DeliveryError): SenderAction {
  const o = err.opts;
  const said: SenderAction[] = [];
  if (o.aborted) said.push("release");
  if (o.accountRefused) said.push("pause-bot");
  if (o.unreachable) said.push("hold-chat");
  if (o.permanent) said.push("give-up");
  if (o.retryAfterMs !== undefined) said.push(o.scope === "chat" ? "wait-chat" : "wait-bot");
  expect(said.length, `"${err.message}" says ${said.join(" and ")}`).toBeLessThanOrEqual(1);
  return said[0] ?? "back-off";
}

export interface MessengerFixture<F> {
  messenger: Messenger;
  /** Everything the platform (or the terminal) showed so far, in order. */
  received(): ReceivedMessage[];
  /** The next API call fails this way (once). Only on platforms (see MessengerContract.failures). */
  failNext?(failure: F): void;
  /** What no error may carry, as errors are written to the outbox and the logs: the bot token. */
  secret?: string;
  close(): Promise<void>;
}

export interface MessengerContract<F = never> {
  name: string;
  /** Characters per platform message (Telegram 4096, Zalo 2000); null where a message is shown whole (the terminal). */
  limit: number | null;
  /**
   * The platform's answers for each kind of failure, by name (a platform may fail one way in several
   * forms: every one is tried). Absent for a messenger that talks to no platform (the terminal).
   */
  failures?: Record<FailureKind, Record<string, F>>;
  /**
   * What a 429 means in a chat written to several times in a row: that chat's own limit (Telegram's
   * about one a second: only that chat waits) or still the bot's (Zalo's quota is the bot account's).
   * Required with `failures`.
   */
  busyChatRateLimit?: "wait-chat" | "wait-bot";
  create(): Promise<MessengerFixture<F>>;
}

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

/** What a send ended in: the DeliveryError it threw (anything else fails the test), or null. */
async function failureOf(p: Promise<unknown>): Promise<DeliveryError | null> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (err !== null) expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError | null;
}

/** A SendVia that counts the API calls, stopping the message (as the sender does) at call `stopAt`. */
function countingVia(stopAt?: number): SendVia & { calls: number } {
  const via = {
    botAccountId: "",
    calls: 0,
    async beforeCall() {
      via.calls++;
      if (via.calls === stopAt) throw new DeliveryError("stopped between the parts of a message", { aborted: true });
    },
  };
  return via;
}

export function messengerContract<F>(c: MessengerContract<F>): void {
  describe(`${c.name} messenger contract`, () => {
    let f: MessengerFixture<F>;
    // Long enough for several pieces on every platform that splits.
    const longText = (factor: number, width: number) => lines(Math.ceil(((c.limit ?? 4096) * factor) / width), width);
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

    it(c.limit === null ? "shows a long text whole, in one message" : "splits a long text within the limit at line breaks, losing nothing", async () => {
      const text = longText(2.5, 120);
      await f.messenger.send("chat-1", { text });
      const got = f.received();
      if (c.limit === null) {
        expect(got.map((m) => m.text)).toEqual([text]);
        return;
      }
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
      const text = longText(1.8, 100);
      await f.messenger.send("chat-1", { text, choices: [[{ label: "Xác nhận", action: "f:t:ok" }, { label: "Sửa", action: "f:t:edit" }]] });
      const got = f.received();
      if (c.limit !== null) expect(got.length).toBeGreaterThan(1);
      for (const m of got) expect(m.text.length).toBeLessThanOrEqual(c.limit ?? Infinity);
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

    // The sender takes a rate-limit token per API call and counts the bot's monthly quota in messages.
    it("asks the sender before every API call, and says how many messages a send took", async () => {
      const via = countingVia();
      const receipt = await f.messenger.send("chat-1", { text: longText(2.5, 120), choices: [[{ label: "Xác nhận", action: "f:t:ok" }]] }, via);
      const shown = f.received().length;
      expect(via.calls).toBe(shown);
      expect(receipt?.parts ?? 1).toBe(shown);
    });

    it("stops where the sender stops it, and sends only the rest when the message comes again", async () => {
      const text = longText(2.5, 120);
      // Between two pieces where there are several; before the only one where a message is shown whole.
      const stopAt = c.limit === null ? 1 : 2;
      const err = await failureOf(f.messenger.send("chat-1", { text }, countingVia(stopAt)));
      expect(err && senderAction(err)).toBe("release");
      expect(f.received()).toHaveLength(stopAt - 1);
      const receipt = await f.messenger.send("chat-1", { text }, countingVia());
      const got = f.received();
      expect(got.map((m) => m.text).join("\n")).toBe(text);
      expect(receipt?.parts ?? 1).toBe(got.length - (stopAt - 1));
    });

    if (c.failures) {
      const tooMany = Object.values(c.failures["rate-limited"])[0]!;
      const action = c.busyChatRateLimit!;
      it(`rate-limited in a chat just written to several times: the sender ${WHAT[action]}`, async () => {
        for (let i = 1; i <= 3; i++) await f.messenger.send("chat-1", { text: `Nhắc lịch ${i}` });
        f.failNext!(tooMany);
        const err = await failureOf(f.messenger.send("chat-1", { text: "Nhắc lịch 4" }));
        expect(err && senderAction(err)).toBe(action);
      });
    }

    for (const [kind, forms] of Object.entries(c.failures ?? {}) as Array<[FailureKind, Record<string, F>]>) {
      for (const [form, failure] of Object.entries(forms)) {
        it(`${kind} (${form}): the sender ${WHAT[EXPECTED[kind]]}; the next message goes through`, async () => {
          f.failNext!(failure);
          const err = await failureOf(f.messenger.send("chat-1", { text: "Nhắc lịch sinh hoạt chi bộ" }));
          expect(err, "the send must fail").not.toBeNull();
          expect(senderAction(err!)).toBe(EXPECTED[kind]);
          expect(err!.code).toBe(["hold-chat", "give-up"].includes(EXPECTED[kind]) ? "DELIVERY_PERMANENT" : "DELIVERY_RETRY");
          if (EXPECTED[kind].startsWith("wait-")) {
            expect(err!.opts.retryAfterMs).toBeGreaterThan(0);
            expect(Number.isFinite(err!.opts.retryAfterMs)).toBe(true);
          }
          // The message is written to the outbox (lastError) and to the logs.
          if (f.secret) expect(err!.message).not.toContain(f.secret);
          expect(f.received()).toHaveLength(0);
          await f.messenger.send("chat-1", { text: "Nhắc lịch sinh hoạt chi bộ" });
          expect(f.received().map((m) => m.text)).toEqual(["Nhắc lịch sinh hoạt chi bộ"]);
        });
      }
    }
  });
}
