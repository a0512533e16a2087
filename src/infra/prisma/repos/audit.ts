import type { AuditRepo } from "../../../core/ports/store.ts";
import type { HotPath } from "../hot/statements.ts";

export function auditRepo(hot: HotPath): AuditRepo {
  return { add: (entry, at) => hot.audit(entry, at) };
}
