import type { QuestionRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";
import type { HotPath } from "../hot/statements.ts";

const FLOW_PREFIX = "flow:";

export function questionRepo(db: DbTx, hot: HotPath): QuestionRepo {
  return {
    open: (identityId, now) => hot.openQuestions(identityId, now),
    async record(questions) {
      // One per chat and topic, the last delivered wins (the sender records them in delivery order).
      const latest = [...new Map(questions.map((q) => [`${q.identityId}\u0000${q.topic}`, q])).values()];
      // A chat is in one flow at a time: its current step's question replaces the earlier steps'.
      for (const q of latest) await hot.recordQuestion(q, q.topic.startsWith(FLOW_PREFIX));
    },
    close: (identityId, topics) => hot.closeQuestions(identityId, topics),
    async prune(now) {
      const { count } = await db.openQuestion.deleteMany({ where: { expiresAt: { lte: now } } });
      return count;
    },
  };
}
