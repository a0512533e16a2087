// The core's entry point for inbound events: de-duplicate, find who is writing, route the event to a
// command, a choice or the chat's flow, and queue the replies, all in one unit of work.
import { AppError, UserInputError } from "../errors.ts";
import type { FlowState, OpenQuestion } from "../domain/model.ts";
import { isFlowTopic, topicOfAction, WHICH_TOPIC } from "../domain/topics.ts";
import type { Logger } from "../ports/runtime.ts";
import type { NewOutboxItem, SeenContext, Store, Tx } from "../ports/store.ts";
import { defaultBotAccountId, type InboundEvent, type OutMessage } from "../types.ts";
import { chatLabel, refusalKey, type Access, type Actor } from "./access.ts";
import { choicesOf, resolveTyped, type Candidate } from "./answers.ts";
import { Context, type Ctx, type Services } from "./context.ts";
import type { FlowDef, Next } from "./flow.ts";
import { KeyedLock } from "../services/keyed-lock.ts";
import { lazyChild } from "../services/lazy-logger.ts";
import { renderPrompt, type Say } from "./prompt.ts";
import type { CommandDef, Registry } from "./registry.ts";
import { cleanInput, cleanName, fold, MAX_INPUT_CHARS } from "../text.ts";
import { Priority } from "../services/priority.ts";

export type Outcome = "handled" | "duplicate";

/** A command or a button's action: what it declares it needs, and what it does given that. */
type Guarded<A extends Access, P> = { [K in A]: { access: K; run: (ctx: Ctx<K>, input: P) => Promise<void> } }[A];

/**
 * Runs a command or action with the context its declared access promises, or gives the person the
 * refusal for that access. Generic in the access so that check and handler stay paired.
 */
async function runAllowed<A extends Access, P>(ctx: Ctx, def: Guarded<A, P>, input: P): Promise<void> {
  const allowed = ctx.as(def.access);
  if (!allowed) return ctx.reply(ctx.t(refusalKey(def.access)));
  await def.run(allowed, input);
}

/** Telegram allows 64 + 64 characters for a name; nothing longer is worth keeping from any platform. */
const DISPLAY_NAME_MAX = 128;

interface Last {
  actor: Actor | null;
  later: Array<() => Promise<Say[]>>;
}

export interface EngineDeps {
  store: Store;
  services: Services;
  registry: Registry;
  logger: Logger;
  /** Called after a unit of work queued messages, to wake the sender. */
  onQueued?: () => void;
}

/** Called once the event's unit of work has committed, with the person as it left them (roles, language). */
export type HandledObserver = (actor: Readonly<Actor>) => void;

export interface Engine {
  /** `onHandled` lets an adapter follow who is writing (the Telegram menu per role) without another read. */
  handle(event: InboundEvent, onHandled?: HandledObserver): Promise<Outcome>;
  /**
   * Records an update an adapter gave up on after repeated failures: marked processed, so a
   * redelivery is dropped as a duplicate, and kept in the audit log for the operator.
   */
  abandon(update: AbandonedUpdate): Promise<void>;
  /** Chats currently being handled (for graceful shutdown). */
  readonly busy: number;
}

export interface AbandonedUpdate extends Pick<InboundEvent, "platform" | "updateId" | "botAccountId"> {
  /** Who sent it, when known (the platform's user id). */
  userId?: string;
  /** What could be said about it: its kind, its chat. */
  details: Record<string, string | number>;
  /** The last failure; the audit keeps its message (its cause's, when it wraps one), shortened. */
  error: unknown;
}

/** Replies to an update: to the chat it came from, in the person's language, keyed by the update. */
function replyItems(event: InboundEvent, actor: Actor, messages: OutMessage[], now: Date, tag = ""): NewOutboxItem[] {
  const { identity } = actor;
  return messages.map((message, i) => ({
    key: `reply:${event.platform}:${event.updateId}:${tag}${i}`,
    memberId: actor.member?.id ?? identity.memberId,
    identityId: identity.id,
    platform: identity.platform,
    botAccountId: identity.botAccountId,
    chatId: identity.chatId,
    payload: { ...message, locale: actor.locale },
    priority: Priority.reply,
    notBefore: now,
    giveUpAt: null,
  }));
}

function reasonOf(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return (cause instanceof Error ? cause.message : String(cause)).slice(0, 300);
}

/**
 * Words that end a flow even when typed without a slash, so nobody gets stuck in one. Matched with
 * their diacritics: folded, "hủy" and "dừng" would also catch the given names Huy and Dung.
 */
const CANCEL_WORDS = new Set(["hủy", "huỷ", "hủy bỏ", "dừng", "dừng lại", "thoát", "cancel", "stop"]);

export function createEngine(deps: EngineDeps): Engine {
  const { store, services, registry, logger } = deps;
  const lock = new KeyedLock();

  async function handle(raw: InboundEvent, onHandled?: HandledObserver): Promise<Outcome> {
    const event = scoped(raw);
    return lock.run(`${event.botAccountId}:${event.userId}`, () => processEvent(event, onHandled));
  }

  async function processEvent(event: InboundEvent, onHandled?: HandledObserver): Promise<Outcome> {
    const log = lazyChild(logger, { platform: event.platform, updateId: event.updateId });
    // What the attempt that committed left behind (a retried unit of work overwrites it).
    const last: Last = { actor: null, later: [] };
    let outcome: Outcome;
    try {
      outcome = await store.tx((tx) => runEvent(tx, event, log, last));
    } catch (err) {
      // Nothing of the failed attempt was kept; answer in a fresh unit of work.
      last.actor = null;
      last.later = [];
      if (err instanceof UserInputError) {
        outcome = await answerOnly(event, err.messageKey, err.args, last);
      } else {
        log.error({ err: describe(err) }, "update failed");
        outcome = await answerOnly(event, "error-internal", {}, last);
      }
    }
    if (outcome === "handled" && last.later.length) await runLater(event, last, log);
    if (outcome === "handled") {
      deps.onQueued?.();
      try {
        if (onHandled && last.actor) onHandled(last.actor);
      } catch (err) {
        log.warn({ err: describe(err) }, "handled-update observer failed");
      }
    }
    return outcome;
  }

  async function runEvent(tx: Tx, event: InboundEvent, log: Logger, last: Last): Promise<Outcome> {
    const now = services.clock.now();
    const [fresh, seenCtx] = await recordAndSee(tx, event, now);
    if (!fresh) return "duplicate";
    const ctx = new Context(now, tx, event, actorOf(seenCtx, event), services, log, null, runAction);
    last.actor = ctx.actor;
    const expired = await loadFlow(ctx, seenCtx.flow);
    await route(ctx, expired);
    await flushReplies(ctx);
    last.later = ctx.later;
    return "handled";
  }

  /**
   * Slow work a handler asked to do after its unit of work (drawing a chart, building a spreadsheet)
   * runs here, so it never holds the database meanwhile; its messages are queued in a second, short
   * unit of work. If the process stops in between, the person simply asks again.
   */
  async function runLater(event: InboundEvent, last: Last, log: Logger): Promise<void> {
    const actor = last.actor!;
    const messages: OutMessage[] = [];
    try {
      for (const job of last.later) messages.push(...(await job()).map((s) => (typeof s === "string" ? { text: s } : s)));
    } catch (err) {
      log.error({ err: describe(err) }, "deferred reply failed");
      messages.push({ text: services.messages.bind(actor.locale)("error-internal") });
    }
    if (!messages.length) return;
    try {
      await store.tx((tx) => tx.outbox.enqueue(replyItems(event, actor, messages, services.clock.now(), "later")));
    } catch (err) {
      log.error({ err: describe(err) }, "could not queue a deferred reply");
    }
  }

  async function answerOnly(event: InboundEvent, key: string, args: Record<string, string | number>, last: Last): Promise<Outcome> {
    return store.tx(async (tx) => {
      const now = services.clock.now();
      const [fresh, seenCtx] = await recordAndSee(tx, event, now);
      if (!fresh) return "duplicate";
      const ctx = new Context(now, tx, event, actorOf(seenCtx, event), services, logger, null, runAction);
      last.actor = ctx.actor;
      ctx.reply(ctx.t(key, args));
      await flushReplies(ctx);
      return "handled";
    });
  }

  /**
   * Records the update (false: it was handled before) and reads its chat, asked together so that a
   * database across the network answers both in one round trip. A redelivered update reads its
   * chat for nothing, which is rare and harmless.
   */
  function recordAndSee(tx: Tx, event: InboundEvent, now: Date): Promise<[boolean, SeenContext]> {
    return Promise.all([tx.updates.markProcessed(event.platform, event.updateId, now), seen(tx, event, now)]);
  }

  async function seen(tx: Tx, event: InboundEvent, now: Date): Promise<SeenContext> {
    // The platform's display name is whatever the person put in their profile: shown to others only clean.
    const displayName = event.displayName ? [...cleanName(event.displayName)].slice(0, DISPLAY_NAME_MAX).join("") : "";
    const found = await tx.identities.seen({
      platform: event.platform,
      botAccountId: event.botAccountId!,
      userId: event.userId,
      chatId: event.chatId,
      ...(displayName ? { displayName } : {}),
      at: now,
    });
    // A chat that had blocked the bot and writes again gets what was held back for it.
    const { identity } = found;
    if (!identity.active) {
      await tx.identities.update(identity.id, { active: true, inactiveReason: null });
      await tx.outbox.resumeForIdentity(identity.id);
      return { ...found, identity: { ...identity, active: true, inactiveReason: null } };
    }
    return found;
  }

  function actorOf(seenCtx: SeenContext, event: InboundEvent): Actor {
    const { identity } = seenCtx;
    const member = seenCtx.member?.status === "ACTIVE" ? seenCtx.member : null;
    const branch = member ? seenCtx.branch : null;
    const removed = seenCtx.member?.status === "REMOVED" && seenCtx.branch ? { member: seenCtx.member, branch: seenCtx.branch } : null;
    const label = chatLabel(event.platform, event.userId);
    return {
      identity,
      member,
      branch,
      removed,
      isOperator: services.settings.operators.has(label),
      // A removed member reads in their chat's language (set by /ngonngu), else their branch's.
      locale: services.messages.localeOf(member, branch ?? removed?.branch ?? null, identity),
      label,
    };
  }

  /** Takes the chat's flow; an expired one is removed. Returns true when one had expired. */
  async function loadFlow(ctx: Ctx, state: FlowState | null): Promise<boolean> {
    if (!state) return false;
    if (state.expiresAt <= ctx.now || !registry.flow(state.flow)) {
      await ctx.tx.flows.delete(state.identityId);
      return true;
    }
    ctx.flow = state;
    return false;
  }

  async function route(ctx: Ctx, flowExpired: boolean): Promise<void> {
    const event = ctx.event;
    if (event.unsupported) return ctx.reply(ctx.t("input-unsupported"));
    if (event.choice !== undefined) return runAction(ctx, event.choice);

    const text = cleanInput(event.text ?? "");
    // Refused before any flow sees it; inside a flow the question is asked again, so the person
    // knows what is still expected of them.
    if (!text) return refuse(ctx, "input-empty", {});
    if (text.length > MAX_INPUT_CHARS) return refuse(ctx, "input-too-long", { count: text.length, max: MAX_INPUT_CHARS });

    const slash = /^\/([A-Za-z0-9_]+)(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text);
    if (slash) return runCommand(ctx, slash[1] ?? "", slash[2]?.trim() ?? "");

    if (await answerTyped(ctx, text)) return;

    const words = fold(text).split(" ");
    if (ctx.flow) {
      if (CANCEL_WORDS.has(text.toLowerCase().replace(/[.!]+$/, ""))) return runCommand(ctx, "huy", "");
      return runFlowText(ctx, text);
    }
    const typed = typedCommand(words);
    if (typed && (typed.used === words.length || typed.command.bareArgs)) {
      return runCommand(ctx, typed.command.name, argsAfter(text, typed.used));
    }
    // Eight digits alone are a link code from /lienket (invite codes always have letters).
    if (/^\d{4}[ -]?\d{4}$/.test(text) && registry.command("lienket")) return runCommand(ctx, "lienket", text);
    if (!ctx.actor.member && looksLikeCode(text)) {
      const start = registry.command("start");
      if (start) return runCommand(ctx, "start", text);
    }
    if (flowExpired) return ctx.reply(ctx.t("flow-expired"));
    // A question is waiting for an answer: ask it again rather than let it scroll away.
    const waiting = (await openQuestions(ctx)).find((q) => !isFlowTopic(q.topic) && q.topic !== WHICH_TOPIC && choicesOf(q).length);
    if (waiting) {
      ctx.reply(ctx.t("answer-not-understood"));
      // Asked again, it stays open as long as it was going to (a reminder until its meeting).
      const question = { topic: waiting.topic, until: waiting.expiresAt.toISOString(), ...(waiting.title ? { title: waiting.title } : {}) };
      return ctx.reply({ text: waiting.text, choices: [choicesOf(waiting)], question });
    }
    ctx.reply(ctx.t(ctx.actor.member ? "fallback-member" : "fallback-stranger"));
  }

  /** The chat's open questions, read once per event (only when typed text needs them). */
  async function openQuestions(ctx: Ctx): Promise<OpenQuestion[]> {
    return (ctx.openQuestions ??= await ctx.tx.questions.open(ctx.actor.identity.id, ctx.now));
  }

  /** Text that answers an open question (or fits several: then "which one?"); false when it answers none. */
  async function answerTyped(ctx: Ctx, text: string): Promise<boolean> {
    const found = resolveTyped(await openQuestions(ctx), text, { flowToken: ctx.flow?.token ?? null });
    if (found.kind === "none") return false;
    if (found.kind === "ambiguous") {
      askWhich(ctx, found.candidates);
      return true;
    }
    // Answered: the question is closed, and "which one?" with it (a flow's next step asks its own).
    const answered = [found.question.topic, topicOfAction(found.choice.action), WHICH_TOPIC].filter((t) => !isFlowTopic(t));
    await ctx.tx.questions.close(ctx.actor.identity.id, [...new Set(answered)]);
    await runAction(ctx, found.choice.action);
    return true;
  }

  /** One typed answer fits several questions: list them, each with the choice the answer would make. */
  function askWhich(ctx: Ctx, candidates: Candidate[]): void {
    // In the order they came, as they stand on the screen from top to bottom.
    const listed = [...candidates].sort((a, b) => a.question.outboxId - b.question.outboxId);
    ctx.reply({
      text: ctx.t("answer-which", { count: candidates.length }),
      choices: listed.map((c) => [
        { label: ctx.t("answer-which-item", { answer: c.choice.label, about: c.question.title ?? ctx.t("answer-which-current") }), action: c.choice.action },
      ]),
      question: { topic: WHICH_TOPIC },
    });
  }

  /** The command the first words name, as typed on a phone: "trợ giúp", "lien ket 4829 1375"; longest first. */
  function typedCommand(words: string[]): { command: CommandDef; used: number } | null {
    for (let n = Math.min(words.length, 4); n >= 1; n--) {
      const command = registry.command(words.slice(0, n).join(""));
      if (command) return { command, used: n };
    }
    return null;
  }

  async function refuse(ctx: Ctx, key: string, args: Record<string, string | number>): Promise<void> {
    const def = ctx.flow && registry.flow(ctx.flow.flow);
    if (def && def.steps[ctx.flow!.step]) return askAgain<Access>(ctx, def, { kind: "invalid", key, args });
    ctx.reply(ctx.t(key, args));
  }

  async function runCommand(ctx: Ctx, word: string, args: string): Promise<void> {
    const command = registry.command(word);
    if (!command) return ctx.reply(ctx.t("command-unknown", { command: word.slice(0, 32) }));
    await runAllowed<Access, string>(ctx, command, args);
  }

  async function runAction(ctx: Ctx, action: string): Promise<void> {
    const parts = action.split(":");
    if (parts[0] === "f") return runFlowChoice(ctx, parts[1] ?? "", parts.slice(2).join(":"));
    const def = registry.action(parts[0] ?? "");
    if (!def) return ctx.reply(ctx.t("choice-stale"));
    await runAllowed<Access, string[]>(ctx, def, parts.slice(1));
  }

  async function runFlowChoice(ctx: Ctx, token: string, value: string): Promise<void> {
    const state = ctx.flow;
    const def = state && registry.flow(state.flow);
    if (!state || !def || state.token !== token) return ctx.reply(ctx.t("choice-stale"));
    await choiceAs<Access>(ctx, def, state, value);
  }

  // The flow's steps run with the context its access promises. Generic in the access, like
  // runAllowed, so that the check and the steps' type come from the flow's one declaration.

  async function choiceAs<A extends Access>(ctx: Ctx, def: FlowDef<unknown, A>, state: FlowState, value: string): Promise<void> {
    const choice = def.steps[state.step]?.choice;
    if (!choice) return ctx.reply(ctx.t("choice-stale"));
    const allowed = await allowedInFlow(ctx, def);
    if (allowed) await apply(allowed, def, await choice(allowed, state.data, value));
  }

  async function runFlowText(ctx: Ctx, text: string): Promise<void> {
    await textAs<Access>(ctx, registry.flow(ctx.flow!.flow)!, ctx.flow!, text);
  }

  async function textAs<A extends Access>(ctx: Ctx, def: FlowDef<unknown, A>, state: FlowState, text: string): Promise<void> {
    const step = def.steps[state.step];
    if (!step) {
      await ctx.endFlow();
      return ctx.reply(ctx.t("flow-expired"));
    }
    const allowed = await allowedInFlow(ctx, def);
    if (!allowed) return;
    if (!step.text) return apply(allowed, def, { kind: "invalid", key: "input-pick-a-choice", args: {} });
    await apply(allowed, def, await step.text(allowed, state.data, text));
  }

  /** Input refused before the flow saw it: the step's question is asked again. */
  async function askAgain<A extends Access>(ctx: Ctx, def: FlowDef<unknown, A>, next: Next<unknown>): Promise<void> {
    const allowed = await allowedInFlow(ctx, def);
    if (allowed) await apply(allowed, def, next);
  }

  /** The context for the flow's steps; null when the person lost its access mid-way: the flow ends, with the refusal. */
  async function allowedInFlow<A extends Access>(ctx: Ctx, def: FlowDef<unknown, A>): Promise<Ctx<A> | null> {
    const allowed = ctx.as(def.access);
    if (allowed) return allowed;
    await ctx.endFlow();
    ctx.reply(ctx.t(refusalKey(def.access)));
    return null;
  }

  async function apply<A extends Access>(ctx: Ctx<A>, def: FlowDef<unknown, A>, next: Next<unknown>): Promise<void> {
    switch (next.kind) {
      case "go":
        ctx.reply(...next.say);
        return ctx.enterStep(def, next.step, next.data);
      case "end":
        await ctx.endFlow();
        return ctx.reply(...next.say);
      case "invalid": {
        const state = ctx.flow!;
        const step = def.steps[state.step]!;
        ctx.reply(ctx.t(next.key, next.args));
        ctx.reply(renderPrompt(await step.prompt(ctx, state.data), state.token, state.expiresAt));
      }
    }
  }

  async function flushReplies(ctx: Ctx): Promise<void> {
    // Keyed by the update id recorded in this unit of work: a redelivered update never gets here.
    await ctx.tx.outbox.enqueue(replyItems(ctx.event, ctx.actor, mergeReplies(ctx.replies), ctx.now));
  }

  async function abandon(raw: AbandonedUpdate): Promise<void> {
    const update = scoped(raw);
    await store.tx(async (tx) => {
      const now = services.clock.now();
      // Recorded once, however often it comes back and is given up again.
      if (!(await tx.updates.markProcessed(update.platform, update.updateId, now))) return;
      const actorLabel = `${update.platform.toLowerCase()}:${update.userId ?? "unknown"}`;
      await tx.audit.add({ branchId: null, actorId: null, actorLabel, action: "update.abandoned", details: { updateId: update.updateId, botAccountId: update.botAccountId, ...update.details, error: reasonOf(update.error) } }, now);
    });
  }

  return {
    handle,
    abandon,
    get busy() {
      return lock.size;
    },
  };
}

/** Text-only replies are joined with what follows, so a person gets one message, not three. */
export function mergeReplies(replies: OutMessage[]): OutMessage[] {
  const out: OutMessage[] = [];
  for (const r of replies) {
    const prev = out.at(-1);
    if (prev && !prev.choices?.length && !prev.files?.length) {
      out[out.length - 1] = { ...r, text: `${prev.text}\n\n${r.text}` };
    } else {
      out.push(r);
    }
  }
  return out;
}

/** What follows the first `used` words of a typed command. */
function argsAfter(text: string, used: number): string {
  const tokens = text.trim().split(/\s+/);
  return tokens.length <= used ? "" : text.trim().replace(new RegExp(`^(?:\\S+\\s+){${used}}`), "").trim();
}

/** An invite code as printed (ABCDE-FGHJK) or typed (abcde fghjk). */
export function looksLikeCode(text: string): boolean {
  return /^[A-Za-z0-9]{4,6}[- ]?[A-Za-z0-9]{4,6}$/.test(text.trim()) && /\d/.test(text);
}

/**
 * The event with its bot account filled in, and its update id made unique across bot accounts:
 * Telegram numbers updates per bot, and nothing promises two Zalo bots never share a message id.
 * The default accounts keep the platform's own ids, as before there were several.
 */
export function scoped<E extends Pick<InboundEvent, "platform" | "updateId" | "botAccountId">>(event: E): E & { botAccountId: string } {
  const botAccountId = event.botAccountId ?? defaultBotAccountId(event.platform);
  if (botAccountId === defaultBotAccountId(event.platform)) return { ...event, botAccountId };
  return { ...event, botAccountId, updateId: `${botAccountId}/${event.updateId}` };
}

function describe(err: unknown): unknown {
  if (err instanceof AppError) return { code: err.code, message: err.message, stack: err.stack };
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return err;
}
