// The controls every commitment flow shares, so they read and behave the same everywhere.
import type { Prompt, StepChoice } from "../../engine/flow.ts";
import type { T } from "../../services/messages.ts";

/** Xác nhận (ok) · Sửa (edit) · Hủy (cancel) on one row; without Sửa where there is nothing to edit. */
export function confirmRow(t: T, withEdit = true): StepChoice[][] {
  return [
    [
      { label: t("control-confirm"), value: "ok" },
      ...(withEdit ? [{ label: t("control-edit"), value: "edit" }] : []),
      { label: t("control-cancel"), value: "cancel" },
    ],
  ];
}

/**
 * A question typed in free text that may keep an earlier answer: the earlier one is shown and a
 * button (value "keep") keeps it; `last` is the way out (Bỏ qua, Hủy).
 */
export function askKeeping(question: string, earlier: { line: string; keep: string } | null, last: StepChoice): Prompt {
  const row: StepChoice[] = earlier ? [{ label: earlier.keep, value: "keep" }, last] : [last];
  return { text: earlier ? `${question}\n${earlier.line}` : question, choices: [row] };
}
