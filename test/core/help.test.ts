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
    expect(help?.text).toContain("Tự đánh giá hằng tháng mở 5 ngày trước mỗi buổi sinh hoạt chi bộ định kỳ và đóng khi buổi sinh hoạt bắt đầu");
    expect(help?.text).not.toContain("bấm Quản lý");
  });

  it("shows an admin the tools behind /dangky → Quản lý", async () => {
    const [help] = await h.send("lan", "/trogiup");
    expect(help?.text).toContain("Trong /dangky, bấm Quản lý để: đổi hạn đăng ký, mở đăng ký năm sau (từ tháng 10), soạn chuẩn mực đạo đức của chi bộ, mở hoặc đóng kiểm điểm cuối năm và chọn ngày đóng");
    expect(help?.text).toContain("tổng hợp đề xuất xếp loại của các đồng chí có trong /gopy");
  });

  it("says nothing of it to a stranger", async () => {
    const [help] = await h.send("khach", "/trogiup");
    expect(help?.text).not.toContain("Tự đánh giá hằng tháng mở");
  });
});
