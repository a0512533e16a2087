import type { NoticeRepo } from "../../../core/ports/notices.ts";
import type { DbTx } from "../client.ts";

const BATCH = 500;

export function noticeRepo(db: DbTx): NoticeRepo {
  return {
    async add(notices) {
      if (!notices.length) return 0;
      const existing = new Set((await db.notice.findMany({ where: { key: { in: notices.map((n) => n.key) } }, select: { key: true } })).map((n) => n.key));
      const fresh = [...new Map(notices.filter((n) => !existing.has(n.key)).map((n) => [n.key, n])).values()];
      if (fresh.length) await db.notice.createMany({ data: fresh });
      return fresh.length;
    },
    pending: () => db.notice.findMany({ where: { sentAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    async markSent(ids, at) {
      for (let i = 0; i < ids.length; i += BATCH) await db.notice.updateMany({ where: { id: { in: ids.slice(i, i + BATCH) } }, data: { sentAt: at } });
    },
  };
}
