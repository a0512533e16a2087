// The context a command, flow step or action runs in: one inbound event, one unit of work.
import type { FlowState, OpenQuestion } from "../domain/model.ts";
import type { Renderer } from "../ports/render.ts";
import type { BotAdmin, Clock, Logger, PlatformLinks } from "../ports/runtime.ts";
import type { Tx } from "../ports/store.ts";
import type { Messages, T } from "../services/messages.ts";
import type { CoreSettings, InboundEvent, Locale, OutMessage } from "../types.ts";
import { allows, type Access, type Actor, type ActorFor } from "./access.ts";
import { newToken, renderPrompt, type Prompt, type Say } from "./prompt.ts";

/** What the help and the Telegram menu show of a command (registry.ts's CommandDef adds how it runs). */
export interface CommandInfo {
  /** Vietnamese name, lowercase Latin so Telegram accepts it: "trogiup". */
  name: string;
  /** English alias: "help". */
  alias: string;
  access: Access;
  /** Locale key of the one-line description (help, Telegram menu). */
  description: string;
  /** Typed without a slash, may it carry arguments ("start ABCDE-12345")? Off for most: a bare
   * word followed by text is more likely a sentence than a command. */
  bareArgs?: boolean;
}

/**
 * What entering a flow's step needs of the flow (flow.ts's FlowDef is one): its prompts, and its
 * access, which the context that starts it must have. Declared here, not imported, because a
 * flow's steps take the context: the two modules would import each other.
 */
export interface FlowEntry<D, A extends Access = Access> {
  name: string;
  access: A;
  ttlHours?: number;
  steps: Record<string, { prompt(ctx: Ctx<A>, data: D): Promise<Prompt> | Prompt }>;
}

/** How long a flow waits for an answer unless it says otherwise. */
export const DEFAULT_FLOW_TTL_HOURS = 48;

export interface Services {
  messages: Messages;
  links: PlatformLinks;
  /** Adding and checking bot accounts (/kenh); absent where the deployment cannot (tests, terminal). */
  bots?: BotAdmin;
  /** Writes the files the core builds as data (charts, spreadsheets, documents, QR codes). */
  render: Renderer;
  /** Every feature's commands, for the help (the engine holds the whole registry). */
  registry: { readonly commands: readonly CommandInfo[] };
  settings: CoreSettings;
  clock: Clock;
}

/** The time zone the person's branch plans and shows times in; the deployment's default without a branch. */
export const zoneOf = (ctx: Ctx): string => ctx.actor.branch?.timezone ?? ctx.services.settings.defaultTimezone;

/** Runs a button's action in a context, as when the person presses it (the engine's routing). */
export type Dispatch = (ctx: Ctx, action: string) => Promise<void>;

/**
 * The context of a command, action or flow declared for access `A`: Ctx<"member"> (the same type as
 * Ctx<"secretary"> and Ctx<"admin">) has an actor with member and branch; a plain Ctx promises
 * nothing about the person.
 */
export type Ctx<A extends Access = Access> = Context<ActorFor<A>>;

/** One class for every access; what differs is what is known of the actor (see Ctx). */
export class Context<P extends Actor = Actor> {
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
    readonly actor: P,
    readonly services: Services,
    readonly log: Logger,
    /** The flow this chat is in, if any (already checked for expiry). */
    public flow: FlowState | null,
    private readonly dispatch: Dispatch,
  ) {
    this.t = services.messages.bind(actor.locale);
  }

  /**
   * This context for a handler declared for `access`, or null when the person does not have it: the
   * check the engine makes before every command, action and flow step.
   */
  as<B extends Access>(access: B): Ctx<B> | null {
    // The same object: allows() has just checked what Ctx<B> promises of the actor.
    return allows(this.actor, access) ? (this as unknown as Ctx<B>) : null;
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

  /**
   * Does what pressing a button with this action does ("ye:s"), access checked: how a feature opens
   * another feature's screen without importing it.
   */
  press(action: string): Promise<void> {
    return this.dispatch(this, action);
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

  /** Starts (or restarts) a flow in this chat and asks its first question; only a context with the flow's access can. */
  async startFlow<D, F extends Access>(this: Ctx<NoInfer<F>>, flow: FlowEntry<D, F>, data: D, step?: string): Promise<void> {
    const first = step ?? Object.keys(flow.steps)[0];
    if (!first || !flow.steps[first]) throw new Error(`flow ${flow.name} has no step ${String(first)}`);
    await this.enterStep(flow, first, data);
  }

  async enterStep<D, F extends Access>(this: Ctx<NoInfer<F>>, flow: FlowEntry<D, F>, step: string, data: D, keepToken = false): Promise<void> {
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
