// Rows read with the SQLite driver directly come back as text and 0/1 where the ORM gives dates,
// booleans and JSON. The schema names such fields consistently, so the conversion goes by name; a
// test reads the same rows both ways and compares them.
import { randomBytes } from "node:crypto";
import { readDate, readJson } from "./sqlite-direct.ts";

const DATES = new Set([
  "createdAt", "updatedAt", "consentAt", "joinedAt", "removedAt", "codeLockedUntil", "lastSeenAt", "expiresAt", "revokedAt",
  "usedAt", "startsAt", "answeredAt", "recordedAt", "deadline", "endsAt", "archivedAt", "submittedAt", "changedAt", "deletedAt",
  "openedAt", "closesAt", "notBefore", "giveUpAt", "claimedUntil", "sentAt", "receivedAt", "deliveredAt", "lastErrorAt", "lastUpdateAt",
  "exemptUntil", "lastFailureAt", "lockedUntil", "windowStart",
]);
const BOOLEANS = new Set(["active", "isSecretary", "isDeputy", "isAdmin", "exempted", "grantsSecretary", "grantsDeputy", "grantsAdmin", "shiftHolidays", "present", "reply"]);
const JSONS = new Set(["data", "payload", "details", "choices"]);

export function fromSqlite<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (DATES.has(k)) out[k] = readDate(v);
    else if (BOOLEANS.has(k)) out[k] = v === null ? null : v === 1 || v === true;
    else if (JSONS.has(k)) out[k] = readJson(v);
    else out[k] = v;
  }
  return out as T;
}

/** An id in the shape of the ORM's cuid() ("c" + 24 lowercase letters and digits), for direct inserts. */
export function newId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const random = BigInt(`0x${randomBytes(10).toString("hex")}`).toString(36).padStart(15, "0").slice(-15);
  return `c${time}${random}`;
}
