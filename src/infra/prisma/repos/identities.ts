import type { IdentityRepo, SeenContext } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";
import type { HotPath } from "../hot/statements.ts";

/** A chat is "seen" again when it changed chat id or was last seen more than this long ago. */
const SEEN_REFRESH_MS = 60_000;

export function identityRepo(db: DbTx, hot: HotPath): IdentityRepo {
  return {
    // Every update reads its chat's identity, member, branch and flow, in one statement.
    async seen(input): Promise<SeenContext> {
      const context = await hot.seen(input.botAccountId, input.userId);
      // A person's first message.
      if (!context) return { identity: await hot.createIdentity(input), member: null, branch: null, flow: null };
      let identity = context.identity;
      const stale = !identity.lastSeenAt || input.at.getTime() - identity.lastSeenAt.getTime() > SEEN_REFRESH_MS;
      const renamed = input.displayName !== undefined && input.displayName !== identity.displayName;
      if (identity.chatId !== input.chatId || stale || renamed) {
        const displayName = renamed ? (input.displayName ?? null) : identity.displayName;
        await hot.touchIdentity(identity.id, input.chatId, input.at, displayName);
        identity = { ...identity, chatId: input.chatId, lastSeenAt: input.at, displayName };
      }
      return { ...context, identity };
    },
    byId: (id) => hot.identity(id),
    byPlatformUser: (platform, userId) => db.identity.findMany({ where: { platform, userId }, orderBy: { lastSeenAt: "desc" } }),
    // Read for every message addressed to a member.
    listForMember: (memberId) => hot.identitiesOfMember(memberId),
    listForMembers: (memberIds) => db.identity.findMany({ where: { memberId: { in: memberIds } } }),
    update: (id, patch) => hot.updateIdentity(id, patch),
  };
}
