// ORM calls that open a transaction of their own inside the store's unit of work get savepoints;
// several at once in one unit of work must take turns and roll back with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaStore } from "../../src/infra/prisma/store.ts";
import { createTestDb, DB_KINDS } from "../helpers/db.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

describe.each(DB_KINDS)("ORM transactions inside a unit of work on %s", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ db });
    await h.createBranch("Chi bộ Khoa Ngữ văn");
  });
  afterAll(() => h.close());

  it("run side by side without breaking each other", async () => {
    const branch = await h.store.db.branch.findFirstOrThrow();
    await h.store.tx(async () => {
      // Reads with relations and nested writes, several at once, as repositories may issue them.
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          h.store.db.meeting.create({ data: { branchId: branch.id, startsAt: new Date(Date.UTC(2027, 0, 1 + i)), topic: `Họp ${i}` }, include: { branch: true } }),
        ),
      );
      const found = await Promise.all(Array.from({ length: 10 }, () => h.store.db.meeting.findMany({ include: { branch: true, rsvps: true } })));
      expect(found.every((rows) => rows.length === 20)).toBe(true);
    });
    expect(await h.store.db.meeting.count()).toBe(20);
  });

  it("roll back with the unit of work when it fails", async () => {
    const branch = await h.store.db.branch.findFirstOrThrow();
    await expect(
      h.store.tx(async () => {
        await h.store.db.meeting.create({ data: { branchId: branch.id, startsAt: new Date(Date.UTC(2028, 0, 1)) }, include: { branch: true } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await h.store.db.meeting.count({ where: { startsAt: new Date(Date.UTC(2028, 0, 1)) } })).toBe(0);
  });
});

// Prisma gathers the findUnique calls made in the same tick into one batch and runs it outside the
// callers' async context: on PostgreSQL two units of work reading by a unique key at once had their
// reads run on neither unit's connection. With every connection held by a unit, that read waited
// for a free connection for ever (a province's sender froze at its first quota look-ups). SQLite
// runs one unit at a time, so only PostgreSQL has units side by side.
describe.each(DB_KINDS.filter((k) => k === "postgres"))("units of work side by side on %s", (kind) => {
  it("each reads on its own connection: its own uncommitted writes, and no wait for a free connection", async () => {
    const db = await createTestDb(kind);
    const store = await createPrismaStore(db.url, { poolSize: 2 });
    try {
      await store.db.botAccount.createMany({ data: ["u1", "u2"].map((id) => ({ id, platform: "ZALO" as const, label: id })) });
      let written = 0;
      let bothWritten!: () => void;
      const barrier = new Promise<void>((resolve) => (bothWritten = resolve));
      const unit = (id: string, sent: number) =>
        store.tx(async (tx) => {
          await tx.bots.addUsage([{ botAccountId: id, month: "2027-01", sent }]);
          if (++written === 2) bothWritten();
          await barrier;
          // Both read in the same tick, each what only it has written so far.
          return [await tx.bots.usage(id, "2027-01"), await tx.bots.byId(id)] as const;
        });
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the units never finished: a read waited for a connection")), 10_000).unref());
      const [[u1, a1], [u2, a2]] = await Promise.race([Promise.all([unit("u1", 3), unit("u2", 5)]), timeout]);
      expect([u1?.sent, u2?.sent, a1?.id, a2?.id]).toEqual([3, 5, "u1", "u2"]);
    } finally {
      await store.close();
      await db.drop();
    }
  });

  it("an ORM query handed back unawaited still runs on the unit's connection", async () => {
    // Prisma's queries start only when awaited; a unit that returns one (`tx => tx.bots.list()`)
    // had it awaited after the unit's context was left, so it asked the pool for another connection
    // while holding one: with every connection held that way, none ever came.
    const db = await createTestDb(kind);
    const store = await createPrismaStore(db.url, { poolSize: 1 });
    try {
      await store.db.botAccount.create({ data: { id: "u1", platform: "ZALO", label: "u1" } });
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the unit never finished: its query waited for a connection")), 10_000).unref());
      const listed = await Promise.race([store.tx((tx) => tx.bots.list()), timeout]);
      expect(listed.map((b) => b.id)).toContain("u1");
    } finally {
      await store.close();
      await db.drop();
    }
  });
});
