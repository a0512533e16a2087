// Joining a branch: /start <code> (or the code typed alone, or a Telegram deep link), then full name,
// the privacy notice and consent, and a confirmation. Nothing is stored until the person confirms.
import { inviteProblem, normalizeCode } from "../domain/invites.ts";
import type { Invite } from "../domain/model.ts";
import { hasNamesake } from "../domain/names.ts";
import type { Ctx } from "../engine/context.ts";
import { confirmRow } from "../engine/controls.ts";
import { cleanName } from "../text.ts";
import { end, go, invalid, type FlowDef, type Next } from "../engine/flow.ts";
import type { Feature } from "../engine/registry.ts";
import { admitCode, codeFailed, codeSucceeded } from "./code-guard.ts";
import { botPlace } from "./invite-text.ts";
import { branchNames } from "./names.ts";
import { roleNames } from "./roles.ts";
import { announceSecretaryGrant } from "./secretary-grants.ts";

interface JoinDraft {
  inviteId: string;
  code: string;
  branchId: string;
  branchName: string;
  isSecretary: boolean;
  isDeputy?: boolean;
  isAdmin: boolean;
  fullName?: string;
}

export const NAME_MAX = 80;
// Letters with their marks, spaces, and the apostrophes and hyphens of names such as H'Hen Niê.
const NAME_CHARS = /^[\p{L}\p{M}' ’.-]+$/u;

/** A full name as it should be stored, or the key of what is wrong with it. */
export function parseFullName(text: string): { name: string } | { problem: string } {
  const name = cleanName(text);
  if (name.length > NAME_MAX) return { problem: "onboarding-name-too-long" };
  if (!NAME_CHARS.test(name)) return { problem: "onboarding-name-invalid" };
  if (name.split(" ").filter((w) => /\p{L}/u.test(w)).length < 2) return { problem: "onboarding-name-incomplete" };
  // "nguyễn văn an" and "NGUYỄN VĂN AN" become "Nguyễn Văn An"; mixed case is kept as typed.
  const uniform = name === name.toLowerCase() || name === name.toUpperCase();
  return { name: uniform ? name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase()) : name };
}

const joinFlow: FlowDef<JoinDraft> = {
  name: "join",
  access: "public",
  ttlHours: 72,
  steps: {
    name: {
      prompt: (ctx, d) => ({ text: ctx.t("onboarding-ask-name", { branch: d.branchName }) }),
      text: (_ctx, d, text) => {
        const parsed = parseFullName(text);
        if ("problem" in parsed) return invalid(parsed.problem, { max: NAME_MAX });
        return go("consent", { ...d, fullName: parsed.name });
      },
    },
    consent: {
      prompt: (ctx) => ({
        text: ctx.t("onboarding-privacy"),
        choices: [[{ label: ctx.t("onboarding-agree"), value: "yes" }, { label: ctx.t("onboarding-disagree"), value: "no" }]],
      }),
      choice: (ctx, d, value) => {
        if (value === "yes") return go("confirm", d);
        // Only the offered "no" declines: a forged or unknown value asks again.
        return value === "no" ? end(ctx.t("onboarding-declined")) : invalid("input-pick-a-choice");
      },
    },
    confirm: {
      prompt: (ctx, d) => ({
        text: ctx.t("onboarding-confirm", { branch: d.branchName, name: d.fullName ?? "", role: roleNames(ctx.t, d) }),
        choices: [confirmRow(ctx.t)],
      }),
      choice: async (ctx, d, value) => {
        if (value === "edit") return go("name", d);
        if (value === "cancel") return end(ctx.t("cancel-done"));
        if (value !== "ok") return invalid("input-pick-a-choice");
        return join(ctx, d);
      },
    },
  },
};

async function join(ctx: Ctx, d: JoinDraft): Promise<Next<JoinDraft>> {
  const { tx, now, actor } = ctx;
  // The invite may have been used up or revoked while this person was typing. (Reads asked for
  // together here and below go to the database in one round trip.)
  const [invite, branch] = await Promise.all([tx.invites.byCode(d.code), tx.branches.byId(d.branchId)]);
  const problem = inviteProblem(invite, now) ?? (branch?.id === invite?.branchId ? null : "invite-unknown");
  if (problem || !invite || !branch || !(await tx.invites.use(invite.id, now))) return end(ctx.t(problem ?? "invite-used-up"));

  const joining = tx.members.create({
    branchId: branch.id,
    fullName: d.fullName ?? "",
    isSecretary: invite.grantsSecretary,
    isDeputy: invite.grantsSecretary && invite.grantsDeputy,
    isAdmin: invite.grantsAdmin,
    locale: actor.locale,
    preferredPlatform: actor.identity.platform,
    consentAt: now,
  });
  const [member] = await Promise.all([joining, codeSucceeded(ctx, "invite")]);
  await tx.identities.update(actor.identity.id, { memberId: member.id });
  actor.member = member;
  actor.branch = branch;
  await ctx.audit("member.joined", { memberId: member.id, inviteId: invite.id, secretary: member.isSecretary, deputy: member.isDeputy, admin: member.isAdmin }, branch.id);

  // The branch's admins learn who joined, each in their own language (and of a namesake, which a
  // note in /thanhvien can tell apart).
  const [names, admins] = await Promise.all([branchNames(tx, branch.id), tx.members.listWithRole(branch.id, "admin")]);
  const namesake = hasNamesake(member, names.roster);
  for (const admin of admins) {
    if (admin.id === member.id) continue;
    await ctx.services.messages.toMember(tx, admin, branch, `joined:${member.id}:${admin.id}`, (t) => ({
      text: [t("onboarding-admin-notice", { name: names.of(member), role: roleNames(t, member) }), ...(namesake ? [t("onboarding-admin-namesake")] : [])].join(" "),
    }), { audience: "admin" });
  }
  if (member.isSecretary) {
    const creator = invite.createdById ? await tx.members.byId(invite.createdById) : null;
    await announceSecretaryGrant(ctx, member, { kind: "invite", by: creator, inviteId: invite.id });
  }
  const next = member.isAdmin ? "onboarding-next-admin" : member.isSecretary ? "onboarding-next-secretary" : "onboarding-next-member";
  return end(ctx.t("onboarding-welcome", { name: member.fullName, branch: branch.name }) + "\n\n" + ctx.t(next));
}

/** Checks a typed code, counting wrong ones so that guessing slows down (see code-guard.ts). */
async function startWithCode(ctx: Ctx, raw: string): Promise<void> {
  const { tx, now, actor } = ctx;
  if (actor.member) return ctx.reply(ctx.t("onboarding-already-member", { branch: actor.branch?.name ?? "" }));
  if (!(await admitCode(ctx, "invite"))) return;
  const code = normalizeCode(raw);
  const invite: Invite | null = /^[A-Z0-9]{1,64}$/.test(code) ? await tx.invites.byCode(code) : null;
  const problem = inviteProblem(invite, now);
  const branch = invite && !problem ? await tx.branches.byId(invite.branchId) : null;
  if (!invite || !branch) {
    await codeFailed(ctx, "invite");
    return ctx.reply(ctx.t(problem ?? "invite-unknown"));
  }
  // On Zalo a code is typed to the bot it belongs to (that bot's users cap counts it).
  const bot = invite.botAccountId && actor.identity.platform === "ZALO" && invite.botAccountId !== actor.identity.botAccountId ? await tx.bots.byId(invite.botAccountId) : null;
  if (bot && bot.status === "ACTIVE") return ctx.reply(ctx.t("invite-other-bot", { bot: botPlace(ctx.t, bot) }));
  // A valid code clears nothing: only joining does, so a shared code cannot reset the count of guesses.
  await ctx.startFlow(joinFlow, {
    inviteId: invite.id,
    code: invite.code,
    branchId: branch.id,
    branchName: branch.name,
    isSecretary: invite.grantsSecretary,
    isDeputy: invite.grantsSecretary && invite.grantsDeputy,
    isAdmin: invite.grantsAdmin,
  });
}

function status(ctx: Ctx): void {
  const { member, branch } = ctx.actor;
  if (!member) return ctx.reply(ctx.t("onboarding-stranger"));
  ctx.reply(ctx.t("onboarding-status", { name: member.fullName, branch: branch?.name ?? "", role: roleNames(ctx.t, member) }));
}

export const onboardingFeature: Feature = {
  name: "onboarding",
  flows: [joinFlow],
  commands: [
    {
      name: "start",
      alias: "batdau",
      access: "public",
      description: "onboarding-description",
      bareArgs: true,
      run: async (ctx, args) => (args ? startWithCode(ctx, args) : status(ctx)),
    },
  ],
};

