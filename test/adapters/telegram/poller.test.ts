// Long polling against the Bot API stand-in: chats in parallel, each chat in order, nothing confirmed
// before it is handled, graceful stop, failed updates tried again or left for the next start, and an
// update that keeps failing given up after a few attempts, so it cannot hold up everything after it.
import { Api } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPoller, type Poller, type PollerOptions } from "../../../src/adapters/telegram/poller.ts";
import { FakeTelegramApi } from "../../helpers/fake-telegram-api.ts";
import { memoryLogger } from "../../helpers/fakes.ts";
import { eventually } from "../../helpers/eventually.ts";

const A = 9001;
const B = 9002;

describe("telegram long polling", () => {
  let fake: FakeTelegramApi;
  let api: Api;
  let offsets: number[];
  const pollers: Poller[] = [];
  const poller = (handle: (u: Update) => Promise<void>, more: Partial<PollerOptions> = {}) => {
    const p = createPoller({ api, handle, logger: memoryLogger(), timeoutSeconds: 1, ...more });
    pollers.push(p);
    p.start();
    return p;
  };
  const textOf = (u: Update) => u.message?.text ?? "";

  beforeEach(async () => {
    fake = await new FakeTelegramApi({ maxPollMs: 100 }).start();
    api = new Api(fake.token, { apiRoot: fake.apiRoot });
    offsets = [];
    api.config.use((prev, method, payload, signal) => {
      if (method === "getUpdates") offsets.push(Number((payload as { offset?: number }).offset ?? 0));
      return prev(method, payload, signal);
    });
  });
  afterEach(async () => {
    for (const p of pollers.splice(0)) await p.stop();
    await fake.stop();
  });

  it("handles different chats at the same time, one chat in order, and confirms only what is handled", async () => {
    let releaseA!: () => void;
    const gateA = new Promise<void>((r) => (releaseA = r));
    const done: string[] = [];
    const a1 = fake.push(fake.textUpdate(A, "a1"));
    fake.push(fake.textUpdate(A, "a2"));
    fake.push(fake.textUpdate(B, "b1"));
    poller(async (u) => {
      if (textOf(u) === "a1") await gateA;
      done.push(textOf(u));
    });
    // b1 is handled while a1 is still under way, and a2 waits behind a1.
    await eventually(() => done.includes("b1"), "b1");
    expect(done).toEqual(["b1"]);
    const seen = offsets.length;
    await eventually(() => offsets.length > seen + 1, "more polls");
    expect(Math.max(...offsets)).toBeLessThanOrEqual(a1.update_id as number);
    releaseA();
    await eventually(() => done.length === 3, "all three");
    expect(done).toEqual(["b1", "a1", "a2"]);
  });

  it("stop() waits for the updates under way and confirms them", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered = false;
    const handled: string[] = [];
    const last = fake.push(fake.textUpdate(A, "slow"));
    const p = poller(async (u) => {
      entered = true;
      await gate;
      handled.push(textOf(u));
    });
    await eventually(() => entered, "the update to start");
    let stopped = false;
    const stopping = p.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(handled).toEqual(["slow"]);
    expect(offsets.at(-1)).toBe((last.update_id as number) + 1);
  });

  it("tries a failed update again before the chat's next one", async () => {
    let failures = 0;
    const done: string[] = [];
    fake.push(fake.textUpdate(A, "flaky"));
    fake.push(fake.textUpdate(A, "next"));
    poller(async (u) => {
      if (textOf(u) === "flaky" && failures++ === 0) throw new Error("database is down");
      done.push(textOf(u));
    });
    await eventually(() => done.length === 2, "both updates");
    expect(done).toEqual(["flaky", "next"]);
  });

  it("leaves an update that could not be handled for the next start", async () => {
    const stuck = fake.push(fake.textUpdate(A, "stuck"));
    let tried = false;
    const first = poller(async () => {
      tried = true;
      throw new Error("database is down");
    });
    await eventually(() => tried, "a first try");
    await first.stop();
    const handled: number[] = [];
    poller(async (u) => void handled.push(u.update_id));
    await eventually(() => handled.length > 0, "the update to come back");
    expect(handled).toEqual([stuck.update_id]);
  });

  it("gives up an update that fails every time: logged, recorded, and nothing behind it is held up, across a restart", async () => {
    const logs: Array<{ level: string; obj: unknown; msg?: string }> = [];
    const poison = fake.push(fake.textUpdate(A, "poison"));
    fake.push(fake.textUpdate(A, "after the poison"));
    // More than Telegram hands out in one getUpdates: held, the poison would hide the last of these for ever.
    for (let i = 0; i < 120; i++) fake.push(fake.textUpdate(B + 1 + (i % 7), `m${i}`));
    const last = fake.push(fake.textUpdate(B, "last"));
    let tries = 0;
    const done: string[] = [];
    const abandoned: Array<{ id: number; err: string }> = [];
    const first = poller(
      async (u) => {
        if (textOf(u) === "poison") {
          tries++;
          throw new Error("Forbidden: bot is not a member of the group chat");
        }
        done.push(textOf(u));
      },
      { logger: memoryLogger(logs), attempts: 3, retryBaseMs: 5, onAbandoned: async (u, err) => void abandoned.push({ id: u.update_id, err: (err as Error).message }) },
    );
    await eventually(() => done.includes("last") && done.includes("after the poison"), "the updates after the poison");
    expect(tries).toBe(3);
    expect(done).toHaveLength(122);
    expect(abandoned).toEqual([{ id: poison.update_id, err: "Forbidden: bot is not a member of the group chat" }]);
    const givenUp = logs.filter((l) => l.level === "error" && l.msg?.startsWith("update given up"));
    expect(givenUp).toHaveLength(1);
    expect(givenUp[0]!.obj).toMatchObject({ updateId: poison.update_id, kind: "message", chat: String(A), attempts: 3 });
    // The offset moved past all of it.
    await eventually(() => offsets.some((o) => o > (last.update_id as number)), "the offset to move past the last update");
    await first.stop();
    expect(fake.unconfirmed).toBe(0);

    // The next start reads only what is new: the poison is not tried again.
    const next = fake.push(fake.textUpdate(A, "after the restart"));
    const later: number[] = [];
    poller(async (u) => void later.push(u.update_id));
    await eventually(() => later.length > 0, "the new update");
    expect(later).toEqual([next.update_id]);
    expect(tries).toBe(3);
  });

  it("gives nothing up while the database is down, and moves on once it answers and the update still fails", async () => {
    const logs: Array<{ level: string; obj: unknown; msg?: string }> = [];
    let databaseUp = false;
    let tries = 0;
    const abandoned: number[] = [];
    const stuck = fake.push(fake.textUpdate(A, "stuck"));
    poller(
      async () => {
        tries++;
        throw new Error("database is down");
      },
      { logger: memoryLogger(logs), attempts: 2, retryBaseMs: 5, databaseUp: async () => databaseUp, onAbandoned: async (u) => void abandoned.push(u.update_id) },
    );
    await eventually(() => tries >= 6, "several tries");
    expect(abandoned).toEqual([]);
    expect(logs.filter((l) => l.msg?.startsWith("the database is not answering"))).toHaveLength(1);
    expect(Math.max(...offsets)).toBeLessThanOrEqual(stuck.update_id as number);
    databaseUp = true;
    await eventually(() => abandoned.length > 0, "the update to be given up");
    expect(abandoned).toEqual([stuck.update_id]);
    await eventually(() => offsets.some((o) => o > (stuck.update_id as number)), "the offset to move past it");
  });
});
