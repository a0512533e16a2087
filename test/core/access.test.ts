// Typed access: what a command, action or flow declares it needs is both what the engine checks
// before running it and what its context promises. At run time, on both databases, a handler
// declared for secretaries is refused to a plain member with the same words as every refusal; at
// compile time (tsc checks this file), a handler that declared nothing cannot read the branch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../src/core/engine/context.ts";
import { end, type FlowDef } from "../../src/core/engine/flow.ts";
import type { ActionDef, CommandDef, Feature } from "../../src/core/engine/registry.ts";
import { allFeatures } from "../../src/core/features/index.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

const probeFlow: FlowDef<Record<string, never>, "secretary"> = {
  name: "probe",
  access: "secretary",
  steps: {
    ask: {
      prompt: (ctx) => ({ text: `Chi bộ: ${ctx.actor.branch.name}`, choices: [[{ label: "Tiếp", value: "next" }]] }),
      choice: (ctx) => end(`Xong: ${ctx.actor.member.fullName}`),
    },
  },
};

// A command, a button's action and a flow for secretaries, reading member and branch without `!`.
const probe: Feature = {
  name: "probe",
  flows: [probeFlow],
  commands: [{ name: "thamdo", alias: "probe", access: "secretary", description: "help-description", run: (ctx) => ctx.startFlow(probeFlow, {}) }],
  actions: [{ prefix: "pq", access: "secretary", run: async (ctx) => ctx.reply(`${ctx.actor.branch.name}: ${ctx.actor.member.fullName}`) }],
};

const SECRETARIES_ONLY = { vi: "Lệnh này chỉ dành cho bí thư, phó bí thư chi bộ.", en: "This command is only for the branch secretary and deputy secretary." };

describe.each(DB_KINDS)("access declared by commands, actions and flows on %s", (db) => {
  let h: Harness;
  const texts = (replies: { text: string }[]) => replies.map((r) => r.text);
  const setMember = async (fullName: string, data: { isSecretary?: boolean; locale?: string | null }) =>
    h.store.db.member.update({ where: { id: (await h.store.db.member.findFirstOrThrow({ where: { fullName } })).id }, data });

  beforeAll(async () => {
    h = await createHarness({ db, features: [...allFeatures, probe] });
    const first = await h.createBranch("Chi bộ Khu phố 5");
    // The first member is secretary and admin; the second a plain member.
    await h.join("lan", first, "Nguyễn Thị Lan");
    const branchId = (await h.store.db.branch.findFirstOrThrow()).id;
    await h.store.db.invite.create({ data: { branchId, code: "THAMDO5MOI", maxUses: 10, expiresAt: new Date(h.clock.now().getTime() + 30 * 86_400_000) } });
    await h.join("binh", "THAMDO5MOI", "Trần Văn Bình");
  });
  afterAll(() => h.close());

  it("an action declared for secretaries refuses a plain member with the usual words, in their language", async () => {
    expect(texts(await h.action("binh", "pq"))).toEqual([SECRETARIES_ONLY.vi]);
    await setMember("Trần Văn Bình", { locale: "en" });
    expect(texts(await h.action("binh", "pq"))).toEqual([SECRETARIES_ONLY.en]);
    await setMember("Trần Văn Bình", { locale: null });
    expect(texts(await h.action("lan", "pq"))).toEqual(["Chi bộ Khu phố 5: Nguyễn Thị Lan"]);
  });

  it("a command declared for secretaries refuses a plain member and strangers, and starts its flow for a secretary", async () => {
    expect(texts(await h.send("binh", "/thamdo"))).toEqual([SECRETARIES_ONLY.vi]);
    expect(texts(await h.send("khach", "/thamdo"))).toEqual([SECRETARIES_ONLY.vi]);
    expect(await h.store.db.flowState.count()).toBe(0);
    expect(texts(await h.send("lan", "/thamdo"))).toEqual(["Chi bộ: Chi bộ Khu phố 5"]);
    expect(texts(await h.press("lan", "Tiếp"))).toEqual(["Xong: Nguyễn Thị Lan"]);
  });

  it("a flow declared for secretaries ends with the refusal when the role is taken away mid-way", async () => {
    await h.send("lan", "/thamdo");
    await setMember("Nguyễn Thị Lan", { isSecretary: false });
    try {
      expect(texts(await h.press("lan", "Tiếp"))).toEqual([SECRETARIES_ONLY.vi]);
      expect(await h.store.db.flowState.count()).toBe(0);
    } finally {
      await setMember("Nguyễn Thị Lan", { isSecretary: true });
    }
  });
});

// Checked by tsc (npm test runs it before the tests): each line marked @ts-expect-error must fail to
// compile, or the build fails. None of these runs.

/** A command that declared no member access has no branch to read. */
export const strangerCommand: CommandDef = {
  name: "khach",
  alias: "guest",
  access: "public",
  description: "help-description",
  run: async (ctx) => {
    // @ts-expect-error: branch may be null for a public command
    ctx.reply(ctx.actor.branch.name);
  },
};

/** Nor does a helper written against the plain context. */
export function undeclared(ctx: Ctx): string {
  // @ts-expect-error: a plain Ctx promises no member
  return ctx.actor.member.fullName;
}

/** A handler written for members cannot be declared for everyone… */
const forMembers = async (ctx: Ctx<"member">) => ctx.reply(ctx.actor.member.fullName);
// @ts-expect-error: declared "public", its handler would run for strangers
export const misdeclared: ActionDef = { prefix: "md", access: "public", run: forMembers };
/** …but it can be for secretaries, who are members. */
export const declared: ActionDef = { prefix: "md", access: "secretary", run: forMembers };

/** A flow for secretaries can only be started from a context that has that access. */
export async function startsUnchecked(ctx: Ctx): Promise<void> {
  // @ts-expect-error: this context was never checked for secretaries
  await ctx.startFlow(probeFlow, {});
}
