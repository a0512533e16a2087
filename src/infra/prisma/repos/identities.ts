import type { IdentityRepo } from "../../../core/ports/store.ts";
import { Prisma, type DbTx } from "../client.ts";

export function identityRepo(db: DbTx): IdentityRepo {
  return {
    async seen(input) {
      return db.identity.upsert({
        where: { platform_userId: { platform: input.platform, userId: input.userId } },
        create: {
          platform: input.platform,
          userId: input.userId,
          chatId: input.chatId,
          displayName: input.displayName ?? null,
          locale: input.locale ?? null,
          lastSeenAt: input.at,
        },
        update: {
          chatId: input.chatId,
          lastSeenAt: input.at,
          ...(input.displayName ? { displayName: input.displayName } : {}),
        },
      });
    },
    byId: (id) => db.identity.findUnique({ where: { id } }),
    byPlatformUser: (platform, userId) => db.identity.findUnique({ where: { platform_userId: { platform, userId } } }),
    listForMember: (memberId) => db.identity.findMany({ where: { memberId }, orderBy: { lastSeenAt: "desc" } }),
    listForMembers: (memberIds) => db.identity.findMany({ where: { memberId: { in: memberIds } } }),
    async update(id, patch) {
      const { lastChoices, ...rest } = patch;
      await db.identity.update({
        where: { id },
        data: {
          ...rest,
          ...(lastChoices !== undefined ? { lastChoices: lastChoices === null ? Prisma.DbNull : (lastChoices as Prisma.InputJsonValue) } : {}),
        },
      });
    },
  };
}
