// A flow step's question (text and choices) and the canonical message it becomes. Below the context
// and the flow model, which both need it.
import { randomBytes } from "node:crypto";
import { flowTopic } from "../domain/topics.ts";
import { MAX_ACTION_BYTES, type OutMessage } from "../types.ts";

/** A choice inside a step: `value` is short ASCII, local to the step. */
export interface StepChoice {
  label: string;
  value: string;
  /** Agreeing or declining words typed instead of the label pick it (see engine/answers.ts). */
  meaning?: "yes" | "no";
}

export interface Prompt {
  text: string;
  choices?: StepChoice[][];
}

export type Say = string | OutMessage;

/**
 * What agreeing or declining words mean on the usual controls: "có", "được" confirm (Xác nhận, Đồng
 * ý); "không" declines (Hủy, Không đồng ý). A step can say otherwise with its own `meaning`.
 */
const IMPLIED_MEANING: Record<string, "yes" | "no"> = { ok: "yes", yes: "yes", cancel: "no", no: "no" };

/** A step's prompt as a canonical message: each choice becomes the action `f:<token>:<value>`. */
export function renderPrompt(prompt: Prompt, token: string, until?: Date): OutMessage {
  // Recorded when delivered, choices or not: a flow's step is the conversation the person is in,
  // answerable for as long as the flow waits.
  const question = { topic: flowTopic(token), ...(until ? { until: until.toISOString() } : {}) };
  if (!prompt.choices?.length) return { text: prompt.text, question };
  return {
    text: prompt.text,
    question,
    choices: prompt.choices.map((row) =>
      row.map((c) => {
        const action = `f:${token}:${c.value}`;
        if (Buffer.byteLength(action) > MAX_ACTION_BYTES || !/^[\x21-\x7e]+$/.test(action)) {
          throw new Error(`choice value "${c.value}" does not fit in callback data`);
        }
        const meaning = c.meaning ?? IMPLIED_MEANING[c.value];
        return { label: c.label, action, ...(meaning ? { meaning } : {}) };
      }),
    ),
  };
}

/** Short and random: a button from an earlier step carries an old token and is recognised as stale. */
export function newToken(): string {
  return randomBytes(6).toString("base64url").slice(0, 6);
}
