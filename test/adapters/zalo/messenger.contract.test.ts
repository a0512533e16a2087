// The Zalo messenger against a fake Zalo Bot API on loopback, through the shared contract.
import { createZaloClient } from "../../../src/adapters/zalo/client.ts";
import { createZaloMessenger } from "../../../src/adapters/zalo/messenger.ts";
import { loadLocales } from "../../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../../src/infra/paths.ts";
import { FakeZaloApi, ZALO_ERRORS, type ZaloFailure } from "../../helpers/fake-zalo-api.ts";
import { memoryLogger } from "../../helpers/fakes.ts";
import { messengerContract, type FailureKind } from "../messenger-contract.ts";

const { translator } = loadLocales(localesDir, { strict: true });

// Zalo documents no "blocked" error; a chat it will not deliver to is answered 404 "Not found".
const FAILURES: Record<FailureKind, ZaloFailure> = {
  "rate-limited": ZALO_ERRORS.quota,
  blocked: ZALO_ERRORS.notFound,
  unauthorized: ZALO_ERRORS.unauthorized,
  "server-error": { errorCode: 500, description: "Internal Server Error" },
  network: "network",
};

messengerContract({
  name: "Zalo",
  limit: 2000,
  async create() {
    const fake = await new FakeZaloApi().start();
    const client = createZaloClient({ token: fake.token, apiRoot: fake.apiRoot, timeoutMs: 5_000 });
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
      received: () => fake.sent().map((p) => ({ chatId: p.chat_id, text: p.text ?? "" })),
      failNext: (kind) => fake.failNext("sendMessage", FAILURES[kind]),
      close: async () => {
        await client.close();
        await fake.stop();
      },
    };
  },
});
