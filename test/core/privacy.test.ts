import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCode } from "../../src/core/domain/invites.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

describe.each(DB_KINDS)("privacy on %s", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ db });
    const code = await h.createBranch("Chi bộ Phòng Tổ chức - Hành chính");
    await h.join("an", code, "Nguyễn Văn An");
    const branch = await h.store.db.branch.findFirstOrThrow();
    const invite = await h.store.db.invite.create({ data: { branchId: branch.id, code: generateCode(), maxUses: 10, expiresAt: new Date(h.clock.now().getTime() + 86_400_000) } });
    await h.join("binh", invite.code, "Trần Thị Bình");
    // Some answers of Bình's, as the meetings and commitments features would store them.
    const member = await h.store.db.member.findFirstOrThrow({ where: { fullName: "Trần Thị Bình" } });
    const meeting = await h.store.db.meeting.create({ data: { branchId: branch.id, startsAt: new Date("2026-12-05T07:00:00Z"), topic: "Sinh hoạt tháng 12" } });
    await h.store.db.rsvp.create({ data: { meetingId: meeting.id, memberId: member.id, answer: "ABSENT", reason: "Con ốm phải đưa đi viện" } });
    const period = await h.store.db.commitmentPeriod.create({ data: { branchId: branch.id, name: "Năm 2026", startsAt: new Date("2026-01-01"), deadline: new Date("2026-03-01"), endsAt: new Date("2027-01-01") } });
    await h.store.db.commitment.create({ data: { periodId: period.id, memberId: member.id, text: "Tiết kiệm điện, nước tại phòng làm việc", position: 1 } });
  });
  afterAll(() => h.close());

  it("/dulieu sends everything stored about the member, and only about them", async () => {
    const [reply] = await h.send("binh", "/dulieu");
    expect(reply?.text).toContain("Trần Thị Bình: 1 tài khoản chat, 1 câu trả lời về sinh hoạt chi bộ, 1 việc đăng ký làm theo");
    const file = reply?.files?.[0];
    expect(file?.name).toBe("du-lieu-cua-toi.json");
    const data = JSON.parse(Buffer.from(file!.data, "base64").toString("utf8"));
    expect(data.member.fullName).toBe("Trần Thị Bình");
    expect(data.meetingAnswers[0]).toMatchObject({ answer: "ABSENT", reason: "Con ốm phải đưa đi viện" });
    expect(data.commitments[0].text).toBe("Tiết kiệm điện, nước tại phòng làm việc");
    expect(JSON.stringify(data)).not.toContain("Nguyễn Văn An");
  });

  it("a stranger cannot ask for anyone's data", async () => {
    expect((await h.send("la", "/dulieu"))[0]?.text).toContain("dành cho đảng viên");
  });

  it("the last admin must hand over before erasing", async () => {
    await h.send("an", "/xoadulieu");
    const [reply] = await h.press("an", "Xác nhận xóa");
    expect(reply?.text).toContain("quản trị duy nhất");
    expect(await h.store.db.member.count({ where: { status: "ACTIVE" } })).toBe(2);
  });

  it("/xoadulieu erases the member's answers and chats after confirmation; admins are told", async () => {
    await h.send("binh", "/xoadulieu");
    const [done] = await h.press("binh", "Xác nhận xóa");
    expect(done?.text).toContain("Đã xóa dữ liệu");
    const member = await h.store.db.member.findFirstOrThrow({ where: { status: "ERASED" } });
    expect(member.fullName).toBe("(đã xóa)");
    expect(await h.store.db.rsvp.count({ where: { memberId: member.id } })).toBe(0);
    expect(await h.store.db.commitment.count({ where: { memberId: member.id } })).toBe(0);
    expect(await h.store.db.identity.count({ where: { userId: "binh" } })).toBe(0);
    expect(h.last("an")?.text).toBe("Đồng chí Trần Thị Bình đã xóa dữ liệu của mình và rời Trợ lý Chi bộ.");
    // Writing again starts from scratch: a stranger.
    expect((await h.send("binh", "/dulieu"))[0]?.text).toContain("dành cho đảng viên");
  });

  it("cancelling keeps everything", async () => {
    await h.send("an", "/xoadulieu");
    expect((await h.press("an", "Hủy"))[0]?.text).toBe("Đã hủy. Không có gì được lưu.");
    expect(await h.store.db.member.count({ where: { fullName: "Nguyễn Văn An", status: "ACTIVE" } })).toBe(1);
  });

  it("old answers go after the branch's retention period", async () => {
    const branch = await h.store.db.branch.findFirstOrThrow();
    const old = await h.store.db.meeting.create({ data: { branchId: branch.id, startsAt: new Date("2020-01-05T07:00:00Z") } });
    h.clock.set("2026-11-25T10:17:00Z");
    await h.tick();
    expect(await h.store.db.meeting.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await h.store.db.meeting.count()).toBe(1);
  });
});
