// Typed answers as members type them on Zalo: a number or words answer the question they actually
// have on screen. The walkthrough of a month found two ways to lose an answer: a numbered answer
// after any message the bot did not understand, and "1" answering another meeting than the one on
// screen. Both are shown here, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";
import { labels } from "../helpers/chat.ts";
import { branchWithMembers } from "./meetings/helpers.ts";

const ZALO = { platform: "ZALO" as const };

describe.each(DB_KINDS)("typed answers on %s", (db) => {
  let h: Harness;
  let branchId: string;
  let regular: string; // sinh hoạt định kỳ, in three days
  let thematic: string; // sinh hoạt chuyên đề, tomorrow

  const rsvp = (meetingId: string, user: string) =>
    h.store.db.rsvp.findFirst({ where: { meetingId, member: { identities: { some: { userId: user } } } } });

  beforeAll(async () => {
    h = await createHarness({ db, platform: "ZALO" });
    branchId = await branchWithMembers(h, "Chi bộ Khu phố 3", [
      ["binh", "Trần Thị Bình"],
      ["cuong", "Lê Hoàng Cường"],
      ["dung", "Phạm Thị Dung"],
    ]);
    const now = h.clock.now().getTime();
    regular = (await h.store.db.meeting.create({ data: { branchId, occurrence: "2026-11", startsAt: new Date(now + 3 * 86_400_000), place: "Nhà văn hóa khu phố" } })).id;
    thematic = (await h.store.db.meeting.create({ data: { branchId, kind: "THEMATIC", startsAt: new Date(now + 86_400_000), topic: "Học tập Nghị quyết" } })).id;
  });
  afterAll(() => h.close());

  it("a number typed before the reminder was delivered answers nothing", async () => {
    // Queued, not yet delivered: what is on the screen is still nothing.
    await h.core.tick(h.clock.now());
    const answered = await h.send("binh", "1", ZALO);
    expect(await rsvp(regular, "binh")).toBeNull();
    expect(await rsvp(thematic, "binh")).toBeNull();
    // The two reminders went out with the reply (the sender delivers in order).
    expect(answered.filter((m) => m.text.startsWith("Nhắc lịch")).length).toBe(2);
  });

  it("with reminders for two meetings on screen, a bare number asks which meeting, then answers the one picked", async () => {
    const [which] = await h.send("binh", "1", ZALO);
    expect(which?.text).toContain("Đồng chí trả lời cho câu nào?");
    // In the order they arrived, as they stand on the screen.
    expect(labels(which)).toEqual([
      "Tham dự – Sinh hoạt chi bộ định kỳ tháng 11/2026 (10:00, Thứ Bảy 28/11/2026)",
      "Tham dự – Sinh hoạt chuyên đề (10:00, Thứ Năm 26/11/2026)",
    ]);
    expect(await rsvp(regular, "binh")).toBeNull();
    expect(await rsvp(thematic, "binh")).toBeNull();

    const [saved] = await h.send("binh", "2", ZALO);
    expect(saved?.text).toContain("26/11/2026");
    expect((await rsvp(thematic, "binh"))?.answer).toBe("ATTEND");
    expect(await rsvp(regular, "binh")).toBeNull();
  });

  it("a message the bot does not understand asks the open question again, and then '2' answers it", async () => {
    // One message on Zalo (a quota counts every message): the hint, then the reminder again.
    const again = await h.send("binh", "chào đồng chí, hôm nay trời đẹp quá", ZALO);
    expect(again).toHaveLength(1);
    expect(again[0]?.text).toMatch(/^Tôi chưa hiểu tin nhắn này\.[\s\S]*Nhắc lịch sinh hoạt chi bộ[\s\S]*Sinh hoạt chi bộ định kỳ[\s\S]*10:00, Thứ Bảy 28\/11\/2026/);
    expect(labels(again[0])).toEqual(["Tham dự", "Vắng mặt"]);

    const [ask] = await h.send("binh", "2", ZALO);
    expect(ask?.text).toContain("Lý do vắng");
    await h.send("binh", "Đi khám bệnh định kỳ", ZALO);
    expect(await rsvp(regular, "binh")).toMatchObject({ answer: "ABSENT", reason: "Đi khám bệnh định kỳ" });
  });

  it("the words people really type answer the one open question, with or without diacritics", async () => {
    // cuong and dung each still have both reminders open: one is answered through "which one?".
    await h.send("cuong", "1", ZALO);
    await h.send("cuong", "2", ZALO);
    expect((await rsvp(thematic, "cuong"))?.answer).toBe("ATTEND");
    await h.send("cuong", "dạ có ạ", ZALO);
    expect((await rsvp(regular, "cuong"))?.answer).toBe("ATTEND");

    await h.send("dung", "1", ZALO);
    await h.send("dung", "1", ZALO);
    expect((await rsvp(regular, "dung"))?.answer).toBe("ATTEND");
    const [reason] = await h.send("dung", "khong di duoc", ZALO);
    expect(reason?.text).toContain("Lý do vắng");
    await h.send("dung", "Bận trông cháu", ZALO);
    expect(await rsvp(thematic, "dung")).toMatchObject({ answer: "ABSENT", reason: "Bận trông cháu" });
  });

  it("'bận', 'vắng' and 'được' mean what people mean by them", async () => {
    const { matchChoice, meaningOf } = await import("../../src/core/engine/answers.ts");
    const choices = [
      { label: "Tham dự", action: "r:m:a", meaning: "yes" as const },
      { label: "Vắng mặt", action: "r:m:v", meaning: "no" as const },
    ];
    for (const yes of ["có", "Có.", "được", "duoc", "tham du", "Dạ, tôi sẽ tham dự", "vâng ạ", "ok"]) expect(matchChoice(choices, yes)?.action, yes).toBe("r:m:a");
    for (const no of ["vắng", "vang", "bận", "Ban", "không đi được", "khong di duoc", "không", "báo vắng"]) expect(matchChoice(choices, no)?.action, no).toBe("r:m:v");
    for (const other of ["có lẽ", "không biết", "tuần sau", "bận việc nhà nên xin vắng"]) expect(meaningOf(other), other).toBeNull();
  });
});
