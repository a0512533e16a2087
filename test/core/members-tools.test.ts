// What a secretary still missed in /thanhvien: correcting a name typed without diacritics, the phó
// bí thư role (who sees what the bí thư sees), miễn sinh hoạt with a reason and a period that ends by
// itself, and the member's year-end form.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db.ts";
import { labels } from "../helpers/chat.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

const DAY = 86_400_000;

describe.each(DB_KINDS)("member tools on %s", (db) => {
  let h: Harness;
  let branchId: string;
  const member = (fullName: string) => h.store.db.member.findFirstOrThrow({ where: { fullName } });

  beforeAll(async () => {
    h = await createHarness({ db });
    await h.join("lan", await h.createBranch("Chi bộ Khu phố 3"), "Nguyễn Thị Lan");
    branchId = (await h.store.db.branch.findFirstOrThrow()).id;
    await h.store.db.invite.create({ data: { branchId, code: "CHUNG2MOI3", maxUses: 10, expiresAt: new Date(h.clock.now().getTime() + 30 * DAY) } });
    await h.join("an", "CHUNG-2MOI3", "tran van an");
    await h.join("binh", "CHUNG-2MOI3", "Lê Thị Bình");
  });
  afterAll(() => h.close());

  it("an admin corrects a name typed without diacritics; the member is told; bad names are refused", async () => {
    await h.send("lan", "/thanhvien");
    await h.send("lan", "Tran Van An");
    const [ask] = await h.press("lan", "Sửa họ tên");
    expect(ask?.text).toContain("Họ tên hiện tại: Tran Van An.");
    expect((await h.send("lan", "An"))[0]?.text).toContain("Vui lòng gõ đầy đủ họ và tên");
    expect((await h.send("lan", "Tran Van An"))[0]?.text).toContain("Họ tên này giống hệt họ tên hiện tại");
    const [confirm] = await h.send("lan", "trần văn an");
    expect(confirm?.text).toBe("Sửa họ tên đồng chí Tran Van An thành: Trần Văn An?");
    const [done] = await h.press("lan", "Xác nhận");
    expect(done?.text).toContain("Đã cập nhật thông tin của đồng chí Trần Văn An.");
    expect(done?.text).toContain("Đồng chí Trần Văn An\nVai trò");
    expect(h.last("an")?.text).toBe("Họ tên của đồng chí trong danh sách Chi bộ Khu phố 3 đã được sửa thành: Trần Văn An.");
    const audit = await h.store.db.auditLog.findFirstOrThrow({ where: { action: "member.updated" }, orderBy: { createdAt: "desc" } });
    expect(audit.details).toMatchObject({ field: "fullName", from: "Tran Van An", to: "Trần Văn An" });
    await h.send("lan", "/huy");
  });

  it("a phó bí thư sees what the bí thư sees and is named so", async () => {
    await h.send("lan", "/thanhvien Bình");
    await h.press("lan", "Lê Thị Bình");
    const [confirm] = await h.press("lan", "Giao vai trò phó bí thư");
    expect(confirm?.text).toContain("Giao vai trò phó bí thư cho đồng chí Lê Thị Bình?");
    const [done] = await h.press("lan", "Xác nhận");
    expect(done?.text).toContain("Vai trò: phó bí thư");
    expect(labels(done)).toEqual(expect.arrayContaining(["Giao vai trò bí thư", "Thôi vai trò phó bí thư"]));
    expect(h.last("binh")?.text).toBe("Vai trò của đồng chí trong Chi bộ Khu phố 3 nay là: phó bí thư. Gõ /trogiup để xem các lệnh đồng chí dùng được.");
    await h.send("lan", "/huy");
    const digest = (await h.send("binh", "/baocao")).map((m) => m.text).join("\n");
    expect(digest).toContain("BÁO CÁO CHI BỘ");
    const [help] = await h.send("binh", "/trogiup");
    expect(help?.text).toContain("Bí thư, phó bí thư:");
    expect(help?.text).toContain("/baocao");
    const [status] = await h.send("binh", "/start");
    expect(status?.text).toContain("Đồng chí Lê Thị Bình – phó bí thư của Chi bộ Khu phố 3.");
  });

  it("miễn sinh hoạt for six months ends by itself; the member and the admins are told", async () => {
    await h.send("lan", "/thanhvien");
    await h.send("lan", "Trần Văn An");
    await h.press("lan", "Miễn sinh hoạt");
    await h.press("lan", "Tuổi cao");
    const [confirm] = await h.press("lan", "6 tháng");
    expect(confirm?.text).toContain("Lý do: tuổi cao\nThời hạn: đến hết Thứ Ba 25/05/2027");
    await h.press("lan", "Xác nhận");
    await h.send("lan", "/huy");
    expect(await member("Trần Văn An")).toMatchObject({ exempted: true, exemptReason: "tuổi cao" });
    h.clock.set("2027-05-25T10:00:00Z");
    await h.tick();
    expect((await member("Trần Văn An")).exempted).toBe(true);
    h.clock.set("2027-05-25T17:30:00Z");
    await h.tick();
    expect(await member("Trần Văn An")).toMatchObject({ exempted: false, exemptReason: null, exemptUntil: null });
    // Told in the morning: 00:30 in Hà Nội is within the branch's quiet hours.
    h.clock.set("2027-05-26T00:30:00Z");
    await h.sender.drain();
    expect(h.last("an")?.text).toBe("Thời hạn miễn sinh hoạt của đồng chí trong Chi bộ Khu phố 3 đã hết. Từ nay Trợ lý lại nhắc lịch sinh hoạt chi bộ cho đồng chí.");
    expect(h.inbox("lan").map((m) => m.text)).toContain("Thời hạn miễn sinh hoạt của đồng chí Trần Văn An đã hết; đồng chí đã trở lại danh sách sinh hoạt. Nếu cần gia hạn, vào /thanhvien.");
    expect(await h.store.db.auditLog.count({ where: { action: "member.exemption-ended" } })).toBe(1);
    await h.tick();
    expect(await h.store.db.auditLog.count({ where: { action: "member.exemption-ended" } })).toBe(1);
  });

  it("the admin sets a member's year-end form", async () => {
    await h.send("lan", "/thanhvien");
    await h.send("lan", "Bình");
    const [ask] = await h.press("lan", "Mẫu bản kiểm điểm");
    expect(ask?.text).toContain("Đồng chí Lê Thị Bình làm bản kiểm điểm cuối năm theo mẫu nào (Hướng dẫn 43-HD/BTCTW)?");
    await h.press("lan", "Mẫu 2B – đảng viên giữ chức vụ lãnh đạo, quản lý");
    const [done] = await h.press("lan", "Xác nhận");
    expect(done?.text).toContain("Mẫu bản kiểm điểm: Mẫu 2B – đảng viên giữ chức vụ lãnh đạo, quản lý");
    expect((await member("Lê Thị Bình")).reviewForm).toBe("FORM_2B");
    expect(h.last("binh")?.text).toBe("Chi bộ Khu phố 3 ghi nhận đồng chí làm bản kiểm điểm cuối năm theo Mẫu 2B – đảng viên giữ chức vụ lãnh đạo, quản lý.");
  });
});
