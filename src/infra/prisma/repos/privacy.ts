import type { PrivacyRepo } from "../../../core/ports/privacy.ts";
import type { DbTx } from "../client.ts";
import { eraseMember } from "./erase.ts";
import { readMemberData } from "./member-data.ts";

export function privacyRepo(db: DbTx): PrivacyRepo {
  return {
    exportMember: (memberId) => readMemberData(db, memberId),

    eraseMember: (memberId, plan) => eraseMember(db, memberId, plan),
  };
}
