// Rows read with the SQLite driver come back as text and 0/1 where the ORM gives dates, booleans and
// JSON. The schema names such fields consistently, so the conversion goes by name (a joined column
// "m_joinedAt" by its part after the alias); the contract suite reads the same rows both ways.
import { randomBytes } from "node:crypto";

const DATES = new Set([
  "createdAt", "updatedAt", "consentAt", "joinedAt", "removedAt", "codeLockedUntil", "lastSeenAt", "expiresAt", "revokedAt",
  "usedAt", "startsAt", "answeredAt", "recordedAt", "deadline", "endsAt", "archivedAt", "submittedAt", "changedAt", "deletedAt",
  "openedAt", "closesAt", "notBefore", "giveUpAt", "claimedUntil", "sentAt", "receivedAt", "deliveredAt", "lastErrorAt", "lastUpdateAt",
  "exemptUntil", "lastFailureAt", "lockedUntil", "windowStart", "renewedAt",
]);
const BOOLEANS = new Set(["active", "isSecretary", "isDeputy", "isAdmin", "exempted", "grantsSecretary", "grantsDeputy", "grantsAdmin", "shiftHolidays", "present", "reply"]);
const JSONS = new Set(["data", "payload", "details", "choices"]);

/** The adapter's date format (timestampFormat "iso8601"). */
export function sqliteDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

function readDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(typeof v === "number" ? v : String(v));
}

function readJson(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  return typeof v === "string" ? JSON.parse(v) : v;
}

export function fromSqlite<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    const name = k.includes("_") ? k.slice(k.indexOf("_") + 1) : k;
    if (DATES.has(name)) out[k] = readDate(v);
    else if (BOOLEANS.has(name)) out[k] = v === null ? null : v === 1 || v === true;
    else if (JSONS.has(name)) out[k] = readJson(v);
    else out[k] = v;
  }
  return out as T;
}

/** An id in the shape of the ORM's cuid() ("c" + 24 lowercase letters and digits), for inserts by hand. */
export function newId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const random = BigInt(`0x${randomBytes(10).toString("hex")}`).toString(36).padStart(15, "0").slice(-15);
  return `c${time}${random}`;
}
