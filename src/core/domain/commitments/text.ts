// Free text typed into the commitment flows (a commitment, a note, a reflection, a comment): checked
// the same way everywhere, so the answer to "too long" or "just a number" reads the same.
import { visibleLength } from "../../text.ts";

export type TextCheck = { ok: true; value: string } | { ok: false; key: string; args: Record<string, string | number> };

export interface TextRules {
  max: number;
  /** Letters needed at least: a commitment must say something ("ok" is not one). */
  minLetters?: number;
  /** Line breaks become spaces (a commitment or a standard is one line). */
  singleLine?: boolean;
}

export function checkText(raw: string, rules: TextRules): TextCheck {
  const value = rules.singleLine ? raw.replace(/\s+/g, " ").trim() : raw.replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n").trim();
  const count = visibleLength(value);
  if (!value) return { ok: false, key: "commitment-input-empty", args: {} };
  if (count > rules.max) return { ok: false, key: "commitment-input-too-long", args: { count, max: rules.max } };
  // A bare number is a choice that does not exist, not content.
  if (/^-?\d{1,20}$/.test(value)) return { ok: false, key: "commitment-input-number", args: { input: value.slice(0, 20) } };
  const letters = (value.match(/\p{L}/gu) ?? []).length;
  if (letters < (rules.minLetters ?? 1)) return { ok: false, key: "commitment-input-too-short", args: {} };
  return { ok: true, value };
}
