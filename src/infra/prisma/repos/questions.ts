import type { OpenQuestion } from "../../../core/domain/model.ts";
import type { QuestionRepo } from "../../../core/ports/store.ts";
import { Prisma, type DbTx } from "../client.ts";
import type { Provider } from "../migrate.ts";
import type { SqliteDirect } from "../sqlite-direct.ts";
import { fromSqlite } from "../sqlite-rows.ts";

const FLOW_PREFIX = "flow:";

// Read for typed text on every update and written for every delivered question: plain statements
// (prepared ones on SQLite's driver connection) rather than the ORM's per-call planning.
const OPEN_SQL = `SELECT * FROM "OpenQuestion" WHERE "identityId" = ? AND "expiresAt" > ? ORDER BY "outboxId" DESC`;
// Upserts one question, only while its chat exists (a chat erased after its message was queued has
// nothing left to answer with).
const RECORD_SQL = `INSERT INTO "OpenQuestion" ("identityId", "topic", "outboxId", "title", "text", "choices", "reply", "deliveredAt", "expiresAt")
  SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM "Identity" WHERE "id" = ?)
  ON CONFLICT ("identityId", "topic") DO UPDATE SET "outboxId" = excluded."outboxId", "title" = excluded."title", "text" = excluded."text",
    "choices" = excluded."choices", "reply" = excluded."reply", "deliveredAt" = excluded."deliveredAt", "expiresAt" = excluded."expiresAt"`;
const FLOW_CLEANUP_SQL = `DELETE FROM "OpenQuestion" WHERE "identityId" = ? AND "topic" LIKE 'flow:%' AND "topic" <> ?`;

export function questionRepo(db: DbTx, provider: Provider, direct: SqliteDirect | null = null): QuestionRepo {
  const pg = provider === "postgres";
  return {
    async open(identityId, now) {
      if (direct) return direct.all(OPEN_SQL, [identityId, now]).map((r) => fromSqlite<OpenQuestion>(r));
      const rows = await db.$queryRaw<OpenQuestion[]>`SELECT * FROM "OpenQuestion" WHERE "identityId" = ${identityId} AND "expiresAt" > ${now} ORDER BY "outboxId" DESC`;
      return rows.map((r) => ({ ...r, outboxId: Number(r.outboxId) }));
    },
    async record(questions) {
      // One per chat and topic, the last delivered wins (the sender records them in delivery order).
      const latest = [...new Map(questions.map((q) => [`${q.identityId}\u0000${q.topic}`, q])).values()];
      for (const q of latest) {
        const choices = JSON.stringify(q.choices);
        // A chat is in one flow at a time: its current step's question replaces the earlier steps'.
        const flow = q.topic.startsWith(FLOW_PREFIX);
        if (direct) {
          if (flow) direct.run(FLOW_CLEANUP_SQL, [q.identityId, q.topic]);
          direct.run(RECORD_SQL, [q.identityId, q.topic, q.outboxId, q.title, q.text, choices, q.reply, q.deliveredAt, q.expiresAt, q.identityId]);
          continue;
        }
        if (flow) await db.$executeRaw`DELETE FROM "OpenQuestion" WHERE "identityId" = ${q.identityId} AND "topic" LIKE 'flow:%' AND "topic" <> ${q.topic}`;
        const json = pg ? Prisma.sql`${choices}::jsonb` : Prisma.sql`${choices}`;
        await db.$executeRaw`INSERT INTO "OpenQuestion" ("identityId", "topic", "outboxId", "title", "text", "choices", "reply", "deliveredAt", "expiresAt")
          SELECT ${q.identityId}, ${q.topic}, ${q.outboxId}, ${q.title}, ${q.text}, ${json}, ${q.reply}, ${q.deliveredAt}, ${q.expiresAt}
          WHERE EXISTS (SELECT 1 FROM "Identity" WHERE "id" = ${q.identityId})
          ON CONFLICT ("identityId", "topic") DO UPDATE SET "outboxId" = excluded."outboxId", "title" = excluded."title", "text" = excluded."text",
            "choices" = excluded."choices", "reply" = excluded."reply", "deliveredAt" = excluded."deliveredAt", "expiresAt" = excluded."expiresAt"`;
      }
    },
    async close(identityId, topics) {
      if (!topics.length) return;
      if (direct) {
        direct.run(`DELETE FROM "OpenQuestion" WHERE "identityId" = ? AND "topic" IN (${topics.map(() => "?").join(", ")})`, [identityId, ...topics]);
        return;
      }
      await db.$executeRaw`DELETE FROM "OpenQuestion" WHERE "identityId" = ${identityId} AND "topic" IN (${Prisma.join(topics)})`;
    },
    async prune(now) {
      const { count } = await db.openQuestion.deleteMany({ where: { expiresAt: { lte: now } } });
      return count;
    },
  };
}
