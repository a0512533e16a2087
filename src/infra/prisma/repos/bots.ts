import type { BotAccount } from "../../../core/domain/model.ts";
import type { BotAccountRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";

// The columns the core may see: never the token or the webhook secret.
const PUBLIC = {
  id: true, platform: true, label: true, botUserId: true, username: true, link: true, mode: true, branchId: true,
  usersCap: true, monthlyCap: true, status: true, lastError: true, lastErrorAt: true, lastUpdateAt: true, createdAt: true, updatedAt: true,
} as const;

export function botAccountRepo(db: DbTx): BotAccountRepo {
  return {
    byId: (id) => db.botAccount.findFirst({ where: { id }, select: PUBLIC }),
    list: (opts = {}) =>
      db.botAccount.findMany({
        where: { ...(opts.platform ? { platform: opts.platform } : {}), ...(opts.includeRemoved ? {} : { status: { not: "REMOVED" } }) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: PUBLIC,
      }),
    update: (id, patch) => db.botAccount.update({ where: { id }, data: patch, select: PUBLIC }) as Promise<BotAccount>,
    async load(ids, now) {
      const out = new Map(ids.map((id) => [id, { users: 0, reserved: 0 }]));
      if (!ids.length) return out;
      const users = await db.identity.groupBy({
        by: ["botAccountId"],
        where: { botAccountId: { in: ids }, member: { status: "ACTIVE" } },
        _count: { _all: true },
      });
      for (const u of users) out.get(u.botAccountId)!.users = u._count._all;
      const invites = await db.invite.findMany({
        where: { botAccountId: { in: ids }, revokedAt: null, expiresAt: { gt: now } },
        select: { botAccountId: true, uses: true, maxUses: true },
      });
      for (const i of invites) out.get(i.botAccountId!)!.reserved += Math.max(0, i.maxUses - i.uses);
      return out;
    },
    async branchesServed(id) {
      const account = await db.botAccount.findFirst({ where: { id }, select: { branchId: true } });
      if (account?.branchId) return [account.branchId];
      const rows = await db.member.findMany({ where: { status: "ACTIVE", identities: { some: { botAccountId: id } } }, select: { branchId: true }, distinct: ["branchId"] });
      return rows.map((r) => r.branchId);
    },
    usage: (id, month) => db.botUsage.findFirst({ where: { botAccountId: id, month } }),
    async addUsage(entries) {
      for (const e of entries) {
        if (e.sent <= 0) continue;
        await db.botUsage.upsert({
          where: { botAccountId_month: { botAccountId: e.botAccountId, month: e.month } },
          create: { botAccountId: e.botAccountId, month: e.month, sent: e.sent },
          update: { sent: { increment: e.sent } },
        });
      }
    },
    async markThreshold(id, month, field, at) {
      await db.botUsage.upsert({
        where: { botAccountId_month: { botAccountId: id, month } },
        create: { botAccountId: id, month },
        update: {},
      });
      // Conditional: of two instances crossing the line at once, only one marks it.
      const { count } = await db.botUsage.updateMany({ where: { botAccountId: id, month, [field]: null }, data: { [field]: at } });
      return count === 1;
    },
  };
}
