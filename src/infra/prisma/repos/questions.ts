import type { OpenQuestion } from "../../../core/domain/model.ts";
import type { QuestionRepo } from "../../../core/ports/store.ts";
import { Prisma, type DbTx } from "../client.ts";

const FLOW_PREFIX = "flow:";

export function questionRepo(db: DbTx): QuestionRepo {
  return {
    open: (identityId, now) =>
      db.openQuestion.findMany({ where: { identityId, expiresAt: { gt: now } }, orderBy: { outboxId: "desc" } }) as Promise<OpenQuestion[]>,
    async record(questions) {
      // One per chat and topic, the last delivered wins (the sender records them in delivery order).
      const latest = new Map(questions.map((q) => [`${q.identityId}\u0000${q.topic}`, q]));
      if (!latest.size) return;
      // A chat erased (/xoadulieu) after its message was queued has nothing left to answer with.
      const ids = [...new Set(questions.map((q) => q.identityId))];
      const alive = new Set((await db.identity.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((i) => i.id));
      for (const q of latest.values()) {
        if (!alive.has(q.identityId)) continue;
        // A chat is in one flow at a time: its current step's question replaces the earlier steps'.
        if (q.topic.startsWith(FLOW_PREFIX)) {
          await db.openQuestion.deleteMany({ where: { identityId: q.identityId, topic: { startsWith: FLOW_PREFIX, not: q.topic } } });
        }
        const data = { ...q, title: q.title ?? null, choices: q.choices as Prisma.InputJsonValue };
        await db.openQuestion.upsert({
          where: { identityId_topic: { identityId: q.identityId, topic: q.topic } },
          create: data,
          update: data,
        });
      }
    },
    async close(identityId, topics) {
      if (topics.length) await db.openQuestion.deleteMany({ where: { identityId, topic: { in: topics } } });
    },
    async prune(now) {
      const { count } = await db.openQuestion.deleteMany({ where: { expiresAt: { lte: now } } });
      return count;
    },
  };
}
