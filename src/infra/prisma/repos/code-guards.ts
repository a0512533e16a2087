import type { CodeGuardRepo } from "../../../core/ports/code-guards.ts";
import type { HotPath } from "../hot/statements.ts";

// Read and written for every code typed in a chat (an invite code is a person's first message).
export function codeGuardRepo(hot: HotPath): CodeGuardRepo {
  return {
    get: (identityId, kind) => hot.codeGuard(identityId, kind),
    put: (identityId, kind, state) => hot.putCodeGuard(identityId, kind, state),
  };
}
