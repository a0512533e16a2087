import type { BranchRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";
import type { HotPath } from "../hot/statements.ts";

export function branchRepo(db: DbTx, hot: HotPath): BranchRepo {
  return {
    create: (input) => db.branch.create({ data: input }),
    // Read on joining and by every scheduled job.
    byId: (id) => hot.branch(id),
    list: () => db.branch.findMany({ orderBy: { createdAt: "asc" } }),
    async timezones(ids) {
      const out = new Map<string, string>();
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += 500) {
        for (const b of await db.branch.findMany({ where: { id: { in: unique.slice(i, i + 500) } }, select: { id: true, timezone: true } })) out.set(b.id, b.timezone);
      }
      return out;
    },
    update: (id, patch) => db.branch.update({ where: { id }, data: patch }),
  };
}
