// The command menu (the "/" button). Everyone gets public and member commands, in Vietnamese or
// English after their Telegram language (Vietnamese otherwise). A chat whose person has more to do
// (secretary, admin, operator), or chose a language other than their phone's, gets a menu of its
// own in the language they chose in the bot.
//
// When a chat's menu is (re)published: after each update the core handled for it, if what the person
// is now differs from what was last published for that chat, and at start for the operators. A role
// changed by another admin therefore shows in the menu at the person's next message. What was
// published is remembered in memory only: after a restart the first update of each chat publishes
// (or clears) its menu once more.
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { type Core, allows, type Access, type Actor, type CommandDef, type Logger, LOCALES, type InboundEvent, type Locale } from "../../core/index.ts";
import { localeFromHint } from "./events.ts";

const BASE: Access[] = ["public", "member", "self"];
const EXTRAS: Access[] = ["secretary", "admin", "operator"];
/** Telegram allows 100 commands of 1–32 characters with descriptions of 1–256. */
const MAX_COMMANDS = 100;
const MAX_DESCRIPTION = 256;
/** Publishing runs beside the updates; a few at a time is plenty. */
const CONCURRENCY = 4;
const REMEMBERED_CHATS = 100_000;
/** An identity created this close to the update's arrival was created by it. */
const FRESH_MS = 1_000;

export interface MenuOptions {
  api: Api;
  core: Core;
  logger: Logger;
  defaultLocale: Locale;
  /** Telegram user ids of the operators (BOT_ADMINS). */
  operators: string[];
}

export interface Menus {
  /** The menus everyone sees, in vi, en and the default language. */
  publishDefaults(): Promise<void>;
  /** The operators' own menus (those who never wrote to the bot are skipped). */
  publishOperators(): Promise<void>;
  /** After an update: publishes the chat's menu if the person's roles or language changed. */
  observe(event: InboundEvent, actor: Readonly<Actor>): void;
  /** Resolves when nothing is being published. */
  settle(): Promise<void>;
}

interface Wanted {
  key: string;
  /** null: the chat follows the default menus. */
  menu: { locale: Locale; extras: Access[] } | null;
}

/** The word Telegram shows: the English alias in the English menu, the Vietnamese name otherwise. */
export function menuWord(command: CommandDef, locale: Locale): string {
  return locale === "en" ? command.alias : command.name;
}

export function buildCommands(core: Core, locale: Locale, access: Access[]): BotCommand[] {
  const t = core.messages.bind(locale);
  return (
    core.registry.commands
      // /start comes from the Start button and invite links; help leaves it out too.
      .filter((c) => access.includes(c.access) && c.name !== "start")
      .slice(0, MAX_COMMANDS)
      .map((c) => ({ command: menuWord(c, locale), description: t(c.description).slice(0, MAX_DESCRIPTION) }))
  );
}

export function createMenus(opts: MenuOptions): Menus {
  const { api, core, defaultLocale } = opts;
  const log = opts.logger.child({ component: "telegram-menu" });
  const published = new Map<string, string>();
  const queue = new Map<string, Wanted>();
  let running = 0;
  const idle: Array<() => void> = [];

  const wanted = (actor: Readonly<Actor>, hint: string | undefined): Wanted => {
    const extras = EXTRAS.filter((a) => allows(actor as Actor, a));
    const shownByDefault = localeFromHint(hint) ?? defaultLocale;
    if (!extras.length && actor.locale === shownByDefault) return { key: "default", menu: null };
    return { key: `${actor.locale}:${extras.join(",")}`, menu: { locale: actor.locale, extras } };
  };

  async function publish(chatId: string, w: Wanted): Promise<void> {
    const scope = { type: "chat" as const, chat_id: chatId };
    if (!w.menu) {
      await api.deleteMyCommands({ scope });
      return;
    }
    await api.setMyCommands(buildCommands(core, w.menu.locale, [...BASE, ...w.menu.extras]), { scope });
  }

  function pump(): void {
    while (running < CONCURRENCY && queue.size) {
      const [chatId, w] = queue.entries().next().value as [string, Wanted];
      queue.delete(chatId);
      running++;
      publish(chatId, w)
        .then(() => log.debug({ chatId, menu: w.key }, "chat menu published"))
        .catch((err: unknown) => {
          // Forget it, so the chat's next update tries again.
          if (published.get(chatId) === w.key) published.delete(chatId);
          const gone = /chat not found/i.test(String((err as Error)?.message));
          (gone ? log.debug : log.warn).call(log, { chatId, err }, "could not publish a chat menu");
        })
        .finally(() => {
          running--;
          pump();
          if (running === 0 && queue.size === 0) for (const resolve of idle.splice(0)) resolve();
        });
    }
  }

  function remember(chatId: string, key: string): void {
    published.set(chatId, key);
    if (published.size > REMEMBERED_CHATS) published.delete(published.keys().next().value!);
  }

  function schedule(chatId: string, w: Wanted): void {
    if (published.get(chatId) === w.key) return;
    remember(chatId, w.key);
    queue.set(chatId, w);
    pump();
  }

  return {
    async publishDefaults() {
      const base = (locale: Locale) => buildCommands(core, locale, BASE);
      await api.setMyCommands(base(defaultLocale));
      for (const locale of LOCALES) await api.setMyCommands(base(locale), { language_code: locale });
    },
    async publishOperators() {
      for (const id of opts.operators) {
        if (/^\d+$/.test(id)) schedule(id, { key: `${defaultLocale}:operator`, menu: { locale: defaultLocale, extras: ["operator"] } });
      }
      await this.settle();
    },
    observe(event, actor) {
      const w = wanted(actor, event.languageHint);
      // A chat first seen with this very update cannot have an old menu of its own to clear.
      if (!w.menu && !published.has(event.chatId) && actor.identity.createdAt.getTime() >= event.receivedAt.getTime() - FRESH_MS) {
        remember(event.chatId, w.key);
        return;
      }
      schedule(event.chatId, w);
    },
    settle() {
      if (running === 0 && queue.size === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}
