import type { DigestRepo } from "../../../core/ports/digests.ts";
import type { DbTx } from "../client.ts";

export function digestRepo(_db: DbTx): DigestRepo {
  return {};
}
