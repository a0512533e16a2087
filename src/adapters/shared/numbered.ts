// Choices where a platform has no buttons (Zalo, the terminal): a numbered list under the text.
// The engine matches a typed "2" against the flattened choices in this same order.
import type { Choice, OutMessage } from "../../core/index.ts";

/** "  1. Tham dự" lines for every choice, rows flattened in order; empty when there are none. */
export function numberedLines(choices: Choice[][] | undefined): string[] {
  return (choices ?? []).flat().map((c, i) => `  ${i + 1}. ${c.label}`);
}

/** The text, then a blank line and the numbered choices. */
export function renderNumbered(message: OutMessage): string {
  const list = numberedLines(message.choices);
  return list.length ? [message.text, "", ...list].join("\n") : message.text;
}
