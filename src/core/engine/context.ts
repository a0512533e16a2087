// The context a command, flow step or action runs in: one inbound event, one unit of work.
import { randomBytes } from "node:crypto";
import type { FlowState, OpenQuestion } from "../domain/model.ts";
import type { Renderer } from "../ports/render.ts";
import type { BotAdmin, Clock, Logger, PlatformLinks } from "../ports/runtime.ts";
import type { Tx } from "../ports/store.ts";
import type { Messages, T } from "../services/messages.ts";
import type { InboundEvent, Locale, OutMessage } from "../types.ts";
import { MAX_ACTION_BYTES } from "../types.ts";
import type { Actor } from "./access.ts";
import { flowTopic } from "./answers.ts";
import { DEFAULT_FLOW_TTL_HOURS, type FlowDef, type Prompt, type Say } from "./flow.ts";
import type { Registry } from "./registry.ts";

export interface CoreSettings {
  /** "telegram:123" style labels of operators (BOT_ADMINS). */
  operators: ReadonlySet<string>;
  defaultTimezone: string;
  defaultLocale: Locale;
  /** Invites come with QR codes to print or show. Off unless set: the chat-level tests leave it off,
   * where a picture after every invite would crowd each conversation they check. */
  inviteQrCodes?: boolean;
}

export interface Services {
  messages: Messages;
  links: PlatformLinks;
  /** Adding and checking bot accounts (/kenh); absent where the deployment cannot (tests, terminal). */
  bots?: BotAdmin;
  /** Writes the files the core builds as data (charts, spreadsheets, documents, QR codes). */
  render: Renderer;
  registry: Registry;
  settings: CoreSettings;
  clock: Clock;
}

export class Ctx {
  readonly replies: OutMessage[] = [];
  t: T;
  /** The chat's open questions, once read (typed answers and asking again need them). */
  openQuestions?: OpenQuestion[];
  /** Slow replies built after the unit of work commits (see later()). */
  readonly later: Array<() => Promise<Say[]>> = [];

  constructor(
    readonly now: Date,
    readonly tx: Tx,
    readonly event: InboundEvent,
    readonly actor: Actor,
    readonly services: Services,
    readonly log: Logger,
    /** The flow this chat is in, if any (already checked for expiry). */
    public flow: FlowState | null,
  ) {
    this.t = services.messages.bind(actor.locale);
  }

  reply(...say: Say[]): void {
    for (const s of say) this.replies.push(typeof s === "string" ? { text: s } : s);
  }

  /**
   * Builds a reply after this unit of work has committed: for slow work (a chart, a spreadsheet)
   * that must not hold the database. Read what it needs now and pass it in; it must not use `tx`.
   */
  replyLater(build: () => Promise<Say[]>): void {
    this.later.push(build);
  }

  /** Switches the language for the rest of this conversation's replies. */
  useLocale(locale: Locale): void {
    this.actor.locale = locale;
    this.t = this.services.messages.bind(locale);
  }

  async audit(action: string, details?: Record<string, unknown>, branchId?: string | null): Promise<void> {
    await this.tx.audit.add(
      {
        branchId: branchId ?? this.actor.branch?.id ?? null,
        actorId: this.actor.member?.id ?? null,
        actorLabel: this.actor.label,
        action,
        ...(details ? { details } : {}),
      },
      this.now,
    );
  }

  /** Starts (or restarts) a flow in this chat and asks its first question. */
  async startFlow<D>(flow: FlowDef<D>, data: D, step?: string): Promise<void> {
    const first = step ?? Object.keys(flow.steps)[0];
    if (!first || !flow.steps[first]) throw new Error(`flow ${flow.name} has no step ${String(first)}`);
    await this.enterStep(flow, first, data);
  }

  async enterStep<D>(flow: FlowDef<D>, step: string, data: D, keepToken = false): Promise<void> {
    const token = keepToken && this.flow ? this.flow.token : newToken();
    const expectedVersion = this.flow?.version ?? null;
    const state = {
      identityId: this.actor.identity.id,
      flow: flow.name,
      step,
      data: data as unknown,
      token,
      expiresAt: new Date(this.now.getTime() + (flow.ttlHours ?? DEFAULT_FLOW_TTL_HOURS) * 3_600_000),
    };
    await this.tx.flows.save(state, expectedVersion);
    this.flow = { ...state, version: (expectedVersion ?? -1) + 1, updatedAt: this.now };
    const stepDef = flow.steps[step];
    if (!stepDef) throw new Error(`flow ${flow.name} has no step ${step}`);
    this.reply(renderPrompt(await stepDef.prompt(this, data), token, state.expiresAt));
  }

  async endFlow(): Promise<void> {
    if (this.flow) await this.tx.flows.delete(this.actor.identity.id);
    this.flow = null;
  }
}

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
