import type { CommitmentRepo } from "../../../core/ports/commitments.ts";
import type { DbTx } from "../client.ts";

export function commitmentRepo(_db: DbTx): CommitmentRepo {
  return {};
}
