// Safety, item 8: an admin cannot quietly make themselves (or anyone) secretary and read every
// answer. Granting the secretary or phó bí thư role tells the branch's existing secretaries (the
// operators when it has none), is audited, and an invite that grants it says so to its maker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, OPERATOR, type Harness } from "../helpers/harness.ts";

describe.each(DB_KINDS)("granting the secretary role on %s", (db) => {
  let h: Harness;
  let branchId: string;
  let code: string;

  beforeAll(async () => {
    h = await createHarness({ db });
    const first = await h.createBranch("Chi bộ Khu phố 3");
    // The first member is secretary and admin; the second an admin only.
    await h.join("lan", first, "Nguyễn Thị Lan");
    branchId = (await h.store.db.branch.findFirstOrThrow()).id;
    code = "CHUNG2MOI3";
    await h.store.db.invite.create({ data: { branchId, code, maxUses: 100, expiresAt: new Date(h.clock.now().getTime() + 30 * 86_400_000) } });
    await h.join("hung", code, "Phạm Văn Hùng");
    await h.join("an", code, "Trần Văn An");
    const hung = await h.store.db.member.findFirstOrThrow({ where: { fullName: "Phạm Văn Hùng" } });
    await h.store.db.member.update({ where: { id: hung.id }, data: { isAdmin: true } });
  });
  afterAll(() => h.close());

  it("an admin who makes themselves secretary: the secretary is told and it is audited", async () => {
    const before = h.inbox("lan").length;
    await h.send("hung", "/thanhvien");
    await h.send("hung", "Hùng");
    await h.press("hung", "Giao vai trò bí thư");
    const [confirmed] = await h.press("hung", "Xác nhận");
    expect(confirmed?.text).toContain("Đã cập nhật thông tin của đồng chí Phạm Văn Hùng.");
    const told = h.inbox("lan").slice(before);
    expect(told.map((m) => m.text)).toContain(
      "Đồng chí Phạm Văn Hùng (quản trị) vừa giao vai trò bí thư cho chính mình trong Chi bộ Khu phố 3. Từ nay đồng chí Phạm Văn Hùng xem được các câu trả lời của đảng viên và nhận báo cáo. Nếu việc này không đúng, vui lòng vào /thanhvien để thu hồi.",
    );
    const hung = await h.store.db.member.findFirstOrThrow({ where: { fullName: "Phạm Văn Hùng" } });
    const audits = await h.store.db.auditLog.findMany({ where: { action: "member.secretary-granted" }, orderBy: { createdAt: "asc" } });
    // The first is the branch's first secretary, who joined with the operator's invite.
    expect(audits.map((a) => a.details)).toMatchObject([{ via: "invite", byMemberId: null }, { memberId: hung.id, deputy: false, self: true, via: "role" }]);
  });

  it("the operator hears of the first secretary, who joined with the operator's invite", () => {
    expect(h.inbox(OPERATOR).map((m) => m.text)).toContain("Chi bộ Khu phố 3: đồng chí Nguyễn Thị Lan vừa tham gia với vai trò bí thư, bằng mã mời do người vận hành tạo.");
  });

  it("with no other secretary, the operators are told", async () => {
    // Lan steps down; Hùng, now the only secretary, makes An phó bí thư.
    const lan = await h.store.db.member.findFirstOrThrow({ where: { fullName: "Nguyễn Thị Lan" } });
    const hung = await h.store.db.member.findFirstOrThrow({ where: { fullName: "Phạm Văn Hùng" } });
    await h.store.db.member.update({ where: { id: lan.id }, data: { isSecretary: false } });
    await h.store.db.member.update({ where: { id: hung.id }, data: { isSecretary: false } });
    const before = h.inbox(OPERATOR).length;
    await h.send("hung", "/thanhvien");
    await h.send("hung", "Trần Văn An");
    await h.press("hung", "Giao vai trò phó bí thư");
    await h.press("hung", "Xác nhận");
    const told = h.inbox(OPERATOR).slice(before).map((m) => m.text);
    expect(told).toContain(
      "Chi bộ Khu phố 3: đồng chí Phạm Văn Hùng (quản trị) vừa giao vai trò phó bí thư cho đồng chí Trần Văn An. Chi bộ chưa có bí thư nào khác để báo, nên Trợ lý báo người vận hành.",
    );
    const an = await h.store.db.member.findFirstOrThrow({ where: { fullName: "Trần Văn An" } });
    expect(an).toMatchObject({ isSecretary: true, isDeputy: true });
  });

  it("an invite that grants the secretary role says so before it is made; whoever joins with it is announced", async () => {
    await h.send("hung", "/moi");
    await h.press("hung", "Bí thư");
    await h.press("hung", "7 ngày");
    const [preview] = await h.press("hung", "1 lần");
    expect(preview?.text).toContain("Người dùng mã này sẽ là bí thư: xem được mọi câu trả lời của đảng viên và nhận báo cáo của chi bộ. Các bí thư hiện có sẽ được báo khi mã được dùng.");
    const [done] = await h.press("hung", "Xác nhận");
    const secretaryCode = /Mã mời: ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(done?.text ?? "")?.[1];
    expect(secretaryCode).toBeDefined();
    const before = h.inbox("an").length;
    await h.join("vy", secretaryCode!, "Lê Thị Vy");
    expect(h.inbox("an").slice(before).map((m) => m.text)).toContain(
      "Đồng chí Lê Thị Vy vừa tham gia Chi bộ Khu phố 3 với vai trò bí thư, bằng mã mời do đồng chí Phạm Văn Hùng tạo. Nếu việc này không đúng, vui lòng báo ngay cho quản trị chi bộ.",
    );
    expect(await h.store.db.auditLog.count({ where: { action: "member.secretary-granted" } })).toBe(4);
  });
});
