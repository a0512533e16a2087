// Telling the chi ủy about a member's change, each secretary in their own language. Keys carry the
// update that caused the change, so a retried unit of work never tells anyone twice.
import type { Member } from "../../domain/model.ts";
import type { Ctx } from "../../engine/context.ts";
import type { T } from "../../services/messages.ts";
import type { Locale, OutMessage } from "../../types.ts";

export function updateKey(ctx: Ctx, tag: string, memberId: string): string {
  return `${tag}:${ctx.event.platform}:${ctx.event.updateId}:${memberId}`;
}

/** Every active secretary of the actor's branch except the actor. Returns how many were told. */
export async function tellSecretaries(ctx: Ctx, tag: string, build: (t: T, locale: Locale) => OutMessage): Promise<number> {
  const branch = ctx.actor.branch;
  if (!branch) return 0;
  const secretaries = (await ctx.tx.members.listWithRole(branch.id, "secretary")).filter((m) => m.id !== ctx.actor.member?.id);
  for (const s of secretaries) await ctx.services.messages.toMember(ctx.tx, s, branch, updateKey(ctx, tag, s.id), build, { audience: "secretary" });
  return secretaries.length;
}

/** One member of the actor's branch, told in their own language. */
export async function tellMember(ctx: Ctx, member: Member, tag: string, build: (t: T, locale: Locale) => OutMessage): Promise<boolean> {
  return ctx.services.messages.toMember(ctx.tx, member, ctx.actor.branch, updateKey(ctx, tag, member.id), build);
}
