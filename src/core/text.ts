// Text as people type it on a phone: composed or decomposed diacritics, stray control characters,
// direction overrides pasted from elsewhere. Everything typed goes through here first.

/** Longest text the bot accepts in one message; longer is refused, never cut silently. */
export const MAX_INPUT_CHARS = 2000;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidirectional overrides and isolates can make a name display reversed in someone else's chat.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const ANSI = /\u001B\[[0-9;?]*[ -\/]*[@-~]/g;
// Half of a surrogate pair (half an emoji, cut by a copy or a broken client) is no character at all:
// stored, it becomes "\uFFFD" or invalid UTF-8, and PostgreSQL refuses it in a JSON column.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** NFC, without control characters, direction overrides or lone surrogates, trimmed; line breaks are kept. */
export function cleanInput(raw: string): string {
  return raw.replace(LONE_SURROGATE, "").normalize("NFC").replace(ANSI, "").replace(/\r\n?/g, "\n").replace(CONTROL, "").replace(BIDI, "").trim();
}

// Characters that show nothing or turn text around: zero-width spaces and joiners, soft hyphens,
// Hangul fillers, variation selectors, tags, and the direction marks, overrides and isolates. In a
// name they let two different names look the same, or one read backwards in someone else's chat.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const SKIN_TONE = /[\u{1F3FB}-\u{1F3FF}]/u;

/** Keeps what joins an emoji sequence (👨‍👩‍👧, ❤️): shown as one picture, it hides nothing. */
function joinsEmoji(ch: string, at: number, text: string): boolean {
  const before = [...text.slice(Math.max(0, at - 4), at)];
  let prev = before.at(-1) ?? "";
  if (ch === "\u200D" && (prev === "\uFE0F" || SKIN_TONE.test(prev))) prev = before.at(-2) ?? "";
  if (!PICTOGRAPH.test(prev)) return false;
  if (ch === "\uFE0F") return true;
  return ch === "\u200D" && PICTOGRAPH.test(String.fromCodePoint(text.codePointAt(at + 1) ?? 0));
}

/**
 * A name as it may be shown to others (typed by a member, or a platform's display name): NFC, no
 * control characters (line breaks and tabs become spaces) and nothing invisible, single spaces,
 * trimmed.
 */
export function cleanName(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(ANSI, "")
    .replace(/\p{Cc}/gu, " ")
    .replace(INVISIBLE, (ch: string, at: number, text: string) => (joinsEmoji(ch, at, text) ? ch : ""))
    .replace(/\s+/g, " ")
    .trim();
}

/** For matching typed answers: lowercase, no diacritics (đ → d), single spaces, no end punctuation. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[.!?,;:]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Length as a person counts it (an emoji with a skin tone is one). */
export function visibleLength(text: string): number {
  let n = 0;
  for (const _ of new Intl.Segmenter("vi", { granularity: "grapheme" }).segment(text)) n++;
  return n;
}

/** Counted in characters the platforms count (UTF-16 units for Telegram's 4096). */
export function codeUnits(text: string): number {
  return text.length;
}

/**
 * Splits a text into pieces of at most `limit` characters: between paragraphs (blank lines) where
 * possible, so a section of a digest stays whole; else at line breaks, then at spaces, and only inside
 * a word when a single word is longer than the limit.
 */
export function splitText(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let current = "";
  for (const paragraph of text.split(/\n{2,}/)) {
    const candidate = current ? `${current}\n\n${paragraph}` : paragraph;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current) parts.push(current);
    current = "";
    if (paragraph.length <= limit) {
      current = paragraph;
      continue;
    }
    // A paragraph longer than the limit: by lines, keeping the last piece open for what follows.
    const pieces = splitLines(paragraph, limit);
    parts.push(...pieces.slice(0, -1));
    current = pieces.at(-1) ?? "";
  }
  if (current) parts.push(current);
  return parts.filter((p) => p.length > 0);
}

function splitLines(text: string, limit: number): string[] {
  const parts: string[] = [];
  let current = "";
  const push = () => {
    if (current) parts.push(current.replace(/\n+$/, ""));
    current = "";
  };
  for (const line of text.split("\n")) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    push();
    if (line.length <= limit) {
      current = line;
      continue;
    }
    // One line longer than the limit: break at spaces, then hard-break what still does not fit.
    let rest = line;
    while (rest.length > limit) {
      let cut = rest.lastIndexOf(" ", limit);
      if (cut <= 0) cut = safeCut(rest, limit);
      parts.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    current = rest;
  }
  push();
  return parts;
}

// Never cut between the two halves of a surrogate pair.
function safeCut(text: string, limit: number): number {
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** Buttons show the start of a text (a commitment, a place); the message above them shows it whole. */
export const LABEL_CHARS = 40;

/** On one line, cut to `max` characters with "…": whole characters, never half of an emoji. */
export function shorten(text: string, max = LABEL_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}
