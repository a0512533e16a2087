// /dulieu: everything stored about oneself; /xoadulieu: erase it. Party membership is sensitive
// personal data under Decree 13/2023/NĐ-CP, so both are one command away for every member, and
// for members an admin removed from the list (access "self"): their data is still held.
import type { Branch, Member } from "../domain/model.ts";
import { chatLabel } from "../engine/access.ts";
import type { Ctx } from "../engine/context.ts";
import { end, invalid, type FlowDef, type Next } from "../engine/flow.ts";
import type { Feature } from "../engine/registry.ts";
import type { ErasePlan, MemberData } from "../ports/privacy.ts";
import { asLocale } from "../services/messages.ts";
import type { Locale, Platform } from "../types.ts";
import { branchNames } from "./names.ts";
import { memberDataFile } from "./privacy-export.ts";
import { createRedactor } from "./privacy-redact.ts";

interface Owner {
  member: Member;
  branch: Branch;
}

/** Whose data this is: the member writing, or a removed member writing from one of their chats. */
function ownerOf(ctx: Ctx): Owner | null {
  if (ctx.actor.member && ctx.actor.branch) return { member: ctx.actor.member, branch: ctx.actor.branch };
  return ctx.actor.removed ?? null;
}

async function exportData(ctx: Ctx): Promise<void> {
  const owner = ownerOf(ctx)!;
  const data = await ctx.tx.privacy.exportMember(owner.member.id);
  if (!data) return ctx.reply(ctx.t("access-denied-self"));
  ctx.reply({
    text: ctx.t("privacy-export", {
      name: owner.member.fullName,
      chats: data.chats.length,
      answers: data.answers.length,
      commitments: data.commitments.filter((c) => !c.deletedAt).length,
      evaluations: data.evaluations.length,
    }),
    files: [memberDataFile(data, ctx.t, ctx.now)],
  });
}

/** The branch's only admin must hand over first: a branch is never left without one. */
async function onlyAdmin(ctx: Ctx, { member, branch }: Owner): Promise<boolean> {
  if (member.status !== "ACTIVE" || !member.isAdmin) return false;
  return (await ctx.tx.members.countActiveAdmins(branch.id)) <= 1;
}

async function startForget(ctx: Ctx): Promise<void> {
  // Said before the confirmation, so nobody confirms an erasure that cannot happen.
  if (await onlyAdmin(ctx, ownerOf(ctx)!)) return ctx.reply(ctx.t("privacy-forget-last-admin"));
  await ctx.startFlow(forgetFlow, {});
}

const forgetFlow: FlowDef<Record<string, never>> = {
  name: "forget",
  access: "self",
  ttlHours: 1,
  steps: {
    confirm: {
      prompt: (ctx) => ({
        text: ctx.t("privacy-forget-confirm", { branch: ownerOf(ctx)?.branch.name ?? "" }),
        choices: [[{ label: ctx.t("privacy-forget-yes"), value: "yes" }, { label: ctx.t("control-cancel"), value: "no" }]],
      }),
      choice: (ctx, _d, value) => {
        if (value === "yes") return forget(ctx);
        // Only the offered "no" cancels: a forged or unknown value asks again.
        return value === "no" ? end(ctx.t("cancel-done")) : invalid("input-pick-a-choice");
      },
    },
  },
};

/** Their own words, to be found in what others received: reasons, commitments, notes, comments. */
function wordsOf(data: MemberData): string[] {
  return [
    ...data.answers.map((a) => a.reason),
    ...data.attendance.map((a) => a.reason),
    ...data.commitments.flatMap((c) => [c.text, ...c.comments.map((r) => r.text)]),
    ...data.commentsWritten.map((r) => r.text),
    ...data.evaluations.flatMap((e) => [e.reflection, ...e.items.map((i) => i.note)]),
    ...data.ratings.map((r) => r.reason),
    data.member.exemptReason,
    data.member.nameNote,
  ].filter((w): w is string => Boolean(w?.trim()));
}

/**
 * Names they went by before: an admin's correction (member.updated, fullName) or a removal keeps
 * the name of the time in the audit details, and messages of the time used it.
 */
function formerNames(data: MemberData): string[] {
  const out: string[] = [];
  for (const entry of data.audit) {
    const d = entry.details as { memberId?: unknown; field?: unknown; from?: unknown; to?: unknown; name?: unknown; fields?: { fullName?: { from?: unknown; to?: unknown } } } | null;
    if (!d || d.memberId !== data.member.id) continue;
    const change = d.field === "fullName" ? d : d.fields?.fullName;
    for (const name of [change?.from, change?.to, d.name]) if (typeof name === "string" && name.trim()) out.push(name);
  }
  return out;
}

/** The operators' chats: notices about a branch with no secretary went there. */
async function operatorChats(ctx: Ctx, exceptMemberId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const label of ctx.services.settings.operators) {
    const [platform, userId] = [label.slice(0, label.indexOf(":")).toUpperCase() as Platform, label.slice(label.indexOf(":") + 1)];
    if (!userId) continue;
    for (const identity of await ctx.tx.identities.byPlatformUser(platform, userId)) if (identity.memberId !== exceptMemberId) ids.push(identity.id);
  }
  return ids;
}

async function erasePlan(ctx: Ctx, { member, branch }: Owner, data: MemberData): Promise<ErasePlan> {
  const branchLocale = asLocale(branch.locale) ?? ctx.services.settings.defaultLocale;
  const tIn = (locale: Locale | null) => ctx.services.messages.bind(locale ?? branchLocale);
  const { operators } = ctx.services.settings;
  return {
    at: ctx.now,
    placeholderName: tIn(null)("privacy-erased-name"),
    pseudonym: tIn(null)("privacy-erased-label", { id: member.id.slice(-6) }),
    // An operator's label stays: their entries as operator are the deployment's record.
    actorLabels: data.chats.map((c) => chatLabel(c.platform, c.userId)).filter((l) => !operators.has(l)),
    extraIdentityIds: await operatorChats(ctx, member.id),
    redact: createRedactor({
      // With a namesake in the branch, lists marked them ("Trần Văn An (2)"): the bare name is the other's too.
      names: [(await branchNames(ctx.tx, branch.id)).of(member), ...formerNames(data)],
      words: wordsOf(data),
      placeholder: (locale) => tIn(locale)("privacy-erased-name"),
      filesRemoved: (locale) => tIn(locale)("privacy-files-removed"),
    }),
  };
}

async function forget(ctx: Ctx): Promise<Next<Record<string, never>>> {
  const owner = ownerOf(ctx);
  if (!owner) return end(ctx.t("access-denied-self"));
  const { member, branch } = owner;
  await ctx.tx.members.lockAdmins(branch.id);
  if (await onlyAdmin(ctx, owner)) return end(ctx.t("privacy-forget-last-admin"));
  const data = await ctx.tx.privacy.exportMember(member.id);
  if (!data) return end(ctx.t("access-denied-self"));
  const name = (await branchNames(ctx.tx, branch.id)).of(member);
  const admins = (await ctx.tx.members.listWithRole(branch.id, "admin")).filter((m) => m.id !== member.id);
  const plan = await erasePlan(ctx, owner, data);
  const counts = await ctx.tx.privacy.eraseMember(member.id, plan);
  // The branch learns that someone left, so it can follow up in person: the one message that still
  // names them, queued after the redaction and deleted with the other sent messages after 30 days.
  for (const admin of admins) {
    await ctx.services.messages.toMember(ctx.tx, admin, branch, `forgot:${member.id}:${admin.id}`, (t) => ({
      text: t("privacy-forget-admin-notice", { name }),
    }), { audience: "admin" });
  }
  await ctx.tx.audit.add({ branchId: branch.id, actorId: member.id, actorLabel: plan.pseudonym, action: "member.erased", details: { memberId: member.id, counts } }, ctx.now);
  return end(ctx.t("privacy-forget-done"));
}

export const privacyFeature: Feature = {
  name: "privacy",
  flows: [forgetFlow],
  commands: [
    { name: "dulieu", alias: "mydata", access: "self", description: "privacy-export-description", run: exportData },
    {
      name: "xoadulieu",
      alias: "forget",
      access: "self",
      description: "privacy-forget-description",
      run: startForget,
    },
  ],
};
