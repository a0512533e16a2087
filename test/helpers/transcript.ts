// A conversation written down as people would read it on Zalo: who typed what, and what each
// person received (choices as the numbered list Zalo shows), under the time of day. Golden
// transcripts are reviewed like code; `UPDATE_GOLDEN=1` rewrites them after a deliberate change.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderNumbered } from "../../src/adapters/shared/numbered.ts";
import { formatDateTime } from "../../src/core/domain/time.ts";
import type { TranslateArgs } from "../../src/core/ports/runtime.ts";
import type { Locale, OutMessage, Platform } from "../../src/core/types.ts";
import { loadLocales } from "../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../src/infra/paths.ts";
import type { Harness } from "./harness.ts";

const { translator } = loadLocales(localesDir, { strict: true });

/** Invite codes are random: each becomes a stable placeholder, numbered in order of appearance. */
const CODE = /\b[A-Z0-9]{5}-[A-Z0-9]{5}\b|(?<=start=)[A-Z0-9]{10}\b/g;

export class Transcript {
  private readonly lines: string[] = [];
  private delivered = 0;
  private shownTime = "";
  private readonly codes = new Map<string, string>();
  /** Chats in the order they first appear: who typed, or who was sent something. */
  private readonly people: string[] = [];

  constructor(
    private readonly h: Harness,
    readonly locale: Locale,
    private readonly zone = "Asia/Ho_Chi_Minh",
    private readonly platform: Platform = "ZALO",
  ) {}

  /** The text of a locale key in the transcript's language (for choosing by meaning, not by number). */
  t(key: string, args?: TranslateArgs): string {
    return translator.t(this.locale, key, args);
  }

  /** A line of narration, to make the transcript readable as a story. */
  note(text: string): void {
    this.flush();
    this.lines.push("", `# ${text}`);
  }

  /** `user` types `text`. */
  async say(user: string, text: string, label?: string): Promise<OutMessage[]> {
    this.header();
    this.flush();
    if (!this.people.includes(user)) this.people.push(user);
    this.lines.push("", `> ${user}: ${this.mask(text)}${label ? `   [${label}]` : ""}`);
    const replies = await this.h.send(user, text, { platform: this.platform });
    this.flush();
    return replies;
  }

  /** `user` answers the last numbered list they got with the number of the choice labelled `label`. */
  async choose(user: string, label: string | RegExp): Promise<OutMessage[]> {
    const last = [...this.h.inbox(user, this.platform)].reverse().find((m) => m.choices?.length);
    const labels = last?.choices?.flat().map((c) => c.label) ?? [];
    const index = labels.findIndex((l) => (typeof label === "string" ? l === label : label.test(l)));
    if (index < 0) throw new Error(`${user} has no choice ${String(label)} (last choices: ${labels.join(" | ") || "none"})`);
    return this.say(user, String(index + 1), labels[index]);
  }

  /** The clock moves to `iso` and the scheduler runs, as it does every minute. */
  async at(iso: string): Promise<void> {
    this.flush();
    this.h.clock.set(iso);
    this.header();
    await this.h.tick();
    this.flush();
  }

  /** The clock moves without a tick (someone writes at that time). */
  moveTo(iso: string): void {
    this.flush();
    this.h.clock.set(iso);
  }

  text(): string {
    this.flush();
    return this.lines.join("\n").trimStart() + "\n";
  }

  private header(): void {
    const when = formatDateTime(this.h.clock.now(), this.zone, this.locale);
    if (when === this.shownTime) return;
    this.shownTime = when;
    this.lines.push("", `══ ${when} ══`);
  }

  /**
   * Everything delivered since the last look. The sender keeps each chat's messages in order but
   * sends to several chats at once, so chats are listed in the order people first appeared.
   */
  private flush(): void {
    const sent = this.h.messengers[this.platform].sent;
    const fresh = sent.slice(this.delivered);
    for (const d of fresh) if (!this.people.includes(d.chatId)) this.people.push(d.chatId);
    const rank = (chatId: string) => this.people.indexOf(chatId);
    for (const d of fresh.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d.chatId) - rank(b.d.chatId) || a.i - b.i).map((x) => x.d)) {
      this.lines.push("", `< ${d.chatId}:`);
      const files = (d.message.files ?? []).map((f) => `[${f.name}]`);
      for (const line of [...renderNumbered(d.message).split("\n"), ...files]) this.lines.push(line ? `  ${this.mask(line)}` : "");
    }
    this.delivered = sent.length;
  }

  private mask(text: string): string {
    return text.replace(CODE, (code) => {
      const key = code.replace("-", "");
      if (!this.codes.has(key)) this.codes.set(key, `MA${this.codes.size + 1}`);
      const n = this.codes.get(key)!;
      return code.includes("-") ? `${n}-XXXXX` : `${n}XXXXX`;
    });
  }
}

/** Compares with the golden file, or rewrites it when UPDATE_GOLDEN=1. Returns what to compare. */
export function golden(file: string, actual: string): { expected: string; actual: string } {
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) throw new Error(`${file} does not exist: run with UPDATE_GOLDEN=1 to write it, then review it`);
  return { expected: readFileSync(file, "utf8"), actual };
}
