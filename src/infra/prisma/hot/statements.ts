// The hot path: the statements every update and every send runs, written once for both databases
// and run by the driver the store was created with (see driver.ts). Everything else in the
// repositories goes through Prisma.
import type { Meeting, Rsvp } from "../../../core/domain/meetings.ts";
import type { AuditEntry, Branch, FlowState, Identity, Invite, Member, OpenQuestion, OutboxItem, RsvpAnswer } from "../../../core/domain/model.ts";
import type { GuardState } from "../../../core/domain/code-guard.ts";
import type { GuardKind } from "../../../core/ports/code-guards.ts";
import type { NewMember, NewOutboxItem, SeenContext, SeenIdentity } from "../../../core/ports/store.ts";
import { defaultBotAccountId, type Platform } from "../../../core/types.ts";
import { first, type HotDriver, type SqlValue } from "./driver.ts";
import { PRESENCE_PREFIX } from "../repos/leases.ts";
import { newId } from "./rows.ts";

// The chat with its member, branch and flow: one join instead of four look-ups. The column lists
// are the models' own; the contract suite compares what this reads with the ORM's rows.
export const SEEN_COLUMNS = {
  i: ["id", "platform", "botAccountId", "userId", "chatId", "displayName", "locale", "memberId", "active", "inactiveReason", "failedCodes", "codeLockedUntil", "lastSeenAt", "createdAt", "updatedAt"],
  m: ["id", "branchId", "fullName", "nameNote", "isSecretary", "isDeputy", "isAdmin", "partyStatus", "exempted", "exemptReason", "exemptUntil", "reviewForm", "status", "locale", "preferredPlatform", "consentAt", "joinedAt", "removedAt", "updatedAt"],
  b: ["id", "name", "timezone", "locale", "quietStart", "quietEnd", "nudgeMax", "nudgeIntervalHours", "digestHoursBefore", "selfEvalDaysBefore", "commitmentMin", "commitmentMax", "commitmentReminderDays", "retentionMonths", "noticeMinute", "createdAt", "updatedAt"],
  f: ["identityId", "flow", "step", "data", "token", "expiresAt", "version", "updatedAt"],
} as const;
type Alias = keyof typeof SEEN_COLUMNS;

const SEEN_SQL = `SELECT ${Object.entries(SEEN_COLUMNS)
  .flatMap(([alias, cols]) => cols.map((c) => `${alias}."${c}" AS "${alias}_${c}"`))
  .join(", ")}
  FROM "Identity" i
  LEFT JOIN "Member" m ON m."id" = i."memberId"
  LEFT JOIN "Branch" b ON b."id" = m."branchId"
  LEFT JOIN "FlowState" f ON f."identityId" = i."id"
  WHERE i."botAccountId" = ? AND i."userId" = ?`;

function pick<T>(row: Record<string, unknown>, alias: Alias): T | null {
  const key = alias === "f" ? "identityId" : "id";
  if (row[`${alias}_${key}`] === null || row[`${alias}_${key}`] === undefined) return null;
  return Object.fromEntries(SEEN_COLUMNS[alias].map((c) => [c, row[`${alias}_${c}`]])) as T;
}

const OUTBOX_COLUMNS = `("key", "memberId", "identityId", "platform", "botAccountId", "chatId", "payload", "priority", "audience", "status", "attempts", "notBefore", "giveUpAt", "lastError", "createdAt")`;

/** The bot account that sends an item: the platform's default one unless the item names another. */
export const accountOf = (i: Pick<NewOutboxItem, "botAccountId" | "platform">): string => i.botAccountId ?? defaultBotAccountId(i.platform);

export type IdentityPatch = Partial<Pick<Identity, "locale" | "memberId" | "active" | "inactiveReason" | "failedCodes" | "codeLockedUntil">>;

export interface HotPath {
  markProcessed(platform: Platform, updateId: string, at: Date): Promise<boolean>;
  /** The chat with its member, branch and flow; null for a chat never seen. */
  seen(botAccountId: string, userId: string): Promise<SeenContext | null>;
  createIdentity(input: SeenIdentity): Promise<Identity>;
  touchIdentity(id: string, chatId: string, at: Date, displayName: string | null): Promise<void>;
  updateIdentity(id: string, patch: IdentityPatch): Promise<void>;
  identity(id: string): Promise<Identity | null>;
  identitiesOfMember(memberId: string): Promise<Identity[]>;
  member(id: string): Promise<Member | null>;
  createMember(input: NewMember): Promise<Member>;
  membersWithRole(branchId: string, role: "admin" | "secretary"): Promise<Member[]>;
  branch(id: string): Promise<Branch | null>;
  inviteByCode(code: string): Promise<Invite | null>;
  /** A code typed in a chat (joining, linking) is checked against its guessing guard. */
  codeGuard(identityId: string, kind: GuardKind): Promise<GuardState | null>;
  putCodeGuard(identityId: string, kind: GuardKind, state: GuardState): Promise<void>;
  useInvite(id: string, now: Date): Promise<boolean>;
  meeting(id: string): Promise<Meeting | null>;
  rsvp(meetingId: string, memberId: string): Promise<Rsvp | null>;
  setRsvp(input: { meetingId: string; memberId: string; answer: RsvpAnswer; reason: string | null; at: Date }): Promise<Rsvp>;
  flow(identityId: string): Promise<FlowState | null>;
  /** A new flow, replacing whatever the chat had. */
  startFlow(state: Omit<FlowState, "version" | "updatedAt">, now: Date): Promise<void>;
  /** Moves a flow on if it is still at `expectedVersion`; false when another unit moved it first. */
  moveFlow(state: Omit<FlowState, "version" | "updatedAt">, expectedVersion: number, now: Date): Promise<boolean>;
  deleteFlow(identityId: string): Promise<void>;
  openQuestions(identityId: string, now: Date): Promise<OpenQuestion[]>;
  /**
   * Records delivered questions (at most one per chat and topic), in two statements however many:
   * a flow's question replaces the chat's earlier flow questions.
   */
  recordQuestions(questions: OpenQuestion[]): Promise<void>;
  closeQuestions(identityId: string, topics: string[]): Promise<void>;
  /** Queues the items whose key is new (one statement each: replies are one to three), as writes nobody waits for. */
  enqueue(items: NewOutboxItem[], now: Date): Promise<void>;
  /** Inserts many items in a few statements, skipping keys that exist; returns the keys inserted. */
  insertBulk(items: NewOutboxItem[], now: Date): Promise<string[]>;
  /** `leased`: only rows of bot accounts whose send lease `owner` holds (several instances). */
  claim(owner: string, now: Date, leaseSeconds: number, limit: number, platforms: Platform[], skipAccounts: string[], leased: boolean): Promise<OutboxItem[]>;
  extend(ids: number[], owner: string, leaseSeconds: number): Promise<number[]>;
  markSent(ids: number[], at: Date, owner: string): Promise<void>;
  audit(entry: AuditEntry, at: Date): Promise<void>;
}

/** Rows per bulk statement (one JSON parameter, however many rows). */
const BULK = 2000;

export function createHotPath(driver: HotDriver): HotPath {
  const d = driver.dialect;
  const pg = d.kind === "postgres";
  const outboxValues = (i: NewOutboxItem, now: Date): SqlValue[] => [
    i.key, i.memberId, i.identityId, i.platform, accountOf(i), i.chatId, JSON.stringify(i.payload), i.priority ?? 1, i.audience ?? null,
    i.undeliverable ? "FAILED" : "PENDING", i.notBefore, i.giveUpAt, i.undeliverable ?? null, now,
  ];
  const ENQUEUE = `INSERT INTO "Outbox" ${OUTBOX_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?) ON CONFLICT ("key") DO NOTHING`;
  // The rows travel as one JSON parameter that the database unpacks: thousands of rows per
  // statement without thousands of bound parameters.
  const BULK_INSERT = pg
    ? `INSERT INTO "Outbox" ${OUTBOX_COLUMNS}
       SELECT x.k, x.m, x.i, x.p::"Platform", x.b, x.c, x.d::jsonb, x.r, x.a, x.s::"OutboxStatus", 0, x.n::timestamp(3), x.g::timestamp(3), x.e, ?::timestamp(3)
       FROM json_to_recordset(?::json) AS x(k text, m text, i text, p text, b text, r int, a text, c text, d text, s text, n text, g text, e text)
       ON CONFLICT ("key") DO NOTHING RETURNING "key"`
    : `INSERT INTO "Outbox" ${OUTBOX_COLUMNS}
       SELECT json_extract(value, '$.k'), json_extract(value, '$.m'), json_extract(value, '$.i'), json_extract(value, '$.p'),
         json_extract(value, '$.b'), json_extract(value, '$.c'), json_extract(value, '$.d'), json_extract(value, '$.r'), json_extract(value, '$.a'),
         json_extract(value, '$.s'), 0, json_extract(value, '$.n'), json_extract(value, '$.g'), json_extract(value, '$.e'), ?
       FROM json_each(?) WHERE true
       ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
  // Dates inside the JSON as each database's column stores them (the ORM's own format).
  const bulkDate = (v: Date | null) => (v === null ? null : pg ? v.toISOString() : v.toISOString().replace("Z", "+00:00"));
  const bulkRow = (i: NewOutboxItem) => ({
    k: i.key, m: i.memberId, i: i.identityId, p: i.platform, b: accountOf(i), r: i.priority ?? 1, a: i.audience ?? null, c: i.chatId,
    d: JSON.stringify(i.payload), s: i.undeliverable ? "FAILED" : "PENDING", n: bulkDate(i.notBefore), g: bulkDate(i.giveUpAt), e: i.undeliverable ?? null,
  });

  // Questions travel as one JSON parameter too, and only while their chat exists: a chat erased
  // after its message was queued has nothing left to answer with.
  const RECORD_QUESTIONS = `INSERT INTO "OpenQuestion" ("identityId", "topic", "outboxId", "title", "text", "choices", "reply", "deliveredAt", "expiresAt")
    ${pg
      ? `SELECT x.i, x.t, x.o, x.ti, x.tx, x.c::jsonb, x.r, x.d::timestamp(3), x.e::timestamp(3)
         FROM json_to_recordset(?::json) AS x(i text, t text, o int, ti text, tx text, c text, r boolean, d text, e text)
         WHERE EXISTS (SELECT 1 FROM "Identity" WHERE "id" = x.i)`
      : `SELECT json_extract(value, '$.i'), json_extract(value, '$.t'), json_extract(value, '$.o'), json_extract(value, '$.ti'), json_extract(value, '$.tx'),
           json_extract(value, '$.c'), json_extract(value, '$.r'), json_extract(value, '$.d'), json_extract(value, '$.e')
         FROM json_each(?) WHERE EXISTS (SELECT 1 FROM "Identity" WHERE "id" = json_extract(value, '$.i'))`}
    ON CONFLICT ("identityId", "topic") DO UPDATE SET "outboxId" = excluded."outboxId", "title" = excluded."title", "text" = excluded."text",
      "choices" = excluded."choices", "reply" = excluded."reply", "deliveredAt" = excluded."deliveredAt", "expiresAt" = excluded."expiresAt"`;
  // A chat is in one flow at a time: its current step's question replaces the earlier steps'.
  const FLOW_PAIRS = pg
    ? `SELECT x.i || '|' || x.t FROM json_to_recordset(?::json) AS x(i text, t text)`
    : `SELECT json_extract(value, '$.i') || '|' || json_extract(value, '$.t') FROM json_each(?)`;
  const REPLACE_FLOW_QUESTIONS = `DELETE FROM "OpenQuestion" WHERE "topic" LIKE 'flow:%'
    AND "identityId" IN (${pg ? `SELECT x.i FROM json_to_recordset(?::json) AS x(i text)` : `SELECT json_extract(value, '$.i') FROM json_each(?)`})
    AND "identityId" || '|' || "topic" NOT IN (${FLOW_PAIRS})`;

  // Claims run on the database's clock, not the instance's: two instances whose clocks disagree still
  // agree on whose lease has run out. On PostgreSQL, SKIP LOCKED lets instances sharing the database
  // each take different rows; SQLite has one writer at a time anyway.
  // With several instances a row is claimed only by the holder of its bot account's send lease
  // (unexpired, on the database's clock): that account's rate limit and each chat's order then live
  // in one process. One look-up by the lease's primary key per candidate row.
  const LEASED = ` AND EXISTS (SELECT 1 FROM "SendLease" l WHERE l."platform" = "Outbox"."platform"
        AND l."botAccountId" = "Outbox"."botAccountId" AND l."holder" = ? AND l."expiresAt" > ${d.now})`;
  // The holder of an account's lease also takes over what an instance that is gone (its presence
  // lapsed: it died) claimed for it, rather than wait out those claims. Not the claims of an
  // instance still there: it may have sent those messages without having recorded them yet, and it
  // gives back what it has not sent once it knows it lost the lease.
  const GONE = `NOT EXISTS (SELECT 1 FROM "SendLease" p WHERE p."platform" = 'CONSOLE'
        AND p."botAccountId" = '${PRESENCE_PREFIX}' || "Outbox"."claimedBy" AND p."expiresAt" > ${d.now})`;
  const claimSql = (platforms: string, skipped: string, leased: boolean) => `
    UPDATE "Outbox" SET "claimedBy" = ?, "claimedUntil" = ${d.later}
    WHERE "id" IN (
      SELECT "id" FROM "Outbox"
      WHERE "status" = 'PENDING' AND "notBefore" <= ?
        AND ("claimedUntil" IS NULL OR "claimedUntil" < ${d.now}${leased ? ` OR ${GONE}` : ""})
        AND ${platforms}${skipped ? ` AND NOT (${skipped})` : ""}${leased ? LEASED : ""}
      ORDER BY "id" LIMIT ?${pg ? " FOR UPDATE SKIP LOCKED" : ""})
    RETURNING *`;

  return {
    async markProcessed(platform, updateId, at) {
      // An insert that does nothing for a duplicate (a plain insert would raise, and on PostgreSQL
      // that aborts the whole unit of work).
      return (await driver.run(`INSERT INTO "ProcessedUpdate" ("platform", "updateId", "receivedAt") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, [platform, updateId, at])) === 1;
    },

    async seen(botAccountId, userId) {
      const row = await first<Record<string, unknown>>(driver, SEEN_SQL, [botAccountId, userId]);
      if (!row) return null;
      return { identity: pick<Identity>(row, "i")!, member: pick<Member>(row, "m"), branch: pick<Branch>(row, "b"), flow: pick<FlowState>(row, "f") };
    },

    async createIdentity(input) {
      // Every column written here, so the row is known without reading it back: the insert goes
      // with the unit's next statement. (Two first messages racing from one person meet the unique
      // key, and the unit runs again as a conflict.)
      const now = new Date();
      const identity: Identity = {
        id: newId(), platform: input.platform, botAccountId: input.botAccountId, userId: input.userId, chatId: input.chatId,
        displayName: input.displayName ?? null, locale: input.locale ?? null, memberId: null, active: true, inactiveReason: null,
        failedCodes: 0, codeLockedUntil: null, lastSeenAt: input.at, createdAt: now, updatedAt: now,
      };
      await driver.write(
        `INSERT INTO "Identity" (${SEEN_COLUMNS.i.map((c) => `"${c}"`).join(", ")}) VALUES (${SEEN_COLUMNS.i.map(() => "?").join(", ")})`,
        SEEN_COLUMNS.i.map((c) => identity[c]),
      );
      return identity;
    },

    async touchIdentity(id, chatId, at, displayName) {
      await driver.write(`UPDATE "Identity" SET "chatId" = ?, "lastSeenAt" = ?, "displayName" = ?, "updatedAt" = ? WHERE "id" = ?`, [chatId, at, displayName, new Date(), id]);
    },

    async updateIdentity(id, patch) {
      // The keys are column names from the typed patch, never from input.
      const fields = Object.entries(patch).filter(([, v]) => v !== undefined);
      if (!fields.length) return;
      const sets = fields.map(([k]) => `"${k}" = ?`).join(", ");
      await driver.write(`UPDATE "Identity" SET ${sets}, "updatedAt" = ? WHERE "id" = ?`, [...fields.map(([, v]) => v as SqlValue), new Date(), id]);
    },

    identity: (id) => first<Identity>(driver, `SELECT * FROM "Identity" WHERE "id" = ?`, [id]),
    member: (id) => first<Member>(driver, `SELECT * FROM "Member" WHERE "id" = ?`, [id]),
    identitiesOfMember: (memberId) => driver.all<Identity>(`SELECT * FROM "Identity" WHERE "memberId" = ? ORDER BY "lastSeenAt" DESC`, [memberId]),

    async createMember(input) {
      // A member joins when they confirm (consentAt, the core's clock), not when the row is written.
      // Every column is written, so the row is known without reading it back (see createIdentity).
      const member: Member = {
        id: newId(), branchId: input.branchId, fullName: input.fullName, nameNote: null, isSecretary: input.isSecretary, isDeputy: input.isDeputy ?? false,
        isAdmin: input.isAdmin, partyStatus: "FULL", exempted: false, exemptReason: null, exemptUntil: null, reviewForm: null, status: "ACTIVE",
        locale: input.locale, preferredPlatform: input.preferredPlatform, consentAt: input.consentAt, joinedAt: input.consentAt, removedAt: null, updatedAt: new Date(),
      };
      await driver.write(
        `INSERT INTO "Member" (${SEEN_COLUMNS.m.map((c) => `"${c}"`).join(", ")}) VALUES (${SEEN_COLUMNS.m.map(() => "?").join(", ")})`,
        SEEN_COLUMNS.m.map((c) => member[c]),
      );
      return member;
    },

    membersWithRole(branchId, role) {
      const flag = role === "admin" ? "isAdmin" : "isSecretary";
      return driver.all<Member>(`SELECT * FROM "Member" WHERE "branchId" = ? AND "status" = 'ACTIVE' AND "${flag}" = ? ORDER BY "fullName", "joinedAt"`, [branchId, true]);
    },

    branch: (id) => first<Branch>(driver, `SELECT * FROM "Branch" WHERE "id" = ?`, [id]),
    inviteByCode: (code) => first<Invite>(driver, `SELECT * FROM "Invite" WHERE "code" = ?`, [code]),

    codeGuard: (identityId, kind) =>
      first<GuardState>(driver, `SELECT "failures", "lastFailureAt", "lockedUntil", "windowStart", "attempts" FROM "CodeGuard" WHERE "identityId" = ? AND "kind" = ?`, [identityId, kind]),

    async putCodeGuard(identityId, kind, g) {
      await driver.write(
        `INSERT INTO "CodeGuard" ("identityId", "kind", "failures", "lastFailureAt", "lockedUntil", "windowStart", "attempts") VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT ("identityId", "kind") DO UPDATE SET "failures" = excluded."failures", "lastFailureAt" = excluded."lastFailureAt",
           "lockedUntil" = excluded."lockedUntil", "windowStart" = excluded."windowStart", "attempts" = excluded."attempts"`,
        [identityId, kind, g.failures, g.lastFailureAt, g.lockedUntil, g.windowStart, g.attempts],
      );
    },

    async useInvite(id, now) {
      // One conditional increment: people joining on a shared invite at the same moment each get a
      // use while any is left (the database re-checks the condition under the row lock).
      return (await driver.run(`UPDATE "Invite" SET "uses" = "uses" + 1 WHERE "id" = ? AND "uses" < "maxUses" AND "revokedAt" IS NULL AND "expiresAt" > ?`, [id, now])) === 1;
    },

    meeting: (id) => first<Meeting>(driver, `SELECT * FROM "Meeting" WHERE "id" = ?`, [id]),
    rsvp: (meetingId, memberId) => first<Rsvp>(driver, `SELECT * FROM "Rsvp" WHERE "meetingId" = ? AND "memberId" = ?`, [meetingId, memberId]),

    async setRsvp({ meetingId, memberId, answer, reason, at }) {
      const row = await first<Rsvp>(
        driver,
        `INSERT INTO "Rsvp" ("id", "meetingId", "memberId", "answer", "reason", "answeredAt") VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT ("meetingId", "memberId") DO UPDATE SET "answer" = excluded."answer", "reason" = excluded."reason", "answeredAt" = excluded."answeredAt"
         RETURNING *`,
        [newId(), meetingId, memberId, answer, reason, at],
      );
      return row!;
    },

    flow: (identityId) => first<FlowState>(driver, `SELECT * FROM "FlowState" WHERE "identityId" = ?`, [identityId]),

    async startFlow(s, now) {
      await driver.write(
        `INSERT INTO "FlowState" ("identityId", "flow", "step", "data", "token", "expiresAt", "version", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, 0, ?)
         ON CONFLICT ("identityId") DO UPDATE SET
           "flow" = excluded."flow", "step" = excluded."step", "data" = excluded."data", "token" = excluded."token",
           "expiresAt" = excluded."expiresAt", "version" = "FlowState"."version" + 1, "updatedAt" = excluded."updatedAt"`,
        [s.identityId, s.flow, s.step, JSON.stringify(s.data), s.token, s.expiresAt, now],
      );
    },

    async moveFlow(s, expectedVersion, now) {
      const changed = await driver.run(
        `UPDATE "FlowState" SET "flow" = ?, "step" = ?, "data" = ?, "token" = ?, "expiresAt" = ?, "version" = ?, "updatedAt" = ?
         WHERE "identityId" = ? AND "version" = ?`,
        [s.flow, s.step, JSON.stringify(s.data), s.token, s.expiresAt, expectedVersion + 1, now, s.identityId, expectedVersion],
      );
      return changed === 1;
    },

    async deleteFlow(identityId) {
      await driver.write(`DELETE FROM "FlowState" WHERE "identityId" = ?`, [identityId]);
    },

    openQuestions: (identityId, now) =>
      driver.all<OpenQuestion>(`SELECT * FROM "OpenQuestion" WHERE "identityId" = ? AND "expiresAt" > ? ORDER BY "outboxId" DESC`, [identityId, now]),

    async recordQuestions(questions) {
      if (!questions.length) return;
      const flows = JSON.stringify(questions.filter((q) => q.topic.startsWith("flow:")).map((q) => ({ i: q.identityId, t: q.topic })));
      if (flows !== "[]") await driver.write(REPLACE_FLOW_QUESTIONS, [flows, flows]);
      const rows = questions.map((q) => ({
        i: q.identityId, t: q.topic, o: q.outboxId, ti: q.title, tx: q.text, c: JSON.stringify(q.choices), r: q.reply, d: bulkDate(q.deliveredAt), e: bulkDate(q.expiresAt),
      }));
      await driver.write(RECORD_QUESTIONS, [JSON.stringify(rows)]);
    },

    async closeQuestions(identityId, topics) {
      if (!topics.length) return;
      const topic = d.oneOf(`"topic"`, topics);
      await driver.write(`DELETE FROM "OpenQuestion" WHERE "identityId" = ? AND ${topic.sql}`, [identityId, ...topic.params]);
    },

    async enqueue(items, now) {
      for (const i of items) await driver.write(ENQUEUE, outboxValues(i, now));
    },

    async insertBulk(items, now) {
      const inserted: string[] = [];
      for (let i = 0; i < items.length; i += BULK) {
        const json = JSON.stringify(items.slice(i, i + BULK).map(bulkRow));
        for (const r of await driver.all<{ key: string }>(BULK_INSERT, [now, json])) inserted.push(r.key);
      }
      return inserted;
    },

    async claim(owner, now, leaseSeconds, limit, platforms, skipAccounts, leased) {
      if (!platforms.length) return [];
      const platform = d.oneOf(`"platform"`, platforms);
      const skip = skipAccounts.length ? d.oneOf(`"botAccountId"`, skipAccounts) : { sql: "", params: [] };
      const rows = await driver.all<OutboxItem>(claimSql(platform.sql, skip.sql, leased), [
        owner, leaseSeconds, now, ...platform.params, ...skip.params, ...(leased ? [owner] : []), limit,
      ]);
      // RETURNING keeps no order; a chat's messages must go out in the order they were queued.
      return rows.sort((a, b) => a.id - b.id);
    },

    async extend(ids, owner, leaseSeconds) {
      if (!ids.length) return [];
      const id = d.oneOf(`"id"`, ids);
      const rows = await driver.all<{ id: number }>(
        `UPDATE "Outbox" SET "claimedUntil" = ${d.later} WHERE ${id.sql} AND "claimedBy" = ? AND "status" = 'PENDING' RETURNING "id"`,
        [leaseSeconds, ...id.params, owner],
      );
      return rows.map((r) => Number(r.id));
    },

    async markSent(ids, at, owner) {
      if (!ids.length) return;
      const id = d.oneOf(`"id"`, ids);
      await driver.write(
        `UPDATE "Outbox" SET "status" = 'SENT', "sentAt" = ?, "claimedBy" = NULL, "claimedUntil" = NULL, "attempts" = "attempts" + 1
         WHERE ${id.sql} AND "claimedBy" = ?`,
        [at, ...id.params, owner],
      );
    },

    async audit(entry, at) {
      await driver.write(`INSERT INTO "AuditLog" ("id", "branchId", "actorId", "actorLabel", "action", "details", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`, [
        newId(), entry.branchId, entry.actorId, entry.actorLabel, entry.action, entry.details === undefined ? null : JSON.stringify(entry.details), at,
      ]);
    },
  };
}
