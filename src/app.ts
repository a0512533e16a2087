// The composition root of the deployed bot: configuration, logging, the database and its bot
// accounts, the HTTP server, and the production parts handed to wireApp (wire.ts), which wires the
// core, the adapters, the outbox sender and the scheduler. main.ts only loads config and starts this.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import path from "node:path";
import pino, { type DestinationStream, type Logger as PinoLogger } from "pino";
import { createConsoleAdapter, CONSOLE_OPERATOR, type ConsoleAdapter } from "./adapters/console/console.ts";
import { json } from "./adapters/shared/http.ts";
import type { TelegramAdapter } from "./adapters/telegram/index.ts";
import type { ZaloAdapter } from "./adapters/zalo/index.ts";
import { createBotAdmin } from "./bot-admin.ts";
import { isConsoleMode, type Config } from "./config.ts";
import type { Core } from "./core/core.ts";
import type { Clock, Logger } from "./core/ports/runtime.ts";
import { createLeaseKeeper, type LeaseKeeper } from "./core/services/leases.ts";
import type { Sender } from "./core/services/sender.ts";
import { defaultBotAccountId } from "./core/types.ts";
import { createBotRegistry } from "./infra/bots/registry.ts";
import { parseSecretKey } from "./infra/bots/secret-box.ts";
import { cachedHealth, healthOf } from "./infra/http/health.ts";
import { createHttpServer, type HttpServer } from "./infra/http/server.ts";
import { loadLocales } from "./infra/i18n/fluent.ts";
import { createLogger } from "./infra/log/logger.ts";
import { dataDir, filesDir, localesDir } from "./infra/paths.ts";
import { deployMigrationsIsolated } from "./infra/prisma/migrate.ts";
import { checkDatabaseUrl } from "./infra/prisma/preflight.ts";
import { createPrismaStore, type PrismaStore } from "./infra/prisma/store.ts";
import { createRenderer } from "./infra/render/renderer.ts";
import { wireApp } from "./wire.ts";
import { zaloBotSource } from "./zalo-bots.ts";

/** The platforms a deployment may run: each one only where it is configured. */
type Adapters = { telegram?: TelegramAdapter; zalo?: ZaloAdapter; console?: ConsoleAdapter };

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
  /** Which bot accounts this instance sends for (and polls): all of them when it runs alone. */
  leases: LeaseKeeper;
  /** The HTTP port actually bound, or null in console mode. */
  port: number | null;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the console reached end of input (never, on Telegram or Zalo). */
  done: Promise<void>;
}

export async function createApp(opts: AppOptions): Promise<App> {
  const { config } = opts;
  // Tokens of stored bot accounts join this set as they are read, so no log line ever shows one.
  const secrets = new Set([config.TELEGRAM_BOT_TOKEN, config.ZALO_BOT_TOKEN, config.TELEGRAM_WEBHOOK_SECRET, config.ZALO_WEBHOOK_SECRET, config.SECRET_KEY].filter((s): s is string => !!s));
  const envConsole = isConsoleMode(config);
  // In the terminal chat the conversation is the terminal: log lines go to a file beside the
  // database (stderr shares the screen), opened at the first line. Should stored Zalo bots turn
  // the terminal chat off (below), they go to stderr as usual.
  const logs = { file: envConsole ? path.join(dataDir(config.DATABASE_URL), "chibo-console.log") : null, target: null as DestinationStream | null };
  const logDestination: DestinationStream = {
    write: (line: string) => {
      logs.target ??= logs.file ? pino.destination({ dest: logs.file, mkdir: true, sync: true }) : pino.destination({ fd: 2, sync: false });
      logs.target.write(line);
    },
  };
  const logger: PinoLogger =
    opts.logger ??
    createLogger({
      // In the terminal chat, log lines would interleave with the conversation: warnings only.
      level: config.LOG_LEVEL ?? (envConsole ? "warn" : "info"),
      secrets,
      destination: logDestination,
    });
  const log = logger as unknown as Logger;
  const clock: Clock = opts.clock ?? { now: () => new Date() };

  // A database that cannot be opened stops the start with one clear line, before the engines try.
  await checkDatabaseUrl(config.DATABASE_URL);
  const applied = await deployMigrationsIsolated(config.DATABASE_URL);
  if (applied.length) logger.info({ applied }, "database migrations applied");
  const store = await createPrismaStore(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE });
  const { translator } = loadLocales(localesDir, { logger: log });
  const registry = createBotRegistry(store.db, config.SECRET_KEY ? parseSecretKey(config.SECRET_KEY) : null);
  // Zalo bots stored in the database run without ZALO_BOT_TOKEN: a deployment of many bots.
  const storedZalo = await registry.driven("ZALO");
  for (const u of storedZalo.unreadable) logger.error({ botAccountId: u.id, label: u.label, reason: u.reason }, "a stored bot account cannot be used");
  const zaloEnabled = !!config.ZALO_BOT_TOKEN || storedZalo.bots.length + storedZalo.unreadable.length > 0;
  const consoleMode = envConsole && !zaloEnabled;
  // The accounts of the environment's tokens are there while their token is: invites and quotas
  // count only the bots this deployment runs.
  await store.tx(async (tx) => {
    const on = { TELEGRAM: !!config.TELEGRAM_BOT_TOKEN, ZALO: !!config.ZALO_BOT_TOKEN, CONSOLE: consoleMode } as const;
    for (const platform of ["TELEGRAM", "ZALO", "CONSOLE"] as const) await tx.bots.update(defaultBotAccountId(platform), { status: on[platform] ? "ACTIVE" : "REMOVED" });
  });
  if (envConsole && !consoleMode && !config.LOG_LEVEL && !opts.logger) logger.level = "info";
  if (!consoleMode && logs.file) {
    logs.file = null;
    logs.target = null;
  }

  const operators = new Set(config.BOT_ADMINS);
  if (consoleMode) operators.add(`console:${CONSOLE_OPERATOR}`);

  // Several instances may share the database: each sends for (and polls) only the bot accounts whose
  // send lease it holds, its fair share of them. Alone, it holds them all.
  const owner = config.INSTANCE_NAME ?? `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const leasePlatforms = [
    ...(config.TELEGRAM_BOT_TOKEN ? (["TELEGRAM"] as const) : []),
    ...(zaloEnabled ? (["ZALO"] as const) : []),
    ...(consoleMode ? (["CONSOLE"] as const) : []),
  ];
  const leases = createLeaseKeeper({
    store,
    owner,
    platforms: [...leasePlatforms],
    logger: log,
    ttlMs: config.LEASE_TTL_SECONDS * 1000,
    renewMs: config.LEASE_RENEW_SECONDS * 1000,
  });
  /** The terminal chat (console mode), on the core. */
  const createTerminal = async (core: Core): Promise<ConsoleAdapter> => {
    const io = opts.consoleIo ?? { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) };
    return createConsoleAdapter({
      input: io.input as never,
      output: io.output as never,
      engine: core.engine,
      bind: (locale) => core.messages.bind(locale),
      defaultLocale: config.DEFAULT_LOCALE,
      filesDir: filesDir(config),
      ...(logs.file ? { logFile: logs.file } : {}),
      interactive: io.interactive,
    });
  };

  const databaseUp = () => store.ping().then(() => true, () => false);
  const http: HttpServer | null = consoleMode ? null : createHttpServer(log);

  const wired = await wireApp<Adapters>({
    store,
    translator,
    clock,
    logger: log,
    renderer: createRenderer(),
    settings: { operators, defaultTimezone: config.DEFAULT_TIMEZONE, defaultLocale: config.DEFAULT_LOCALE, inviteQrCodes: true },
    bots: (changed) => createBotAdmin({ registry, zaloApiRoot: config.ZALO_API_ROOT, publicUrl: config.PUBLIC_URL ?? null, onChanged: changed }),
    // Each platform's code is loaded only where it is configured.
    adapters: {
      ...(config.TELEGRAM_BOT_TOKEN
        ? { telegram: async (core: Core) => (await import("./adapters/telegram/index.ts")).createTelegramAdapter({ config, core, logger: log }, { databaseUp, leases }) }
        : {}),
      ...(zaloEnabled
        ? {
            zalo: async (core: Core) =>
              (await import("./adapters/zalo/index.ts")).createZaloAdapter({ config, core, logger: log, filesDir: filesDir(config) }, { bots: zaloBotSource(store, registry, secrets, log), databaseUp, leases }),
          }
        : {}),
      ...(consoleMode ? { console: createTerminal } : {}),
    },
    ...(http ? { http } : {}),
    leases,
    quota: { refreshMs: 5_000 },
    alertRefusedBots: true,
    sending: {
      owner,
      limits: {
        TELEGRAM: { perSecond: config.TELEGRAM_RATE_PER_SECOND, perChatPerSecond: config.TELEGRAM_CHAT_RATE_PER_SECOND, chatBurst: 3 },
        ZALO: { perSecond: config.ZALO_RATE_PER_SECOND, perChatPerSecond: config.ZALO_CHAT_RATE_PER_SECOND, chatBurst: 3 },
        CONSOLE: { perSecond: 1000, perChatPerSecond: 1000, chatBurst: 1000 },
      },
    },
    ticker: true,
  });
  const { core, sender, ticker } = wired;
  const terminal = wired.adapters.console ?? null;

  if (http) {
    const health = cachedHealth(() => healthOf(store, clock, ticker?.lastTickAt ?? null));
    http.route("GET", "/healthz", async (_req, res) => {
      const h = await health();
      json(res, h.ok ? 200 : 503, h);
    });
  }

  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  let stopped = false;

  const app: App = {
    core,
    store,
    sender,
    leases,
    port: null,
    done,
    async start() {
      if (http) app.port = await http.listen(config.PORT);
      await wired.start();
      logger.info({ port: app.port, platforms: core.services.links.platforms(), database: store.provider }, "bot started");
      if (terminal) {
        terminal.run(() => sender.drain()).then(resolveDone, (err: unknown) => {
          logger.error({ err }, "console failed");
          resolveDone();
        });
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await wired.stop();
      await store.close();
      logger.info("bot stopped");
      logger.flush?.();
    },
  };
  return app;
}
