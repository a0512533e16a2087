// The per-chat counters behind domain/code-guard.ts: one row per chat and kind ("invite", "link",
// and "any" for the hourly budget).
import type { GuardState } from "../domain/code-guard.ts";

export type GuardKind = "invite" | "link" | "any";

export interface CodeGuardRepo {
  get(identityId: string, kind: GuardKind): Promise<GuardState | null>;
  put(identityId: string, kind: GuardKind, state: GuardState): Promise<void>;
}
