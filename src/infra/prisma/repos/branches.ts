import type { BranchRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";

export function branchRepo(db: DbTx): BranchRepo {
  return {
    create: (input) => db.branch.create({ data: input }),
    byId: (id) => db.branch.findUnique({ where: { id } }),
    list: () => db.branch.findMany({ orderBy: { createdAt: "asc" } }),
    update: (id, patch) => db.branch.update({ where: { id }, data: patch }),
  };
}
