// Nobody can freeze the polling bot. A group where the bot may not post (its pointer to the private
// chat refused with 403) and an update that fails every time must not hold up the updates after
// them: the first counts as handled at once, the second is given up after a few attempts — logged,
// recorded in the database — and the getUpdates offset moves past both, also across a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramAdapter, type TelegramAdapter } from "../../../src/adapters/telegram/index.ts";
import { loadConfig } from "../../../src/config.ts";
import { createCore, type Core } from "../../../src/core/core.ts";
import { allFeatures } from "../../../src/core/features/index.ts";
import { loadLocales } from "../../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../../src/infra/paths.ts";
import type { PrismaStore } from "../../../src/infra/prisma/store.ts";
import { createRenderer } from "../../../src/infra/render/renderer.ts";
import { createTestStore, DB_KINDS } from "../../helpers/db.ts";
import { FakeTelegramApi } from "../../helpers/fake-telegram-api.ts";
import { memoryLogger, TestClock } from "../../helpers/fakes.ts";
import { eventually } from "../../helpers/eventually.ts";

const GROUP = -100_777;
const POISON = 8_001;
const MEMBERS = [8_101, 8_102, 8_103, 8_104, 8_105];
const ATTEMPTS = 3;

describe.each(DB_KINDS)("updates that cannot be handled, polling on %s", (db) => {
  let fake: FakeTelegramApi;
  let store: PrismaStore;
  let closeStore: () => Promise<void>;
  let core: Core;
  const logs: Array<{ level: string; obj: unknown; msg?: string }> = [];
  const adapters: TelegramAdapter[] = [];
  let poisonTries = 0;

  const startAdapter = async () => {
    const logger = memoryLogger(logs);
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
    const adapter = await createTelegramAdapter(
      { config, core, logger },
      { botInfo: fake.botInfo, attempts: ATTEMPTS, retryBaseMs: 5, databaseUp: () => store.ping().then(() => true, () => false) },
    );
    adapters.push(adapter);
    await adapter.start();
    return adapter;
  };
  const processed = async (update: Record<string, unknown>) => (await store.db.processedUpdate.count({ where: { updateId: String(update.update_id) } })) > 0;
  const groupCommand = (text: string) => {
    const from = { id: 8_900, is_bot: false, first_name: "Khách" };
    return { message: { message_id: 1, date: 0, chat: { id: GROUP, type: "supergroup", title: "Cả xóm" }, from, text, entities: [{ type: "bot_command", offset: 0, length: text.length }] } };
  };

  beforeAll(async () => {
    fake = await new FakeTelegramApi({ maxPollMs: 100 }).start();
    ({ store, close: closeStore } = await createTestStore(db));
    const { translator } = loadLocales(localesDir, { strict: true });
    core = createCore({
      store,
      translator,
      clock: new TestClock(new Date()),
      logger: memoryLogger(logs),
      links: { inviteLinks: () => [], platforms: () => ["TELEGRAM"] },
      settings: { operators: new Set(), defaultTimezone: "Asia/Ho_Chi_Minh", defaultLocale: "vi" },
      features: allFeatures,
      render: createRenderer(),
    });
    // One person's messages fail every time, whatever they say (a bug the core cannot get past).
    const handle = core.engine.handle;
    core.engine.handle = (event, observer) => {
      if (event.userId !== String(POISON)) return handle(event, observer);
      poisonTries++;
      return Promise.reject(new Error("this update always fails"));
    };
    // The bot may not post in the group.
    fake.fail = (method, p) => (method === "sendMessage" && String(p.chat_id) === String(GROUP) ? { status: 403, description: "Forbidden: bot is not a member of the supergroup chat" } : null);
  });
  afterAll(async () => {
    for (const a of adapters) {
      await a.stop();
      await a.close?.();
    }
    await fake.stop();
    await closeStore();
  });

  it("a refused pointer in a group and an update that always fails hold up nothing behind them", async () => {
    const group = fake.push(groupCommand("/start@chibo_test_bot"));
    const poison = fake.push(fake.textUpdate(POISON, "/trogiup"));
    // More than one getUpdates hands out: held, the two above would hide the last of these for ever.
    const rest = Array.from({ length: 110 }, (_, i) => fake.push(fake.textUpdate(MEMBERS[i % MEMBERS.length]!, "/trogiup")));
    await startAdapter();

    await eventually(() => processed(rest.at(-1)!), "the last update to be handled", 60_000);
    await eventually(() => fake.unconfirmed === 0, "every update to be confirmed");
    for (const u of rest) expect(await processed(u)).toBe(true);

    // The pointer was tried once and given up quietly: the group's update was not failed or retried.
    expect(fake.callsTo("sendMessage!failed").filter((c) => String(c.payload.chat_id) === String(GROUP))).toHaveLength(1);
    expect(logs.some((l) => l.level === "error" && (l.obj as { updateId?: number }).updateId === group.update_id)).toBe(false);

    // The update that always fails: tried a bounded number of times, logged, recorded.
    expect(poisonTries).toBe(ATTEMPTS);
    const givenUp = logs.filter((l) => l.msg?.startsWith("update given up"));
    expect(givenUp.map((l) => (l.obj as { updateId: number }).updateId)).toEqual([poison.update_id]);
    expect(await processed(poison)).toBe(true);
    const audit = await store.db.auditLog.findMany({ where: { action: "update.abandoned" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ branchId: null, actorLabel: `telegram:${POISON}` });
    expect(audit[0]!.details).toMatchObject({ updateId: String(poison.update_id), kind: "message", chatId: String(POISON), error: "this update always fails" });
  });

  it("after a restart nothing is stuck: neither comes back, and new updates are read", async () => {
    const first = adapters.pop()!;
    await first.stop();
    await first.close?.();
    const tries = poisonTries;
    const group = fake.push(groupCommand("/trogiup@chibo_test_bot"));
    const next = fake.push(fake.textUpdate(MEMBERS[0]!, "/trogiup"));
    await startAdapter();
    await eventually(() => processed(next), "the new update to be handled");
    await eventually(() => fake.unconfirmed === 0, "every update to be confirmed");
    expect(poisonTries).toBe(tries);
    expect(fake.callsTo("sendMessage!failed").filter((c) => String(c.payload.chat_id) === String(GROUP))).toHaveLength(2);
    expect(logs.some((l) => l.level === "error" && (l.obj as { updateId?: number }).updateId === group.update_id)).toBe(false);
    expect(await store.db.auditLog.count({ where: { action: "update.abandoned" } })).toBe(1);
  });
});
