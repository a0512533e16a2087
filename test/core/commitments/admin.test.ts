// The admin's side: the commitment settings in /caidat, and /dangky → Quản lý for the registration
// deadline, next year's period and the branch's ethical standards. Every change is validated,
// confirmed and audited; members cannot reach any of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import type { Harness } from "../../helpers/harness.ts";
import { labels, meeting, register, sample, setup, tokenOf, type Branch } from "./setup.ts";

describe.each(DB_KINDS)("commitment administration on %s", (db) => {
  let h: Harness;
  let branch: Branch;
  beforeAll(async () => {
    ({ h, branch } = await setup(db));
    await register(h, "binh", [sample.commitments[0]!]);
  });
  afterAll(() => h.close());

  const branchRow = () => h.store.db.branch.findUniqueOrThrow({ where: { id: branch.id } });
  const period = (year: number) => h.store.db.commitmentPeriod.findUnique({ where: { id: `${branch.id}-${year}` } });

  it("/caidat sets how many commitments, validated and confirmed", async () => {
    const [menu] = await h.send("an", "/caidat");
    expect(menu?.text).toContain("• Số việc đăng ký: 1–5 việc");
    expect(menu?.text).toContain("• Nhắc đăng ký trước hạn: 14 ngày trước hạn");
    expect(menu?.text).toContain("• Mở tự đánh giá: 7 ngày trước buổi sinh hoạt");
    const [ask] = await h.press("an", "Số việc đăng ký");
    expect(ask?.text).toContain("Hiện: 1–5 việc.");
    for (const [input, answer] of [
      ["5-2", "Số việc phải từ 1 đến 10, số trước không lớn hơn số sau."],
      ["0-3", "Số việc phải từ 1 đến 10"],
      ["nhiều", "Vui lòng gõ số ít nhất và nhiều nhất, ví dụ 1-5"],
      ["99999999999999999999", "Vui lòng gõ số ít nhất và nhiều nhất"],
    ] as const) {
      const [bad] = await h.send("an", input);
      expect(bad?.text).toContain(answer);
    }
    expect(await branchRow()).toMatchObject({ commitmentMin: 1, commitmentMax: 5 });
    const [confirm] = await h.send("an", "từ 2 đến 4 việc");
    expect(confirm?.text).toContain("Số việc đăng ký: 1–5 việc → 2–4 việc");
    await h.press("an", "Xác nhận");
    expect(await branchRow()).toMatchObject({ commitmentMin: 2, commitmentMax: 4 });
    const audit = await h.store.db.auditLog.findFirstOrThrow({ where: { action: "settings.changed" } });
    expect(audit.details).toMatchObject({ setting: "commit-count", from: "1–5 việc", to: "2–4 việc" });
  });

  it("/caidat sets the reminder lead and the self-evaluation window (with a preview of the next one)", async () => {
    await h.send("an", "/caidat");
    await h.press("an", "Nhắc đăng ký trước hạn");
    const [bad] = await h.send("an", "61");
    expect(bad?.text).toContain("Số phải từ 1 đến 60.");
    await h.send("an", "7 ngày");
    await h.press("an", "Xác nhận");

    await meeting(h, branch.id, "2026-12-03T07:00:00Z");
    await h.send("an", "/caidat");
    await h.press("an", "Mở tự đánh giá");
    const [tooMany] = await h.send("an", "15");
    expect(tooMany?.text).toContain("Số phải từ 1 đến 14.");
    const [confirm] = await h.send("an", "3");
    expect(confirm?.text).toContain("Buổi sinh hoạt tới (14:00, Thứ Năm 03/12/2026): tự đánh giá sẽ mở từ 14:00, Thứ Hai 30/11/2026.");
    await h.press("an", "Xác nhận");
    expect(await branchRow()).toMatchObject({ commitmentReminderDays: 7, selfEvalDaysBefore: 3 });
  });

  it("the registration deadline is changed in /dangky → Quản lý, validated and audited", async () => {
    const [list] = await h.send("an", "/dangky");
    expect(labels(list)).toContain("Quản lý");
    const [menu] = await h.press("an", "Quản lý");
    expect(menu?.text).toContain("Kỳ đăng ký năm 2026: hạn Thứ Sáu 25/12/2026; đã đăng ký 1/3 đồng chí.");
    await h.press("an", "Đổi hạn đăng ký");
    for (const [input, answer] of [
      ["31/02", "Ngày 31/02 không có trong lịch."],
      ["ngày mai", "Chưa hiểu ngày"],
      ["01/11/2026", "Hạn mới phải sau thời điểm hiện tại."],
      ["15/01/2027", "Hạn đăng ký phải nằm trong năm 2026."],
    ] as const) {
      const [bad] = await h.send("an", input);
      expect(bad?.text).toContain(answer);
    }
    const [confirm] = await h.send("an", "20/12");
    expect(confirm?.text).toBe("Đổi hạn đăng ký năm 2026 từ Thứ Sáu 25/12/2026 thành Chủ Nhật 20/12/2026?");
    expect((await period(2026))?.deadline.toISOString()).toBe("2026-12-25T16:59:59.999Z");
    const [saved] = await h.press("an", "Xác nhận");
    expect(saved?.text).toContain("Đã đổi hạn đăng ký năm 2026 thành Chủ Nhật 20/12/2026.");
    expect((await period(2026))?.deadline.toISOString()).toBe("2026-12-20T16:59:59.999Z");
    expect(await h.store.db.auditLog.count({ where: { action: "commitment.deadline" } })).toBe(1);
    await h.send("an", "/huy");
  });

  it("the branch's ethical standards are kept by the admin and linked by members", async () => {
    await h.send("an", "/dangky");
    await h.press("an", "Quản lý");
    const [list] = await h.press("an", "Chuẩn mực đạo đức");
    expect(list?.text).toContain("Chưa có chuẩn mực nào.");
    await h.press("an", "Thêm chuẩn mực");
    const [long] = await h.send("an", "Tận tụy ".repeat(30));
    expect(long?.text).toContain("quá mức 200 ký tự");
    const [confirm] = await h.send("an", "Tận tụy, trách nhiệm với công việc");
    expect(confirm?.text).toBe("Thêm chuẩn mực: Tận tụy, trách nhiệm với công việc?");
    await h.press("an", "Xác nhận");
    await h.press("an", "Thêm chuẩn mực");
    await h.send("an", "Gần dân, trọng dân, vì dân");
    const [two] = await h.press("an", "Xác nhận");
    expect(two?.text).toContain("1. Tận tụy, trách nhiệm với công việc");
    expect(two?.text).toContain("2. Gần dân, trọng dân, vì dân");
    await h.press("an", "Thêm chuẩn mực");
    const [dup] = await h.send("an", "gần dân, trọng dân, vì dân");
    expect(dup?.text).toContain("Chuẩn mực này đã có.");
    await h.send("an", "/huy");
    expect(await h.store.db.auditLog.count({ where: { action: "standard.added" } })).toBe(2);

    // A member adding a commitment is offered the standards, Bỏ qua included.
    await h.send("cuong", "/dangky");
    const [pick] = await h.send("cuong", sample.commitments[2]!);
    expect(pick?.text).toContain("Việc này gắn với chuẩn mực đạo đức nào của chi bộ?");
    expect(labels(pick)).toEqual(["Tận tụy, trách nhiệm với công việc", "Gần dân, trọng dân, vì dân", "Bỏ qua"]);
    await h.send("cuong", "2");
    const [card] = await h.send("cuong", "1");
    expect(card?.text).toContain("Chuẩn mực đạo đức: Gần dân, trọng dân, vì dân");
    await h.send("cuong", "/huy");

    // Removed by the admin: the commitment keeps its text and says the standard was removed.
    await h.send("an", "/dangky");
    await h.press("an", "Quản lý");
    await h.press("an", "Chuẩn mực đạo đức");
    await h.send("an", "2");
    await h.press("an", "Xóa");
    const [removed] = await h.press("an", "Xác nhận");
    expect(removed?.text).toContain("Đã bỏ chuẩn mực.");
    expect(removed?.text).not.toContain("2. Gần dân");
    await h.send("an", "/huy");
    await h.send("cuong", "/dangky");
    const [after] = await h.send("cuong", "1");
    expect(after?.text).toContain("Chuẩn mực đạo đức: (chuẩn mực đã bỏ)");
    await h.send("cuong", "/huy");
  });

  it("next year's period opens from October; members register there, the rest of this year is unchanged", async () => {
    await h.send("an", "/dangky");
    const [menu] = await h.press("an", "Quản lý");
    expect(labels(menu)).toContain("Mở kỳ đăng ký năm 2027");
    await h.press("an", "Mở kỳ đăng ký năm 2027");
    const ok = (await h.press("an", "Xác nhận")).find((m) => m.text.startsWith("Đã mở kỳ"));
    expect(ok?.text).toContain("Đã mở kỳ đăng ký năm 2027 và báo các đồng chí.");
    expect(await period(2027)).toMatchObject({ status: "OPEN", name: "2027" });
    expect((await period(2027))?.deadline.toISOString()).toBe("2027-03-31T16:59:59.999Z");
    expect(h.inbox("binh").at(-1)?.text).toContain("Chi bộ đã mở đăng ký làm theo gương Bác năm 2027. Hạn đăng ký: Thứ Tư 31/03/2027.");
    expect(await h.store.db.auditLog.count({ where: { action: "commitment.period.opened" } })).toBe(1);

    const [ask] = await h.send("binh", "/dangky");
    expect(ask?.text).toContain("Gõ việc thứ 1");
    await h.send("binh", sample.commitments[9]!);
    const [list] = await h.press("binh", "Bỏ qua");
    expect(list?.text).toContain("Việc đăng ký làm theo gương Bác – năm 2027");
    await h.send("binh", "/huy");
    // /cuatoi shows this year's commitments and next year's registration.
    const [mine] = await h.send("binh", "/cuatoi");
    expect(mine?.text).toContain(`Việc đăng ký năm 2026 (hạn đăng ký Chủ Nhật 20/12/2026):\n1. ${sample.commitments[0]}`);
    expect(mine?.text).toContain("Việc đăng ký năm 2027 (hạn đăng ký Thứ Tư 31/03/2027):");
    // This year's commitment is untouched.
    expect(await h.store.db.commitment.count({ where: { periodId: `${branch.id}-2026`, deletedAt: null, member: { fullName: "Trần Thị Bình" } } })).toBe(1);
  });

  it("members cannot reach the admin's steps", async () => {
    const [refused] = await h.action("binh", "cm:a");
    expect(refused?.text).toBe("Lệnh này chỉ dành cho quản trị của chi bộ.");
    await h.send("cuong", "/dangky");
    const [forged] = await h.action("cuong", `f:${tokenOf(h, "cuong")}:admin`);
    expect(forged?.text).toContain("Vui lòng chọn một trong các lựa chọn");
    expect(forged?.text).not.toContain("Quản lý đăng ký");
    const [menu] = await h.send("cuong", "/caidat");
    expect(menu?.text).toBe("Lệnh này chỉ dành cho quản trị của chi bộ.");
    await h.send("cuong", "/huy");
  });
});
