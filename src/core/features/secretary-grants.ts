// A secretary (bí thư, phó bí thư) reads every member's answers, so nobody becomes one quietly: the
// branch's other secretaries are told who gave the role to whom (the operators, when the branch has
// no other secretary), and it is written to the audit log. This covers a role given in /thanhvien
// and one that came with an invite.
import type { Member } from "../domain/model.ts";
import type { Ctx } from "../engine/context.ts";
import type { T } from "../services/messages.ts";
import type { Platform } from "../types.ts";
import { nameOf } from "./names.ts";
import { roleNames } from "./roles.ts";

export type GrantHow =
  /** An admin gave the role in /thanhvien (`by` may be the member themselves). */
  | { kind: "role"; by: Member }
  /** The member joined with an invite that carried the role; `by` made the invite (null: an operator). */
  | { kind: "invite"; by: Member | null; inviteId: string };

/** Tells who must know that `member` became a secretary, and audits it. Call after the change. */
export async function announceSecretaryGrant(ctx: Ctx, member: Member, how: GrantHow): Promise<void> {
  const { tx } = ctx;
  const branch = await tx.branches.byId(member.branchId);
  if (!branch) return;
  const self = how.by?.id === member.id;
  const name = await nameOf(tx, member);
  const by = how.by ? await nameOf(tx, how.by) : null;
  const byRole = (t: T) => (how.by ? roleNames(t, how.by) : "");
  const role = (t: T) => roleNames(t, { isSecretary: true, isDeputy: member.isDeputy, isAdmin: false });
  // Separate sentences for the branch's secretaries and for operators, who need the branch named.
  const facts = (t: T, audience: "grant" | "grant-op") => {
    const args = { name, by: by ?? "", byRole: byRole(t), role: role(t), branch: branch.name };
    if (how.kind === "invite") return t(`${audience}-${how.by ? "joined" : "joined-operator"}`, args);
    return t(`${audience}-${self ? "self" : "other"}`, args);
  };
  await ctx.audit(
    "member.secretary-granted",
    { memberId: member.id, deputy: member.isDeputy, self, via: how.kind, byMemberId: how.by?.id ?? null, ...(how.kind === "invite" ? { inviteId: how.inviteId } : {}) },
    branch.id,
  );

  const others = (await tx.members.listWithRole(branch.id, "secretary")).filter((s) => s.id !== member.id && s.id !== ctx.actor.member?.id);
  const key = (to: string) => `grant:${ctx.event.platform}:${ctx.event.updateId}:${member.id}:${to}`;
  for (const s of others) {
    await ctx.services.messages.toMember(tx, s, branch, key(s.id), (t) => ({
      text: `${facts(t, "grant")} ${t(s.isAdmin ? "grant-undo-admin" : "grant-undo-other")}`,
    }));
  }
  // A secretary who gives the role to someone else knows of it already.
  if (others.length || (how.kind === "role" && how.by.isSecretary && !self)) return;
  // Nobody in the branch to tell: the people who run the service are.
  for (const label of ctx.services.settings.operators) {
    const [platform, userId] = label.split(":") as [string, string];
    // One chat per bot the operator wrote to: the most recent one hears it.
    const chats = (await tx.identities.byPlatformUser(platform.toUpperCase() as Platform, userId)).filter((i) => i.active);
    const identity = chats.sort((a, b) => (b.lastSeenAt?.getTime() ?? 0) - (a.lastSeenAt?.getTime() ?? 0))[0];
    if (!identity || identity.id === ctx.actor.identity.id) continue;
    const t = ctx.services.messages.bind(ctx.services.messages.localeOf(null, null, identity));
    await ctx.services.messages.toIdentity(tx, identity, key(identity.id), { text: facts(t, "grant-op") });
  }
}
