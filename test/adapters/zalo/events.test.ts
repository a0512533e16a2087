// Zalo updates as core events: the shapes the docs and real clients have seen, and what is dropped.
import { describe, expect, it } from "vitest";
import { hasEventName, toInboundEvent, unwrapBody } from "../../../src/adapters/zalo/events.ts";

const NOW = new Date("2026-11-25T03:00:00Z");
const BOT = "1459232241454765289";
// The official webhook sample, verbatim.
const SAMPLE = {
  ok: true,
  result: {
    message: {
      from: { id: "6ede9afa66b88fe6d6a9", display_name: "Ted", is_bot: false },
      chat: { id: "6ede9afa66b88fe6d6a9", chat_type: "PRIVATE" },
      text: "Xin chào",
      message_id: "2d758cb5e222177a4e35",
      date: 1750316131602,
    },
    event_name: "message.text.received",
  },
};

const parse = (update: unknown) => toInboundEvent(update as never, BOT, NOW);
const withMessage = (patch: Record<string, unknown>, event = "message.text.received") => ({
  event_name: event,
  message: { ...SAMPLE.result.message, ...patch },
});

describe("Zalo events", () => {
  it("the documented sample becomes a text event keyed by its message id, dated in milliseconds", () => {
    const [update] = unwrapBody(SAMPLE);
    expect(hasEventName(update)).toBe(true);
    expect(parse(update)).toEqual({
      event: {
        platform: "ZALO",
        updateId: "2d758cb5e222177a4e35",
        userId: "6ede9afa66b88fe6d6a9",
        chatId: "6ede9afa66b88fe6d6a9",
        text: "Xin chào",
        displayName: "Ted",
        receivedAt: new Date(1750316131602),
      },
    });
  });

  it("bodies come wrapped, bare, or as a list", () => {
    expect(unwrapBody(SAMPLE)).toEqual([SAMPLE.result]);
    expect(unwrapBody(SAMPLE.result)).toEqual([SAMPLE.result]);
    expect(unwrapBody({ ok: true, result: [SAMPLE.result, SAMPLE.result] })).toHaveLength(2);
    expect(hasEventName({ message: {} })).toBe(false);
    expect(hasEventName({ event_name: "" })).toBe(false);
    expect(hasEventName(null)).toBe(false);
  });

  it("reads the name from display_name, then first_name, then name", () => {
    const name = (from: Record<string, unknown>) => {
      const p = parse(withMessage({ from: { id: "u", ...from } }));
      return "event" in p ? p.event.displayName : "ignored";
    };
    expect(name({ first_name: "Bình", name: "B" })).toBe("Bình");
    expect(name({ name: "Cường" })).toBe("Cường");
    expect(name({ display_name: "  ", first_name: "Dung" })).toBe("Dung");
    expect(name({})).toBeUndefined();
  });

  it("stickers, images, voice and protected users' messages are unsupported, never errors", () => {
    for (const kind of ["sticker", "image", "voice", "unsupported", "video"]) {
      const p = parse(withMessage({ text: undefined }, `message.${kind}.received`));
      expect("event" in p && p.event.unsupported, kind).toBe(kind);
    }
    const odd = parse(withMessage({}, "message.hologram.received"));
    expect("event" in odd && odd.event.unsupported).toBe("unsupported");
  });

  it("drops the bot's own echoes, other bots, group chats and events that are not messages", () => {
    expect(parse(withMessage({ from: { id: BOT, display_name: "Bot" } }))).toEqual({ ignored: "the bot's own message" });
    expect(parse(withMessage({ from: { id: "x", is_bot: true } }))).toEqual({ ignored: "from a bot" });
    expect(parse(withMessage({ chat: { id: "g1", chat_type: "GROUP" } }))).toEqual({ ignored: "chat type GROUP" });
    expect(parse({ event_name: "bot.status.changed" })).toEqual({ ignored: "event bot.status.changed" });
    expect(parse(withMessage({ from: undefined }))).toEqual({ ignored: "no sender" });
  });

  it("without a message id, the same bytes give the same update id; dates in seconds are accepted", () => {
    const a = parse(withMessage({ message_id: undefined, date: 1750316131 }));
    const b = parse(withMessage({ message_id: undefined, date: 1750316131 }));
    const c = parse(withMessage({ message_id: undefined, date: 1750316132 }));
    if (!("event" in a) || !("event" in b) || !("event" in c)) throw new Error("not parsed");
    expect(a.event.updateId).toBe(b.event.updateId);
    expect(a.event.updateId).not.toBe(c.event.updateId);
    expect(a.event.receivedAt).toEqual(new Date(1750316131000));
    const undated = parse(withMessage({ date: "soon" }));
    expect("event" in undated && undated.event.receivedAt).toEqual(NOW);
  });
});
