// Fuzzing every flow step of every role, on both databases. For each command of the feature registry
// (so a new feature is covered without touching this file) and each kind of person (member,
// secretary, admin, operator, removed member, stranger), fast-check starts the command in a fresh
// branch and feeds random text, numbers, commands, awkward Unicode and forged buttons, with presses
// of offered choices in between to reach the deeper steps. After every message:
//   - nothing failed: no error logged, no "error-internal" answer, no unhandled rejection;
//   - something came back, and everything sent (to anyone) is localised: built from the person's
//     language bundle, no raw key, no unfilled placeable;
//   - an input the bot refused (the engine's refusals, or a step's "invalid" answer that asks again)
//     changed no domain row, and neither did a button value the step never offered;
// After every case, the other branch in the database is exactly as it was.
//
// By default one case per role and command (a fixed seed, well under a minute per database); the
// summary line "fuzz: N cases on <db>" says how many ran. FUZZ_RUNS=2000 runs about that many cases
// per database, mostly on the commands each role may use; FUZZ_SEED=<n> explores other inputs. A
// failure prints the seed, the shrunk case and the conversation that led to it.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Access } from "../../src/core/engine/access.ts";
import type { Feature } from "../../src/core/engine/registry.ts";
import type { FlowDef, Next, StepDef } from "../../src/core/engine/flow.ts";
import { allFeatures } from "../../src/core/features/index.ts";
import { defaultBotAccountId, type Locale, type OutMessage, type Platform } from "../../src/core/types.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, OPERATOR, type Harness } from "../helpers/harness.ts";
import { movesArb, PLAUSIBLE, type Move } from "./fuzz/inputs.ts";
import { loadOracle } from "./fuzz/oracle.ts";
import { idsOf, ROLES, seedBranch, type Role, type SeededBranch } from "./fuzz/seed.ts";
import { snapshot, type Scope } from "./fuzz/snapshot.ts";

const COMMANDS = allFeatures.flatMap((f) => f.commands ?? []);
const PREFIXES = ["f", ...allFeatures.flatMap((f) => f.actions ?? []).map((a) => a.prefix)];
const FLOW_STEPS = allFeatures.flatMap((f) => f.flows ?? []).flatMap((fl) => Object.keys(fl.steps).map((s) => `${fl.name}.${s}`));
const ACCESS: Record<Role, ReadonlyArray<Access>> = {
  member: ["public", "member", "self"],
  secretary: ["public", "member", "self", "secretary"],
  admin: ["public", "member", "self", "admin"],
  operator: ["public", "operator"],
  removed: ["public", "self"],
  stranger: ["public"],
};
const allowed = (role: Role, access: Access) => ACCESS[role].includes(access);
const COMBOS = ROLES.flatMap((role) => COMMANDS.map((command) => ({ role, command })));
const ALLOWED = COMBOS.filter((c) => allowed(c.role, c.command.access)).length;
// A command refused for the role is refused the same way every time: one case each; the other
// cases go to the commands the role may use, where the flows are.
const RUNS = Number(process.env.FUZZ_RUNS ?? COMBOS.length);
const PER_ALLOWED = Math.max(1, Math.round((RUNS - (COMBOS.length - ALLOWED)) / ALLOWED));
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_125);

const oracle = loadOracle();

/** The engine's own refusals: each answers the input, asks again where a question is open, and changes nothing. */
const REFUSALS = [
  "input-empty",
  "input-too-long",
  "input-pick-a-choice",
  "choice-stale",
  "command-unknown",
  "answer-not-understood",
  "fallback-member",
  "fallback-stranger",
  // Every refusal of a command or button to someone it is not for.
  ...[...oracle.keys].filter((k) => k.startsWith("access-denied-")),
];

// Steps that answered "invalid" (asked again): counted by wrapping every step of every flow.
let stepInvalids = 0;
const note = <D>(next: Next<D>): Next<D> => {
  if (next.kind === "invalid") stepInvalids++;
  return next;
};
function observed(features: Feature[]): Feature[] {
  const wrapStep = <D>(s: StepDef<D>): StepDef<D> => ({
    ...s,
    ...(s.text ? { text: async (ctx, d, text) => note(await s.text!(ctx, d, text)) } : {}),
    ...(s.choice ? { choice: async (ctx, d, value) => note(await s.choice!(ctx, d, value)) } : {}),
  });
  const wrapFlow = <D>(fl: FlowDef<D>): FlowDef<D> => ({ ...fl, steps: Object.fromEntries(Object.entries(fl.steps).map(([k, s]) => [k, wrapStep(s)])) });
  return features.map((f) => (f.flows ? { ...f, flows: f.flows.map(wrapFlow) } : f));
}

/** Choice values that leave a step or the flow. */
const LEAVING = new Set(["cancel", "close", "back", "no"]);
const isId = (s: string) => /^c[a-z0-9]{20,}$/.test(s);

describe.each(DB_KINDS)("fuzzing every command and flow step on %s", (db) => {
  let h: Harness;
  let victim: SeededBranch;
  let victimIds: string[];
  let victimRows: Record<string, string>;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => void rejections.push(reason);
  const stats = { cases: 0, inputs: 0, messages: 0, refused: 0 };
  const reached = new Set<string>();
  /** Buttons seen in earlier messages, pressed again later as stale or someone else's. */
  const seenActions: string[] = [];

  beforeAll(async () => {
    process.on("unhandledRejection", onRejection);
    h = await createHarness({ db, features: observed(allFeatures) });
    victim = await seedBranch(h.store.db, "victim", "TELEGRAM", h.clock.now(), "vi");
    victimIds = await idsOf(h.store.db, victim.branchId);
    victimRows = await snapshot(h.store.db, { branchIds: [victim.branchId] });
    // The operator's chats exist before any case.
    for (const platform of ["TELEGRAM", "ZALO"] as const) await h.send(OPERATOR, "/trogiup", { platform });
  });

  afterAll(async () => {
    process.off("unhandledRejection", onRejection);
    console.log(
      `fuzz: ${stats.cases} cases on ${db} (${stats.inputs} fuzzed inputs, ${stats.refused} refused, ${stats.messages} messages in all); ` +
        `flow steps reached: ${reached.size} of ${FLOW_STEPS.length}`,
    );
    if (process.env.FUZZ_RUNS) console.log(`fuzz: steps not reached on ${db}: ${FLOW_STEPS.filter((s) => !reached.has(s)).join(" ")}`);
    await h?.close();
  });

  interface Chat {
    role: Role;
    user: string;
    platform: Platform;
    seeded: SeededBranch;
    /** The chat's identity may be gone (erased with /xoadulieu) and come back with a new id. */
    scope: Scope & { identityId: string | undefined };
    /** Everything this chat sent so far, for the report of a failure. */
    log: string[];
    /** The snapshot taken after the last message, when it changed nothing: still the state now. */
    known: Record<string, string> | null;
  }

  async function openCase(role: Role, platform: Platform, locale: Locale): Promise<Chat> {
    const tag = `${db[0]}${++stats.cases}`;
    const seeded = await seedBranch(h.store.db, tag, platform, h.clock.now(), locale);
    const user = role === "operator" ? OPERATOR : seeded.chats[role];
    const identity = await h.store.db.identity.findUniqueOrThrow({ where: { botAccountId_userId: { botAccountId: defaultBotAccountId(platform), userId: user } } });
    if (role === "operator") {
      await h.store.db.identity.update({ where: { id: identity.id }, data: { locale } });
      await h.store.db.flowState.deleteMany({ where: { identityId: identity.id } });
    }
    return { role, user, platform, seeded, scope: { branchIds: [seeded.branchId, victim.branchId], identityId: identity.id, everywhere: true }, log: [], known: null };
  }

  const identityOf = (chat: Pick<Chat, "user" | "platform">) =>
    h.store.db.identity.findUnique({ where: { botAccountId_userId: { botAccountId: defaultBotAccountId(chat.platform), userId: chat.user } } });

  /** The choices of the last message this chat got (none when it asks for text). */
  function onScreen(chat: Chat): string[] {
    return h.last(chat.user, chat.platform)?.choices?.flat().map((c) => c.action) ?? [];
  }

  /** Makes a move concrete: the text to type or the callback data to send. */
  async function concrete(chat: Chat, move: Move): Promise<{ text: string } | { action: string }> {
    if (move.kind === "type") return { text: move.text };
    const actions = onScreen(chat);
    if (move.kind === "advance") {
      if (!actions.length) return { text: [chat.seeded.inviteCode, ...PLAUSIBLE][move.pick % (PLAUSIBLE.length + 1)]! };
      // Mostly a choice that goes on rather than one that leaves, to reach the deeper steps.
      const onward = actions.map((a, i) => ({ a, i })).filter(({ a }) => !LEAVING.has(a.split(":").slice(2).join(":")));
      const pool = onward.length && move.pick % 5 !== 0 ? onward : actions.map((a, i) => ({ a, i }));
      const { a, i } = pool[Math.floor(move.pick / 5) % pool.length]!;
      return chat.platform === "ZALO" ? { text: String(i + 1) } : { action: a };
    }
    const flow = chat.scope.identityId ? await h.store.db.flowState.findUnique({ where: { identityId: chat.scope.identityId } }) : null;
    const token = flow?.token ?? "nflow0";
    // What the current step offered: the last prompt under the flow's token, wherever it is in the chat.
    const prompt = [...h.inbox(chat.user, chat.platform)].reverse().find((m) => m.choices?.flat().some((c) => c.action.startsWith(`f:${token}:`)));
    const offered = (prompt?.choices?.flat() ?? []).map((c) => c.action.split(":").slice(2).join(":"));
    switch (move.how) {
      case "token": {
        let forged = `${move.junk.replace(/:/g, "")}zzzzzz`.slice(0, 6);
        if (forged === token) forged = "zzzzzz";
        return { action: `f:${forged}:${offered[move.pick % Math.max(1, offered.length)] ?? move.junk}` };
      }
      case "value":
        return { action: `f:${token}:${offered.includes(move.junk) ? `${move.junk}~` : move.junk}` };
      case "victim": {
        const id = victimIds[move.pick % victimIds.length]!;
        const shapes = [...actions, "r:ID:a", "r:ID:v", "h:ID", "dg:a:ID", "dg:m:ID", "cm:e:ID", "cm:v:ID", `f:${token}:m:ID`, `f:${token}:c:ID`, `f:${token}:u:ID`, `f:${token}:ID`];
        const shape = shapes[move.pick % shapes.length]!;
        return { action: shape.split(":").map((part) => (part === "ID" || isId(part) ? id : part)).join(":") };
      }
      case "stale":
        return { action: seenActions.length ? seenActions[move.pick % seenActions.length]! : `f:${move.junk}` };
      case "shape":
        return { action: `${PREFIXES[move.pick % PREFIXES.length]}:${move.junk}` };
    }
  }

  /** A move; on a step that asks for text, "advance" tries a few plausible answers until one is taken. */
  async function advanceOrPlay(chat: Chat, move: Move): Promise<void> {
    if (move.kind !== "advance" || onScreen(chat).length) return play(chat, move);
    const token = async () => (chat.scope.identityId ? (await h.store.db.flowState.findUnique({ where: { identityId: chat.scope.identityId } }))?.token : undefined);
    const before = await token();
    for (let k = 0; k < 4; k++) {
      await play(chat, { kind: "advance", pick: move.pick + k * 7 });
      if (!before || (await token()) !== before) return;
    }
  }

  /** Sends one move and checks what came back. */
  async function play(chat: Chat, move: Move): Promise<void> {
    const input = await concrete(chat, move);
    const isInput = move.kind !== "advance";
    const typed = "text" in input ? input.text : "";
    const said = "text" in input ? `types ${JSON.stringify(input.text.length > 120 ? `${input.text.slice(0, 120)}… (${input.text.length})` : input.text)}` : `presses ${JSON.stringify(input.action)}`;
    chat.log.push(`${chat.role} ${said}`);
    const where = () => `${chat.platform} ${chat.role} (${chat.user}):\n  ${chat.log.join("\n  ")}`;

    // A chat the bot does not know yet (erased a moment ago) is recorded by whatever it sends next.
    const before = isInput && chat.scope.identityId ? (chat.known ?? (await snapshot(h.store.db, chat.scope))) : null;
    chat.known = null;
    const mark = { logs: h.logs.length, rejections: rejections.length, invalids: stepInvalids, sent: Object.values(h.messengers).map((m) => m.sent.length) };
    let replies: OutMessage[];
    try {
      replies = "text" in input ? await h.send(chat.user, input.text, { platform: chat.platform }) : await h.action(chat.user, input.action, { platform: chat.platform });
    } catch (err) {
      throw new Error(`handling threw ${String(err)} after ${where()}`);
    }
    stats.messages++;
    if (isInput) stats.inputs++;

    const errors = h.logs.slice(mark.logs).filter((l) => l.level === "error");
    expect(errors, `errors logged after ${where()}`).toEqual([]);
    expect(rejections.slice(mark.rejections), `unhandled rejection after ${where()}`).toEqual([]);
    expect(replies.length, `no answer after ${where()}`).toBeGreaterThan(0);
    const sent = Object.values(h.messengers).flatMap((m, i) => m.sent.slice(mark.sent[i]));
    for (const { message } of sent) {
      expect(oracle.beginsWith(message.text, ["error-internal"]), `internal error after ${where()}`).toBeNull();
      expect(oracle.problem(message, typed), `after ${where()}`).toBeNull();
    }
    for (const m of replies) for (const c of m.choices?.flat() ?? []) if (!seenActions.includes(c.action)) seenActions.push(c.action);
    if (seenActions.length > 400) seenActions.splice(0, seenActions.length - 400);

    const refusedBy = stepInvalids > mark.invalids ? "a step's invalid answer" : oracle.beginsWith(replies[0]!.text, REFUSALS);
    chat.log.push(`  → ${refusedBy ? `refused (${refusedBy})` : "answered"}: ${JSON.stringify(replies[0]!.text.slice(0, 100))}`);
    if (before && refusedBy) stats.refused++;
    // A value the step never offered, under the flow's own token, changes nothing, whatever the answer.
    const forgedValue = move.kind === "forge" && move.how === "value";
    if (before && (refusedBy || forgedValue)) {
      const after = await snapshot(h.store.db, chat.scope);
      expect(after, `a ${refusedBy ? "refused input" : "forged value"} changed something after ${where()}`).toEqual(before);
      chat.known = after;
    }
    chat.scope.identityId = (await identityOf(chat))?.id;
    const flow = chat.scope.identityId ? await h.store.db.flowState.findUnique({ where: { identityId: chat.scope.identityId } }) : null;
    if (flow) reached.add(`${flow.flow}.${flow.step}`);
  }

  it.each(ROLES)("role %s: every command, then random text, numbers, commands, Unicode and forged buttons", async (role) => {
    // Every command is fuzzed even after one failed: the report lists each failing command.
    const failures: string[] = [];
    for (const [i, command] of COMMANDS.entries()) {
      const caseArb = fc.record({
        platform: fc.constantFrom<Platform>("TELEGRAM", "ZALO"),
        locale: fc.constantFrom<Locale>("vi", "vi", "en"),
        word: fc.constantFrom(command.name, command.alias),
        moves: movesArb,
      });
      const property = fc.asyncProperty(caseArb, async ({ platform, locale, word, moves }) => {
        const chat = await openCase(role, platform, locale);
        await play(chat, { kind: "type", family: "command", text: `/${word}` });
        for (const move of moves) await advanceOrPlay(chat, move);
        expect(await snapshot(h.store.db, { branchIds: [victim.branchId] }), `the other branch changed after ${chat.log.join("\n  ")}`).toEqual(victimRows);
      });
      const seed = SEED + ROLES.indexOf(role) * 1000 + i;
      const result = await fc.check(property, { seed, numRuns: allowed(role, command.access) ? PER_ALLOWED : 1 });
      if (result.failed) failures.push(`/${command.name}: ${fc.defaultReportMessage(result)}\n${String((result.errorInstance as Error | undefined)?.message ?? "")}`);
    }
    expect(failures, failures.join("\n\n")).toEqual([]);
  }, 3_600_000);
});
