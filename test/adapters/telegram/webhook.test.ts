// Webhook mode: the whole app on its own HTTP port, updates POSTed as Telegram does. A call without the
// right secret changes nothing; Telegram's answer waits for the update to be durably handled; shutdown
// refuses new calls and finishes those under way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebhook, SECRET_HEADER, WEBHOOK_PATH } from "../../../src/adapters/telegram/webhook.ts";
import { createApp, type App } from "../../../src/app.ts";
import { loadConfig } from "../../../src/config.ts";
import { createHttpServer } from "../../../src/infra/http/server.ts";
import { DB_KINDS, type TestDb } from "../../helpers/db.ts";
import { FakeTelegramApi } from "../../helpers/fake-telegram-api.ts";
import { memoryLogger } from "../../helpers/fakes.ts";
import { botEnv } from "./live.ts";
import { daytimeClock } from "../../helpers/daytime-clock.ts";

const SECRET = "webhook-secret_0123456789";
const USER = 8001;

async function post(port: number, update: unknown, secret?: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}${WEBHOOK_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret !== undefined ? { [SECRET_HEADER]: secret } : {}) },
    body: typeof update === "string" ? update : JSON.stringify(update),
  });
  await res.arrayBuffer();
  return res.status;
}

describe.each(DB_KINDS)("telegram webhook on %s", (db) => {
  let fake: FakeTelegramApi;
  let testDb: TestDb;
  let app: App;
  let port: number;
  const counts = async () => ({
    updates: await app.store.db.processedUpdate.count(),
    identities: await app.store.db.identity.count(),
    outbox: await app.store.db.outbox.count(),
  });

  beforeAll(async () => {
    fake = await new FakeTelegramApi().start();
    const made = await botEnv(fake, db, 1, { TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_SECRET: SECRET, PUBLIC_URL: "https://bot.example.org/" });
    testDb = made.db;
    app = await createApp({ config: loadConfig(made.env), clock: daytimeClock() });
    await app.start();
    port = app.port!;
  });
  afterAll(async () => {
    await app.stop();
    await fake.stop();
    await testDb.drop();
  });

  it("registers the webhook with its secret and the update types it reads", () => {
    const [set] = fake.callsTo("setWebhook");
    expect(set?.payload).toMatchObject({ url: "https://bot.example.org/telegram/webhook", secret_token: SECRET });
    expect(set?.payload.allowed_updates).toEqual(["message", "callback_query", "my_chat_member"]);
    expect(fake.callsTo("getUpdates")).toHaveLength(0);
  });

  it("refuses calls with a missing or wrong secret with 401 and changes nothing", async () => {
    const before = await counts();
    const update = { update_id: 1, ...fake.textUpdate(USER, "/start") };
    expect(await post(port, update)).toBe(401);
    expect(await post(port, update, "")).toBe(401);
    expect(await post(port, update, SECRET.slice(0, -1))).toBe(401);
    expect(await post(port, update, `${SECRET}x`)).toBe(401);
    expect(await post(port, update, SECRET.toUpperCase())).toBe(401);
    expect(await counts()).toEqual(before);
    expect(fake.sent(USER)).toHaveLength(0);
  });

  it("answers 200 only once the update is stored, and a redelivered update changes nothing", async () => {
    const update = { update_id: 2, ...fake.textUpdate(USER, "/trogiup") };
    const reply = fake.nextSent(USER);
    expect(await post(port, update, SECRET)).toBe(200);
    // Durable before Telegram was told: the update is recorded and its reply queued.
    expect(await app.store.db.processedUpdate.count({ where: { updateId: "2" } })).toBe(1);
    expect(await app.store.db.outbox.count({ where: { key: { startsWith: "reply:TELEGRAM:2:" } } })).toBe(1);
    expect(String((await reply).text)).toContain("Trợ lý Chi bộ");

    const before = await counts();
    expect(await post(port, update, SECRET)).toBe(200);
    expect(await counts()).toEqual(before);
    await app.sender.drain();
    expect(fake.sent(USER)).toHaveLength(1);
  });

  it("refuses a body that is not an update", async () => {
    expect(await post(port, "{not json", SECRET)).toBe(400);
    expect(await post(port, { message: {} }, SECRET)).toBe(400);
  });
});

describe("telegram webhook shutdown", () => {
  it("refuses new calls with 503 and waits for the ones under way", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const handled: number[] = [];
    const webhook = createWebhook({
      secret: SECRET,
      logger: memoryLogger(),
      handle: async (update) => {
        entered();
        await gate;
        handled.push(update.update_id);
      },
    });
    const http = createHttpServer(memoryLogger());
    webhook.mount(http);
    const port = await http.listen(0, "127.0.0.1");
    try {
      const under = post(port, { update_id: 10 }, SECRET);
      await inside;
      let closed = false;
      const closing = webhook.close().then(() => (closed = true));
      expect(await post(port, { update_id: 11 }, SECRET)).toBe(503);
      expect(closed).toBe(false);
      release();
      expect(await under).toBe(200);
      await closing;
      expect(handled).toEqual([10]);
    } finally {
      await http.close();
    }
  });

  it("answers 500 when the update could not be handled, so Telegram delivers it again", async () => {
    const webhook = createWebhook({
      secret: SECRET,
      logger: memoryLogger(),
      handle: async () => {
        throw new Error("database is down");
      },
    });
    const http = createHttpServer(memoryLogger());
    webhook.mount(http);
    const port = await http.listen(0, "127.0.0.1");
    try {
      expect(await post(port, { update_id: 12 }, SECRET)).toBe(500);
    } finally {
      await http.close();
    }
  });
});
