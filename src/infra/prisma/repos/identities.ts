import type { Branch, FlowState, Identity, Member } from "../../../core/domain/model.ts";
import type { IdentityRepo, SeenContext } from "../../../core/ports/store.ts";
import { Prisma, type DbTx } from "../client.ts";
import { readDate, readJson, type SqlValue, type SqliteDirect } from "../sqlite-direct.ts";
import { fromSqlite, newId } from "../sqlite-rows.ts";

// Every update reads its chat's identity, member, branch and flow. Through the ORM that is four
// round trips of query planning; one hand-written join is several times faster, and this is the
// hottest path of the bot. The column lists are checked against the ORM's own rows by a test.
const COLUMNS = {
  i: ["id", "platform", "botAccountId", "userId", "chatId", "displayName", "locale", "memberId", "active", "inactiveReason", "failedCodes", "codeLockedUntil", "lastSeenAt", "createdAt", "updatedAt"],
  m: ["id", "branchId", "fullName", "nameNote", "isSecretary", "isDeputy", "isAdmin", "partyStatus", "exempted", "exemptReason", "exemptUntil", "reviewForm", "status", "locale", "preferredPlatform", "consentAt", "joinedAt", "removedAt", "updatedAt"],
  b: ["id", "name", "timezone", "locale", "quietStart", "quietEnd", "nudgeMax", "nudgeIntervalHours", "digestHoursBefore", "selfEvalDaysBefore", "commitmentMin", "commitmentMax", "commitmentReminderDays", "retentionMonths", "noticeMinute", "createdAt", "updatedAt"],
  f: ["identityId", "flow", "step", "data", "token", "expiresAt", "version", "updatedAt"],
} as const;
export const SEEN_COLUMNS = COLUMNS;
// What the SQLite driver hands back as text or 0/1 and the ORM as dates, booleans and JSON.
const DATES = new Set(["codeLockedUntil", "lastSeenAt", "createdAt", "updatedAt", "consentAt", "joinedAt", "removedAt", "expiresAt", "exemptUntil"]);
const BOOLEANS = new Set(["active", "isSecretary", "isDeputy", "isAdmin", "exempted"]);
const JSONS = new Set(["data"]);

const SELECT_LIST = Object.entries(COLUMNS)
  .flatMap(([alias, cols]) => cols.map((c) => `${alias}."${c}" AS "${alias}_${c}"`))
  .join(", ");
const SELECT = Prisma.raw(SELECT_LIST);
const FROM = `FROM "Identity" i
  LEFT JOIN "Member" m ON m."id" = i."memberId"
  LEFT JOIN "Branch" b ON b."id" = m."branchId"
  LEFT JOIN "FlowState" f ON f."identityId" = i."id"`;
const SEEN_SQL = `SELECT ${SELECT_LIST} ${FROM} WHERE i."botAccountId" = ? AND i."userId" = ?`;

type Row = Record<string, unknown>;

function pick<T>(row: Row, alias: keyof typeof COLUMNS, raw = false): T | null {
  const key = alias === "f" ? "identityId" : "id";
  if (row[`${alias}_${key}`] === null || row[`${alias}_${key}`] === undefined) return null;
  return Object.fromEntries(
    COLUMNS[alias].map((c) => {
      const v = row[`${alias}_${c}`];
      if (!raw) return [c, v];
      if (DATES.has(c)) return [c, readDate(v)];
      if (BOOLEANS.has(c)) return [c, v === 1 || v === true];
      if (JSONS.has(c)) return [c, readJson(v)];
      return [c, v];
    }),
  ) as T;
}

/** A chat is "seen" again when it changed chat id or was last seen more than this long ago. */
const SEEN_REFRESH_MS = 60_000;

export function identityRepo(db: DbTx, direct: SqliteDirect | null = null): IdentityRepo {
  return {
    async seen(input): Promise<SeenContext> {
      const row = direct
        ? direct.get<Row>(SEEN_SQL, [input.botAccountId, input.userId])
        : (
            await db.$queryRaw<Row[]>`
              SELECT ${SELECT} ${Prisma.raw(FROM)}
              WHERE i."botAccountId" = ${input.botAccountId} AND i."userId" = ${input.userId}`
          )[0];
      const raw = direct !== null;
      if (!row && direct) {
        // A person's first message: created with the driver too (see sqlite-direct.ts).
        const now = new Date();
        const created = direct.get(
          `INSERT INTO "Identity" ("id", "platform", "botAccountId", "userId", "chatId", "displayName", "locale", "active", "failedCodes", "lastSeenAt", "createdAt", "updatedAt")
           VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?) RETURNING *`,
          [newId(), input.platform, input.botAccountId, input.userId, input.chatId, input.displayName ?? null, input.locale ?? null, input.at, now, now],
        );
        return { identity: fromSqlite<Identity>(created!), member: null, branch: null, flow: null };
      }
      if (!row) {
        const identity = await db.identity.create({
          data: {
            platform: input.platform,
            botAccountId: input.botAccountId,
            userId: input.userId,
            chatId: input.chatId,
            displayName: input.displayName ?? null,
            locale: input.locale ?? null,
            lastSeenAt: input.at,
          },
        });
        return { identity, member: null, branch: null, flow: null };
      }
      let identity = pick<Identity>(row, "i", raw)!;
      const stale = !identity.lastSeenAt || input.at.getTime() - identity.lastSeenAt.getTime() > SEEN_REFRESH_MS;
      const renamed = input.displayName !== undefined && input.displayName !== identity.displayName;
      if (identity.chatId !== input.chatId || stale || renamed) {
        const displayName = renamed ? (input.displayName ?? null) : identity.displayName;
        // Most updates of a running bot come more than a minute after the chat's last one: a plain
        // statement, as for the read above.
        if (direct) {
          direct.run(`UPDATE "Identity" SET "chatId" = ?, "lastSeenAt" = ?, "displayName" = ?, "updatedAt" = ? WHERE "id" = ?`, [input.chatId, input.at, displayName, new Date(), identity.id]);
        } else {
          await db.$executeRaw`UPDATE "Identity" SET "chatId" = ${input.chatId}, "lastSeenAt" = ${input.at}, "displayName" = ${displayName}, "updatedAt" = ${new Date()} WHERE "id" = ${identity.id}`;
        }
        identity = { ...identity, chatId: input.chatId, lastSeenAt: input.at, displayName };
      }
      return { identity, member: pick<Member>(row, "m", raw), branch: pick<Branch>(row, "b", raw), flow: pick<FlowState>(row, "f", raw) };
    },
    byId: (id) => db.identity.findUnique({ where: { id } }),
    byPlatformUser: (platform, userId) => db.identity.findMany({ where: { platform, userId }, orderBy: { lastSeenAt: "desc" } }),
    async listForMember(memberId) {
      // Read for every message addressed to a member.
      if (!direct) return db.identity.findMany({ where: { memberId }, orderBy: { lastSeenAt: "desc" } });
      return direct.all(`SELECT * FROM "Identity" WHERE "memberId" = ? ORDER BY "lastSeenAt" DESC`, [memberId]).map((r) => fromSqlite<Identity>(r));
    },
    listForMembers: (memberIds) => db.identity.findMany({ where: { memberId: { in: memberIds } } }),
    async update(id, patch) {
      if (direct) {
        // The keys are column names from the typed patch, never from input.
        const fields = Object.entries(patch).filter(([, v]) => v !== undefined);
        if (!fields.length) return;
        const sets = fields.map(([k]) => `"${k}" = ?`).join(", ");
        direct.run(`UPDATE "Identity" SET ${sets}, "updatedAt" = ? WHERE "id" = ?`, [...fields.map(([, v]) => v as SqlValue), new Date(), id]);
        return;
      }
      await db.identity.update({ where: { id }, data: patch });
    },
  };
}
