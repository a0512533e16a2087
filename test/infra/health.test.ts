import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedHealth, healthOf, TICK_STALE_MS } from "../../src/infra/http/health.ts";
import { createTestStore } from "../helpers/db.ts";
import { TestClock } from "../helpers/fakes.ts";
import type { PrismaStore } from "../../src/infra/prisma/store.ts";

describe("/healthz", () => {
  let store: PrismaStore;
  let close: () => Promise<void>;
  const clock = new TestClock();
  beforeAll(async () => {
    ({ store, close } = await createTestStore("sqlite"));
    await store.tx((tx) =>
      tx.outbox.enqueue([{ key: "k1", memberId: null, identityId: null, platform: "TELEGRAM", chatId: "c", payload: { text: "x" }, notBefore: new Date(0), giveUpAt: null }]),
    );
  });
  afterAll(() => close());

  it("is ok with the database up and a recent tick, and reports the outbox backlog", async () => {
    const health = await healthOf(store, clock, new Date(clock.now().getTime() - 30_000));
    expect(health).toEqual({ ok: true, database: "up", outbox: { pending: 1, due: 1, failed: 0 }, lastTickAt: new Date(clock.now().getTime() - 30_000).toISOString() });
  });

  it("is not ok when the scheduler has not ticked for three minutes, or never", async () => {
    expect((await healthOf(store, clock, new Date(clock.now().getTime() - TICK_STALE_MS))).ok).toBe(false);
    expect((await healthOf(store, clock, null)).ok).toBe(false);
  });

  it("is not ok when the database does not answer", async () => {
    const broken = { ...store, ping: () => Promise.reject(new Error("gone")) };
    expect(await healthOf(broken, clock, clock.now())).toMatchObject({ ok: false, database: "down", outbox: null });
  });

  it("answers a flood of calls from one reading of the database, not 3,000", async () => {
    let readings = 0;
    const counting = { ...store, ping: () => ((readings += 1), store.ping()) };
    const health = cachedHealth(() => healthOf(counting, clock, clock.now()), 60_000);
    const answers = await Promise.all(Array.from({ length: 3_000 }, () => health()));
    expect(readings).toBe(1);
    expect(answers.every((a) => a.ok && a.outbox?.pending === 1)).toBe(true);
  });
});
