// A chat in the terminal, for trying the bot with no platform token. The person at the keyboard can
// be several local users in turn (@an, @binh …), so operator, secretary and members can all be
// played end to end. Messages to other local users are shown too, marked with their name. Each
// message is printed whole, in its own language, with the files it carried saved first, so nothing
// of one message can land under another; log lines go to a file (app.ts), never in here.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Engine, Messenger, T, Locale, OutMessage } from "../../core/index.ts";
import type { PlatformAdapter } from "../adapter.ts";
import { renderNumbered } from "../shared/numbered.ts";
import { createSavedFiles } from "./saved-files.ts";

export const CONSOLE_OPERATOR = "operator";

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  engine: Engine;
  /** Texts in a language: a message's own labels ("Trợ lý:", "Assistant:") follow its language. */
  bind: (locale: Locale) => T;
  /** The language of the console's own lines (welcome, user switching). */
  defaultLocale: Locale;
  /** Where files the bot sends (exports) are saved. */
  filesDir: string;
  /** How long a saved file is kept (default a day, as a Zalo file link), and how often that is checked. */
  fileTtlMs?: number;
  fileSweepMs?: number;
  /** Where the log lines go, told in the welcome. */
  logFile?: string;
  /** Show prompts and the welcome; false when input is piped. */
  interactive: boolean;
}

/**
 * A platform adapter whose receiving is `run`: the app awaits the end of its input. Starting and
 * stopping have nothing to do, and there is no webhook to mount.
 */
export interface ConsoleAdapter extends PlatformAdapter {
  readonly messenger: Messenger;
  /**
   * Reads lines until EOF; resolves once the last reply was shown. `drain` sends what is due: called
   * after every line so replies appear before the next prompt.
   */
  run(drain: () => Promise<void>): Promise<void>;
}

const USER_NAME = /^[a-z0-9_-]{1,32}$/;

export function createConsoleAdapter(opts: ConsoleOptions): ConsoleAdapter {
  const { output } = opts;
  const t = opts.bind(opts.defaultLocale);
  let current = CONSOLE_OPERATOR;
  const users = new Set([CONSOLE_OPERATOR]);
  const session = Date.now().toString(36);
  let seq = 0;
  // Exports of personal data do not stay on disk for good: deleted after fileTtlMs.
  const saved = createSavedFiles({
    dir: opts.filesDir,
    ...(opts.fileTtlMs !== undefined ? { ttlMs: opts.fileTtlMs } : {}),
    ...(opts.fileSweepMs !== undefined ? { sweepEveryMs: opts.fileSweepMs } : {}),
  });
  const write = (text: string): void => {
    output.write(`${text}\n`);
  };

  // One message at a time, in the order the sender hands them over.
  let printing: Promise<void> = Promise.resolve();

  async function print(chatId: string, message: OutMessage): Promise<void> {
    const mt = message.locale ? opts.bind(message.locale) : t;
    const lines = [chatId === current ? mt("console-bot") : mt("console-bot-to", { user: chatId }), indent(renderNumbered(message))];
    // Files are saved before anything is printed: the saved line then sits under its own message.
    for (const file of message.files ?? []) {
      const target = await saved.save(file.name, Buffer.from(file.data, "base64"));
      lines.push(indent(mt("console-file-saved", { name: file.name, path: target })));
    }
    if (message.files?.length) lines.push(indent(mt("console-files-expire", { hours: Math.max(1, Math.round(saved.ttlMs / 3_600_000)) })));
    write(`${lines.join("\n")}\n`);
  }

  const messenger: Messenger = {
    platform: "CONSOLE",
    send(chatId, message, via) {
      // The terminal prints a message in one go: one call, one token.
      const done = printing.then(async () => {
        await via?.beforeCall?.();
        await print(chatId, message);
      });
      printing = done.catch(() => undefined);
      return done;
    },
  };

  const prompt = () => {
    if (opts.interactive) output.write(`[${current}] > `);
  };

  async function line(raw: string, drain: () => Promise<void>): Promise<void> {
    const text = raw.replace(/\r$/, "");
    if (!opts.interactive) write(`[${current}] > ${text}`);
    if (text.startsWith("@")) {
      const name = text.slice(1).trim().toLowerCase();
      if (!name) return write(t("console-users", { users: [...users].join(", "), current }));
      if (!USER_NAME.test(name)) return write(t("console-bad-user"));
      users.add(name);
      current = name;
      return write(t("console-switched", { user: name }));
    }
    await opts.engine.handle({
      platform: "CONSOLE",
      updateId: `${session}-${++seq}`,
      userId: current,
      chatId: current,
      text,
      receivedAt: new Date(),
    });
    await drain();
  }

  return {
    platform: "CONSOLE",
    messenger,
    inviteLink: () => null,
    mount() {},
    async start() {},
    async stop() {},
    async run(drain) {
      if (opts.interactive) {
        write(t("console-welcome", { user: CONSOLE_OPERATOR }));
        if (opts.logFile) write(t("console-log-file", { path: opts.logFile }));
      }
      const rl = createInterface({ input: opts.input, terminal: false, crlfDelay: Infinity });
      saved.start();
      try {
        prompt();
        // Lines are handled one at a time, in order, even when they arrive all at once from a pipe.
        for await (const raw of rl) {
          await line(raw, drain);
          prompt();
        }
        await drain();
      } finally {
        saved.stop();
      }
      if (opts.interactive) write(`\n${t("console-bye")}`);
    },
  };
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
