// /trogiup says when the month's self-evaluation opens (the branch's own setting), and shows admins
// what hides behind /dangky → Quản lý; strangers see the joining instructions only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

describe.each(DB_KINDS)("/trogiup on %s", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ db });
    await h.join("lan", await h.createBranch("Chi bộ Khu phố 3"), "Nguyễn Thị Lan");
    const branch = await h.store.db.branch.findFirstOrThrow();
    await h.store.db.branch.update({ where: { id: branch.id }, data: { selfEvalDaysBefore: 5 } });
    await h.store.db.invite.create({ data: { branchId: branch.id, code: "CHUNG2MOI3", maxUses: 10, expiresAt: new Date(h.clock.now().getTime() + 86_400_000) } });
    await h.join("an", "CHUNG-2MOI3", "Trần Văn An");
  });
  afterAll(() => h.close());

  it("tells a member when the self-evaluation opens, with the branch's own number of days", async () => {
    const [help] = await h.send("an", "/trogiup");
    expect(help?.text).toContain("Các lệnh đồng chí dùng được");
    expect(help?.text).toContain("→ Tự đánh giá mở 5 ngày trước mỗi buổi sinh hoạt định kỳ, đóng khi buổi sinh hoạt bắt đầu.");
    expect(help?.text).not.toContain("chọn Quản lý");
  });

  it("shows an admin the tools behind /dangky → Quản lý", async () => {
    const [help] = await h.send("lan", "/trogiup");
    expect(help?.text).toContain("→ Trong /dangky, chọn Quản lý: hạn đăng ký, đăng ký năm sau, chuẩn mực đạo đức, kiểm điểm cuối năm.");
    expect(help?.text).toContain("/gopy (/review) – Góp ý việc đăng ký của đảng viên; tổng hợp đề xuất xếp loại");
    // A secretary and admin's help, the longest, is still one message on Zalo.
    const [zalo] = await h.send("lan", "trogiup", { platform: "ZALO" });
    expect(zalo?.text.length).toBeLessThanOrEqual(2000);
  });

  it("says nothing of it to a stranger", async () => {
    const [help] = await h.send("khach", "/trogiup");
    expect(help?.text).not.toContain("Tự đánh giá mở");
  });
});
