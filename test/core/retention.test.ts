// The retention job on both databases: rows of every personal kind, old and recent, and what is left
// after one run. The branch's setting governs what its work produced; fixed periods the rest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allFeatures } from "../../src/core/features/index.ts";
import type { JobContext } from "../../src/core/engine/jobs.ts";
import type { PrismaStore } from "../../src/infra/prisma/store.ts";
import { createRenderer } from "../../src/infra/render/renderer.ts";
import { createTestStore, DB_KINDS } from "../helpers/db.ts";
import { memoryLogger } from "../helpers/fakes.ts";

const NOW = new Date("2026-11-25T10:17:00Z");
const at = (iso: string) => new Date(iso);
const TG = "default-telegram";

const retentionJob = allFeatures.flatMap((f) => f.jobs ?? []).find((j) => j.name === "retention")!;

describe.each(DB_KINDS)("retention on %s", (kind) => {
  let store: PrismaStore;
  let close: () => Promise<void>;
  const ids: Record<string, string> = {};
  const outboxIds: Record<string, number> = {};

  beforeAll(async () => {
    ({ store, close } = await createTestStore(kind));
    const db = store.db;
    // Branch A keeps 12 months (cutoff 2025-11-25); branch B the default 36.
    const a = await db.branch.create({ data: { name: "Chi bộ Khu phố 3", retentionMonths: 12 } });
    const b = await db.branch.create({ data: { name: "Chi bộ Khu phố 4" } });
    const member = (branchId: string, fullName: string, extra: object = {}) => db.member.create({ data: { branchId, fullName, ...extra } });
    const an = await member(a.id, "Nguyễn Văn An", { isSecretary: true });
    const binh = await member(b.id, "Trần Thị Bình");
    const oldRemoved = await member(a.id, "Lê Văn Cường", { status: "REMOVED", removedAt: at("2025-03-01T00:00:00Z"), nameNote: "sinh 1958", exemptReason: "sức khỏe" });
    const newRemoved = await member(a.id, "Phạm Thị Dung", { status: "REMOVED", removedAt: at("2026-09-01T00:00:00Z") });
    const oldErased = await member(a.id, "(đã xóa)", { status: "ERASED", removedAt: at("2024-05-01T00:00:00Z") });
    Object.assign(ids, { a: a.id, b: b.id, an: an.id, binh: binh.id, oldRemoved: oldRemoved.id, newRemoved: newRemoved.id, oldErased: oldErased.id });

    // Meetings, with an answer, attendance and a self-evaluation each.
    for (const [key, branchId, startsAt] of [
      ["oldMeeting", a.id, "2025-06-05T07:00:00Z"],
      ["newMeeting", a.id, "2026-10-05T07:00:00Z"],
      ["bMeeting", b.id, "2025-06-05T07:00:00Z"],
    ] as const) {
      const m = await db.meeting.create({ data: { branchId, startsAt: at(startsAt) } });
      const who = branchId === a.id ? an.id : binh.id;
      await db.rsvp.create({ data: { meetingId: m.id, memberId: who, answer: "ABSENT", reason: "Con ốm" } });
      await db.attendance.create({ data: { meetingId: m.id, memberId: who, present: false } });
      await db.selfEvaluation.create({ data: { meetingId: m.id, memberId: who, reflection: "Còn chậm" } });
      ids[key] = m.id;
    }
    // Commitment periods, with a commitment and a secretary's comment.
    for (const [key, name, endsAt] of [
      ["oldPeriod", "Năm 2024", "2025-01-01T00:00:00Z"],
      ["newPeriod", "Năm 2026", "2027-01-01T00:00:00Z"],
    ] as const) {
      const p = await db.commitmentPeriod.create({ data: { branchId: a.id, name, startsAt: at("2024-01-01T00:00:00Z"), deadline: at("2024-03-01T00:00:00Z"), endsAt: at(endsAt) } });
      const c = await db.commitment.create({ data: { periodId: p.id, memberId: an.id, text: "Tiết kiệm điện", position: 1 } });
      await db.commitmentReview.create({ data: { commitmentId: c.id, authorId: an.id, kind: "COMMENT", text: "Tốt" } });
      ids[key] = p.id;
    }
    // Year-end ratings and the reviews that collected them: 2024 ended before A's cutoff, 2025 did not.
    for (const year of [2024, 2025]) {
      await db.yearEndRating.create({ data: { memberId: an.id, year, level: "GOOD", reason: "Hoàn thành tốt nhiệm vụ" } });
      await db.yearEndReview.create({ data: { branchId: a.id, year } });
    }
    await db.yearEndRating.create({ data: { memberId: binh.id, year: 2024, level: "GOOD", reason: "Hoàn thành tốt" } });

    // Audit: with a branch by its setting; without one after 24 months (cutoff 2024-11-25).
    await db.auditLog.createMany({
      data: [
        { branchId: a.id, actorLabel: "telegram:an", action: "old-a", createdAt: at("2025-01-01T00:00:00Z") },
        { branchId: a.id, actorLabel: "telegram:an", action: "new-a", createdAt: at("2026-06-01T00:00:00Z") },
        { branchId: b.id, actorLabel: "telegram:binh", action: "old-b", createdAt: at("2025-01-01T00:00:00Z") },
        { branchId: null, actorLabel: "telegram:op", action: "old-none", createdAt: at("2024-10-01T00:00:00Z") },
        { branchId: null, actorLabel: "telegram:op", action: "new-none", createdAt: at("2025-06-01T00:00:00Z") },
      ],
    });

    // Chats.
    const chat = (userId: string, extra: object = {}) => db.identity.create({ data: { platform: "TELEGRAM", botAccountId: TG, userId, chatId: userId, ...extra } });
    const anChat = await chat("an", { memberId: an.id, lastSeenAt: at("2025-01-01T00:00:00Z") });
    const removedChat = await chat("cuong", { memberId: oldRemoved.id, lastSeenAt: at("2025-02-01T00:00:00Z") });
    await chat("dung", { memberId: newRemoved.id });
    const oldStranger = await chat("la", { lastSeenAt: at("2026-09-01T00:00:00Z") });
    await chat("moi", { lastSeenAt: at("2026-11-20T00:00:00Z") });
    await chat("op", { lastSeenAt: at("2026-01-01T00:00:00Z") });
    await db.linkCode.create({ data: { code: "LINK1", memberId: oldRemoved.id, expiresAt: at("2025-01-02T00:00:00Z") } });
    ids.anChat = anChat.id;
    ids.oldStranger = oldStranger.id;

    // Guards against guessed codes: inert, still locked, failed recently.
    await db.codeGuard.createMany({
      data: [
        { identityId: anChat.id, kind: "invite", failures: 3, lastFailureAt: at("2026-11-01T00:00:00Z"), lockedUntil: at("2026-11-01T00:04:00Z") },
        { identityId: anChat.id, kind: "link", failures: 9, lastFailureAt: at("2026-11-25T09:00:00Z"), lockedUntil: at("2026-11-25T11:00:00Z") },
        { identityId: anChat.id, kind: "any", attempts: 3, windowStart: at("2026-11-25T10:00:00Z") },
      ],
    });

    // The outbox.
    const file = { name: "du-lieu-cua-toi.json", mime: "application/json", data: Buffer.from('{"fullName":"Nguyễn Văn An"}').toString("base64") };
    const rows: Array<[string, object]> = [
      ["sentLongAgo", { status: "SENT", createdAt: at("2026-10-01T00:00:00Z"), notBefore: at("2026-10-01T00:00:00Z"), sentAt: at("2026-10-01T00:01:00Z") }],
      ["sentLately", { status: "SENT", createdAt: at("2026-10-01T00:00:00Z"), notBefore: at("2026-11-20T00:00:00Z"), sentAt: at("2026-11-20T00:00:00Z") }],
      ["sentFile", { status: "SENT", payload: { text: "Dữ liệu", files: [file] }, createdAt: at("2026-11-24T00:00:00Z"), notBefore: at("2026-11-24T00:00:00Z"), sentAt: at("2026-11-24T00:00:01Z") }],
      ["failedFile", { status: "FAILED", payload: { text: "Báo cáo", files: [file] }, createdAt: at("2026-11-24T00:00:00Z"), notBefore: at("2026-11-24T00:00:00Z") }],
      ["pendingFile", { status: "PENDING", payload: { text: "Dữ liệu", files: [file] }, createdAt: at("2026-11-25T10:16:00Z"), notBefore: at("2026-11-25T10:16:00Z") }],
      ["heldPastGiveUp", { status: "HELD", createdAt: at("2026-10-28T00:00:00Z"), notBefore: at("2026-10-28T00:00:00Z"), giveUpAt: at("2026-11-01T00:00:00Z") }],
      ["heldLongAgo", { status: "HELD", createdAt: at("2026-09-01T00:00:00Z"), notBefore: at("2026-09-01T00:00:00Z") }],
      ["heldLately", { status: "HELD", createdAt: at("2026-11-20T00:00:00Z"), notBefore: at("2026-11-20T00:00:00Z") }],
      ["pendingPastGiveUp", { status: "PENDING", createdAt: at("2026-11-20T00:00:00Z"), notBefore: at("2026-11-20T00:00:00Z"), giveUpAt: at("2026-11-24T00:00:00Z") }],
      ["pendingClaimed", { status: "PENDING", createdAt: at("2026-11-20T00:00:00Z"), notBefore: at("2026-11-20T00:00:00Z"), giveUpAt: at("2026-11-24T00:00:00Z"), claimedBy: "other", claimedUntil: at("2026-11-25T10:20:00Z") }],
      ["pendingLater", { status: "PENDING", createdAt: at("2026-11-20T00:00:00Z"), notBefore: at("2026-12-01T00:00:00Z") }],
      ["pendingYearOld", { status: "PENDING", createdAt: at("2025-06-01T00:00:00Z"), notBefore: at("2025-06-01T00:00:00Z"), giveUpAt: at("2027-01-01T00:00:00Z") }],
      ["toRemoved", { status: "PENDING", memberId: oldRemoved.id, identityId: removedChat.id, createdAt: at("2026-11-25T10:00:00Z"), notBefore: at("2026-12-01T00:00:00Z") }],
    ];
    for (const [key, extra] of rows) {
      const row = await db.outbox.create({ data: { key, platform: "TELEGRAM", botAccountId: TG, chatId: "an", payload: { text: key }, ...extra } });
      outboxIds[key] = row.id;
    }

    // Notices, open questions, invites.
    await db.notice.createMany({
      data: [
        { key: "n-sent", memberId: an.id, text: "Đồng chí Bình đổi câu trả lời", createdAt: at("2026-10-01T00:00:00Z"), sentAt: at("2026-10-01T11:00:00Z") },
        { key: "n-stale", memberId: an.id, text: "Đồng chí Bình đổi câu trả lời", createdAt: at("2026-10-01T00:00:00Z") },
        { key: "n-today", memberId: an.id, text: "Đồng chí Bình đổi câu trả lời", createdAt: at("2026-11-25T09:00:00Z") },
      ],
    });
    const question = (topic: string, expiresAt: string) => ({ identityId: anChat.id, topic, outboxId: 1, text: "Đồng chí có tham dự?", choices: [], deliveredAt: at("2026-11-01T00:00:00Z"), expiresAt: at(expiresAt) });
    await db.openQuestion.createMany({ data: [question("r:old", "2026-11-05T00:00:00Z"), question("r:new", "2026-12-05T00:00:00Z")] });
    await db.invite.createMany({
      data: [
        { branchId: a.id, code: "EXPIRED-OLD", expiresAt: at("2026-10-01T00:00:00Z") },
        { branchId: a.id, code: "REVOKED-OLD", expiresAt: at("2026-12-30T00:00:00Z"), revokedAt: at("2026-10-01T00:00:00Z") },
        { branchId: a.id, code: "EXPIRED-NEW", expiresAt: at("2026-11-20T00:00:00Z") },
        { branchId: a.id, code: "OPEN", expiresAt: at("2026-12-30T00:00:00Z") },
      ],
    });

    const job: JobContext = { now: NOW, store, messages: {} as JobContext["messages"], render: createRenderer(), log: memoryLogger(), operators: new Set(["telegram:op"]) };
    await retentionJob.run(job);
  });
  afterAll(() => close());

  it("meetings (answers, attendance, self-evaluations) and commitment periods (commitments, comments) by the branch's setting", async () => {
    const db = store.db;
    expect((await db.meeting.findMany({ orderBy: { startsAt: "asc" } })).map((m) => m.id).sort()).toEqual([ids.newMeeting, ids.bMeeting].sort());
    expect(await db.rsvp.count({ where: { meetingId: ids.oldMeeting } })).toBe(0);
    expect(await db.attendance.count({ where: { meetingId: ids.oldMeeting } })).toBe(0);
    expect(await db.selfEvaluation.count({ where: { meetingId: ids.oldMeeting } })).toBe(0);
    expect(await db.rsvp.count()).toBe(2);
    expect((await db.commitmentPeriod.findMany()).map((p) => p.id)).toEqual([ids.newPeriod]);
    expect(await db.commitment.count()).toBe(1);
    expect(await db.commitmentReview.count()).toBe(1);
  });

  it("year-end ratings and reviews once their year ended before the cutoff", async () => {
    const ratings = await store.db.yearEndRating.findMany({ select: { memberId: true, year: true }, orderBy: [{ memberId: "asc" }, { year: "asc" }] });
    expect(ratings).toEqual(expect.arrayContaining([{ memberId: ids.an, year: 2025 }, { memberId: ids.binh, year: 2024 }]));
    expect(ratings).toHaveLength(2);
    expect((await store.db.yearEndReview.findMany()).map((r) => r.year)).toEqual([2025]);
  });

  it("audit entries: a branch's by its setting, those of no branch after 24 months", async () => {
    expect((await store.db.auditLog.findMany({ orderBy: { action: "asc" } })).map((a) => a.action)).toEqual(["new-a", "new-none", "old-b"]);
  });

  it("members removed (or erased) before the cutoff go with their chats and messages; recently removed ones stay", async () => {
    const members = await store.db.member.findMany({ select: { id: true } });
    expect(members.map((m) => m.id).sort()).toEqual([ids.an, ids.binh, ids.newRemoved].sort());
    expect(await store.db.identity.count({ where: { userId: "cuong" } })).toBe(0);
    expect(await store.db.linkCode.count()).toBe(0);
    expect(await store.db.outbox.count({ where: { key: "toRemoved" } })).toBe(0);
  });

  it("chats of no member unseen for a month go, except the operators'; members' chats stay", async () => {
    const chats = (await store.db.identity.findMany({ select: { userId: true } })).map((c) => c.userId).sort();
    expect(chats).toEqual(["an", "dung", "moi", "op"]);
  });

  it("guards against guessed codes go once nothing in them counts any more", async () => {
    expect((await store.db.codeGuard.findMany({ orderBy: { kind: "asc" } })).map((g) => g.kind)).toEqual(["any", "link"]);
  });

  it("the outbox: done messages a month after they went, held and pending ones past their give-up time, anything a year old", async () => {
    const rows = await store.db.outbox.findMany({ orderBy: { key: "asc" } });
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(Object.keys(byKey).sort()).toEqual(["failedFile", "heldLately", "heldPastGiveUp", "pendingClaimed", "pendingFile", "pendingLater", "pendingPastGiveUp", "sentFile", "sentLately"]);
    expect(byKey.heldPastGiveUp).toMatchObject({ status: "FAILED", lastError: "expired" });
    expect(byKey.pendingPastGiveUp).toMatchObject({ status: "FAILED", lastError: "expired" });
    expect(byKey.heldLately?.status).toBe("HELD");
    // A sender holds it: its result is the sender's to record.
    expect(byKey.pendingClaimed).toMatchObject({ status: "PENDING", claimedBy: "other" });
    expect(byKey.pendingLater?.status).toBe("PENDING");
  });

  it("messages that are done keep no file bytes, only the file's name, type and size; waiting ones keep theirs", async () => {
    const payload = async (key: string) => (await store.db.outbox.findUniqueOrThrow({ where: { id: outboxIds[key]! } })).payload as { files: Array<Record<string, unknown>> };
    for (const key of ["sentFile", "failedFile"]) {
      const files = (await payload(key)).files;
      expect(files).toEqual([{ name: "du-lieu-cua-toi.json", mime: "application/json", bytes: Buffer.byteLength('{"fullName":"Nguyễn Văn An"}') }]);
    }
    expect((await payload("pendingFile")).files[0]?.data).toEqual(expect.any(String));
  });

  it("notices a month old, expired open questions, invites a month after they expired or were revoked", async () => {
    expect((await store.db.notice.findMany()).map((n) => n.key)).toEqual(["n-today"]);
    expect((await store.db.openQuestion.findMany()).map((q) => q.topic)).toEqual(["r:new"]);
    expect((await store.db.invite.findMany({ orderBy: { code: "asc" } })).map((i) => i.code)).toEqual(["EXPIRED-NEW", "OPEN"]);
  });

  it("runs once an hour: at other minutes nothing is touched", async () => {
    await store.db.auditLog.create({ data: { branchId: null, actorLabel: "telegram:op", action: "older", createdAt: at("2020-01-01T00:00:00Z") } });
    await retentionJob.run({ now: new Date("2026-11-25T10:18:00Z"), store, messages: {} as JobContext["messages"], render: createRenderer(), log: memoryLogger() });
    expect(await store.db.auditLog.count({ where: { action: "older" } })).toBe(1);
  });
});
