// Flows are explicit state machines stored in the database (FlowState): the same flow runs on
// Telegram, Zalo and the console, survives restarts, and can wait weeks for an answer.
import type { Access } from "./access.ts";
import type { Ctx } from "./context.ts";
import type { Prompt, Say } from "./prompt.ts";

// What a step asks is declared with the prompt; features build their flows from this module alone.
export type { Prompt, Say, StepChoice } from "./prompt.ts";

export type Next<D> =
  /** Move to a step (or stay on the same one with new data); `say` goes before its prompt. */
  | { kind: "go"; step: string; data: D; say: Say[] }
  /** The flow is over; nothing of it stays in FlowState. */
  | { kind: "end"; say: Say[] }
  /** The answer was not acceptable: tell why, ask again, change nothing. */
  | { kind: "invalid"; key: string; args: Record<string, string | number> };

export const go = <D>(step: string, data: D, ...say: Say[]): Next<D> => ({ kind: "go", step, data, say });
export const end = <D>(...say: Say[]): Next<D> => ({ kind: "end", say });
export const invalid = <D>(key: string, args: Record<string, string | number> = {}): Next<D> => ({ kind: "invalid", key, args });

/** A step of a flow declared for `A`: its context has what that access promises (see Ctx). */
export interface StepDef<D, A extends Access = Access> {
  prompt: (ctx: Ctx<A>, data: D) => Promise<Prompt> | Prompt;
  /** Free text typed at this step. Without it, typed text that is no choice is refused politely. */
  text?: (ctx: Ctx<A>, data: D, text: string) => Promise<Next<D>> | Next<D>;
  /** A choice picked at this step (by button, number or label). */
  choice?: (ctx: Ctx<A>, data: D, value: string) => Promise<Next<D>> | Next<D>;
}

interface FlowOf<D, A extends Access> {
  name: string;
  /** Checked again at every step: a role removed mid-flow ends the flow. Types the steps' context. */
  access: A;
  /** How long the flow waits for an answer (default DEFAULT_FLOW_TTL_HOURS, 48). */
  ttlHours?: number;
  steps: Record<string, StepDef<D, A>>;
}

/**
 * A flow. Declared for one access (`FlowDef<Draft, "admin">` with `access: "admin"`), its steps get
 * the context that access promises, and only a context with it can start the flow.
 */
export type FlowDef<D, A extends Access = Access> = { [K in A]: FlowOf<D, K> }[A];
