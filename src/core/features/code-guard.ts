// Typed codes (invites, /lienket) go through here: the chat's hourly budget first, then the lockout
// of that kind of code; wrong ones are counted per kind, and only a real success (joining, linking)
// clears that kind's count. See domain/code-guard.ts for the rules.
import { afterFailure, afterSuccess, countAttempt, EMPTY_GUARD, lockedMinutes, type CodeKind } from "../domain/code-guard.ts";
import type { Ctx } from "../engine/context.ts";

const LOCKED_KEYS: Record<CodeKind, string> = { invite: "invite-locked", link: "link-locked" };

/**
 * May this chat try a code of `kind` now? When not, the answer is given and false returned; when it
 * may, the attempt is counted against the hour.
 */
export async function admitCode(ctx: Ctx, kind: CodeKind): Promise<boolean> {
  const { tx, now, actor } = ctx;
  const id = actor.identity.id;
  // Both guards asked for at once: one round trip to a database across the network.
  const [anyGuard, ownGuard] = await Promise.all([tx.codeGuards.get(id, "any"), tx.codeGuards.get(id, kind)]);
  const counted = countAttempt(anyGuard ?? EMPTY_GUARD, now);
  if (counted.waitMinutes) {
    if (!counted.state.lockedUntil) {
      // The hour's budget just ran out: recorded once.
      await tx.codeGuards.put(id, "any", { ...counted.state, lockedUntil: counted.windowEnd });
      await ctx.audit("code.rate-limited", { identityId: id, attempts: counted.state.attempts }, actor.branch?.id ?? null);
    }
    ctx.reply(ctx.t("code-rate-limited", { minutes: counted.waitMinutes }));
    return false;
  }
  const locked = lockedMinutes(ownGuard ?? EMPTY_GUARD, now);
  if (locked) {
    ctx.reply(ctx.t(LOCKED_KEYS[kind], { minutes: locked }));
    return false;
  }
  await tx.codeGuards.put(id, "any", counted.state);
  return true;
}

/** A wrong (or unusable) code of `kind`: counted, and the lockout it earns audited. */
export async function codeFailed(ctx: Ctx, kind: CodeKind): Promise<void> {
  const { tx, now, actor } = ctx;
  const id = actor.identity.id;
  const next = afterFailure((await tx.codeGuards.get(id, kind)) ?? EMPTY_GUARD, now);
  const { waitMinutes, ...state } = next;
  await tx.codeGuards.put(id, kind, state);
  if (waitMinutes) await ctx.audit("code.locked", { identityId: id, kind, failures: state.failures, minutes: waitMinutes }, null);
}

/** The chat joined (invite) or was linked (link): that kind's count starts afresh. */
export async function codeSucceeded(ctx: Ctx, kind: CodeKind): Promise<void> {
  const id = ctx.actor.identity.id;
  const own = await ctx.tx.codeGuards.get(id, kind);
  if (own && (own.failures || own.lockedUntil)) await ctx.tx.codeGuards.put(id, kind, afterSuccess(own));
}
