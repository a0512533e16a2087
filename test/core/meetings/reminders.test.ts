// The whole reminder cycle through the core: an admin sets the rule in chat, the clock moves until
// reminders are due, members answer Tham dự or Vắng mặt with a reason, the bot restarts and a second
// instance ticks the same database, and nothing is sent twice or lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutMessage } from "../../../src/core/types.ts";
import { DB_KINDS } from "../../helpers/db.ts";
import { createHarness, type Harness } from "../../helpers/harness.ts";
import { ADMIN, branchWithMembers, flowStep, meetingState, texts } from "./helpers.ts";

const REMINDER = "Nhắc lịch sinh hoạt chi bộ";
const NUDGE = "Đồng chí chưa báo tham dự hay vắng mặt";

describe.each(DB_KINDS)("reminders and answers on %s", (db) => {
  let h: Harness; // the first run of the bot
  let h2: Harness; // the same bot after a restart
  let h3: Harness; // a second instance on the same database
  let branchId: string;
  let meetingId: string;
  /**
   * Both instances tick (and then deliver) at the same instant. On PostgreSQL they run concurrently.
   * SQLite is single-instance by design (DESIGN §3): two better-sqlite3 connections in one process
   * would block each other in SQLite's synchronous busy wait, so there they tick one after the other.
   */
  const bothTick = async () => {
    if (db === "postgres") {
      await Promise.all([h2.core.tick(), h3.core.tick()]);
      await Promise.all([h2.sender.drain(), h3.sender.drain()]);
    } else {
      for (const x of [h2, h3]) await x.core.tick();
      for (const x of [h2, h3]) await x.sender.drain();
    }
  };
  /** Everything delivered by every instance, so a duplicate anywhere shows. */
  const delivered = (user: string): OutMessage[] => [h, h2, h3].filter(Boolean).flatMap((x) => x.inbox(user));
  const count = (user: string, marker: string) => delivered(user).filter((m) => m.text.startsWith(marker)).length;

  beforeAll(async () => {
    h = await createHarness({ db });
    branchId = await branchWithMembers(h, "Chi bộ Tổ dân phố số 7", [
      ["binh", "Trần Thị Bình"],
      ["cuong", "Lê Hoàng Cường"],
      ["dung", "Phạm Thị Dung"],
      ["em", "Hoàng Văn Đức"],
    ]);
    // Phạm Thị Dung is exempted (miễn sinh hoạt); Hoàng Văn Đức's only chat blocked the bot.
    await h.store.db.member.updateMany({ where: { fullName: "Phạm Thị Dung" }, data: { exempted: true } });
    await h.store.db.identity.updateMany({ where: { userId: "em" }, data: { active: false, inactiveReason: "403 blocked" } });
    // A member with no chat at all (added by hand, never wrote to the bot).
    await h.store.db.member.create({ data: { branchId, fullName: "Vũ Thị Hà", consentAt: new Date() } });
  });
  afterAll(async () => {
    await h3?.close();
    await h2?.close();
    await h.close();
  });

  it("the admin sets the rule in chat", async () => {
    await h.send(ADMIN, "/lichhop");
    await h.press(ADMIN, "Đặt lịch định kỳ");
    await h.press(ADMIN, "Một thứ của tuần thứ mấy (ví dụ Thứ Năm tuần thứ 2)");
    await h.press(ADMIN, "Tuần thứ hai");
    await h.press(ADMIN, "Thứ Năm");
    await h.send(ADMIN, "14:00");
    await h.send(ADMIN, "https://meet.example.org/chibo7");
    await h.send(ADMIN, "Kiểm điểm công tác tháng 12");
    await h.press(ADMIN, "Xác nhận");
    const meeting = await h.store.db.meeting.findFirstOrThrow({ where: { branchId, occurrence: "2026-12" } });
    expect(meeting.startsAt.toISOString()).toBe("2026-12-10T07:00:00.000Z");
    meetingId = meeting.id;
  });

  it("nothing goes before a reminder is due", async () => {
    h.clock.set("2026-12-07T06:59:00Z");
    await h.tick();
    expect(await h.store.db.outbox.count({ where: { key: { startsWith: "reminder:" } } })).toBe(0);
  });

  it("three days before, every member gets the reminder once; the exempted and the unreachable do not", async () => {
    h.clock.set("2026-12-07T07:00:00Z");
    await h.tick();
    await h.tick(); // a second tick in the same minute changes nothing
    for (const user of [ADMIN, "binh", "cuong"]) expect(count(user, REMINDER)).toBe(1);
    expect(count("dung", REMINDER)).toBe(0);
    expect(count("em", REMINDER)).toBe(0);
    const [reminder] = delivered("binh").filter((m) => m.text.startsWith(REMINDER));
    expect(reminder?.text).toBe(
      [
        REMINDER,
        "",
        "Sinh hoạt chi bộ định kỳ tháng 12/2026",
        "Thời gian: 14:00, Thứ Năm 10/12/2026",
        "Họp trực tuyến: https://meet.example.org/chibo7",
        "Nội dung: Kiểm điểm công tác tháng 12",
        "",
        "Đồng chí vui lòng báo Tham dự hoặc Vắng mặt (nếu vắng, xin cho biết lý do).",
      ].join("\n"),
    );
    expect(reminder?.choices).toEqual([[{ label: "Tham dự", action: `r:${meetingId}:a`, meaning: "yes" }, { label: "Vắng mặt", action: `r:${meetingId}:v`, meaning: "no" }]]);
    // Members who cannot be reached are reported (a failed row the secretary's digest reads), never retried.
    const failed = await h.store.db.outbox.findMany({ where: { key: { startsWith: `reminder:${meetingId}:` }, status: "FAILED" } });
    expect(failed.map((f) => f.lastError).sort()).toEqual(["chat-inactive", "no-chat"]);
    expect(failed.every((f) => f.attempts === 0)).toBe(true);
    await h.tick();
    expect(await h.store.db.outbox.count({ where: { key: { startsWith: `reminder:${meetingId}:` } } })).toBe(5);
    expect(await h.store.db.outbox.count({ where: { key: { startsWith: `reminder:${meetingId}:` }, status: "FAILED", attempts: { gt: 0 } } })).toBe(0);
  });

  it("Tham dự is recorded from the reminder's button", async () => {
    const [answer] = await h.press("binh", "Tham dự");
    expect(answer?.text).toBe("Đã ghi nhận: đồng chí Tham dự buổi sinh hoạt lúc 14:00, Thứ Năm 10/12/2026. Cảm ơn đồng chí! Nếu có thay đổi, gõ /hop để báo lại.");
    expect(await h.store.db.rsvp.findMany({ select: { answer: true, reason: true } })).toEqual([{ answer: "ATTEND", reason: null }]);
  });

  it("Vắng mặt asks for the reason, and bad reasons are refused with the question kept", async () => {
    const [ask] = await h.press("cuong", "Vắng mặt");
    expect(ask?.text.startsWith("Lý do vắng?")).toBe(true);
    const before = await meetingState(h);
    const [empty] = await h.send("cuong", "   ");
    expect(empty?.text).toContain("Tin nhắn trống");
    const [dots] = await h.send("cuong", "...");
    expect(dots?.text).toContain("Lý do vắng chưa có nội dung");
    const [huge] = await h.send("cuong", "Đi công tác tỉnh. ".repeat(200).slice(0, 2999) + "."); // 3,000 characters
    expect(huge?.text).toContain("Tin nhắn quá dài (3.000 ký tự)");
    const [long] = await h.send("cuong", "a".repeat(501));
    expect(long?.text).toContain("Lý do dài 501 ký tự, quá mức 500 ký tự");
    expect(texts(await h.send("cuong", "a".repeat(501))).join()).toContain("Lý do vắng?");
    expect(await flowStep(h, "cuong")).toBe("reason");
    expect(await meetingState(h)).toEqual(before);
  });

  it("a nudge goes to those who have not answered, then the bot restarts", async () => {
    h.clock.set("2026-12-08T07:00:00Z");
    await h.tick();
    expect(count(ADMIN, NUDGE)).toBe(1);
    expect(count("cuong", NUDGE)).toBe(1); // still typing his reason
    expect(count("binh", NUDGE)).toBe(0);
    expect(count("dung", NUDGE)).toBe(0);
    // The process stops; a new one starts on the same database.
    await h.sender.stop();
    h2 = await createHarness({ databaseUrl: h.databaseUrl, clock: h.clock });
  });

  it("the reason typed after the restart is stored with the absence", async () => {
    const [saved] = await h2.send("cuong", "Đi công tác tỉnh Lào Cai theo quyết định của cơ quan");
    expect(saved?.text).toBe(
      "Đã ghi nhận: đồng chí Vắng mặt buổi sinh hoạt lúc 14:00, Thứ Năm 10/12/2026, lý do: Đi công tác tỉnh Lào Cai theo quyết định của cơ quan. Nếu có thay đổi, gõ /hop để báo lại.",
    );
    const rsvp = await h2.store.db.rsvp.findFirstOrThrow({ where: { answer: "ABSENT" } });
    expect(rsvp.reason).toBe("Đi công tác tỉnh Lào Cai theo quyết định của cơ quan");
    expect(await flowStep(h2, "cuong")).toBeNull();
  });

  it("ticks after the restart, two at the same instant and two instances at once send nothing twice", async () => {
    h3 = await createHarness({ databaseUrl: h.databaseUrl, clock: h.clock });
    await h2.tick();
    await h2.tick();
    await bothTick();
    for (const user of [ADMIN, "binh", "cuong"]) expect(count(user, REMINDER)).toBe(1);
    expect(count(ADMIN, NUDGE)).toBe(1);
  });

  it("after downtime only the reminder still useful is sent; the stale nudge is skipped and logged", async () => {
    // Down from before the second nudge slot until an hour after the one-day reminder was due.
    h2.clock.set("2026-12-09T08:00:00Z");
    await bothTick();
    expect(count(ADMIN, REMINDER)).toBe(2);
    expect(count("binh", REMINDER)).toBe(2);
    expect(count("cuong", REMINDER)).toBe(1); // he said he is absent
    const latest = delivered("binh").filter((m) => m.text.startsWith(REMINDER)).at(-1);
    expect(latest?.text).toContain("Đồng chí đã báo: Tham dự. Nếu có thay đổi, vui lòng chọn lại.");
    expect(await h2.store.db.outbox.count({ where: { key: { startsWith: `reminder:${meetingId}:` }, status: "SENT" } })).toBe(5);
    // Every key is unique, and every row was sent exactly once (attempts 1) or reported.
    const rows = await h2.store.db.outbox.findMany({ where: { memberId: { not: null }, key: { contains: meetingId } } });
    expect(rows.filter((r) => r.status === "SENT").every((r) => r.attempts === 1)).toBe(true);
    expect(rows.filter((r) => r.status === "PENDING")).toEqual([]);
    const skipped = [...h2.logs, ...h3.logs].filter((l) => l.msg?.startsWith("stale reminders skipped"));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.obj).toMatchObject({ meetingId, items: ["nudge:1"] });
  });

  it("/hop shows the answer and lets a member change it until the meeting starts", async () => {
    const [hop] = await h2.send("cuong", "/hop");
    expect(hop?.text).toContain("Trả lời của đồng chí: Vắng mặt (lý do: Đi công tác tỉnh Lào Cai theo quyết định của cơ quan)");
    await h2.press("cuong", "Tham dự");
    expect((await h2.store.db.rsvp.findFirstOrThrow({ where: { memberId: (await h2.store.db.member.findFirstOrThrow({ where: { fullName: "Lê Hoàng Cường" } })).id } })).answer).toBe("ATTEND");
    const [exempt] = await h2.send("dung", "hop");
    expect(exempt?.text).toContain("Đồng chí đang được miễn sinh hoạt");
  });

  it("cancelling after the reminders tells the members who were reminded, and stops the rest", async () => {
    await h2.send(ADMIN, "/lichhop");
    await h2.press(ADMIN, "Hủy một buổi họp");
    await h2.press(ADMIN, "10/12 14:00 · Sinh hoạt chi bộ định kỳ tháng 12/2026");
    await h2.send(ADMIN, "Trùng lịch hội nghị của phường");
    const [preview] = await h2.press(ADMIN, "Xác nhận").then(() => [h2.last(ADMIN)]);
    expect(preview?.text).toContain("Đã hủy buổi họp lúc 14:00, Thứ Năm 10/12/2026");
    for (const user of [ADMIN, "binh", "cuong"]) {
      const notice = delivered(user).filter((m) => m.text.startsWith("Thông báo: buổi họp sau đã được hủy"));
      expect(notice).toHaveLength(1);
      expect(notice[0]?.text).toContain("Lý do: Trùng lịch hội nghị của phường");
    }
    expect(delivered("dung").some((m) => m.text.includes("đã được hủy"))).toBe(false);
    const meeting = await h2.store.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting).toMatchObject({ status: "CANCELLED", cancelReason: "Trùng lịch hội nghị của phường" });
    // The two-hour reminder never comes; an answer to the old buttons is refused politely.
    h2.clock.set("2026-12-10T05:00:00Z");
    await h2.tick();
    expect(count("binh", REMINDER)).toBe(2);
    const [late] = await h2.action("binh", `r:${meetingId}:a`);
    expect(late?.text).toBe("Buổi sinh hoạt lúc 14:00, Thứ Năm 10/12/2026 đã được hủy, đồng chí không cần trả lời.");
    expect(await h2.store.db.auditLog.count({ where: { action: "meeting.cancelled" } })).toBe(1);
  });

  it("forged or stale buttons change nothing", async () => {
    const before = await meetingState(h2);
    for (const action of ["r:nope:a", `r:${meetingId}:x`, `r:${meetingId}`, "r:", `r:${meetingId}:a:extra`]) {
      const [answer] = await h2.action("binh", action);
      expect(answer?.text).toMatch(/hết hiệu lực|đã được hủy/);
    }
    expect(await meetingState(h2)).toEqual(before);
  });
});
