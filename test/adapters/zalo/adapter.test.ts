// The Zalo adapter's life: wired by the composition root, starting against a Zalo that is down or
// rejects the token, polling through errors and idle polls, answering 500 when the core cannot
// handle a webhook event, stopping cleanly, and never writing the token anywhere.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.ts";
import { createZaloAdapter } from "../../../src/adapters/zalo/index.ts";
import { loadConfig } from "../../../src/config.ts";
import type { Core } from "../../../src/core/core.ts";
import { createHttpServer } from "../../../src/infra/http/server.ts";
import { filesDir } from "../../../src/infra/paths.ts";
import { createTestDb, type TestDb } from "../../helpers/db.ts";
import { FakeZaloApi, ZALO_ERRORS } from "../../helpers/fake-zalo-api.ts";
import { freePort } from "../../helpers/loopback.ts";
import { memoryLogger } from "../../helpers/fakes.ts";
import { createZaloRig, type ZaloRig } from "../../helpers/zalo-rig.ts";
import { daytimeClock } from "../../helpers/daytime-clock.ts";

const USER = { id: "6ede9afa66b88fe6d6a9", name: "Ted" };

describe("Zalo adapter", () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  const rigWith = async (o: Parameters<typeof createZaloRig>[0]): Promise<ZaloRig> => {
    const rig = await createZaloRig(o);
    cleanup.push(() => rig.close());
    return rig;
  };

  it("runs in the real composition root: webhook registered, event answered, /healthz up", async () => {
    const fake = await new FakeZaloApi().start();
    const db: TestDb = await createTestDb("sqlite");
    cleanup.push(() => db.drop(), () => fake.stop());
    const port = await freePort();
    const config = loadConfig({
      DATABASE_URL: db.url,
      ZALO_BOT_TOKEN: fake.token,
      ZALO_API_ROOT: fake.apiRoot,
      ZALO_MODE: "webhook",
      ZALO_WEBHOOK_SECRET: "a-long-enough-secret",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
    });
    const app: App = await createApp({ config, logger: pino({ level: "silent" }), clock: daytimeClock() });
    cleanup.push(() => app.stop());
    await app.start();
    expect(fake.webhook).toEqual({ url: `http://127.0.0.1:${port}/zalo/webhook`, secret: "a-long-enough-secret" });
    expect((await fake.postWebhook(fake.textEvent(USER, "xin chào"))).status).toBe(200);
    await fake.waitFor(() => fake.sent(USER.id).length > 0);
    expect(fake.sent(USER.id)[0]?.text).toContain("Chào bạn! Đây là Trợ lý Chi bộ");
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
  });

  it("refuses to start with a token Zalo rejects, naming the variable but not the token", async () => {
    const fake = await new FakeZaloApi().start();
    cleanup.push(() => fake.stop());
    const token = "1459232241454765289:not-the-right-token";
    const config = loadConfig({ ZALO_BOT_TOKEN: token, ZALO_API_ROOT: fake.apiRoot, ZALO_MODE: "polling" });
    const adapter = await createZaloAdapter({ config, core: {} as Core, logger: memoryLogger(), filesDir: filesDir(config) });
    cleanup.push(() => adapter.stop());
    const err = await adapter.start().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toContain("ZALO_BOT_TOKEN");
    expect(err?.message).toContain("401");
    expect(err?.message).not.toContain(token);
    expect(err?.message).not.toContain("not-the-right-token");
  });

  it("starts while Zalo is down and begins polling once it answers", async () => {
    const rig = await rigWith({
      db: "sqlite",
      mode: "polling",
      beforeStart: (fake) => {
        fake.failNext("getMe", "network");
        fake.failNext("getMe", { errorCode: 502, description: "Bad Gateway" });
      },
    });
    expect(await rig.say(USER, "xin chào")).toEqual([expect.stringContaining("Chào bạn!")]);
    expect(rig.fake.callsTo("getMe!failed")).toHaveLength(2);
    expect(rig.fake.callsTo("deleteWebhook")).toHaveLength(1);
  });

  it("keeps polling through 408 idle polls, errors and 429, and handles updates one at a time", async () => {
    const rig = await rigWith({ db: "sqlite", mode: "polling" });
    await rig.fake.waitFor(() => rig.fake.idlePolls >= 2);
    rig.fake.failNext("getUpdates", ZALO_ERRORS.internal);
    rig.fake.failNext("getUpdates", ZALO_ERRORS.quota);
    rig.fake.failNext("getUpdates", "network");
    const replies = await rig.say(USER, "trogiup");
    expect(replies).toHaveLength(1);
    expect(rig.fake.callsTo("getUpdates!failed")).toHaveLength(3);
    expect(rig.logs.some((l) => l.level === "warn" && l.msg === "getUpdates failed; retrying")).toBe(true);
    // Two updates queued at once are handled in order.
    const first = rig.fake.push(rig.fake.textEvent(USER, "ngonngu"));
    const second = rig.fake.push(rig.fake.textEvent(USER, "2"));
    await Promise.all([first, second]);
    await rig.sender.drain();
    expect(rig.zaloInbox(USER.id).at(-1)).toContain("English");
  });

  it("stops cleanly in the middle of a long poll, leaving later updates with Zalo", async () => {
    const rig = await createZaloRig({ db: "sqlite", mode: "polling" });
    await rig.fake.waitFor(() => rig.fake.callsTo("getUpdates").length > 0);
    await rig.adapter.stop();
    // The poll under way was abandoned, not waited out; an update sent now stays with Zalo.
    await rig.fake.waitFor(() => rig.fake.abandonedPolls === 1);
    void rig.fake.push(rig.fake.textEvent(USER, "trogiup"));
    expect(rig.fake.pending).toBe(1);
    expect(await rig.store.db.processedUpdate.count()).toBe(0);
    await rig.close();
  });

  it("answers 500 when the core cannot handle an event, so Zalo delivers it again", async () => {
    const fake = await new FakeZaloApi().start();
    const http = createHttpServer(memoryLogger());
    const port = await http.listen(0, "127.0.0.1");
    cleanup.push(() => fake.stop(), () => http.close());
    const config = loadConfig({
      ZALO_BOT_TOKEN: fake.token,
      ZALO_API_ROOT: fake.apiRoot,
      ZALO_MODE: "webhook",
      ZALO_WEBHOOK_SECRET: "a-long-enough-secret",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    let fail = true;
    const handled: string[] = [];
    const core = {
      engine: {
        busy: 0,
        handle: async (e: { updateId: string }) => {
          if (fail) throw new Error("database is down");
          handled.push(e.updateId);
          return "handled" as const;
        },
      },
      messages: { bind: () => (k: string) => k },
    } as unknown as Core;
    const adapter = await createZaloAdapter({ config, core, logger: memoryLogger(), filesDir: filesDir(config) });
    adapter.mount(http);
    await adapter.start();
    const event = fake.textEvent(USER, "xin chào", { messageId: "m-500" });
    expect((await fake.postWebhook(event)).status).toBe(500);
    fail = false;
    expect((await fake.postWebhook(event)).status).toBe(200);
    expect(handled).toEqual(["m-500"]);
    await adapter.stop();
    expect((await fake.postWebhook(event)).status).toBe(503);
  });

  it("never writes the token in logs, whatever fails", async () => {
    const rig = await rigWith({ db: "sqlite", mode: "polling" });
    rig.fake.failNext("getUpdates", ZALO_ERRORS.unauthorized);
    rig.fake.failNext("getUpdates", "network");
    rig.fake.failNext("sendMessage", ZALO_ERRORS.unauthorized);
    await rig.say(USER, "xin chào");
    expect(rig.logs.some((l) => l.level === "error" && /rejected the bot token/.test(l.msg ?? ""))).toBe(true);
    const written = JSON.stringify(rig.logs);
    expect(written).not.toContain(rig.fake.token);
    expect(written).not.toContain(rig.fake.token.split(":")[1]!);
  });

  it("sweeps expired file links on a timer while running, not only when the next file is published", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chibo-zalo-sweep-"));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const config = loadConfig({ PUBLIC_URL: "https://bot.example.vn" });
    const adapter = await createZaloAdapter({ config, core: {} as Core, logger: memoryLogger(), filesDir: dir }, { fileSweepMs: 10 });
    cleanup.push(() => adapter.stop());
    // An export whose link expires a moment after the start (the sweep at start keeps it).
    const token = "A".repeat(43);
    mkdirSync(path.join(dir, token));
    writeFileSync(path.join(dir, token, "data"), "{}");
    writeFileSync(path.join(dir, token, "meta.json"), JSON.stringify({ name: "du-lieu-cua-toi.json", mime: "application/json", createdAt: Date.now(), expiresAt: Date.now() + 300, bytes: 2 }));
    await adapter.start();
    while (readdirSync(dir).length) await new Promise((r) => setTimeout(r, 5));
    expect(readdirSync(dir)).toEqual([]);
  });
});
