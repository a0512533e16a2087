import type { OutboxItem } from "../../../core/domain/model.ts";
import type { OutboxRepo } from "../../../core/ports/store.ts";
import type { DbTx } from "../client.ts";
import type { HotPath } from "../hot/statements.ts";
import type { Provider } from "../migrate.ts";
import { dropFileBytes } from "./outbox-files.ts";

const BATCH = 500;
/** Keys looked up per statement: they travel as one array (or JSON) parameter. */
const KEYS_PER_LOOKUP = 5_000;
/** Up to this many items go in one statement each (replies: one to three); more go in bulk. */
const ONE_BY_ONE = 8;

export function outboxRepo(db: DbTx, hot: HotPath, provider: Provider): OutboxRepo {
  // Which of these keys are queued: the jobs ask it of every key they would queue at every tick (a
  // province's reminders are 450,000). One parameter for thousands of keys, not an IN list of
  // bound values built and parsed by the ORM.
  const keysIn = (keys: string[]) =>
    provider === "postgres"
      ? db.$queryRaw<Array<{ key: string }>>`SELECT "key" FROM "Outbox" WHERE "key" = ANY(${keys})`
      : db.$queryRaw<Array<{ key: string }>>`SELECT "key" FROM "Outbox" WHERE "key" IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`;

  return {
    async enqueue(items) {
      if (!items.length) return;
      const unique = [...new Map(items.map((i) => [i.key, i])).values()];
      // Keys already there are skipped by the insert itself: no look-up first.
      if (unique.length <= ONE_BY_ONE) return hot.enqueue(unique, new Date());
      await hot.insertBulk(unique, new Date());
    },

    async insertNew(items) {
      // In key order: two instances inserting overlapping keys then lock them in the same order and
      // one waits for the other instead of both deadlocking. ON CONFLICT DO NOTHING rather than a
      // look-up first: an instance racing this one on the same keys waits for it, then skips them.
      const unique = [...new Map(items.map((i) => [i.key, i])).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return hot.insertBulk(unique, new Date());
    },

    async withdraw(keys, reason) {
      let count = 0;
      for (let i = 0; i < keys.length; i += BATCH) {
        const res = await db.outbox.updateMany({
          where: { key: { in: keys.slice(i, i + BATCH) }, status: { in: ["PENDING", "HELD"] } },
          data: { status: "FAILED", lastError: reason.slice(0, 500), claimedBy: null, claimedUntil: null },
        });
        count += res.count;
      }
      return count;
    },

    async withdrawAudience(memberId, audience) {
      const { count } = await db.outbox.updateMany({
        where: { memberId, audience, status: { in: ["PENDING", "HELD"] } },
        data: { status: "FAILED", lastError: `no-longer-${audience}`, claimedBy: null, claimedUntil: null },
      });
      return count;
    },

    // The sender claims after nearly every update: one statement that picks, leases and returns the rows.
    claim: (owner, now, leaseMs, limit, platforms, skipAccounts = [], leased = false) => hot.claim(owner, now, leaseMs / 1000, limit, platforms, skipAccounts, leased),
    extend: (ids, owner, leaseMs) => hot.extend(ids, owner, leaseMs / 1000),

    // Every result below is written only where this sender still holds the claim: a message whose
    // lease ran out and was taken by another instance is that instance's to record.
    markSent: (ids, at, owner) => hot.markSent(ids, at, owner),
    async dropFiles(ids) {
      await dropFileBytes(db, ids);
    },
    async retryLater(id, notBefore, error, owner) {
      await db.outbox.updateMany({
        where: { id, claimedBy: owner },
        data: { status: "PENDING", notBefore, lastError: error.slice(0, 500), claimedBy: null, claimedUntil: null, attempts: { increment: 1 } },
      });
    },
    async markFailed(id, error, owner) {
      await db.outbox.updateMany({
        where: { id, claimedBy: owner },
        data: { status: "FAILED", lastError: error.slice(0, 500), claimedBy: null, claimedUntil: null, attempts: { increment: 1 } },
      });
    },
    async defer(ids, notBefore, reason, owner) {
      if (!ids.length) return;
      await db.outbox.updateMany({ where: { id: { in: ids }, status: "PENDING", claimedBy: owner }, data: { claimedBy: null, claimedUntil: null, notBefore, lastError: reason.slice(0, 500) } });
    },
    async release(ids, notBefore, owner) {
      if (!ids.length) return;
      await db.outbox.updateMany({ where: { id: { in: ids }, status: "PENDING", claimedBy: owner }, data: { claimedBy: null, claimedUntil: null, notBefore } });
    },
    async holdForIdentity(identityId, error) {
      const { count } = await db.outbox.updateMany({
        where: { identityId, status: "PENDING" },
        data: { status: "HELD", lastError: error.slice(0, 500), claimedBy: null, claimedUntil: null },
      });
      return count;
    },
    async resumeForIdentity(identityId) {
      // Their own times stay: what was due long ago and has outlived its use is dropped at sending,
      // not given a fresh three days because the person wrote again months later.
      const { count } = await db.outbox.updateMany({ where: { identityId, status: "HELD" }, data: { status: "PENDING" } });
      return count;
    },
    async backlog(now) {
      const [pending, dueCount, failed] = await Promise.all([
        db.outbox.count({ where: { status: "PENDING" } }),
        db.outbox.count({ where: { status: "PENDING", notBefore: { lte: now } } }),
        db.outbox.count({ where: { status: "FAILED" } }),
      ]);
      return { pending, due: dueCount, failed };
    },
    byKey: (key) => db.outbox.findFirst({ where: { key } }),
    async existingKeys(keys) {
      const out = new Set<string>();
      for (let i = 0; i < keys.length; i += KEYS_PER_LOOKUP) for (const r of await keysIn(keys.slice(i, i + KEYS_PER_LOOKUP))) out.add(r.key);
      return out;
    },
    async timesOf(keys) {
      const out = new Map<string, { status: OutboxItem["status"]; at: Date }>();
      for (let i = 0; i < keys.length; i += BATCH) {
        const rows = await db.outbox.findMany({ where: { key: { in: keys.slice(i, i + BATCH) } }, select: { key: true, status: true, sentAt: true, notBefore: true } });
        for (const r of rows) out.set(r.key, { status: r.status, at: r.sentAt ?? r.notBefore });
      }
      return out;
    },
  };
}
