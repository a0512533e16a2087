// The bot on Zalo end to end: the real core on a real database, the real Zalo adapter (webhook or
// polling) talking to a fake Zalo Bot API on loopback, our HTTP server, and the outbox sender.
// Telegram is present as a recording messenger, so a person can also write "from Telegram" (to
// link accounts). Tests talk to it the way people do: a Zalo user types, and reads what came back.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createZaloAdapter, type ZaloAdapter } from "../../src/adapters/zalo/index.ts";
import { loadConfig } from "../../src/config.ts";
import type { Core } from "../../src/core/core.ts";
import type { Sender } from "../../src/core/services/sender.ts";
import type { OutMessage } from "../../src/core/types.ts";
import { createHttpServer, type HttpServer } from "../../src/infra/http/server.ts";
import { loadLocales } from "../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../src/infra/paths.ts";
import type { PrismaStore } from "../../src/infra/prisma/store.ts";
import { createRenderer } from "../../src/infra/render/renderer.ts";
import { wireApp } from "../../src/wire.ts";
import { createTestStore, type DbKind } from "./db.ts";
import { FakeZaloApi, type ZaloUserSpec } from "./fake-zalo-api.ts";
import { memoryLogger, RecordingMessenger, TestClock } from "./fakes.ts";

export type ZaloMode = "webhook" | "polling";

export interface ZaloRigOptions {
  db: DbKind;
  mode: ZaloMode;
  /** Zalo user ids named in BOT_ADMINS. */
  operators?: string[];
  /** Serve files as links (PUBLIC_URL is always set in webhook mode). */
  publicUrl?: boolean;
  clock?: TestClock;
  /** Runs before the adapter starts (to make the fake Zalo fail at start-up, say). */
  beforeStart?: (fake: FakeZaloApi) => void;
}

export interface ZaloRig {
  mode: ZaloMode;
  fake: FakeZaloApi;
  core: Core;
  store: PrismaStore;
  clock: TestClock;
  sender: Sender;
  adapter: ZaloAdapter;
  telegramMessenger: RecordingMessenger;
  /** Where our HTTP server listens (webhook, /files). */
  baseUrl: string;
  webhookSecret: string;
  logs: Array<{ level: string; obj: unknown; msg?: string }>;
  /** A Zalo user types `text`; returns the texts Zalo was asked to show that user because of it. */
  say(user: string | ZaloUserSpec, text: string): Promise<string[]>;
  /** Delivers any update (sticker, a bot's echo, a duplicate) the way the mode does. */
  deliver(update: Record<string, unknown>, chatId?: string): Promise<string[]>;
  /** Everything Zalo was asked to show `user`. */
  zaloInbox(user: string): string[];
  /** The same person writing from Telegram (through the core, recorded). */
  telegram(user: string, text: string): Promise<OutMessage[]>;
  /** Presses a button on the last Telegram message that had it. */
  telegramPress(user: string, label: string): Promise<OutMessage[]>;
  tick(): Promise<void>;
  close(): Promise<void>;
}

export async function createZaloRig(opts: ZaloRigOptions): Promise<ZaloRig> {
  const fake = await new FakeZaloApi({ maxPollMs: 100 }).start();
  const { store, db, close: closeStore } = await createTestStore(opts.db);
  const clock = opts.clock ?? new TestClock();
  const logs: ZaloRig["logs"] = [];
  const logger = memoryLogger(logs);
  const { translator } = loadLocales(localesDir, { strict: true });
  const filesDir = mkdtempSync(path.join(tmpdir(), "chibo-zalo-files-"));

  const http: HttpServer = createHttpServer(logger);
  const port = await http.listen(0, "127.0.0.1");
  const baseUrl = `http://127.0.0.1:${port}`;
  const webhookSecret = "zalo-webhook-secret-for-tests";
  const config = loadConfig({
    DATABASE_URL: db.url,
    ZALO_BOT_TOKEN: fake.token,
    ZALO_API_ROOT: fake.apiRoot,
    ZALO_MODE: opts.mode,
    ZALO_WEBHOOK_SECRET: webhookSecret,
    PUBLIC_URL: opts.mode === "webhook" || opts.publicUrl ? baseUrl : undefined,
    BOT_ADMINS: (opts.operators ?? []).map((id) => `zalo:${id}`).join(","),
  });

  const telegramMessenger = new RecordingMessenger("TELEGRAM");
  const fast = { perSecond: 10_000, perChatPerSecond: 10_000, chatBurst: 10_000 };
  const wired = await wireApp<{ zalo: ZaloAdapter }>({
    store,
    translator,
    clock,
    logger,
    renderer: createRenderer(),
    links: { inviteLinks: () => [], platforms: () => ["ZALO", "TELEGRAM"] },
    settings: { operators: new Set(config.BOT_ADMINS), defaultTimezone: config.DEFAULT_TIMEZONE, defaultLocale: config.DEFAULT_LOCALE },
    adapters: {
      zalo: (core) => createZaloAdapter({ config, core, logger, filesDir }, { pollTimeoutSeconds: 1, backoff: { baseMs: 20, maxMs: 200 }, quotaBackoffMs: [50] }),
    },
    messengers: [telegramMessenger],
    http,
    sending: { owner: "zalo-rig", limits: { ZALO: fast, TELEGRAM: fast }, backoffBaseMs: 10, backoffMaxMs: 50 },
  });
  const { core, sender } = wired;
  const adapter = wired.adapters.zalo;
  opts.beforeStart?.(fake);
  // Receiving only: the tests deliver the outbox themselves (drain), so the sender is not started.
  await adapter.start();

  const userOf = (u: string | ZaloUserSpec): ZaloUserSpec => (typeof u === "string" ? { id: u, name: u } : u);
  const zaloInbox = (user: string) => fake.sent(user).map((p) => p.text ?? p.caption ?? "");
  let seq = 0;

  const rig: ZaloRig = {
    mode: opts.mode,
    fake,
    core,
    store,
    clock,
    sender,
    adapter,
    telegramMessenger,
    baseUrl,
    webhookSecret,
    logs,
    zaloInbox,
    async deliver(update, chatId) {
      const target = chatId ?? String((update.message as { chat?: { id?: string } } | undefined)?.chat?.id ?? "");
      const before = zaloInbox(target).length;
      if (opts.mode === "webhook") {
        const res = await fake.postWebhook(update);
        if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${res.body}`);
      } else {
        await fake.push(update);
      }
      await sender.drain();
      return zaloInbox(target).slice(before);
    },
    say: (user, text) => rig.deliver(fake.textEvent(userOf(user), text), userOf(user).id),
    async telegram(user, text) {
      const before = telegramMessenger.to(user).length;
      await core.engine.handle({ platform: "TELEGRAM", updateId: `tg${++seq}`, userId: user, chatId: user, text, receivedAt: clock.now() });
      await sender.drain();
      return telegramMessenger.to(user).slice(before);
    },
    async telegramPress(user, label) {
      const withChoice = [...telegramMessenger.to(user)].reverse().find((m) => m.choices?.flat().some((c) => c.label === label));
      const choice = withChoice?.choices?.flat().find((c) => c.label === label);
      if (!choice) throw new Error(`${user} has no Telegram button "${label}"`);
      const before = telegramMessenger.to(user).length;
      await core.engine.handle({ platform: "TELEGRAM", updateId: `tg${++seq}`, userId: user, chatId: user, choice: choice.action, receivedAt: clock.now() });
      await sender.drain();
      return telegramMessenger.to(user).slice(before);
    },
    async tick() {
      await core.tick(clock.now());
      await sender.drain();
    },
    async close() {
      await wired.stop();
      await fake.stop();
      await closeStore();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
  return rig;
}
