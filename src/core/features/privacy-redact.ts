// Taking an erased member out of what the branch keeps for others: the texts of messages sent or
// waiting (digests that list them, notices of their answers, replies that quoted them), the files
// those messages carried, and the details of audit entries. Pure, so each rule is tested alone.
import type { Redactor } from "../ports/member-data.ts";
import type { Locale } from "../types.ts";
import { asLocale } from "../services/messages.ts";

/** A text of theirs this long is theirs wherever it appears; a shorter one only beside their name. */
export const DISTINCT_CHARS = 20;
/** A shortened copy ("Tiết kiệm điện, nước…") must keep this much of the text to be recognised. */
const CUT_MIN_CHARS = 12;

/** Spreadsheets list every member and cannot be edited line by line once sent: dropped whole. */
const TABLE_MIMES = new Set(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel"]);

export interface RedactionInput {
  /**
   * How lists showed them: the name alone, or only the marked form ("Trần Văn An (2)") when the
   * branch has a namesake — the bare name is then someone else's as well.
   */
  names: string[];
  /** Their own words: reasons, commitments, notes, reflections, comments by and about them. */
  words: string[];
  /** What stands in for their name or words, in a message's language. */
  placeholder(locale: Locale | null): string;
  /** Added to a message whose files were taken out. */
  filesRemoved(locale: Locale | null): string;
}

const BOUNDARY_BEFORE = "(?<![\\p{L}\\p{N}])";
const BOUNDARY_AFTER = "(?![\\p{L}\\p{N}])";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const flat = (s: string) => s.replace(/\s+/g, " ").trim();

/** One pattern for several strings, longest first, that matches them as whole words. */
function wholeWords(items: string[]): RegExp | null {
  const unique = [...new Set(items.map(flat).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!unique.length) return null;
  return new RegExp(`${BOUNDARY_BEFORE}(?:${unique.map(escape).join("|")})${BOUNDARY_AFTER}`, "gu");
}

/** Shortened copies: a start of one of `words` of at least `min` characters, then "…". */
function replaceCuts(line: string, words: string[], min: number, stand: string): string {
  let out = line;
  for (let at = out.indexOf("…"); at >= 0; at = out.indexOf("…", at + 1)) {
    for (const w of words) {
      let k = Math.min(w.length, at);
      while (k >= min && out.slice(at - k, at) !== w.slice(0, k)) k--;
      if (k < min || /[\p{L}\p{N}]/u.test(out[at - k - 1] ?? "")) continue;
      out = `${out.slice(0, at - k)}${stand}${out.slice(at + 1)}`;
      at = at - k + stand.length - 1;
      break;
    }
  }
  return out;
}

export function createRedactor(input: RedactionInput): Redactor {
  const names = wholeWords(input.names);
  // A "reason" of punctuation alone ("-", ".") would match the bullets of every line beside them.
  const words = [...new Set(input.words.map(flat).filter((w) => /[\p{L}\p{N}]/u.test(w)))].sort((a, b) => b.length - a.length);
  const anyWord = wholeWords(words);
  const distinct = wholeWords(words.filter((w) => w.length >= DISTINCT_CHARS));
  const mentions = (s: string) => names !== null && new RegExp(names.source, "u").test(s);

  /** A text with their name and words taken out. */
  function text(value: string, locale: Locale | null): string {
    const stand = input.placeholder(locale);
    return value
      .split("\n")
      .map((line) => {
        // Beside their name any of their words is theirs (a reason "Ốm"); elsewhere only long ones.
        const near = mentions(line);
        let out = names ? line.replace(names, stand) : line;
        const pattern = near ? anyWord : distinct;
        if (pattern) out = out.replace(pattern, stand);
        return out.includes("…") ? replaceCuts(out, words, near ? CUT_MIN_CHARS : DISTINCT_CHARS, stand) : out;
      })
      .join("\n");
  }

  /** Every string in a JSON value; null when none changed. */
  function value(v: unknown, locale: Locale | null = null): unknown | null {
    let changed = false;
    const walk = (x: unknown): unknown => {
      if (typeof x === "string") {
        const next = text(x, locale);
        if (next !== x) changed = true;
        return next;
      }
      if (Array.isArray(x)) return x.map(walk);
      if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y)]));
      return x;
    };
    const out = walk(v);
    return changed ? out : null;
  }

  /**
   * Does a file to someone else hold them? Pictures (charts, QR codes) hold no names; a file of a
   * message already sent holds nothing any more (its bytes leave the outbox once it is delivered).
   */
  function holdsThem(file: { mime?: unknown; data?: unknown }): boolean {
    if (typeof file.data !== "string") return false;
    const mime = String(file.mime ?? "");
    if (TABLE_MIMES.has(mime)) return true;
    if (!(mime.startsWith("text/") || mime === "application/json")) return false;
    const content = Buffer.from(file.data, "base64").toString("utf8");
    return mentions(content) || (distinct !== null && new RegExp(distinct.source, "u").test(content.replace(/\s+/g, " ")));
  }

  return {
    value: (v) => value(v),
    message(payload) {
      if (!payload || typeof payload !== "object") return null;
      const p = payload as { text?: unknown; locale?: unknown; choices?: unknown; question?: unknown; files?: unknown };
      const locale = asLocale(typeof p.locale === "string" ? p.locale : null);
      let changed = false;
      const out: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
      const redacted = (v: unknown) => {
        const next = value(v, locale);
        if (next === null) return v;
        changed = true;
        return next;
      };
      let filesGone = false;
      if (Array.isArray(p.files) && p.files.length) {
        const kept = (p.files as Array<Record<string, unknown>>).filter((f) => !holdsThem(f));
        filesGone = kept.length < p.files.length;
        out.files = kept.map((f) => (typeof f.caption === "string" ? { ...f, caption: redacted(f.caption) } : f));
        if (!kept.length) delete out.files;
      }
      if (typeof p.text === "string") out.text = redacted(p.text);
      if (Array.isArray(p.choices)) {
        out.choices = (p.choices as unknown[]).map((row) =>
          Array.isArray(row) ? row.map((c) => (c && typeof c === "object" && "label" in c ? { ...c, label: redacted((c as { label: unknown }).label) } : c)) : row,
        );
      }
      if (p.question && typeof p.question === "object" && typeof (p.question as { title?: unknown }).title === "string") {
        out.question = { ...(p.question as object), title: redacted((p.question as { title: string }).title) };
      }
      if (filesGone) {
        out.text = `${typeof out.text === "string" ? out.text : ""}\n\n${input.filesRemoved(locale)}`.trim();
        changed = true;
      }
      return changed ? out : null;
    },
  };
}
