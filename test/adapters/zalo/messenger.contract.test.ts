// The Zalo messenger against a fake Zalo Bot API on loopback, through the shared contract. Zalo's
// answers below are its documented error table (platforms notes §1.4) and what a network gives.
import { createZaloClient } from "../../../src/adapters/zalo/client.ts";
import { createZaloMessenger } from "../../../src/adapters/zalo/messenger.ts";
import { loadLocales } from "../../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../../src/infra/paths.ts";
import { FakeZaloApi, ZALO_ERRORS, type ZaloFailure } from "../../helpers/fake-zalo-api.ts";
import { memoryLogger } from "../../helpers/fakes.ts";
import { messengerContract } from "../messenger-contract.ts";

const { translator } = loadLocales(localesDir, { strict: true });

messengerContract<ZaloFailure>({
  name: "Zalo",
  limit: 2000,
  failures: {
    // Zalo documents no "blocked" error and no "chat not found": a chat it will not deliver to is
    // answered 404 "Not found", whichever the reason.
    blocked: { "404 Not found": ZALO_ERRORS.notFound },
    "chat-not-found": { "404 Not found": ZALO_ERRORS.notFound },
    // "Quota exceeded", with no retry_after: the messenger picks the wait.
    "rate-limited": { "429 Quota exceeded": ZALO_ERRORS.quota },
    "server-error": {
      "500": { errorCode: 500, description: "Internal Server Error" },
      // Documented as "Internal server error" (sic), unlike Telegram's 403.
      "403 Internal server error": ZALO_ERRORS.internal,
      "502 from a proxy, without Zalo's envelope": { httpStatus: 502, body: "<html><body>502 Bad Gateway</body></html>" },
    },
    timeout: { "no answer": "hang", "408 Request timeout": ZALO_ERRORS.timeout },
    network: { "connection dropped": "network" },
    "bad-request": { "400 Bad request": ZALO_ERRORS.badRequest },
    unauthorized: { "401 Unauthorized": ZALO_ERRORS.unauthorized },
  },
  busyChatRateLimit: "wait-bot",
  async create() {
    const fake = await new FakeZaloApi().start();
    // A short timeout, so a Zalo that does not answer fails the send within the test.
    const client = createZaloClient({ token: fake.token, apiRoot: fake.apiRoot, timeoutMs: 3_000 });
    const messenger = createZaloMessenger({
      clientFor: () => client,
      logger: memoryLogger(),
      bind: (locale) => (key, args) => translator.t(locale, key, args),
      defaultLocale: "vi",
      timezone: "Asia/Ho_Chi_Minh",
      files: null,
    });
    return {
      messenger,
      secret: fake.token,
      received: () => fake.sent().map((p) => ({ chatId: p.chat_id, text: p.text ?? "" })),
      failNext: (failure) => fake.failNext("sendMessage", failure),
      close: async () => {
        await client.close();
        await fake.stop();
      },
    };
  },
});
