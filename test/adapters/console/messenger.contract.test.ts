// The terminal chat's messenger through the contract every messenger passes: what it prints, read
// back block by block. It talks to no platform, so it has no platform failures to report; it prints
// a message whole, in one go, however long.
import { rmSync } from "node:fs";
import { loadLocales } from "../../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../../src/infra/paths.ts";
import { messengerContract } from "../messenger-contract.ts";
import { messengerTerminal, printedMessages } from "./terminal.ts";

const { translator } = loadLocales(localesDir, { strict: true });

messengerContract({
  name: "Console",
  limit: null,
  async create() {
    const { adapter, dir, output } = messengerTerminal();
    return {
      messenger: adapter.messenger,
      received: () => printedMessages(output(), translator),
      close: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});
