// Scheduler ticks on several instances (issue 12, item 3): every instance runs the same jobs at the
// same moment, and the outbox's deterministic keys make that harmless: the rows a tick queues exist
// once, however many instances ran it.
import { afterAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";
import { TestClock } from "../helpers/fakes.ts";
import { addMeeting } from "./digests/seed.ts";
import { branchWithMembers } from "./meetings/helpers.ts";

describe.each(DB_KINDS)("two instances ticking one database on %s", (db) => {
  const harnesses: Harness[] = [];
  afterAll(async () => {
    for (const h of harnesses.reverse()) await h.close();
  });

  it("run the same tick at the same moment: no duplicate rows, and again changes nothing", async () => {
    const clock = new TestClock(new Date("2026-11-20T03:00:00Z"));
    const first = await createHarness({ db, clock });
    harnesses.push(first);
    const branchId = await branchWithMembers(first, "Chi bộ Khu phố 5", [
      ["binh", "Trần Thị Bình"],
      ["cuong", "Lê Hoàng Cường"],
      ["dung", "Phạm Thị Dung"],
    ]);
    // A meeting in two days: its three-day reminder is due now, for every member.
    await addMeeting(first.store.db, branchId, new Date("2026-11-22T12:00:00Z"));
    const second = await createHarness({ db, clock, databaseUrl: first.databaseUrl });
    harnesses.push(second);
    const before = await first.store.db.outbox.count();
    // PostgreSQL: truly at once. SQLite is one instance only (two connections in one process wait
    // on each other's lock synchronously), so there they tick one after the other.
    if (db === "postgres") await Promise.all([first.core.tick(clock.now()), second.core.tick(clock.now())]);
    else for (const h of [first, second]) await h.core.tick(clock.now());
    const rows = await first.store.db.outbox.findMany({ where: { id: { gt: 0 } }, orderBy: { id: "asc" } });
    const queued = rows.slice(before);
    expect(queued.length).toBeGreaterThanOrEqual(4); // the reminder to each of the four members
    expect(new Set(queued.map((r) => r.key)).size).toBe(queued.length);
    expect(new Set(queued.map((r) => `${r.chatId}:${r.key.split(":").slice(0, 2).join(":")}`)).size).toBe(queued.length);
    // Both again, a minute later: what they queued before is not queued twice.
    clock.advance(60_000);
    for (const h of [first, second]) await h.core.tick(clock.now());
    const again = await first.store.db.outbox.findMany({ where: { id: { gt: rows.at(-1)!.id } } });
    expect(again.filter((r) => queued.some((q) => q.key === r.key))).toEqual([]);
    expect(await first.store.db.outbox.count()).toBe(before + queued.length + again.length);
    // Delivered by both instances' senders, each message once.
    await first.sender.drain();
    await second.sender.drain();
    const delivered = [first, second].flatMap((h) => ["an", "binh", "cuong", "dung"].flatMap((u) => h.inbox(u)));
    const reminders = delivered.filter((m) => m.text.startsWith("Nhắc lịch sinh hoạt chi bộ"));
    expect(reminders).toHaveLength(4);
  });
});
