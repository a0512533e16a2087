import type { QuestionRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";
import type { HotPath } from "../hot/statements.ts";

const FLOW_PREFIX = "flow:";

export function questionRepo(db: DbTx, hot: HotPath): QuestionRepo {
  return {
    open: (identityId, now) => hot.openQuestions(identityId, now),
    async record(questions) {
      // One per chat and topic, the last delivered wins (the sender records them in delivery order);
      // of a chat's flow questions only the last, which replaces the earlier steps'.
      const latest = new Map<string, (typeof questions)[number]>();
      for (const q of questions) latest.set(q.topic.startsWith(FLOW_PREFIX) ? `${q.identityId}\u0000flow` : `${q.identityId}\u0000${q.topic}`, q);
      await hot.recordQuestions([...latest.values()]);
    },
    close: (identityId, topics) => hot.closeQuestions(identityId, topics),
    async prune(now) {
      const { count } = await db.openQuestion.deleteMany({ where: { expiresAt: { lte: now } } });
      return count;
    },
  };
}
