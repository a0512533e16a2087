// What the fuzzer types and presses. Typed inputs are plain strings; forged buttons and steps that
// move a flow on are recipes, made concrete against what is on the screen when they are sent.
import fc from "fast-check";

export type Move =
  /** Typed text (on either platform). */
  | { kind: "type"; family: string; text: string }
  /** Callback data that was never offered, as a forged or stale button sends it. */
  | { kind: "forge"; how: Forgery; pick: number; junk: string }
  /** Goes on in the flow: presses (or, on Zalo, types the number of) an offered choice, or types a plausible answer. */
  | { kind: "advance"; pick: number };

export type Forgery =
  /** An offered value under a token that is not the flow's. */
  | "token"
  /** The flow's own token with a value that was not offered. */
  | "value"
  /** An offered value or a known action with its ids swapped for another branch's. */
  | "victim"
  /** A button from an earlier message (this chat's or another's). */
  | "stale"
  /** Random text in the engine's callback-data shape "<prefix>:<part>:<part>". */
  | "shape";

const VI = ["Nguyễn Văn An", "Trần Thị Bình", "Đi công tác xa", "Hoàn thành tốt nhiệm vụ", "Vắng mặt", "Tham dự", "Xác nhận", "Đồng ý", "Không đồng ý", "Thứ Năm"];
const nfd = VI.map((s) => s.normalize("NFD"));
const ZW = ["\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060"];

const numbers = fc.oneof(
  fc.integer({ min: -3, max: 30 }).map(String),
  fc.integer().map(String),
  fc.constantFrom("0", "-1", "00", "1.5", "1,5", "２", "０１", "１", "٣", "99999999999999999999", "1e3", "+2", " 3 ", "3.", "2)", "#1", "Infinity", "NaN", "0x1", "-0", "19:30", "25:99", "31/02/2026", "0/0/0"),
);

const commands = fc.oneof(
  fc.constantFrom("/hop", "/xyz", "/start 123", "/start", "/start ABCDE-12345", "/", "//", "/HOP", "/hop@other_bot", "/trogiup extra words", "/lienket 1234 5678", "/ngonngu xx", "/dangky 1", "/_", "/\u202Ehop", "hop", "tro giup", "lien ket 0000 0000"),
  fc.stringMatching(/^\/[A-Za-z0-9_]{1,12}( [^\n]{0,12})?$/),
);

const unicode = fc.oneof(
  fc.constantFrom(...nfd),
  fc.constantFrom(...VI).map((s) => [...s].join(ZW[s.length % ZW.length]!)),
  fc.constantFrom(...VI).map((s) => `\u202E${s}\u202C`),
  fc.constantFrom("👍", "👍🏽", "👨‍👩‍👧‍👦", "🇻🇳", "❤️", "Có 👍", "🙏🙏🙏", "a\u0301\u0301\u0301\u0301", "\u200B", "\uFEFF", "\u00A0\u00A0", "\t\n\r", "\u0000", "\u001B[31mđỏ\u001B[0m"),
  fc.constantFrom("a".repeat(5000), "ệ".repeat(5000), "👍".repeat(2500), "Nguyễn ".repeat(715), "ệ".normalize("NFD").repeat(1999), "x".repeat(2000), "x".repeat(2001), `${"1 ".repeat(2500)}`),
  fc.constantFrom("\uD800", "a\uDC00b", "Nguyễn \uD83D Văn An", "\uDFFF\uD800"),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
);

const randomText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 80 }),
  fc.constantFrom(...VI),
  fc.constantFrom("có", "không", "vâng", "hủy", "stop", "thoát", "ok", "bận", "dạ có ạ", "khong di duoc", "", "   ", "\n"),
);

const typed = fc.oneof(
  randomText.map((text) => ({ kind: "type" as const, family: "text", text })),
  numbers.map((text) => ({ kind: "type" as const, family: "number", text })),
  commands.map((text) => ({ kind: "type" as const, family: "command", text })),
  unicode.map((text) => ({ kind: "type" as const, family: "unicode", text })),
);

const junk = fc.oneof(
  fc.string({ unit: "grapheme-ascii", maxLength: 20 }),
  fc.stringMatching(/^[a-z]{1,3}(:[A-Za-z0-9_-]{0,26}){0,2}$/),
  fc.constantFrom("", ":", "::", "ok:", "-1", "99", "m:", "c:x", "b:", "u:", "s99", "ex", "zz", "\u00e9", "ệ", "x".repeat(70), "0", "\uD800", "p:\uDC00"),
);

const forged = fc.record({
  kind: fc.constant("forge" as const),
  how: fc.constantFrom<Forgery>("token", "value", "victim", "stale", "shape"),
  pick: fc.nat(),
  junk,
});

/**
 * A fuzzed conversation after the command: at each step reached, a few inputs, then a move on (a
 * press of an offered choice, or a plausible answer) to reach the next step.
 */
export const movesArb = fc
  .array(
    fc.record({
      inputs: fc.array(fc.oneof({ weight: 3, arbitrary: typed }, { weight: 2, arbitrary: forged }), { maxLength: 2 }),
      on: fc.nat(),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((steps) => steps.flatMap(({ inputs, on }): Move[] => [...inputs, { kind: "advance", pick: on }]));

/** Answers that move text steps on: names, days, times, places, dates, reasons, numbers. */
export const PLAUSIBLE = ["Trần Văn Bình", "5", "19:30", "Nhà văn hóa khu phố 3", "Giữ gìn vệ sinh đường phố", "12/12/2026", "28/11/2026", "Đi công tác", "1", "2", "3", "Hoàn thành tốt nhiệm vụ", "30", "Có", "Học tập Nghị quyết", "sinh 1958"];
