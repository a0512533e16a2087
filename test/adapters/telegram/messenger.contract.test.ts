// The Telegram messenger against the Bot API stand-in on loopback, through the contract every
// messenger passes. Telegram's answers below are the ones its Bot API gives (platforms notes §3).
import { Api } from "grammy";
import { createTelegramMessenger } from "../../../src/adapters/telegram/messenger.ts";
import { FakeTelegramApi, type ApiFailure } from "../../helpers/fake-telegram-api.ts";
import { messengerContract } from "../messenger-contract.ts";
import { shown } from "./kit.ts";

type Failure = ApiFailure | "network" | "hang";

messengerContract<Failure>({
  name: "Telegram",
  limit: 4096,
  failures: {
    blocked: {
      "403 blocked by the user": { status: 403, description: "Forbidden: bot was blocked by the user" },
      "403 user deactivated": { status: 403, description: "Forbidden: user is deactivated" },
      "403 never started": { status: 403, description: "Forbidden: bot can't initiate conversation with a user" },
    },
    "chat-not-found": { "400 chat not found": { status: 400, description: "Bad Request: chat not found" } },
    "rate-limited": { "429 with retry_after": { status: 429, description: "Too Many Requests: retry after 3", retryAfter: 3 } },
    "server-error": {
      "500": { status: 500, description: "Internal Server Error" },
      "502": { status: 502, description: "Bad Gateway" },
    },
    timeout: { "no answer": "hang" },
    network: { "connection dropped": "network" },
    "bad-request": { "400 can't parse entities": { status: 400, description: "Bad Request: can't parse entities: unsupported start tag" } },
    unauthorized: { "401": { status: 401, description: "Unauthorized" } },
  },
  busyChatRateLimit: "wait-chat",
  async create() {
    const fake = await new FakeTelegramApi().start();
    // A short timeout, so a Bot API that does not answer fails the send within the test.
    const messenger = createTelegramMessenger(new Api(fake.token, { apiRoot: fake.apiRoot, timeoutSeconds: 3 }));
    return {
      messenger,
      secret: fake.token,
      received: () =>
        fake.sent().map((p) => {
          const keyboard = (p.reply_markup as { inline_keyboard?: Array<Array<{ text: string }>> } | undefined)?.inline_keyboard;
          return { chatId: String(p.chat_id), text: shown(String(p.text ?? "")), ...(keyboard ? { buttons: keyboard.flat().map((b) => b.text) } : {}) };
        }),
      failNext(failure) {
        let used = false;
        fake.fail = () => {
          if (used) return null;
          used = true;
          return failure;
        };
      },
      close: () => fake.stop(),
    };
  },
});
