// The controls every flow shares, so they read and behave the same everywhere: the same words, and
// the same values ("ok", "edit", "cancel") that typed "có" and "không" pick (see prompt.ts).
import type { T } from "../services/messages.ts";
import type { Prompt, StepChoice } from "./prompt.ts";

/** Hủy: the way out of a step that prepares a change. */
export const cancelChoice = (t: T): StepChoice => ({ label: t("control-cancel"), value: "cancel" });

/** Thoát: the way out of a menu, where nothing is being cancelled. */
export const exitChoice = (t: T): StepChoice => ({ label: t("control-exit"), value: "cancel" });

/**
 * Xác nhận (ok) · Sửa (edit) · Hủy (cancel) on one row; without Sửa where there is nothing to edit,
 * and with another way out than Hủy where that word would name the action itself.
 */
export function confirmRow(t: T, withEdit = true, last: StepChoice = cancelChoice(t)): StepChoice[] {
  return [{ label: t("control-confirm"), value: "ok" }, ...(withEdit ? [{ label: t("control-edit"), value: "edit" }] : []), last];
}

/**
 * A question typed in free text that may keep an earlier answer: the earlier one is shown and a
 * button (value "keep") keeps it; `last` is the way out (Bỏ qua, Hủy).
 */
export function askKeeping(question: string, earlier: { line: string; keep: string } | null, last: StepChoice): Prompt {
  const row: StepChoice[] = earlier ? [{ label: earlier.keep, value: "keep" }, last] : [last];
  return { text: earlier ? `${question}\n${earlier.line}` : question, choices: [row] };
}
