import type { LinkCodeRepo } from "../../../core/ports/link-codes.ts";
import type { DbTx } from "../client.ts";

export function linkCodeRepo(_db: DbTx): LinkCodeRepo {
  return {};
}
