// Several instances on one database (issue 12): send leases split the bot accounts between them,
// each account is sent by exactly one instance, a dead instance's accounts move after the TTL, a late
// result of the old holder changes nothing, a 429 for one chat leaves the bot's other chats flowing,
// and rate-limit tokens are counted per API call.
import { afterEach, describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/core/errors.ts";
import type { Messenger, SendVia } from "../../src/core/ports/runtime.ts";
import type { NewOutboxItem } from "../../src/core/ports/store.ts";
import { createLeaseKeeper, type LeaseKeeper } from "../../src/core/services/leases.ts";
import { createSender } from "../../src/core/services/sender.ts";
import type { OutMessage, Platform } from "../../src/core/types.ts";
import { createTestStore, DB_KINDS, openTestStore } from "../helpers/db.ts";
import { memoryLogger, TestClock } from "../helpers/fakes.ts";
import { eventually } from "../helpers/eventually.ts";

const fast = { perSecond: 10_000, perChatPerSecond: 10_000, chatBurst: 10_000 };
const ACCOUNTS = ["z1", "z2", "z3", "z4", "z5", "z6"];

/** Records which instance sent what through which bot; `parts` API calls per message, each announced. */
class ViaMessenger implements Messenger {
  readonly sent: Array<{ chatId: string; text: string; bot: string }> = [];
  calls = 0;
  fail: ((chatId: string) => Error | null) | null = null;
  constructor(
    readonly platform: Platform,
    private readonly parts = 1,
  ) {}
  async send(chatId: string, message: OutMessage, via?: SendVia) {
    for (let i = 0; i < this.parts; i++) {
      await via?.beforeCall?.();
      this.calls++;
      const err = this.fail?.(chatId);
      if (err) throw err;
    }
    this.sent.push({ chatId, text: message.text, bot: via?.botAccountId ?? "" });
    return { parts: this.parts };
  }
}

const until = (check: () => Promise<boolean> | boolean, what: string) => eventually(check, what, 20_000);

describe.each(DB_KINDS)("send leases on %s", (kind) => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  async function database() {
    const t = await createTestStore(kind);
    closers.push(t.close);
    await t.store.db.botAccount.createMany({ data: ACCOUNTS.map((id) => ({ id, platform: "ZALO" as const, label: id })) });
    return t;
  }

  /** An instance: its own connection to the shared database, a lease keeper and a sender. */
  async function instance(url: string, owner: string, opts: { ttlMs?: number; renewMs?: number; parts?: number; recordSentAfterMs?: number } = {}) {
    const { store, close } = await openTestStore(url);
    const messenger = new ViaMessenger("ZALO", opts.parts ?? 1);
    const leases = createLeaseKeeper({ store, owner, platforms: ["ZALO"], logger: memoryLogger(), ttlMs: opts.ttlMs ?? 30_000, renewMs: opts.renewMs ?? 10_000 });
    const sender = createSender({
      store, messengers: [messenger], clock: new TestClock(new Date()), logger: memoryLogger(), owner, leases, limits: { ZALO: fast }, backoffBaseMs: 1, backoffMaxMs: 5,
      ...(opts.recordSentAfterMs ? { recordSentAfterMs: opts.recordSentAfterMs } : {}),
    });
    closers.unshift(async () => {
      await sender.stop();
      await leases.stop();
      await close();
    });
    return { store, messenger, leases, sender };
  }

  const item = (key: string, bot: string, chatId: string, text = key): NewOutboxItem => ({
    key, memberId: null, identityId: null, platform: "ZALO", botAccountId: bot, chatId, payload: { text }, notBefore: new Date(0), giveUpAt: null,
  });
  const zalo = (k: LeaseKeeper) => k.held().filter((l) => l.platform === "ZALO" && l.botAccountId.startsWith("z")).map((l) => l.botAccountId).sort();

  it("two instances split the accounts; each account is sent by exactly one of them, nothing twice", async () => {
    const { store, db } = await database();
    const a = await instance(db.url, "a");
    const b = await instance(db.url, "b");
    // Rounds driven by hand here (refresh), not by the timers: "a" takes every account first; "b"
    // starts with none; "a" sees "b" and gives back the surplus, which "b" takes.
    await a.leases.start();
    await b.leases.start();
    expect(zalo(a.leases)).toEqual(ACCOUNTS);
    expect(b.leases.held()).toEqual([]);
    await a.leases.refresh();
    await b.leases.refresh();
    expect(a.leases.held().length + b.leases.held().length).toBe(ACCOUNTS.length + 1); // and default-zalo
    expect(Math.abs(a.leases.held().length - b.leases.held().length)).toBeLessThanOrEqual(1);
    const items = ACCOUNTS.flatMap((bot) => Array.from({ length: 20 }, (_, i) => item(`${bot}-${i}`, bot, `${bot}-chat${i % 4}`)));
    await store.tx((tx) => tx.outbox.enqueue(items));
    // Two SQLite connections in one process cannot write at once (each waits for the other's lock
    // synchronously): SQLite is one instance only, so there the two take turns.
    if (kind === "postgres") await Promise.all([a.sender.drain(), b.sender.drain(), a.sender.drain(), b.sender.drain()]);
    else for (const s of [a, b, a, b]) await s.sender.drain();
    await until(async () => (await store.db.outbox.count({ where: { status: "SENT" } })) === items.length, "everything sent");
    const all = [...a.messenger.sent, ...b.messenger.sent];
    expect(all).toHaveLength(items.length);
    expect(new Set(all.map((s) => s.text)).size).toBe(items.length);
    const botsOf = (m: ViaMessenger) => new Set(m.sent.map((s) => s.bot));
    for (const bot of botsOf(a.messenger)) expect(botsOf(b.messenger).has(bot)).toBe(false);
    for (const bot of botsOf(a.messenger)) expect(zalo(a.leases)).toContain(bot);
    for (const bot of botsOf(b.messenger)) expect(zalo(b.leases)).toContain(bot);
  });

  it("leases handed over while the old holder's sends are not yet recorded: nothing is sent twice", async () => {
    const { store, db } = await database();
    // "a" records what it sent only later (a busy database): its sent messages are still claimed.
    const a = await instance(db.url, "a", { recordSentAfterMs: 3_600_000 });
    const b = await instance(db.url, "b");
    await a.leases.start();
    const items = ACCOUNTS.flatMap((bot) => Array.from({ length: 10 }, (_, i) => item(`h-${bot}-${i}`, bot, `${bot}-chat${i % 3}`)));
    await store.tx((tx) => tx.outbox.enqueue(items));
    a.sender.start();
    await until(() => a.messenger.sent.length === items.length, "a to send everything");
    // A second instance starts: "a" gives half of the accounts back and "b" takes them.
    await b.leases.start();
    await a.leases.refresh();
    await b.leases.refresh();
    expect(zalo(b.leases).length).toBeGreaterThan(0);
    await b.sender.drain();
    expect(b.messenger.sent).toEqual([]);
    // "a" records its sends in the end: each message sent once, and recorded as sent.
    await a.sender.stop();
    expect(await store.db.outbox.count({ where: { key: { startsWith: "h-" }, status: "SENT" } })).toBe(items.length);
  });

  it("an instance that stops renewing loses its accounts after the TTL; the other takes them and sends", async () => {
    const { store, db } = await database();
    const a = await instance(db.url, "a", { ttlMs: 600, renewMs: 100 });
    await a.leases.start();
    expect(zalo(a.leases)).toEqual(ACCOUNTS);
    await a.leases.halt(); // as a crash would: nothing given back
    const b = await instance(db.url, "b", { ttlMs: 600, renewMs: 100 });
    await b.leases.start();
    await until(() => zalo(b.leases).length === ACCOUNTS.length, "b to take every account");
    await until(() => !a.leases.holds("ZALO", "z1"), "a to know its lease lapsed");
    await store.tx((tx) => tx.outbox.enqueue(ACCOUNTS.map((bot) => item(`after-${bot}`, bot, "c"))));
    await a.sender.drain();
    await b.sender.drain();
    expect(a.messenger.sent).toEqual([]);
    expect(b.messenger.sent).toHaveLength(ACCOUNTS.length);
  });

  it("a graceful stop gives the leases back at once", async () => {
    const { db } = await database();
    const a = await instance(db.url, "a");
    await a.leases.start();
    await a.leases.stop();
    const b = await instance(db.url, "b");
    await b.leases.start(); // its first round, no waiting out a TTL of 30 s
    expect(zalo(b.leases)).toEqual(ACCOUNTS);
    const epoch = await b.store.db.sendLease.findUniqueOrThrow({ where: { platform_botAccountId: { platform: "ZALO", botAccountId: "z1" } } });
    expect(epoch).toMatchObject({ holder: "b", epoch: 2 });
  });

  it("a late result of the old holder changes nothing", async () => {
    const { store, db } = await database();
    const a = await instance(db.url, "a", { ttlMs: 600, renewMs: 100 });
    await a.leases.start();
    await store.tx((tx) => tx.outbox.enqueue([item("late", "z1", "c")]));
    // "a" claims the message briefly, then dies with it in hand.
    const [claimed] = await store.tx((tx) => tx.outbox.claim("a", new Date(), 300, 10, ["ZALO"], [], true));
    expect(claimed?.key).toBe("late");
    await a.leases.halt();
    const b = await instance(db.url, "b", { ttlMs: 600, renewMs: 100 });
    await b.leases.start();
    await until(() => b.leases.holds("ZALO", "z1"), "b to hold z1");
    let held: unknown[] = [];
    await until(async () => {
      held = await store.tx((tx) => tx.outbox.claim("b", new Date(), 60_000, 10, ["ZALO"], [], true));
      return held.length === 1;
    }, "b to claim the message once a's claim ran out");
    await store.tx((tx) => tx.outbox.markSent([claimed!.id], new Date(), "a"));
    await store.tx((tx) => tx.outbox.markFailed(claimed!.id, "late failure", "a"));
    expect(await store.db.outbox.findUniqueOrThrow({ where: { key: "late" } })).toMatchObject({ status: "PENDING", claimedBy: "b", sentAt: null });
    // Nor can "a", without the lease, claim anything of z1 any more.
    expect(await store.tx((tx) => tx.outbox.claim("a", new Date(), 60_000, 10, ["ZALO"], [], true))).toEqual([]);
  });

  it("a 429 for one chat pauses that chat only: the bot's other chats keep flowing, the chat keeps its order", async () => {
    const { store, db } = await database();
    const a = await instance(db.url, "a");
    await a.leases.start();
    a.messenger.fail = (chatId) => (chatId === "busy" ? new DeliveryError("Too Many Requests", { retryAfterMs: 60_000, status: 429, scope: "chat" }) : null);
    await store.tx((tx) =>
      tx.outbox.enqueue([item("b1", "z1", "busy"), item("b2", "z1", "busy"), item("q1", "z1", "quiet1"), item("q2", "z1", "quiet2"), item("q3", "z1", "quiet1")]),
    );
    await a.sender.drain();
    expect(a.messenger.sent.map((s) => s.text).sort()).toEqual(["q1", "q2", "q3"]);
    const busy = await store.db.outbox.findMany({ where: { chatId: "busy" }, orderBy: { id: "asc" } });
    expect(busy.map((r) => r.status)).toEqual(["PENDING", "PENDING"]);
    // Later messages of the same bot to other chats still go straight out.
    await store.tx((tx) => tx.outbox.enqueue([item("q4", "z1", "quiet3")]));
    await a.sender.drain();
    expect(a.messenger.sent.map((s) => s.text)).toContain("q4");
  });

  it("a message sent in three API calls takes three rate-limit tokens", async () => {
    const { store, db } = await database();
    const a = await instance(db.url, "a", { parts: 3 });
    await a.leases.start();
    await store.tx((tx) => tx.outbox.enqueue([item("long", "z1", "c")]));
    await a.sender.drain();
    expect(a.messenger.calls).toBe(3);
    expect(a.sender.stats.calls).toBe(3);
  });
});
