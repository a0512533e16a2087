// What a fuzzed chat may answer. Every text the bot sends is built from the locale bundle, so each
// contains a literal piece of some message of the person's language; none shows a raw key or an
// unfilled placeable. And the engine's own refusals are recognised by how their messages begin.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FluentResource } from "@fluent/bundle";
import { LOCALES, type Locale, type OutMessage } from "../../../src/core/types.ts";
import { localesDir } from "../../../src/infra/paths.ts";

type Pattern = string | Array<string | { type: string; variants?: Array<{ value: Pattern }> }>;

/** The literal text pieces of a pattern, including those inside select expressions. */
function literals(pattern: Pattern | null, out: string[]): void {
  if (pattern === null) return;
  if (typeof pattern === "string") return void out.push(pattern);
  for (const el of pattern) {
    if (typeof el === "string") out.push(el);
    else for (const v of el.variants ?? []) literals(v.value, out);
  }
}

interface Bundle {
  keys: Set<string>;
  /** Literal pieces (one line each) of this language's messages. */
  fragments: string[];
  /** The first literal piece of each message, by key. */
  starts: Map<string, string>;
}

function readBundle(locale: Locale): { keys: Set<string>; pieces: Set<string>; starts: Map<string, string> } {
  const folder = path.join(localesDir, locale);
  const keys = new Set<string>();
  const pieces = new Set<string>();
  const starts = new Map<string, string>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".ftl"))) {
    for (const entry of new FluentResource(readFileSync(path.join(folder, file), "utf8")).body) {
      keys.add(entry.id);
      const found: string[] = [];
      literals(entry.value as Pattern | null, found);
      for (const attr of Object.values(entry.attributes)) literals(attr as Pattern, found);
      const value = entry.value as Pattern | null;
      if (typeof value === "string") starts.set(entry.id, value.trim());
      else if (Array.isArray(value) && typeof value[0] === "string") starts.set(entry.id, value[0].trim());
      for (const line of found.flatMap((s) => s.split("\n"))) {
        const piece = line.trim();
        // Short or letterless pieces ("OK", " – ", "(") say nothing about the language.
        if (piece.length >= 6 && (piece.match(/\p{L}/gu)?.length ?? 0) >= 4) pieces.add(piece);
      }
    }
  }
  return { keys, pieces, starts };
}

export function loadOracle() {
  const raw = Object.fromEntries(LOCALES.map((l) => [l, readBundle(l)])) as Record<Locale, ReturnType<typeof readBundle>>;
  const bundles = Object.fromEntries(
    LOCALES.map((l) => {
      // Longer pieces first: a match on a sentence is found before one on a word. Pieces both
      // languages share ("Chọn ngôn ngữ / Choose a language:") count for both.
      const fragments = [...raw[l].pieces].sort((a, b) => b.length - a.length);
      return [l, { keys: raw[l].keys, fragments, starts: raw[l].starts } satisfies Bundle];
    }),
  ) as Record<Locale, Bundle>;
  const allKeys = new Set(LOCALES.flatMap((l) => [...raw[l].keys]));

  return {
    /** What is wrong with a message sent to someone whose language is `locale`, or null. `typed` is what they sent. */
    problem(message: OutMessage, typed: string): string | null {
      const text = message.text;
      if (!text.trim() && !message.files?.length) return "an empty message";
      if (!text.trim()) return null;
      if (/\{\s*[$-]/.test(text) && !/\{/.test(typed)) return `an unfilled placeable in ${JSON.stringify(text.slice(0, 200))}`;
      for (const word of text.match(/[a-z][a-z0-9]*(?:-[a-z0-9]+)+/g) ?? []) {
        if (allKeys.has(word) && !typed.includes(word)) return `the raw key ${word} in ${JSON.stringify(text.slice(0, 200))}`;
      }
      const locale = message.locale ?? "vi";
      if (!bundles[locale].fragments.some((f) => text.includes(f))) return `a text not in ${locale}: ${JSON.stringify(text.slice(0, 300))}`;
      for (const label of message.choices?.flat().map((c) => c.label) ?? []) {
        if (!label.trim()) return "an empty choice label";
        if (allKeys.has(label)) return `the raw key ${label} as a choice label`;
      }
      return null;
    },
    /** Does the text begin with one of these messages (as much of it as comes before its first placeable)? */
    beginsWith(text: string, keys: readonly string[]): string | null {
      for (const key of keys) {
        for (const l of LOCALES) {
          const start = bundles[l].starts.get(key);
          if (start && text.startsWith(start)) return key;
        }
      }
      return null;
    },
    keys: allKeys,
  };
}

export type Oracle = ReturnType<typeof loadOracle>;
