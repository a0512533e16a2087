// The cheap cases of the fault suite (bench/faults.ts has the rest, with real processes): a Bot API
// that fails for a while, the same update handled by two instances at once, and a sender that dies
// with messages claimed. Counted as the stand-in sees them: lost, duplicated, delivered.
import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramMessenger } from "../../src/adapters/telegram/messenger.ts";
import type { Messenger } from "../../src/core/ports/runtime.ts";
import type { NewOutboxItem, Store } from "../../src/core/ports/store.ts";
import { createLeaseKeeper } from "../../src/core/services/leases.ts";
import { createSender, type Sender } from "../../src/core/services/sender.ts";
import type { OutMessage } from "../../src/core/types.ts";
import { createTestStore, DB_KINDS } from "../helpers/db.ts";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.ts";
import { memoryLogger } from "../helpers/fakes.ts";
import { createHarness } from "../helpers/harness.ts";
import { eventually } from "../helpers/eventually.ts";

const fast = { perSecond: 10_000, perChatPerSecond: 10_000, chatBurst: 10_000 };

function item(key: string, chatId: string, text: string): NewOutboxItem {
  return { key, memberId: null, identityId: null, platform: "TELEGRAM", chatId, payload: { text }, notBefore: new Date(0), giveUpAt: null };
}

/** Sends until nothing is left to send; retries wait a few ms, so this loops rather than drains once. */
async function deliverAll(store: Store, sender: Sender): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    await sender.drain();
    const { pending } = await store.tx((tx) => tx.outbox.backlog(new Date(Date.now() + 60_000)));
    if (pending === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("the outbox never emptied");
}

/** (chat, text) → how many times it arrived. */
function counts(sent: Array<{ chat: string; text: string }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sent) out.set(`${s.chat}\u0000${s.text}`, (out.get(`${s.chat}\u0000${s.text}`) ?? 0) + 1);
  return out;
}

describe.each(DB_KINDS)("faults on %s", (kind) => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  it("a Bot API answering 5xx and dropping connections for a while, then OK: everything delivered once", async () => {
    const t = await createTestStore(kind);
    closers.push(t.close);
    const fake = await new FakeTelegramApi().start();
    closers.unshift(() => fake.stop());
    const messages = Array.from({ length: 40 }, (_, i) => item(`k${i}`, String(100 + (i % 20)), `tin ${i}`));
    await t.store.tx((tx) => tx.outbox.enqueue(messages));
    // The first 80 sends fail: 500, 502, 503 answers and dropped connections in turn; then it is back.
    let failures = 0;
    fake.fail = (method) => {
      if (method !== "sendMessage" || failures >= 80) return null;
      const kind = failures++ % 4;
      return kind === 3 ? "network" : { status: [500, 502, 503][kind]!, description: "Bad Gateway" };
    };
    const sender = createSender({
      store: t.store,
      messengers: [createTelegramMessenger(new Api(fake.token, { apiRoot: fake.apiRoot }))],
      clock: { now: () => new Date() },
      logger: memoryLogger(),
      owner: "a",
      limits: { TELEGRAM: fast },
      backoffBaseMs: 1,
      backoffMaxMs: 5,
    });
    closers.unshift(() => sender.stop());
    await deliverAll(t.store, sender);

    expect(failures).toBe(80);
    const got = counts(fake.sent().map((p) => ({ chat: String(p.chat_id), text: String(p.text) })));
    expect(got.size).toBe(40); // none lost
    expect([...got.values()].every((n) => n === 1)).toBe(true); // none twice
    expect(await t.store.db.outbox.count({ where: { status: "SENT" } })).toBe(40);
    // Each chat got its two messages in the order they were queued, retries and all.
    for (let chat = 100; chat < 120; chat++) {
      const texts = fake.sent().filter((p) => String(p.chat_id) === String(chat)).map((p) => String(p.text));
      expect(texts).toEqual([`tin ${chat - 100}`, `tin ${chat - 80}`]);
    }
  });

  // SQLite is one instance only (one writer, one file): two instances share a PostgreSQL database.
  it.skipIf(kind === "sqlite")("the same update given to two instances at once changes the state once", async () => {
    const a = await createHarness({ db: kind });
    closers.push(a.close);
    const b = await createHarness({ databaseUrl: a.databaseUrl });
    closers.unshift(b.close);
    const code = await a.createBranch("Chi bộ Khu phố 3");
    const users = Array.from({ length: 8 }, (_, i) => `u${i}`);
    // Each update reaches both instances at the same moment, as a webhook retried elsewhere would.
    await Promise.all(users.map((u) => Promise.all([a.send(u, `/start ${code}`, { updateId: `twice-${u}` }), b.send(u, `/start ${code}`, { updateId: `twice-${u}` })])));
    for (const u of users) expect([...a.inbox(u), ...b.inbox(u)]).toHaveLength(1); // one answer: handled once
    expect(await a.store.db.processedUpdate.count({ where: { updateId: { startsWith: "twice-" } } })).toBe(users.length);
    expect(await a.store.db.flowState.count({ where: { identity: { userId: { in: users } } } })).toBe(users.length);
    // And the conversation goes on from either instance.
    const next = await b.send("u0", "Nguyễn Văn An");
    expect(next.length).toBeGreaterThan(0);
  });

  it("a sender that dies with messages claimed: a second sender takes its lease and delivers the rest; duplicates ≤ in flight", async () => {
    const t = await createTestStore(kind);
    closers.push(t.close);
    const messages = Array.from({ length: 60 }, (_, i) => item(`d${i}`, String(200 + i), `nhắc ${i}`));
    await t.store.tx((tx) => tx.outbox.enqueue(messages));
    const received: Array<{ chat: string; text: string }> = [];
    const hanging: Array<() => void> = [];
    let dead = false;
    let gone = false;
    // The first instance sends 15 messages, then its process "dies": nothing more leaves it, nothing
    // it sent is recorded (its batch of sent ids is never written), its claims are left behind.
    const dying: Messenger = {
      platform: "TELEGRAM",
      async send(chatId, message: OutMessage) {
        if (!dead && received.length >= 15) dead = true;
        if (gone) throw new Error("process gone");
        if (dead) return new Promise<void>((_, reject) => hanging.push(() => reject(new Error("process gone"))));
        received.push({ chat: chatId, text: message.text });
      },
    };
    // Each sender sends only for the bot accounts whose send lease it holds (one here: Telegram's).
    const keeper = (owner: string) => createLeaseKeeper({ store: t.store, owner, platforms: ["TELEGRAM"], logger: memoryLogger(), ttlMs: 300, renewMs: 50 });
    const firstLeases = keeper("first");
    await firstLeases.start();
    const first = createSender({
      store: t.store,
      leases: firstLeases,
      messengers: [dying],
      clock: { now: () => new Date() },
      logger: memoryLogger(),
      owner: "first",
      limits: { TELEGRAM: fast },
      maxInFlight: 25,
      concurrency: 4,
      leaseMs: 300,
      recordSentAfterMs: 3_600_000,
    });
    first.start();
    await eventually(() => dead, "the first instance to stop");
    // The process is gone: its leases are no longer renewed, and nothing is given back.
    await firstLeases.halt();
    const inFlight = await t.store.db.outbox.count({ where: { claimedBy: "first", status: "PENDING" } });


    // The second instance takes the lease once it has lapsed, then the claims left behind once they have.
    const secondLeases = keeper("second");
    await secondLeases.start();
    closers.unshift(() => secondLeases.stop());
    const second = createSender({
      store: t.store,
      leases: secondLeases,
      messengers: [{ platform: "TELEGRAM", send: async (chatId, message) => void received.push({ chat: chatId, text: message.text }) }],
      clock: { now: () => new Date() },
      logger: memoryLogger(),
      owner: "second",
      limits: { TELEGRAM: fast },
    });
    await deliverAll(t.store, second);
    await second.stop();
    // The dead instance's last acts fail; fenced by its claims, they change nothing.
    gone = true;
    for (const h of hanging.splice(0)) h();
    await first.stop();

    const got = counts(received);
    expect(got.size).toBe(60); // none lost
    const duplicated = [...got.values()].reduce((n, c) => n + c - 1, 0);
    // At most what it sent without recording (it records early once sent-but-unrecorded fills its room).
    expect(duplicated).toBeLessThanOrEqual(15);
    expect(duplicated).toBeLessThanOrEqual(inFlight);
    expect(await t.store.db.outbox.count({ where: { status: "SENT" } })).toBe(60);
  });
});
