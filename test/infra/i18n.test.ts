// Every text a person reads exists in Vietnamese and English, with the same placeholders, and every
// key the code uses exists.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allFeatures } from "../../src/core/features/index.ts";
import { Registry } from "../../src/core/engine/registry.ts";
import { FluentResource } from "@fluent/bundle";
import { loadLocales } from "../../src/infra/i18n/fluent.ts";
import { localesDir, projectRoot } from "../../src/infra/paths.ts";

const { translator, keys } = loadLocales(localesDir, { strict: true });

/** Each message of a language with the text it shows and the variables it uses (from Fluent's own parser). */
function ftlEntries(locale: string): Map<string, { text: string; vars: string[] }> {
  const out = new Map<string, { text: string; vars: string[] }>();
  const dir = path.join(localesDir, locale);
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
    const resource = new FluentResource(readFileSync(path.join(dir, file), "utf8"));
    for (const entry of resource.body) {
      const vars = new Set<string>();
      const texts: string[] = [];
      const walk = (node: unknown): void => {
        if (typeof node === "string") texts.push(node);
        else if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === "object") {
          const n = node as Record<string, unknown>;
          if (n.type === "var" && typeof n.name === "string") vars.add(n.name);
          Object.values(n).forEach(walk);
        }
      };
      walk(entry.value);
      out.set(entry.id, { text: texts.join(""), vars: [...vars].sort() });
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return full.endsWith(".ts") ? [full] : [];
  });
}

describe("locales", () => {
  it("vi and en have exactly the same keys", () => {
    const onlyVi = [...keys.vi].filter((k) => !keys.en.has(k));
    const onlyEn = [...keys.en].filter((k) => !keys.vi.has(k));
    expect({ onlyVi, onlyEn }).toEqual({ onlyVi: [], onlyEn: [] });
  });

  it("each message uses the same placeholders in both languages and is not empty", () => {
    const vi = ftlEntries("vi");
    const en = ftlEntries("en");
    const mismatched: string[] = [];
    for (const [key, entry] of vi) {
      if (!entry.text.trim() && !entry.vars.length) mismatched.push(`${key}: empty in vi`);
      const other = en.get(key);
      if (other !== undefined && JSON.stringify(entry.vars) !== JSON.stringify(other.vars)) mismatched.push(key);
    }
    expect(mismatched).toEqual([]);
  });

  it("Vietnamese texts are written with diacritics", () => {
    const vi = ftlEntries("vi");
    // Long Vietnamese sentences without a single accented letter are almost always a mistake.
    const plain = [...vi].filter(([, { text }]) => {
      return text.replace(/[^\p{L}]/gu, "").length > 30 && !/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i.test(text);
    });
    expect(plain.map(([k]) => k)).toEqual([]);
  });

  it("every key the code names exists", () => {
    const prefixes = new Set([...keys.vi].map((k) => k.split("-")[0]));
    const missing: string[] = [];
    for (const file of sourceFiles(path.join(projectRoot, "src"))) {
      const text = readFileSync(file, "utf8");
      // Where code hands a literal to the translator: t("…"), invalid("…"), new UserInputError("…"),
      // and properties named description / …Key. Keys built at run time are checked below.
      const uses = [
        ...text.matchAll(/(?:\bt|invalid|UserInputError|translate)\(\s*["']([a-z][a-z0-9]*(?:-[a-z0-9]+)+)["']/g),
        ...text.matchAll(/\b(?:description|[a-zA-Z]*Key)\s*:\s*["']([a-z][a-z0-9]*(?:-[a-z0-9]+)+)["']/g),
      ];
      for (const m of uses) {
        const key = m[1]!;
        if (prefixes.has(key.split("-")[0]) && !keys.vi.has(key)) missing.push(`${path.relative(projectRoot, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every command has a description and every dynamic key resolves", () => {
    const registry = new Registry(allFeatures);
    for (const c of registry.commands) expect(translator.has(c.description), c.description).toBe(true);
    for (const access of ["public", "member", "self", "secretary", "admin", "operator"]) {
      expect(translator.has(`access-denied-${access}`)).toBe(true);
      expect(translator.has(`help-section-${access}`)).toBe(true);
    }
    for (const l of ["vi", "en"]) expect(translator.has(`language-name-${l}`)).toBe(true);
  });

  it("strict mode refuses a missing key or argument", () => {
    expect(() => translator.t("vi", "no-such-key")).toThrow(/missing translation/);
    expect(() => translator.t("vi", "onboarding-welcome", {})).toThrow();
  });
});
