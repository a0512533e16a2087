import type { BranchRepo } from "../../../core/ports/store.ts";
import type { Branch } from "../../../core/domain/model.ts";
import type { DbTx } from "../client.ts";
import type { SqliteDirect } from "../sqlite-direct.ts";
import { fromSqlite } from "../sqlite-rows.ts";

export function branchRepo(db: DbTx, direct: SqliteDirect | null = null): BranchRepo {
  return {
    create: (input) => db.branch.create({ data: input }),
    async byId(id) {
      // Read on joining and by every scheduled job: see sqlite-direct.ts.
      if (!direct) return db.branch.findUnique({ where: { id } });
      const row = direct.get(`SELECT * FROM "Branch" WHERE "id" = ?`, [id]);
      return row ? fromSqlite<Branch>(row) : null;
    },
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
