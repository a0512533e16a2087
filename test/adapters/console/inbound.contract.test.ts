// The terminal chat through the inbound contract: the whole app as `npm start` runs it with no token
// (createApp in console mode, on a fresh SQLite file), lines typed into its input. A person is who
// is at the keyboard (@an); choices are typed by their number, an invite is the line it tells people
// to send. There are no stickers or photos in a terminal, and nothing is delivered twice.
import { PassThrough } from "node:stream";
import { createApp } from "../../../src/app.ts";
import { loadConfig } from "../../../src/config.ts";
import { loadLocales } from "../../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../../src/infra/paths.ts";
import { createTestDb } from "../../helpers/db.ts";
import { eventually } from "../../helpers/eventually.ts";
import { inboundContract, type Person } from "../inbound-contract.ts";
import { collectedOutput, printedMessages } from "./terminal.ts";

const { translator } = loadLocales(localesDir, { strict: true });
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

inboundContract({
  name: "Console",
  platform: "CONSOLE",
  async create() {
    const db = await createTestDb("sqlite");
    const input = new PassThrough();
    const { output, text: printed } = collectedOutput();
    const app = await createApp({ config: loadConfig({ DATABASE_URL: db.url }), consoleIo: { input, output, interactive: false } });
    await app.start();

    /**
     * Types `text` as the person, and returns what they were shown because of it. Lines are handled
     * one after another, each with its replies printed before the next is read: the user switch typed
     * after it is printed only once the line is done.
     */
    async function type(p: Person, text: string): Promise<string[]> {
      const before = printed().length;
      const switched = translator.t("vi", "console-switched", { user: p.key });
      input.write(`@${p.key}\n${text}\n@${p.key}\n`);
      await eventually(() => printed().slice(before).split(switched).length > 2, `the terminal to handle "${text}"`);
      const shownTo = (out: string) => printedMessages(out, translator).filter((m) => m.chatId === p.key);
      return shownTo(printed()).slice(shownTo(printed().slice(0, before)).length).map((m) => m.text);
    }

    return {
      core: app.core,
      store: app.store,
      now: () => app.core.services.clock.now(),
      idsOf: (p) => ({ userId: p.key, chatId: p.key }),
      carriesNames: false,
      type,
      pick(p, label) {
        const line = new RegExp(`^\\s*(\\d+)\\. ${escapeRegExp(label)}\\s*$`, "m");
        const shown = printedMessages(printed(), translator).filter((m) => m.chatId === p.key);
        const number = shown.reverse().map((m) => line.exec(m.text)?.[1]).find(Boolean);
        if (!number) throw new Error(`${p.key} was offered no "${label}"`);
        return type(p, number);
      },
      openInvite(p, code) {
        // What the invite tells a person to send where there is no link: "…: start <code>".
        const line = translator.t("vi", "invite-typed-line", { code });
        return type(p, line.slice(line.lastIndexOf(": ") + 2));
      },
      async close() {
        input.end();
        await app.done;
        await app.stop();
        await db.drop();
      },
    };
  },
});
