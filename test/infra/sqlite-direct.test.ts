// The hottest statements run on the SQLite driver directly (src/infra/prisma/sqlite-direct.ts).
// What they write must read back through the ORM unchanged, and what they read must equal the ORM's
// reading of the same rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromSqlite, newId } from "../../src/infra/prisma/sqlite-rows.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

describe("direct SQLite statements", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ db: "sqlite" });
    const code = await h.createBranch("Chi bộ Khoa Ngữ văn");
    await h.join("an", code, "Nguyễn Văn An"); // member, identity, invite use, audit, outbox
    await h.send("an", "/ngonngu"); // a flow with choices: FlowState and lastChoices
    await h.send("la", "xin chào");
  });
  afterAll(() => h.close());

  it.each([
    ["Branch", "id", () => h.store.db.branch.findMany({ orderBy: { id: "asc" } })],
    ["Member", "id", () => h.store.db.member.findMany({ orderBy: { id: "asc" } })],
    ["Identity", "id", () => h.store.db.identity.findMany({ orderBy: { id: "asc" } })],
    ["Invite", "id", () => h.store.db.invite.findMany({ orderBy: { id: "asc" } })],
    ["AuditLog", "id", () => h.store.db.auditLog.findMany({ orderBy: { id: "asc" } })],
    ["Outbox", "id", () => h.store.db.outbox.findMany({ orderBy: { id: "asc" } })],
    ["FlowState", "identityId", () => h.store.db.flowState.findMany({ orderBy: { identityId: "asc" } })],
  ] as const)("%s rows read the same through the driver and through the ORM", async (table, key, orm) => {
    const viaDriver = await h.store.tx(async () => h.store.direct()!.all(`SELECT * FROM "${table}" ORDER BY "${key}"`).map((r) => fromSqlite(r)));
    const viaOrm = await orm();
    expect(viaDriver.length).toBeGreaterThan(0);
    expect(viaDriver).toEqual(viaOrm);
  });

  it("ids made for direct inserts look like the ORM's and do not repeat", () => {
    const ids = new Set(Array.from({ length: 10_000 }, newId));
    expect(ids.size).toBe(10_000);
    for (const id of [...ids].slice(0, 50)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });
});
