// Fluent bundles from locales/<lang>/*.ftl. Vietnamese is the default and the fallback.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Logger, TranslateArgs, Translator } from "../../core/ports/runtime.ts";
import { LOCALES, type Locale } from "../../core/types.ts";

export interface LoadedLocales {
  translator: Translator;
  /** Every key of every language, for the completeness test. */
  keys: Record<Locale, Set<string>>;
}

export function loadLocales(dir: string, opts: { strict?: boolean; logger?: Logger } = {}): LoadedLocales {
  const bundles = new Map<Locale, FluentBundle>();
  const keys = {} as Record<Locale, Set<string>>;
  for (const locale of LOCALES) {
    // useIsolating off: the isolation marks Fluent adds around values show up as junk in chat apps.
    const bundle = new FluentBundle(locale, { useIsolating: false });
    keys[locale] = new Set();
    const folder = path.join(dir, locale);
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".ftl")).sort()) {
      const resource = new FluentResource(readFileSync(path.join(folder, file), "utf8"));
      const errors = bundle.addResource(resource);
      if (errors.length) throw new Error(`${locale}/${file}: ${errors.map((e) => e.message).join("; ")}`);
      for (const entry of resource.body) keys[locale].add(entry.id);
    }
    bundles.set(locale, bundle);
  }

  const format = (locale: Locale, key: string, args?: TranslateArgs): string | null => {
    const bundle = bundles.get(locale)!;
    const message = bundle.getMessage(key);
    if (!message?.value) return null;
    const errors: Error[] = [];
    const values: Record<string, FluentVariable> = {};
    for (const [k, v] of Object.entries(args ?? {})) values[k] = v;
    const text = bundle.formatPattern(message.value, values, errors);
    if (errors.length) {
      if (opts.strict) throw new Error(`${locale}:${key}: ${errors.map((e) => e.message).join("; ")}`);
      opts.logger?.warn({ key, locale, errors: errors.map((e) => e.message) }, "translation incomplete");
    }
    return text;
  };

  const translator: Translator = {
    t(locale, key, args) {
      const text = format(locale, key, args) ?? (locale !== "vi" ? format("vi", key, args) : null);
      if (text !== null) return text;
      if (opts.strict) throw new Error(`missing translation: ${key}`);
      opts.logger?.error({ key, locale }, "missing translation");
      return key;
    },
    has: (key) => LOCALES.every((l) => bundles.get(l)!.hasMessage(key)),
  };
  return { translator, keys };
}
