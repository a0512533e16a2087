// The outbox sender against recording messengers: order per chat, 429 and retries, permanent
// failures, chats that blocked the bot, expiry, and several instances sharing one outbox.
import { afterEach, describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/core/errors.ts";
import type { Messenger } from "../../src/core/ports/runtime.ts";
import type { NewOutboxItem } from "../../src/core/ports/store.ts";
import { createSender, type SenderOptions } from "../../src/core/services/sender.ts";
import type { PrismaStore } from "../../src/infra/prisma/store.ts";
import { createTestStore, DB_KINDS } from "../helpers/db.ts";
import { memoryLogger, RecordingMessenger, TestClock } from "../helpers/fakes.ts";

const fast = { perSecond: 10_000, perChatPerSecond: 10_000, chatBurst: 10_000 };

describe.each(DB_KINDS)("outbox sender on %s", (kind) => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  async function setup(overrides: Partial<SenderOptions> = {}) {
    const t = await createTestStore(kind);
    closers.push(t.close);
    const clock = new TestClock(new Date());
    const messenger = new RecordingMessenger("TELEGRAM");
    const sender = createSender({
      store: t.store,
      messengers: [messenger],
      clock,
      logger: memoryLogger(),
      owner: "a",
      limits: { TELEGRAM: fast },
      backoffBaseMs: 1,
      backoffMaxMs: 5,
      ...overrides,
    });
    closers.unshift(() => sender.stop());
    return { store: t.store, clock, messenger, sender };
  }

  async function identity(store: PrismaStore, userId: string) {
    return store.db.identity.create({ data: { platform: "TELEGRAM", botAccountId: "default-telegram", userId, chatId: userId } });
  }

  function item(key: string, chatId: string, identityId: string | null, text = key, extra: Partial<NewOutboxItem> = {}): NewOutboxItem {
    return { key, memberId: null, identityId, platform: "TELEGRAM", chatId, payload: { text }, notBefore: new Date(0), giveUpAt: null, ...extra };
  }

  it("delivers each message once, in order within a chat", async () => {
    const { store, messenger, sender } = await setup();
    const items = Array.from({ length: 30 }, (_, i) => item(`k${i}`, `c${i % 3}`, null, `m${i}`));
    await store.tx((tx) => tx.outbox.enqueue(items));
    await store.tx((tx) => tx.outbox.enqueue(items)); // same keys: nothing new
    expect(await store.db.outbox.count()).toBe(30);
    await sender.drain();
    await sender.drain();
    expect(messenger.sent).toHaveLength(30);
    for (const chat of ["c0", "c1", "c2"]) {
      const texts = messenger.to(chat).map((m) => Number(m.text.slice(1)));
      expect(texts).toEqual([...texts].sort((a, b) => a - b));
    }
    expect(await store.db.outbox.count({ where: { status: "SENT" } })).toBe(30);
  });

  it("honours 429 retry_after and sends later, keeping the chat's order", async () => {
    const { store, clock, messenger, sender } = await setup();
    await store.tx((tx) => tx.outbox.enqueue([item("a", "c", null, "first"), item("b", "c", null, "second")]));
    let refused = 0;
    // The platform's pause is waited out in real time, so keep it short here.
    messenger.fail = () => (refused++ === 0 ? new DeliveryError("Too Many Requests", { retryAfterMs: 300 }) : null);
    await sender.drain();
    expect(messenger.sent).toEqual([]);
    const waiting = await store.db.outbox.findUniqueOrThrow({ where: { key: "a" } });
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waiting.notBefore.getTime()).toBe(clock.now().getTime() + 300);
    clock.advance(301);
    await sender.drain();
    expect(messenger.to("c").map((m) => m.text)).toEqual(["first", "second"]);
    expect(sender.stats.rateLimited).toBe(1);
  });

  it("retries server errors with backoff until they go through", async () => {
    const { store, clock, messenger, sender } = await setup();
    await store.tx((tx) => tx.outbox.enqueue([item("x", "c", null)]));
    let n = 0;
    messenger.fail = () => (n++ < 3 ? new DeliveryError("Bad Gateway", { status: 502 }) : null);
    for (let i = 0; i < 6 && messenger.sent.length === 0; i++) {
      await sender.drain();
      clock.advance(60_000);
    }
    expect(messenger.sent).toHaveLength(1);
    expect((await store.db.outbox.findUniqueOrThrow({ where: { key: "x" } })).attempts).toBe(4);
  });

  it("records a permanent failure once and does not retry it", async () => {
    const { store, clock, messenger, sender } = await setup();
    await store.tx((tx) => tx.outbox.enqueue([item("bad", "c", null)]));
    messenger.fail = () => new DeliveryError("Bad Request: message is too long", { permanent: true });
    await sender.drain();
    clock.advance(3_600_000);
    await sender.drain();
    const row = await store.db.outbox.findUniqueOrThrow({ where: { key: "bad" } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 1, lastError: "Bad Request: message is too long" });
  });

  it("a chat that blocked the bot goes inactive and its messages wait, nothing is retried", async () => {
    const { store, clock, messenger, sender } = await setup();
    const who = await identity(store, "blocked");
    await store.tx((tx) => tx.outbox.enqueue([item("b1", "blocked", who.id, "one"), item("b2", "blocked", who.id, "two")]));
    messenger.fail = () => new DeliveryError("Forbidden: bot was blocked by the user", { unreachable: true, status: 403 });
    await sender.drain();
    clock.advance(86_400_000);
    await sender.drain();
    expect((await store.db.identity.findUniqueOrThrow({ where: { id: who.id } })).active).toBe(false);
    const rows = await store.db.outbox.findMany({ where: { identityId: who.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["FAILED", "HELD"]);
    expect(rows[0]!.attempts).toBe(1);
    // The person writes again: what was held goes out.
    messenger.fail = null;
    await store.tx(async (tx) => {
      await tx.identities.update(who.id, { active: true, inactiveReason: null });
      await tx.outbox.resumeForIdentity(who.id);
    });
    await sender.drain();
    expect(messenger.to("blocked").map((m) => m.text)).toEqual(["two"]);
  });

  it("gives up on a message that is no longer useful", async () => {
    const { store, clock, messenger, sender } = await setup();
    await store.tx((tx) => tx.outbox.enqueue([item("late", "c", null, "late", { giveUpAt: new Date(clock.now().getTime() - 1) })]));
    await sender.drain();
    expect(messenger.sent).toEqual([]);
    expect((await store.db.outbox.findUniqueOrThrow({ where: { key: "late" } })).status).toBe("FAILED");
  });

  it("messages queued for later wait for their time", async () => {
    const { store, clock, messenger, sender } = await setup();
    await store.tx((tx) => tx.outbox.enqueue([item("later", "c", null, "later", { notBefore: new Date(clock.now().getTime() + 3_600_000) })]));
    await sender.drain();
    expect(messenger.sent).toEqual([]);
    clock.advance(3_600_001);
    await sender.drain();
    expect(messenger.sent).toHaveLength(1);
  });

  it("two instances draining one outbox send every message exactly once", async () => {
    const { store, clock, messenger, sender } = await setup();
    const second = createSender({ store, messengers: [messenger], clock, logger: memoryLogger(), owner: "b", limits: { TELEGRAM: fast } });
    closers.unshift(() => second.stop());
    const items = Array.from({ length: 400 }, (_, i) => item(`m${i}`, `chat${i % 40}`, null, `t${i}`));
    await store.tx((tx) => tx.outbox.enqueue(items));
    await Promise.all([sender.drain(), second.drain(), sender.drain(), second.drain()]);
    await Promise.all([sender.drain(), second.drain()]);
    const texts = messenger.sent.map((s) => s.message.text);
    expect(texts).toHaveLength(400);
    expect(new Set(texts).size).toBe(400);
  });

  it("stop() releases what was claimed but not sent", async () => {
    const { store, messenger, sender } = await setup({ limits: { TELEGRAM: { perSecond: 1, perChatPerSecond: 1, chatBurst: 1 } } });
    await store.tx((tx) => tx.outbox.enqueue(Array.from({ length: 5 }, (_, i) => item(`s${i}`, "slow", null))));
    sender.start();
    await new Promise((r) => setTimeout(r, 200));
    await sender.stop();
    const rows = await store.db.outbox.findMany();
    expect(rows.filter((r) => r.status === "SENT")).toHaveLength(messenger.sent.length);
    expect(rows.filter((r) => r.status === "PENDING" && r.claimedBy !== null)).toEqual([]);
  });

  it("a message whose claim ran out behind the rate limit is sent once, by whoever holds it", async () => {
    // "a" claims two messages with a very short lease; the second waits a second for a token while
    // its lease runs out, "b" claims and sends it, and "a" must not send it again afterwards.
    const slow = { perSecond: 1, perChatPerSecond: 10_000, chatBurst: 10_000 };
    const { store, clock, messenger, sender } = await setup({ limits: { TELEGRAM: slow }, leaseMs: 60 });
    await store.tx((tx) => tx.outbox.enqueue([item("first", "c1", null), item("second", "c2", null)]));
    const waiting = sender.drain();
    await new Promise((r) => setTimeout(r, 300));
    const second = createSender({ store, messengers: [messenger], clock, logger: memoryLogger(), owner: "b", limits: { TELEGRAM: fast } });
    closers.unshift(() => second.stop());
    await second.drain();
    await waiting;
    expect(messenger.sent.map((s) => s.message.text).sort()).toEqual(["first", "second"]);
    expect(await store.db.outbox.count({ where: { status: "SENT" } })).toBe(2);
  });

  it("a refused bot token holds the queue and says so once, instead of failing every message", async () => {
    const refused: string[] = [];
    const { store, clock, messenger, sender } = await setup({ refusedPauseMs: 50, onAccountRefused: async (id) => void refused.push(id) });
    let refusing = true;
    messenger.fail = () => (refusing ? new DeliveryError("sendMessage: 401 Unauthorized", { accountRefused: true, status: 401 }) : null);
    await store.tx((tx) => tx.outbox.enqueue(Array.from({ length: 5 }, (_, i) => item(`t${i}`, `c${i}`, null))));
    await sender.drain();
    expect(messenger.sent).toEqual([]);
    expect(await store.db.outbox.count({ where: { status: "FAILED" } })).toBe(0);
    expect(await store.db.outbox.count({ where: { status: "PENDING", attempts: 0 } })).toBe(5);
    expect(refused).toEqual(["default-telegram"]);
    // The operator fixes the token: everything waiting goes out.
    refusing = false;
    await new Promise((r) => setTimeout(r, 80));
    clock.advance(80);
    await sender.drain();
    expect(messenger.sent).toHaveLength(5);
  });

  it("one bot account never sends more than its limit within a second, its parts counted too", async () => {
    // A token bucket paced at 5/s let 6 through in the first second (its burst on top of the rate).
    const calls: number[] = [];
    const timed: Messenger = {
      platform: "TELEGRAM",
      async send(_chatId, message, via) {
        // Every other message goes in two API calls.
        for (let part = 0; part < (message.text.endsWith("2") ? 2 : 1); part++) {
          await via?.beforeCall?.();
          calls.push(performance.now());
        }
      },
    };
    const { store, sender } = await setup({ messengers: [timed], limits: { TELEGRAM: { perSecond: 5, perChatPerSecond: 1_000, chatBurst: 1_000 } } });
    await store.tx((tx) => tx.outbox.enqueue(Array.from({ length: 8 }, (_, i) => item(`r${i}`, `c${i}`, null, `m${i % 2 ? 2 : 1}`))));
    await sender.drain();
    expect(calls).toHaveLength(12);
    // The calls a second apart at most 5 (the window is stamped as each call goes out, a hair
    // before it is recorded here: a millisecond of slack for that).
    const inAnySecond = Math.max(...calls.map((t) => calls.filter((u) => u >= t && u < t + 999).length));
    expect(inAnySecond).toBeLessThanOrEqual(5);
  });

  it("messages held for a blocked chat do not get a fresh validity when the person writes months later", async () => {
    const { store, clock, messenger, sender } = await setup();
    const who = await identity(store, "away");
    messenger.fail = () => new DeliveryError("403 blocked", { unreachable: true });
    await store.tx((tx) => tx.outbox.enqueue([item("old1", "away", who.id), item("old2", "away", who.id)]));
    await sender.drain();
    messenger.fail = null;
    clock.advance(120 * 86_400_000);
    await store.tx(async (tx) => {
      await tx.identities.update(who.id, { active: true, inactiveReason: null });
      await tx.outbox.resumeForIdentity(who.id);
    });
    await sender.drain();
    expect(messenger.to("away")).toEqual([]);
    expect((await store.db.outbox.findUniqueOrThrow({ where: { key: "old2" } })).lastError).toBe("expired");
  });

  it("a message addressed to a secretary is not sent once they have stepped down or left", async () => {
    const { store, messenger, sender } = await setup();
    const branch = await store.db.branch.create({ data: { name: "Chi bộ Khu phố 3" } });
    const lan = await store.db.member.create({ data: { branchId: branch.id, fullName: "Nguyễn Thị Lan", isSecretary: true } });
    const binh = await store.db.member.create({ data: { branchId: branch.id, fullName: "Trần Văn Bình", isSecretary: true } });
    const chatOf = async (m: { id: string }, user: string) => store.db.identity.create({ data: { platform: "TELEGRAM", botAccountId: "default-telegram", userId: user, chatId: user, memberId: m.id } });
    const lanChat = await chatOf(lan, "lan");
    const binhChat = await chatOf(binh, "binh");
    const digest = (key: string, chat: { id: string; chatId: string }, memberId: string) => item(key, chat.chatId, chat.id, `Báo cáo: ${key}`, { memberId, audience: "secretary" });
    await store.tx((tx) => tx.outbox.enqueue([digest("d-lan", lanChat, lan.id), digest("d-binh", binhChat, binh.id)]));
    // Queued for the end of quiet hours; meanwhile Lan is no longer secretary and Bình left.
    await store.db.member.update({ where: { id: lan.id }, data: { isSecretary: false } });
    await store.db.member.update({ where: { id: binh.id }, data: { status: "REMOVED" } });
    await sender.drain();
    expect(messenger.sent).toEqual([]);
    expect((await store.db.outbox.findMany({ orderBy: { key: "asc" } })).map((r) => [r.key, r.status, r.lastError])).toEqual([
      ["d-binh", "FAILED", "no-longer-secretary"],
      ["d-lan", "FAILED", "no-longer-secretary"],
    ]);
  });

  it("a sent message keeps no file bytes (name, type and size stay); one still to be retried keeps them", async () => {
    const { store, clock, messenger, sender } = await setup();
    const data = Buffer.from(JSON.stringify({ fullName: "Trần Thị Bình", reason: "Con ốm" })).toString("base64");
    const files = [{ name: "du-lieu-cua-toi.json", mime: "application/json", data }];
    await store.tx((tx) => tx.outbox.enqueue([{ ...item("export", "c", null), payload: { text: "Dữ liệu của đồng chí", files } }, item("plain", "c", null, "Nhắc lịch")]));
    // The first try fails part-way (a network error): the message is retried whole, so it keeps its file.
    let tries = 0;
    messenger.fail = (_chat, m) => (m.files && tries++ === 0 ? new DeliveryError("socket hang up") : null);
    await sender.drain();
    expect((await store.db.outbox.findUniqueOrThrow({ where: { key: "export" } })).payload).toEqual({ text: "Dữ liệu của đồng chí", files });
    clock.advance(60_000);
    await sender.drain();
    expect(messenger.to("c").find((m) => m.files)?.files?.[0]?.data).toBe(data);
    const sent = await store.db.outbox.findUniqueOrThrow({ where: { key: "export" } });
    expect(sent.status).toBe("SENT");
    expect(sent.payload).toEqual({ text: "Dữ liệu của đồng chí", files: [{ name: "du-lieu-cua-toi.json", mime: "application/json", bytes: Buffer.from(data, "base64").length }] });
    expect(JSON.stringify(sent.payload)).not.toContain(data);
    expect((await store.db.outbox.findUniqueOrThrow({ where: { key: "plain" } })).payload).toEqual({ text: "Nhắc lịch" });
  });
});
