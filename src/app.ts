// The composition root: the one place that wires configuration, storage, the core, the adapters,
// the outbox sender, the scheduler and the HTTP server. main.ts only loads config and starts this.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pino, { type Logger as PinoLogger } from "pino";
import type { PlatformAdapter } from "./adapters/adapter.ts";
import { createConsoleAdapter, CONSOLE_OPERATOR, type ConsoleAdapter } from "./adapters/console/console.ts";
import { isConsoleMode, type Config } from "./config.ts";
import { createCore, type Core } from "./core/core.ts";
import { allFeatures } from "./core/features/index.ts";
import type { Clock, Logger, Messenger, PlatformLinks } from "./core/ports/runtime.ts";
import { createSender, type Sender } from "./core/services/sender.ts";
import { healthOf } from "./infra/http/health.ts";
import { createHttpServer, json, type HttpServer } from "./infra/http/server.ts";
import { loadLocales } from "./infra/i18n/fluent.ts";
import { createLogger } from "./infra/log/logger.ts";
import { dataDir, filesDir, localesDir } from "./infra/paths.ts";
import { deployMigrationsIsolated } from "./infra/prisma/migrate.ts";
import { createPrismaStore, type PrismaStore } from "./infra/prisma/store.ts";
import { createTicker, type Ticker } from "./infra/scheduler/ticker.ts";

export interface AppOptions {
  config: Config;
  logger?: PinoLogger;
  clock?: Clock;
  /** The terminal chat's streams (console mode only). */
  consoleIo?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; interactive: boolean };
}

export interface App {
  core: Core;
  store: PrismaStore;
  sender: Sender;
  /** The HTTP port actually bound, or null in console mode. */
  port: number | null;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the console reached end of input (never, on Telegram or Zalo). */
  done: Promise<void>;
}

export async function createApp(opts: AppOptions): Promise<App> {
  const { config } = opts;
  const consoleMode = isConsoleMode(config);
  // In the terminal chat the conversation is the terminal: log lines go to a file beside the
  // database instead (stderr shares the screen), and only warnings unless LOG_LEVEL says otherwise.
  const consoleLog = consoleMode ? path.join(dataDir(config.DATABASE_URL), "chibo-console.log") : null;
  const logger: PinoLogger =
    opts.logger ??
    createLogger({
      level: config.LOG_LEVEL ?? (consoleMode ? "warn" : "info"),
      secrets: [config.TELEGRAM_BOT_TOKEN, config.ZALO_BOT_TOKEN, config.TELEGRAM_WEBHOOK_SECRET, config.ZALO_WEBHOOK_SECRET].filter(
        (s): s is string => !!s,
      ),
      ...(consoleLog ? { destination: pino.destination({ dest: consoleLog, mkdir: true, sync: true }) } : {}),
    });
  const log = logger as unknown as Logger;
  const clock: Clock = opts.clock ?? { now: () => new Date() };

  const applied = await deployMigrationsIsolated(config.DATABASE_URL);
  if (applied.length) logger.info({ applied }, "database migrations applied");
  const store = await createPrismaStore(config.DATABASE_URL);
  const { translator } = loadLocales(localesDir, { logger: log });

  const operators = new Set(config.BOT_ADMINS);
  if (consoleMode) operators.add(`console:${CONSOLE_OPERATOR}`);

  const messengers: Messenger[] = [];
  const adapters: PlatformAdapter[] = [];
  const links: PlatformLinks = {
    inviteLinks: (code) =>
      adapters.flatMap((a) => {
        const url = a.inviteLink(code);
        return url ? [{ platform: a.platform, url }] : [];
      }),
    platforms: () => (consoleMode ? ["CONSOLE"] : adapters.map((a) => a.platform)),
  };

  let sender: Sender | undefined;
  const core = createCore({
    store,
    translator,
    clock,
    logger: log,
    links,
    settings: { operators, defaultTimezone: config.DEFAULT_TIMEZONE, defaultLocale: config.DEFAULT_LOCALE },
    features: allFeatures,
    onQueued: () => sender?.kick(),
  });

  let consoleAdapter: ConsoleAdapter | null = null;
  if (consoleMode) {
    const io = opts.consoleIo ?? { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) };
    consoleAdapter = createConsoleAdapter({
      input: io.input as never,
      output: io.output as never,
      engine: core.engine,
      drain: () => sender!.drain(),
      bind: (locale) => core.messages.bind(locale),
      defaultLocale: config.DEFAULT_LOCALE,
      filesDir: filesDir(config),
      ...(consoleLog ? { logFile: consoleLog } : {}),
      interactive: io.interactive,
    });
    messengers.push(consoleAdapter.messenger);
  }
  const adapterDeps = { config, core, logger: log };
  // Each platform's code is loaded only where it is configured.
  if (config.TELEGRAM_BOT_TOKEN) adapters.push(await (await import("./adapters/telegram/index.ts")).createTelegramAdapter(adapterDeps));
  if (config.ZALO_BOT_TOKEN) adapters.push(await (await import("./adapters/zalo/index.ts")).createZaloAdapter(adapterDeps));
  messengers.push(...adapters.map((a) => a.messenger));

  sender = createSender({
    store,
    messengers,
    clock,
    logger: log,
    owner: `${process.pid}-${randomBytes(3).toString("hex")}`,
    limits: {
      TELEGRAM: { perSecond: config.TELEGRAM_RATE_PER_SECOND, perChatPerSecond: config.TELEGRAM_CHAT_RATE_PER_SECOND, chatBurst: 3 },
      ZALO: { perSecond: config.ZALO_RATE_PER_SECOND, perChatPerSecond: 1, chatBurst: 3 },
      CONSOLE: { perSecond: 1000, perChatPerSecond: 1000, chatBurst: 1000 },
    },
  });
  const ticker: Ticker = createTicker(() => core.tick(), log);

  let http: HttpServer | null = null;
  if (!consoleMode) {
    http = createHttpServer(log);
    http.route("GET", "/healthz", async (_req, res) => {
      const health = await healthOf(store, clock, ticker.lastTickAt);
      json(res, health.ok ? 200 : 503, health);
    });
    for (const adapter of adapters) adapter.mount(http);
  }

  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  let stopped = false;

  const app: App = {
    core,
    store,
    sender,
    port: null,
    done,
    async start() {
      if (http) app.port = await http.listen(config.PORT);
      await ticker.start();
      sender!.start();
      for (const adapter of adapters) await adapter.start();
      logger.info({ port: app.port, platforms: links.platforms(), database: store.provider }, "bot started");
      if (consoleAdapter) {
        consoleAdapter.run().then(resolveDone, (err: unknown) => {
          logger.error({ err }, "console failed");
          resolveDone();
        });
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // Stop taking work, let what is under way finish, then close the database.
      for (const adapter of adapters) await adapter.stop();
      await http?.close();
      await ticker.stop();
      while (core.engine.busy > 0) await new Promise((r) => setTimeout(r, 10));
      await sender!.stop();
      for (const adapter of adapters) await adapter.close?.();
      await store.close();
      logger.info("bot stopped");
      logger.flush?.();
    },
  };
  return app;
}
