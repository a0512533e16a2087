// /taochibo (operators): create a branch and hand over its first invite, which makes the holder the
// branch's secretary and admin.
import { generateCode } from "../domain/invites.ts";
import type { Ctx } from "../engine/context.ts";
import { confirmRow } from "../engine/controls.ts";
import { cleanName } from "../text.ts";
import { end, go, invalid, type FlowDef, type Next } from "../engine/flow.ts";
import type { Feature } from "../engine/registry.ts";
import { replyWithInviteQr } from "./invite-qr.ts";
import { inviteInstructions } from "./invite-text.ts";
import { pickBot, zaloBotsFor } from "./bots/capacity.ts";

interface NewBranchDraft {
  name?: string;
}

export const BRANCH_NAME_MAX = 120;
export const FIRST_INVITE_DAYS = 7;

export function parseBranchName(text: string): { name: string } | { problem: string } {
  const name = cleanName(text);
  if (name.length < 3) return { problem: "branch-name-too-short" };
  if (name.length > BRANCH_NAME_MAX) return { problem: "branch-name-too-long" };
  if (!/\p{L}/u.test(name)) return { problem: "branch-name-invalid" };
  return { name };
}

const newBranchFlow: FlowDef<NewBranchDraft> = {
  name: "newbranch",
  access: "operator",
  steps: {
    name: {
      prompt: (ctx) => ({ text: ctx.t("branch-ask-name") }),
      text: (_ctx, d, text) => {
        const parsed = parseBranchName(text);
        if ("problem" in parsed) return invalid(parsed.problem, { max: BRANCH_NAME_MAX });
        return go("confirm", { ...d, name: parsed.name });
      },
    },
    confirm: {
      prompt: (ctx, d) => ({
        text: ctx.t("branch-confirm", {
          name: d.name ?? "",
          timezone: ctx.services.settings.defaultTimezone,
          language: ctx.t(`language-name-${ctx.services.settings.defaultLocale}`),
        }),
        choices: [confirmRow(ctx.t)],
      }),
      choice: (ctx, d, value) => {
        if (value === "edit") return go("name", d);
        if (value === "cancel") return end(ctx.t("cancel-done"));
        if (value !== "ok") return invalid("input-pick-a-choice");
        return createBranch(ctx, d.name ?? "");
      },
    },
  },
};

async function createBranch(ctx: Ctx, name: string): Promise<Next<NewBranchDraft>> {
  const { tx, now, services } = ctx;
  const branch = await tx.branches.create({ name, timezone: services.settings.defaultTimezone, locale: services.settings.defaultLocale });
  // A new branch has no bot of its own yet: a shared Zalo bot with room, if any (else the code works on any bot).
  const room = services.links.platforms().includes("ZALO") ? pickBot(await zaloBotsFor(tx, branch.id, now), 1) : null;
  const invite = await tx.invites.create({
    branchId: branch.id,
    code: generateCode(),
    grantsSecretary: true,
    grantsAdmin: true,
    maxUses: 1,
    expiresAt: new Date(now.getTime() + FIRST_INVITE_DAYS * 86_400_000),
    createdById: null,
    botAccountId: room?.bot.id ?? null,
  });
  await ctx.audit("branch.created", { name, inviteId: invite.id }, branch.id);
  replyWithInviteQr(ctx, invite, branch, room?.bot ?? null);
  return end(ctx.t("branch-created", { name }) + "\n\n" + inviteInstructions(ctx, invite, branch.timezone, room?.bot ?? null));
}

export const branchesFeature: Feature = {
  name: "branches",
  flows: [newBranchFlow],
  commands: [
    {
      name: "taochibo",
      alias: "newbranch",
      access: "operator",
      description: "branch-description",
      run: async (ctx, args) => {
        if (!args) return ctx.startFlow(newBranchFlow, {});
        const parsed = parseBranchName(args);
        if ("problem" in parsed) return ctx.startFlow(newBranchFlow, {});
        await ctx.startFlow(newBranchFlow, { name: parsed.name }, "confirm");
      },
    },
  ],
};
