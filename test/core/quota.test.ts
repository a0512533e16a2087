// A Zalo bot's monthly quota with a small cap (20 instead of the free plan's 3,000): every message
// sent is counted; at 80% the secretaries and the operators are told once; from 95% nudges wait while
// replies still go out; at 100% everything waits; when the month turns (an injected clock) what
// waited goes out, and the digest says what waits meanwhile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Priority } from "../../src/core/services/priority.ts";
import { buildDigest } from "../../src/core/features/digests/model.ts";
import { renderDigest } from "../../src/core/features/digests/render.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, OPERATOR, type Harness } from "../helpers/harness.ts";
import { ADMIN, branchWithMembers } from "./meetings/helpers.ts";

const ZALO = { platform: "ZALO" as const };
const CAP = 20;
const BOT = "default-zalo";
const WARNING = "⚠️ Bot “";

describe.each(DB_KINDS)("a bot's monthly quota on %s", (db) => {
  let h: Harness;
  let branchId: string;

  const sent = async (month = "2026-11") => (await h.store.db.botUsage.findUnique({ where: { botAccountId_month: { botAccountId: BOT, month } } }))?.sent ?? 0;
  const warnings = (user: string) => h.inbox(user, "ZALO").filter((m) => m.text.startsWith(WARNING)).length;
  const binh = async () => h.store.db.member.findFirstOrThrow({ where: { fullName: "Trần Thị Bình" } });

  beforeAll(async () => {
    h = await createHarness({ db, platform: "ZALO", botCaps: true, quota: true });
    await h.store.db.botAccount.update({ where: { id: BOT }, data: { monthlyCap: CAP, label: "Bot Khu phố 3" } });
    // The operator's chat is known before the branch exists (they create it).
    await h.send(OPERATOR, "/trogiup", ZALO);
    branchId = await branchWithMembers(h, "Chi bộ Khu phố 3", [["binh", "Trần Thị Bình"]]);
  });
  afterAll(() => h.close());

  it("counts every message actually sent, and tells the secretaries and the operators once at 80%", async () => {
    expect(await sent()).toBe(h.messengers.ZALO.sent.length);
    while ((await sent()) < Math.ceil(CAP * 0.8)) await h.send("binh", "/trogiup", ZALO);
    // The notice went out with the message that crossed the line (or right after it).
    await h.sender.drain();
    expect(warnings(ADMIN)).toBe(1);
    expect(warnings(OPERATOR)).toBe(1);
    expect(h.inbox(ADMIN, "ZALO").find((m) => m.text.startsWith(WARNING))?.text).toMatch(/^⚠️ Bot “Bot Khu phố 3” đã gửi 1[6-8]\/20 tin nhắn trong tháng 11\/2026 \(80% hạn mức\)/);
    expect(warnings("binh")).toBe(0);
    await h.send("binh", "/trogiup", ZALO);
    expect(warnings(ADMIN) + warnings(OPERATOR)).toBe(2);
    expect(await sent()).toBe(h.messengers.ZALO.sent.length);
  });

  it("from 95% a nudge waits for next month while replies still go out", async () => {
    while ((await sent()) < Math.ceil(CAP * 0.95)) await h.send("binh", "/trogiup", ZALO);
    expect(await sent()).toBeLessThan(CAP);
    const member = await binh();
    const branch = await h.store.db.branch.findUniqueOrThrow({ where: { id: branchId } });
    await h.store.tx((tx) => h.core.messages.toMember(tx, member, branch, "nudge:quota-test", () => ({ text: "Nhắc lại: đồng chí chưa báo tham dự." }), { priority: Priority.optional, notBefore: h.clock.now() }));
    await h.sender.drain();
    expect(h.inbox("binh", "ZALO").some((m) => m.text.startsWith("Nhắc lại"))).toBe(false);
    const held = await h.store.db.outbox.findUniqueOrThrow({ where: { key: "nudge:quota-test" } });
    expect(held).toMatchObject({ status: "PENDING", lastError: "quota:2026-11", notBefore: new Date("2026-11-30T17:00:00.000Z") });

    const [reply] = await h.send("binh", "/trogiup", ZALO);
    expect(reply?.text).toContain("/hop");
  });

  it("at 100% everything waits, and the digest says what waits", async () => {
    while ((await sent()) < CAP) await h.send("binh", "/trogiup", ZALO);
    const before = h.inbox("binh", "ZALO").length;
    expect(await h.send("binh", "/hop", ZALO)).toEqual([]);
    expect(h.inbox("binh", "ZALO")).toHaveLength(before);
    expect(await sent()).toBe(CAP);

    const branch = await h.store.db.branch.findUniqueOrThrow({ where: { id: branchId } });
    const source = await h.store.tx((tx) => tx.digests.source(branchId, null, h.clock.now(), new Date(0)));
    const digest = renderDigest(buildDigest({ branch, meeting: null, phase: "before", now: h.clock.now(), source }), h.core.messages.bind("vi"), "vi");
    expect(digest).toContain("⏸ 2 tin nhắn đến đảng viên đang chờ sang tháng sau vì bot Zalo đã dùng hết hạn mức tin nhắn tháng này (1 lời nhắc, báo cáo, thông báo; 1 lời nhắc lại).");
  });

  it("when the month turns, what waited goes out and a new count starts", async () => {
    h.clock.set("2026-12-01T00:00:30+07:00");
    await h.sender.drain();
    const late = h.inbox("binh", "ZALO").slice(-2).map((m) => m.text);
    expect(late.some((t) => t.includes("Nhắc lại"))).toBe(true);
    expect(late.some((t) => t.includes("Sinh hoạt") || t.includes("buổi"))).toBe(true);
    expect(await sent("2026-12")).toBe(2);
    expect(await sent()).toBe(CAP);
    expect(await h.store.db.outbox.count({ where: { status: "PENDING" } })).toBe(0);
  });
});
