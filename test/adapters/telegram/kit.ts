// The real Telegram adapter (grammY bot, composers, messenger, menus) on the real core and a real
// database, with an API transformer in place of the network: it records every call and answers it
// as Telegram would, or with an injected failure. Updates go in through the bot's handleUpdate.
import type { Transformer } from "grammy";
import type { Message, Update } from "grammy/types";
import { createTelegramAdapter, type TelegramAdapter } from "../../../src/adapters/telegram/index.ts";
import { loadConfig, type Config } from "../../../src/config.ts";
import type { Core } from "../../../src/core/core.ts";
import { generateCode } from "../../../src/core/domain/invites.ts";
import type { Sender } from "../../../src/core/services/sender.ts";
import { loadLocales } from "../../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../../src/infra/paths.ts";
import type { PrismaStore } from "../../../src/infra/prisma/store.ts";
import { createRenderer } from "../../../src/infra/render/renderer.ts";
import { wireApp } from "../../../src/wire.ts";
import { createTestStore, type DbKind } from "../../helpers/db.ts";
import { FakeTelegramApi } from "../../helpers/fake-telegram-api.ts";
import { memoryLogger, TestClock } from "../../helpers/fakes.ts";
import { daytimeClock } from "../../helpers/daytime-clock.ts";

export const OPERATOR_ID = 1000;

export interface Call {
  method: string;
  payload: Record<string, any>;
}

export interface ApiErrorAnswer {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export interface Kit {
  adapter: TelegramAdapter;
  core: Core;
  store: PrismaStore;
  sender: Sender;
  clock: TestClock;
  config: Config;
  calls: Call[];
  logs: Array<{ level: string; obj: unknown; msg?: string }>;
  /** Makes matching calls fail the way Telegram answers (403, 429 …) until set back to null. */
  fail: ((method: string, payload: Record<string, any>) => ApiErrorAnswer | null) | null;
  /** Runs a raw update through the bot, then delivers the outbox. */
  update(update: Record<string, unknown>): Promise<void>;
  /** A private text message from `user`; returns the messages that chat received because of it. */
  text(user: number, text: string, from?: { firstName?: string; lastName?: string; languageCode?: string }): Promise<Call[]>;
  /** Presses the button labelled `label` on the last keyboard `user` received. */
  press(user: number, label: string): Promise<Call[]>;
  /** Sends callback data as a (possibly stale or forged) button would. */
  callback(user: number, data: string): Promise<Call[]>;
  /** sendMessage/sendDocument/sendPhoto calls to `chat`. */
  sentTo(chat: number): Call[];
  /** A fresh invite to the operator-made branch, standing in for /moi. */
  invite(branchName: string, uses: number): Promise<string>;
  close(): Promise<void>;
}

const SENDING = new Set(["sendMessage", "sendDocument", "sendPhoto"]);
let nextUpdateId = 500_000;

export async function createKit(db: DbKind, env: Record<string, string> = {}): Promise<Kit> {
  const { store, close } = await createTestStore(db);
  const fake = new FakeTelegramApi();
  // Today, at an hour outside the branches' quiet hours (they would move notices to the morning).
  const clock = new TestClock(daytimeClock().now());
  const logs: Kit["logs"] = [];
  const logger = memoryLogger(logs);
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, BOT_ADMINS: `telegram:${OPERATOR_ID}`, ...env });
  const { translator } = loadLocales(localesDir, { strict: true });
  const calls: Call[] = [];
  let messageId = 1;

  const kit = { calls, logs, clock, config, store, fail: null } as unknown as Kit;
  const recorder: Transformer = async (_prev, method, payload) => {
    const p = payload as Record<string, any>;
    calls.push({ method, payload: p });
    const failure = kit.fail?.(method, p);
    if (failure) return { ok: false, ...failure } as never;
    if (SENDING.has(method)) {
      return { ok: true, result: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(p.chat_id), type: "private" }, text: p.text ?? "" } } as never;
    }
    return { ok: true, result: true } as never;
  };

  // Invite links and the platforms come from the adapter, as in production.
  const wired = await wireApp<{ telegram: TelegramAdapter }>({
    store,
    translator,
    clock,
    logger,
    renderer: createRenderer(),
    settings: { operators: config.BOT_ADMINS, defaultTimezone: config.DEFAULT_TIMEZONE, defaultLocale: config.DEFAULT_LOCALE },
    adapters: { telegram: (core) => createTelegramAdapter({ config, core, logger }, { botInfo: fake.botInfo, transformers: [recorder] }) },
    sending: {
      owner: "kit",
      limits: { TELEGRAM: { perSecond: 10_000, perChatPerSecond: 10_000, chatBurst: 10_000 } },
      backoffBaseMs: 10,
      backoffMaxMs: 50,
    },
  });
  const { core, sender } = wired;
  const adapter = wired.adapters.telegram;

  // What start() publishes, without starting to poll.
  await adapter.menus.publishDefaults();
  await adapter.menus.publishOperators();

  const sentTo = (chat: number) => calls.filter((c) => SENDING.has(c.method) && String(c.payload.chat_id) === String(chat));
  const run = async (chat: number, update: Record<string, unknown>) => {
    const before = sentTo(chat).length;
    await kit.update(update);
    return sentTo(chat).slice(before);
  };
  const callbackUpdate = (user: number, data: string) => ({ update_id: nextUpdateId++, ...fake.callbackUpdate(user, data) });

  Object.assign(kit, {
    adapter,
    core,
    sender,
    sentTo,
    async update(update: Record<string, unknown>) {
      await adapter.telegram.handleUpdate(update as unknown as Update);
      await sender.drain();
      await adapter.menus.settle();
    },
    text(user: number, text: string, from: { firstName?: string; lastName?: string; languageCode?: string } = {}) {
      const update = { update_id: nextUpdateId++, ...fake.textUpdate(user, text, from) } as unknown as { message: Message.TextMessage };
      if (from.lastName) (update.message.from as { last_name?: string }).last_name = from.lastName;
      return run(user, update);
    },
    press(user: number, label: string) {
      const withKeyboard = [...sentTo(user)].reverse().find((c) => c.payload.reply_markup?.inline_keyboard);
      const button = withKeyboard?.payload.reply_markup.inline_keyboard.flat().find((b: { text: string }) => b.text === label);
      if (!button) throw new Error(`${user} has no button "${label}"`);
      return run(user, callbackUpdate(user, button.callback_data));
    },
    callback: (user: number, data: string) => run(user, callbackUpdate(user, data)),
    async invite(branchName: string, uses: number) {
      const code = generateCode();
      await store.tx(async (tx) => {
        const branch = (await tx.branches.list()).find((b) => b.name === branchName);
        if (!branch) throw new Error(`no branch ${branchName}`);
        await tx.invites.create({ branchId: branch.id, code, grantsSecretary: false, grantsAdmin: false, maxUses: uses, expiresAt: new Date(Date.now() + 86_400_000), createdById: null });
      });
      return code;
    },
    async close() {
      await wired.stop();
      await close();
    },
  });
  return kit;
}

/** The text a person sees: HTML entities turned back into characters. */
export function shown(html: string): string {
  return html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The invite code in an answer to /taochibo (ABCDE-FGH2K). */
export function inviteCodeIn(text: string): string {
  const code = /([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(shown(text))?.[1];
  if (!code) throw new Error(`no invite code in: ${text}`);
  return code;
}

/** The deep link in an answer to /taochibo, and the /start text Telegram sends when it is opened. */
export function deepLinkStart(text: string, username: string): string {
  const m = new RegExp(`https://t\\.me/${username}\\?start=([A-Za-z0-9_-]{1,64})`).exec(shown(text));
  if (!m) throw new Error(`no deep link in: ${text}`);
  return `/start ${m[1]}`;
}
