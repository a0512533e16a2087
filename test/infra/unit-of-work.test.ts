// ORM calls that open a transaction of their own inside the store's unit of work get savepoints;
// several at once in one unit of work must take turns and roll back with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db.ts";
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
