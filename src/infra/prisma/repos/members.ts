import type { MemberRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";

export function memberRepo(db: DbTx): MemberRepo {
  return {
    create: (input) => db.member.create({ data: input }),
    byId: (id) => db.member.findUnique({ where: { id } }),
    listActive: (branchId) => db.member.findMany({ where: { branchId, status: "ACTIVE" }, orderBy: [{ fullName: "asc" }, { joinedAt: "asc" }] }),
    update: (id, patch) => db.member.update({ where: { id }, data: patch }),
  };
}
