// The Telegram messenger against the Bot API stand-in on loopback, through the contract every
// messenger passes.
import { Api } from "grammy";
import { createTelegramMessenger } from "../../../src/adapters/telegram/messenger.ts";
import { FakeTelegramApi, type ApiFailure } from "../../helpers/fake-telegram-api.ts";
import { messengerContract, type FailureKind } from "../messenger-contract.ts";
import { shown } from "./kit.ts";

const FAILURES: Record<FailureKind, ApiFailure | "network"> = {
  "rate-limited": { status: 429, description: "Too Many Requests: retry after 3", retryAfter: 3 },
  blocked: { status: 403, description: "Forbidden: bot was blocked by the user" },
  unauthorized: { status: 401, description: "Unauthorized" },
  "server-error": { status: 502, description: "Bad Gateway" },
  network: "network",
};

messengerContract({
  name: "Telegram",
  limit: 4096,
  async create() {
    const fake = await new FakeTelegramApi().start();
    const messenger = createTelegramMessenger(new Api(fake.token, { apiRoot: fake.apiRoot }));
    return {
      messenger,
      received: () =>
        fake.sent().map((p) => {
          const keyboard = (p.reply_markup as { inline_keyboard?: Array<Array<{ text: string }>> } | undefined)?.inline_keyboard;
          return { chatId: String(p.chat_id), text: shown(String(p.text ?? "")), ...(keyboard ? { buttons: keyboard.flat().map((b) => b.text) } : {}) };
        }),
      failNext(kind) {
        let used = false;
        fake.fail = () => {
          if (used) return null;
          used = true;
          return FAILURES[kind];
        };
      },
      close: () => fake.stop(),
    };
  },
});
