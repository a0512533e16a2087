// Long polling against the Bot API stand-in: chats in parallel, each chat in order, nothing confirmed
// before it is handled, graceful stop, failed updates tried again or left for the next start.
import { Api } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPoller, type Poller } from "../../../src/adapters/telegram/poller.ts";
import { FakeTelegramApi } from "../../helpers/fake-telegram-api.ts";
import { memoryLogger } from "../../helpers/fakes.ts";
import { eventually } from "./live.ts";

const A = 9001;
const B = 9002;

describe("telegram long polling", () => {
  let fake: FakeTelegramApi;
  let api: Api;
  let offsets: number[];
  const pollers: Poller[] = [];
  const poller = (handle: (u: Update) => Promise<void>) => {
    const p = createPoller({ api, handle, logger: memoryLogger(), timeoutSeconds: 1 });
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
});
