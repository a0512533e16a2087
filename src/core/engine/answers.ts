// Typed answers to the questions a person actually has on screen. On Zalo (and in the terminal) every
// choice is typed: "2", the label with or without diacritics, or the words people really use ("có",
// "được", "vắng", "bận", "không đi được"). A question is open from the moment it was delivered; when
// a typed answer fits two open questions (a reminder for one meeting and a nudge for another), the
// bot asks which one is meant instead of picking one silently.
import type { OpenQuestion } from "../domain/model.ts";
import { flowTopic, isFlowTopic, WHICH_TOPIC } from "../domain/topics.ts";
import { fold } from "../text.ts";
import type { Choice } from "../types.ts";


// Folded (no diacritics, lowercase). Whole answers only: "có" alone agrees, "có lẽ không" does not.
const YES = new Set([
  "co", "duoc", "dong y", "ok", "oke", "okay", "u", "uh", "yes", "y", "xac nhan", "chac chan",
  "tham du", "se tham du", "co tham du", "di", "se di", "co di", "toi di", "co mat", "se co mat", "toi se tham du", "toi se di",
]);
const NO = new Set([
  "khong", "ko", "k", "no", "n", "vang", "vang mat", "bao vang", "xin vang", "ban", "ban viec", "ban roi", "toi ban",
  "khong di", "khong di duoc", "khong the di", "khong tham du", "khong tham du duoc", "khong the tham du", "khong den duoc", "khong duoc",
]);
// Politeness around an answer: "dạ có ạ", "vâng, tôi sẽ tham dự nhé".
const FILLER = new Set(["da", "a", "nhe", "nha", "thua", "anh", "chi", "em", "con", "chau", "minh", "oi"]);

/**
 * What agreeing or declining words mean, or null. "vâng" (yes) and "vắng" (absent) fold to the same
 * letters, so the diacritics decide where the person typed them; without them "vang" reads as
 * absent, the answer that asks a follow-up question rather than the one that ends the matter.
 */
export function meaningOf(text: string): "yes" | "no" | null {
  const nfc = text.normalize("NFC").toLowerCase();
  if (/\bvâng\b/u.test(nfc) && !/vắng/u.test(nfc)) return "yes";
  const words = fold(text).replace(/[,.!?;:]+/g, " ").split(" ").filter((w) => w && !FILLER.has(w));
  const phrase = words.join(" ");
  if (!phrase) return null;
  if (NO.has(phrase)) return "no";
  if (YES.has(phrase)) return "yes";
  return null;
}

/** "2", "Vắng mặt", "vang mat", "VẮNG MẶT." or "bận" pick the same choice. */
export function matchChoice(choices: readonly Choice[], text: string): Choice | null {
  if (!choices.length) return null;
  const folded = fold(text.trim());
  // A label first: with choices such as 0 / 1 / 2 / 3 nudges, typing "3" means three.
  const byLabel = choices.find((c) => fold(c.label) === folded);
  if (byLabel) return byLabel;
  // Then its number in the list: "2", and "2." as phones sometimes auto-punctuate.
  if (/^\d{1,2}$/.test(folded)) return choices[Number(folded) - 1] ?? null;
  const meaning = meaningOf(text);
  if (!meaning) return null;
  const meant = choices.filter((c) => c.meaning === meaning);
  return meant.length === 1 ? meant[0]! : null;
}

export function choicesOf(q: Pick<OpenQuestion, "choices">): Choice[] {
  return Array.isArray(q.choices) ? (q.choices as Choice[]).filter((c) => c && typeof c.label === "string" && typeof c.action === "string") : [];
}

export interface Candidate {
  question: OpenQuestion;
  choice: Choice;
}

export type Resolution =
  /** The answer picks this choice. */
  | { kind: "pick"; question: OpenQuestion; choice: Choice }
  /** It fits several open questions: ask which one. */
  | { kind: "ambiguous"; candidates: Candidate[] }
  /** It answers no open question (free text, or the flow's own text question). */
  | { kind: "none" };

export interface TypedContext {
  /** The token of the chat's flow, if one is running: its step's question is live, earlier steps' are not. */
  flowToken: string | null;
}

/**
 * Which open question a typed text answers. `open` is the chat's open questions, the last delivered
 * first (the order a chat's messages arrive in).
 *
 * - The last question on screen, when it came in answer to the person's own message (a flow's step,
 *   "which one?", a question asked again), is the conversation they are in: a match there wins, and
 *   a flow step's free-text question takes the text as its answer.
 * - Otherwise one matching question is answered; several are asked about.
 */
export function resolveTyped(open: readonly OpenQuestion[], text: string, ctx: TypedContext): Resolution {
  const live = open.filter((q, i) => {
    if (q.topic === WHICH_TOPIC) return i === 0;
    if (isFlowTopic(q.topic)) return q.topic === flowTopic(ctx.flowToken ?? "");
    return true;
  });
  const newest = live[0];
  if (!newest) return { kind: "none" };
  if (newest.reply) {
    const choice = matchChoice(choicesOf(newest), text);
    if (choice) return { kind: "pick", question: newest, choice };
    if (isFlowTopic(newest.topic)) return { kind: "none" };
  }
  const candidates: Candidate[] = [];
  for (const question of live) {
    const choice = matchChoice(choicesOf(question), text);
    if (choice) candidates.push({ question, choice });
  }
  if (!candidates.length) return { kind: "none" };
  if (candidates.length === 1) return { kind: "pick", ...candidates[0]! };
  return { kind: "ambiguous", candidates };
}
