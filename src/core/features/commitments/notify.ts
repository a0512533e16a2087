// Telling the chi ủy about a member's change, each secretary in their own language (through the
// daily notice), and a member about a secretary's comment. Keys carry the update that caused the
// change, so a retried unit of work never tells anyone twice.
import type { Member } from "../../domain/model.ts";
import type { Ctx } from "../../engine/context.ts";
import type { T } from "../../services/messages.ts";
import type { Locale, OutMessage } from "../../types.ts";
import { noteForSecretaries } from "../notices.ts";

export function updateKey(ctx: Ctx, tag: string, memberId: string): string {
  return `${tag}:${ctx.event.platform}:${ctx.event.updateId}:${memberId}`;
}

/**
 * Every active secretary of the actor's branch except the actor, in the chi ủy's daily notice (one
 * message a day, not one per change). Returns how many will be told.
 */
export async function tellSecretaries(ctx: Ctx, tag: string, build: (t: T, locale: Locale) => OutMessage): Promise<number> {
  const branch = ctx.actor.branch;
  if (!branch) return 0;
  return noteForSecretaries(ctx.tx, ctx.services.messages, branch, {
    key: (secretaryId) => updateKey(ctx, tag, secretaryId),
    about: ctx.actor.member?.id ?? null,
    except: ctx.actor.member?.id ?? null,
    now: ctx.now,
    build: (t, locale) => build(t, locale).text,
  });
}

/** One member of the actor's branch, told in their own language. */
export async function tellMember(ctx: Ctx, member: Member, tag: string, build: (t: T, locale: Locale) => OutMessage): Promise<boolean> {
  return ctx.services.messages.toMember(ctx.tx, member, ctx.actor.branch, updateKey(ctx, tag, member.id), build);
}
