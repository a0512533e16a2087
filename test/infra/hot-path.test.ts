// The hot path (src/infra/prisma/hot) runs the statements of every update and every send on the
// database driver, one implementation of the statements over two drivers. This is their contract,
// run on both databases: what they read equals the ORM's reading of the same rows, and what they
// write reads back through the ORM unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../src/infra/prisma/hot/rows.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

const at = new Date(Date.UTC(2026, 11, 2, 3, 4, 5, 678));

describe.each(DB_KINDS)("hot path on %s", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ db });
    const code = await h.createBranch("Chi bộ Khoa Ngữ văn");
    await h.join("an", code, "Nguyễn Văn An"); // member, identity, invite use, audit, outbox
    await h.send("an", "/ngonngu"); // a flow with choices: FlowState and an open question
    await h.send("la", "xin chào");
  });
  afterAll(() => h.close());

  const member = () => h.store.db.member.findFirstOrThrow({ where: { fullName: "Nguyễn Văn An" } });

  it("reads rows exactly as the ORM does", async () => {
    const m = await member();
    const identity = await h.store.db.identity.findFirstOrThrow({ where: { memberId: m.id } });
    const invite = await h.store.db.invite.findFirstOrThrow();
    const flow = await h.store.db.flowState.findFirstOrThrow();
    const questions = await h.store.db.openQuestion.findMany({ where: { identityId: identity.id }, orderBy: { outboxId: "desc" } });
    expect(questions.length).toBeGreaterThan(0);
    await h.store.tx(async (tx) => {
      expect(await tx.branches.byId(m.branchId)).toEqual(await h.store.db.branch.findUnique({ where: { id: m.branchId } }));
      expect(await tx.invites.byCode(invite.code)).toEqual(invite);
      expect(await tx.identities.listForMember(m.id)).toEqual([identity]);
      expect(await tx.members.listWithRole(m.branchId, "admin")).toEqual(await h.store.db.member.findMany({ where: { branchId: m.branchId, isAdmin: true } }));
      expect(await tx.flows.get(flow.identityId)).toEqual(flow);
      expect(await tx.questions.open(identity.id, new Date(0))).toEqual(questions);
      expect(await tx.identities.byId(identity.id)).toEqual(identity);
      expect(await tx.members.byId(m.id)).toEqual(m);
      expect(await tx.branches.byId("none")).toBeNull();
      expect(await tx.members.byId("none")).toBeNull();
    });
  });

  it("writes rows the ORM reads back unchanged", async () => {
    const m = await member();
    const made = await h.store.tx((tx) =>
      tx.members.create({ branchId: m.branchId, fullName: "Trần Thị Bình", isSecretary: true, isAdmin: false, locale: null, preferredPlatform: "ZALO", consentAt: at }),
    );
    expect(made).toEqual(await h.store.db.member.findUnique({ where: { id: made.id } }));
    expect(made).toMatchObject({ fullName: "Trần Thị Bình", isSecretary: true, isDeputy: false, exempted: false, partyStatus: "FULL", joinedAt: at });

    const meeting = await h.store.db.meeting.create({ data: { branchId: m.branchId, startsAt: at, topic: "Sinh hoạt chi bộ định kỳ" } });
    const rsvp = await h.store.tx(async (tx) => {
      expect(await tx.meetings.byId(meeting.id)).toEqual(meeting);
      await tx.meetings.setRsvp({ meetingId: meeting.id, memberId: made.id, answer: "ATTEND", reason: null, at });
      return tx.meetings.setRsvp({ meetingId: meeting.id, memberId: made.id, answer: "ABSENT", reason: "Đi công tác", at });
    });
    expect(rsvp).toEqual(await h.store.db.rsvp.findFirstOrThrow({ where: { meetingId: meeting.id } }));
    expect(await h.store.tx((tx) => tx.meetings.rsvp(meeting.id, made.id))).toEqual(rsvp);

    const identity = await h.store.tx((tx) =>
      tx.identities.seen({ platform: "ZALO", botAccountId: "default-zalo", userId: "binh", chatId: "binh", displayName: "Bình", at }),
    );
    expect(identity.identity).toEqual(await h.store.db.identity.findUnique({ where: { id: identity.identity.id } }));
    await h.store.tx((tx) => tx.identities.update(identity.identity.id, { memberId: made.id, active: false, codeLockedUntil: at, failedCodes: 2 }));
    expect(await h.store.db.identity.findUniqueOrThrow({ where: { id: identity.identity.id } })).toMatchObject({ memberId: made.id, active: false, codeLockedUntil: at, failedCodes: 2 });

    await h.store.tx((tx) => tx.flows.save({ identityId: identity.identity.id, flow: "demo", step: "one", data: { tên: "Bình", n: [1, 2] }, token: "t1", expiresAt: at }, null));
    const flow = await h.store.db.flowState.findUniqueOrThrow({ where: { identityId: identity.identity.id } });
    expect(flow).toMatchObject({ flow: "demo", step: "one", data: { tên: "Bình", n: [1, 2] }, token: "t1", expiresAt: at, version: 0 });
    await h.store.tx((tx) => tx.flows.save({ ...flow, step: "two", token: "t2" }, 0));
    await expect(h.store.tx((tx) => tx.flows.save({ ...flow, step: "three" }, 0))).rejects.toThrow("changed concurrently");
    expect(await h.store.db.flowState.findUniqueOrThrow({ where: { identityId: identity.identity.id } })).toMatchObject({ step: "two", version: 1 });

    const guard = { failures: 2, lastFailureAt: at, lockedUntil: null, windowStart: at, attempts: 5 };
    await h.store.tx((tx) => tx.codeGuards.put(identity.identity.id, "invite", guard));
    await h.store.tx((tx) => tx.codeGuards.put(identity.identity.id, "invite", { ...guard, lockedUntil: at }));
    expect(await h.store.tx((tx) => tx.codeGuards.get(identity.identity.id, "invite"))).toEqual({ ...guard, lockedUntil: at });
    expect(await h.store.db.codeGuard.findUniqueOrThrow({ where: { identityId_kind: { identityId: identity.identity.id, kind: "invite" } } })).toMatchObject({ ...guard, lockedUntil: at });
    expect(await h.store.tx((tx) => tx.codeGuards.get(identity.identity.id, "link"))).toBeNull();
    await h.store.tx((tx) => tx.audit.add({ branchId: m.branchId, actorId: made.id, actorLabel: "zalo:binh", action: "test.hot", details: { sốLần: 1 } }, at));
    expect(await h.store.db.auditLog.findFirstOrThrow({ where: { action: "test.hot" } })).toMatchObject({ actorLabel: "zalo:binh", details: { sốLần: 1 }, createdAt: at });
    expect(await h.store.tx((tx) => tx.updates.markProcessed("ZALO", "u-1", at))).toBe(true);
    expect(await h.store.tx((tx) => tx.updates.markProcessed("ZALO", "u-1", at))).toBe(false);
  });

  it("queues, claims and marks sent on the database's clock, fenced by the claim", async () => {
    const item = (key: string, extra = {}) => ({
      key, memberId: null, identityId: null, platform: "CONSOLE" as const, chatId: "c-1", payload: { text: `Nhắc họp ${key}` }, notBefore: at, giveUpAt: null, ...extra,
    });
    await h.store.tx((tx) => tx.outbox.enqueue([item("hp-1"), item("hp-2", { priority: 0 }), item("hp-1")]));
    const few = await h.store.db.outbox.count({ where: { key: { in: ["hp-1", "hp-2"] } } });
    await h.store.tx((tx) => tx.outbox.enqueue(Array.from({ length: 20 }, (_, i) => item(`hp-bulk-${i}`, { undeliverable: i === 0 ? "no-chat" : undefined }))));
    const many = await h.store.db.outbox.count({ where: { key: { startsWith: "hp-bulk-" } } });
    const again = await h.store.tx((tx) => tx.outbox.insertNew([item("hp-1"), item("hp-3", { giveUpAt: at, audience: "secretary" })]));
    expect([few, many, again]).toEqual([2, 20, ["hp-3"]]);
    expect(await h.store.db.outbox.findUniqueOrThrow({ where: { key: "hp-bulk-0" } })).toMatchObject({ status: "FAILED", lastError: "no-chat" });
    expect(await h.store.db.outbox.findUniqueOrThrow({ where: { key: "hp-3" } })).toMatchObject({ giveUpAt: at, audience: "secretary", botAccountId: "default-console", notBefore: at });

    const owner = `o-${newId()}`;
    const claimed = await h.store.tx((tx) => tx.outbox.claim(owner, new Date(), 60_000, 100, ["CONSOLE"], []));
    const keys = claimed.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(["hp-1", "hp-2", "hp-3", "hp-bulk-1"]));
    expect(keys).not.toContain("hp-bulk-0");
    expect(claimed.map((c) => c.id)).toEqual([...claimed.map((c) => c.id)].sort((a, b) => a - b));
    // The claim's rows as the ORM reads them after the claim.
    const viaOrm = await h.store.db.outbox.findMany({ where: { id: { in: claimed.map((c) => c.id) } }, orderBy: { id: "asc" } });
    expect(claimed).toEqual(viaOrm);
    expect(claimed[0]!.claimedUntil!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    // Nothing is claimed twice while the lease holds; a skipped account keeps its rows.
    expect(await h.store.tx((tx) => tx.outbox.claim("other", new Date(), 60_000, 100, ["CONSOLE"], []))).toEqual([]);

    const ids = claimed.map((c) => c.id);
    expect((await h.store.tx((tx) => tx.outbox.extend(ids, "other", 60_000))).length).toBe(0);
    expect(await h.store.tx((tx) => tx.outbox.extend(ids, owner, 120_000))).toEqual(expect.arrayContaining(ids));
    // Only the holder of the claim records the result.
    await h.store.tx((tx) => tx.outbox.markSent(ids, at, "other"));
    expect(await h.store.db.outbox.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(0);
    await h.store.tx((tx) => tx.outbox.markSent(ids, at, owner));
    expect(await h.store.db.outbox.findMany({ where: { id: { in: ids } } })).toEqual(ids.map(() => expect.objectContaining({ status: "SENT", sentAt: at, claimedBy: null, attempts: 1 })));
  });

  it("records delivered questions, the last of a flow replacing the earlier", async () => {
    const identity = await h.store.db.identity.findFirstOrThrow({ where: { userId: "la" } });
    const q = (topic: string, outboxId: number) => ({
      identityId: identity.id, topic, outboxId, title: null, text: "Chọn 1 hoặc 2", choices: [{ label: "Có", action: "x:1" }], reply: true, deliveredAt: at, expiresAt: new Date(at.getTime() + 3_600_000),
    });
    await h.store.tx((tx) => tx.questions.record([q("flow:a", 1), q("r:m1", 2)]));
    await h.store.tx((tx) => tx.questions.record([q("flow:b", 3)]));
    const open = await h.store.tx((tx) => tx.questions.open(identity.id, at));
    expect(open.map((o) => o.topic)).toEqual(["flow:b", "r:m1"]);
    expect(open).toEqual(await h.store.db.openQuestion.findMany({ where: { identityId: identity.id }, orderBy: { outboxId: "desc" } }));
    await h.store.tx((tx) => tx.questions.close(identity.id, ["flow:b", "r:m1"]));
    expect(await h.store.db.openQuestion.count({ where: { identityId: identity.id } })).toBe(0);
    // A chat that no longer exists records nothing.
    await h.store.tx((tx) => tx.questions.record([{ ...q("r:m2", 4), identityId: "gone" }]));
    expect(await h.store.db.openQuestion.count({ where: { identityId: "gone" } })).toBe(0);
  });
});
