// The console shows messages the way Zalo will: text, then choices as a numbered list.
import type { OutMessage } from "../../core/types.ts";

export function renderNumbered(message: OutMessage): string {
  const lines = [message.text];
  const flat = (message.choices ?? []).flat();
  if (flat.length) {
    lines.push("");
    flat.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}`));
  }
  return lines.join("\n");
}
