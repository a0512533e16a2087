// The terminal chat in tests: its output collected, a terminal whose messenger alone is used
// (nothing typed into it), and what it printed read back as messages, the way a person reads the
// screen: a header naming who the message is for ("Trợ lý:" for the user at the keyboard, "Trợ lý →
// an:" for another), then the message indented by two spaces. Typed lines are echoed as "[an] > …"
// when input is piped, which says who is at the keyboard.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { CONSOLE_OPERATOR, createConsoleAdapter, type ConsoleAdapter } from "../../../src/adapters/console/console.ts";
import type { Translator } from "../../../src/core/ports/runtime.ts";
import { loadLocales } from "../../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../../src/infra/paths.ts";
import type { ReceivedMessage } from "../messenger-contract.ts";

/** A stream that keeps everything written to it. */
export function collectedOutput(): { output: Writable; text(): string } {
  let out = "";
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString("utf8");
      done();
    },
  });
  return { output, text: () => out };
}

/** A terminal for its messenger: no engine behind it, files saved in a fresh folder (the caller removes it). */
export function messengerTerminal(extra: { input?: Readable; fileTtlMs?: number; fileSweepMs?: number } = {}): { adapter: ConsoleAdapter; dir: string; output(): string } {
  const dir = mkdtempSync(path.join(tmpdir(), "chibo-console-files-"));
  const { output, text } = collectedOutput();
  const { translator } = loadLocales(localesDir, { strict: true });
  const adapter = createConsoleAdapter({
    input: extra.input ?? Readable.from([]),
    output,
    engine: { handle: async () => "handled", abandon: async () => undefined, busy: 0 },
    bind: (locale) => (key, args) => translator.t(locale, key, args),
    defaultLocale: "vi",
    filesDir: dir,
    interactive: false,
    ...(extra.fileTtlMs ? { fileTtlMs: extra.fileTtlMs } : {}),
    ...(extra.fileSweepMs ? { fileSweepMs: extra.fileSweepMs } : {}),
  });
  return { adapter, dir, output: text };
}

const ECHO = /^\[([a-z0-9_-]+)\] > /;

export function printedMessages(out: string, translator: Translator): ReceivedMessage[] {
  const mark = "\u0001";
  const toOther = (["vi", "en"] as const).map((l) => translator.t(l, "console-bot-to", { user: mark }).split(mark) as [string, string]);
  const toSelf = new Set((["vi", "en"] as const).map((l) => translator.t(l, "console-bot")));
  const messages: ReceivedMessage[] = [];
  let current = CONSOLE_OPERATOR;
  let open: { chatId: string; lines: string[] } | null = null;
  const close = () => {
    if (open) messages.push({ chatId: open.chatId, text: open.lines.join("\n") });
    open = null;
  };
  for (const line of out.split("\n")) {
    if (open && line.startsWith("  ")) {
      open.lines.push(line.slice(2));
      continue;
    }
    close();
    const echo = ECHO.exec(line);
    if (echo) current = echo[1]!;
    const other = toOther.find(([before, after]) => line.startsWith(before) && line.endsWith(after) && line.length > before.length + after.length);
    if (other) open = { chatId: line.slice(other[0].length, line.length - other[1].length), lines: [] };
    else if (toSelf.has(line)) open = { chatId: current, lines: [] };
  }
  close();
  return messages;
}
