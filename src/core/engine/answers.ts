// Typed answers to the questions a person actually has on screen. On Zalo (and in the terminal) every
// choice is typed: "2", the label with or without diacritics, or the words people really use ("có",
// "được", "vắng", "bận", "không đi được"). A question is open from the moment it was delivered; when
// a typed answer fits two open questions (a reminder for one meeting and a nudge for another), the
// bot asks which one is meant instead of picking one silently.
import type { OpenQuestion } from "../domain/model.ts";
import type { Choice } from "../types.ts";
import { fold } from "./text.ts";

/** The topic of the question that asks "which one?" (see resolveTyped). */
export const WHICH_TOPIC = "which";
/** The topic of a flow's current step. */
export const FLOW_TOPIC = "flow";

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

/** The topic a choice's action answers: "r:<meetingId>", "flow", "cm:o". */
export function topicOfAction(action: string): string {
  const parts = action.split(":");
  if (parts[0] === "f") return FLOW_TOPIC;
  return parts.slice(0, 2).join(":");
}

/** The flow token inside a flow choice ("f:<token>:<value>"). */
function flowToken(choice: Choice): string | undefined {
  return choice.action.startsWith("f:") ? choice.action.split(":")[1] : undefined;
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
  /** It answers no open question (free text, a command, or the flow's own text question). */
  | { kind: "none" };

export interface TypedContext {
  /** The chat's flow, if one is running: its token tells current flow choices from stale ones. */
  flow: { token: string; updatedAt: Date } | null;
}

/**
 * Which open question a typed text answers. The questions are the chat's open ones, newest first.
 *
 * - A question that came as the answer to the person's own last message, and is the newest on
 *   screen, wins: that is the conversation they are in (a flow's step, "which one?", a question
 *   asked again).
 * - A flow step asked after every matching question takes the text as its own answer.
 * - Otherwise one match is picked, several are asked about.
 */
export function resolveTyped(open: readonly OpenQuestion[], text: string, ctx: TypedContext): Resolution {
  const live = open.filter((q, i) => {
    if (q.topic === WHICH_TOPIC) return i === 0;
    if (q.topic !== FLOW_TOPIC) return true;
    const token = choicesOf(q).map(flowToken)[0];
    return !!ctx.flow && token === ctx.flow.token;
  });
  const candidates: Candidate[] = [];
  for (const question of live) {
    const choice = matchChoice(choicesOf(question), text);
    if (choice) candidates.push({ question, choice });
  }
  if (!candidates.length) return { kind: "none" };
  const newest = live[0]!;
  const first = candidates[0]!;
  if (first.question === newest && newest.reply) return { kind: "pick", ...first };
  // The flow asked its current question after these were delivered: the text is the flow's.
  if (ctx.flow && candidates.every((c) => c.question.topic !== FLOW_TOPIC && c.question.deliveredAt <= ctx.flow!.updatedAt)) return { kind: "none" };
  if (candidates.length === 1) return { kind: "pick", ...first };
  return { kind: "ambiguous", candidates };
}
