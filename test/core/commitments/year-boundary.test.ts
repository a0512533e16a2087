// Issue 13, bug 8: the year boundary. The January meeting reviews December against the year that
// just ended, so on 02/01/2027 /tudanhgia and the digest evaluate the 2026 commitments; members are
// told when the 2027 registration opens; a branch created in December registers for the coming year.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import { createHarness, type Harness } from "../../helpers/harness.ts";
import { branchWithAdmin, labels, meeting, register, sample, type Branch } from "./setup.ts";

describe.each(DB_KINDS)("the year boundary on %s", (db) => {
  let h: Harness;
  let branch: Branch;

  beforeAll(async () => {
    h = await createHarness({ db });
    h.clock.set("2026-11-20T03:00:00Z");
    branch = await branchWithAdmin(h, "Chi bộ Khu phố 3", "lan", "Nguyễn Thị Lan");
    await h.join("binh", branch.code, "Trần Thị Bình");
    await register(h, "binh", [sample.commitments[0]!, sample.commitments[8]!]);
    await meeting(h, branch.id, "2026-12-05T12:30:00Z");
    await meeting(h, branch.id, "2027-01-08T12:30:00Z");
  });
  afterAll(() => h.close());

  it("in December, /dangky says when next year's registration opens", async () => {
    h.clock.set("2026-12-15T03:00:00Z");
    const [list] = await h.send("binh", "/dangky");
    expect(list?.text).toContain("Việc đăng ký làm theo gương Bác – năm 2026");
    expect(list?.text).toContain("Đăng ký năm 2027 sẽ mở ngày 01/01/2027 (hoặc sớm hơn nếu chi ủy mở trước); Trợ lý sẽ báo đồng chí.");
    await h.send("binh", "/huy");
  });

  it("on the first day of 2027 every member is told that the 2027 registration has opened, after quiet hours", async () => {
    h.clock.set("2026-12-31T17:05:00Z"); // 00:05 on 01/01/2027 in Hà Nội: quiet hours
    const before = h.inbox("binh").length;
    await h.tick();
    expect(h.inbox("binh").slice(before).filter((m) => m.text.includes("năm 2027"))).toEqual([]);
    h.clock.set("2027-01-01T00:30:00Z"); // 07:30
    await h.tick();
    const told = h.inbox("binh").slice(before).filter((m) => m.text.includes("năm 2027"));
    expect(told.map((m) => m.text)).toEqual(["Chi bộ đã mở đăng ký làm theo gương Bác năm 2027. Hạn đăng ký: Thứ Tư 31/03/2027. Chọn Đăng ký ngay, hoặc gõ /dangky."]);
    expect(labels(told[0])).toEqual(["Đăng ký ngay"]);
    await h.tick();
    expect(h.inbox("binh").slice(before).filter((m) => m.text.includes("năm 2027"))).toHaveLength(1);
  });

  it("on 02/01/2027 /tudanhgia evaluates December against the 2026 commitments", async () => {
    h.clock.set("2027-01-02T02:00:00Z");
    const [first] = await h.send("binh", "/tudanhgia");
    expect(first?.text).toContain("Tự đánh giá tháng 12/2026");
    expect(first?.text).toContain(`Việc 1/2: ${sample.commitments[0]}`);
    await h.press("binh", "Đã hoàn thành");
    await h.press("binh", "Bỏ qua");
    await h.press("binh", "Đang thực hiện");
    await h.press("binh", "Bỏ qua");
    await h.press("binh", "Bỏ qua");
    const [sent] = await h.press("binh", "Xác nhận");
    expect(sent?.text).toContain("Đã gửi tự đánh giá tháng 12/2026.");
  });

  it("the digest of the January meeting counts the self-evaluations against 2026", async () => {
    const digest = (await h.send("lan", "/baocao")).map((m) => m.text).join("\n");
    expect(digest).toContain("TỰ ĐÁNH GIÁ");
    expect(digest).toContain("Đã gửi: 1/1");
    expect(digest).not.toContain("Chưa có đảng viên nào đăng ký làm theo");
  });

  it("the 2026 year-end draft counts December's answers", async () => {
    await h.send("lan", "/dangky");
    await h.press("lan", "Quản lý");
    await h.press("lan", "Kiểm điểm cuối năm 2026");
    await h.press("lan", "Mở kiểm điểm năm 2026");
    await h.send("lan", "20/01/2027");
    await h.press("lan", "Xác nhận");
    await h.send("lan", "/huy");
    const [both] = await h.send("binh", "/tudanhgia");
    expect(both?.text).toBe("Đang mở tự đánh giá tháng 12/2026 và kiểm điểm cuối năm 2026. Đồng chí muốn làm phần nào?");
    await h.press("binh", "Tự đề xuất xếp loại");
    await h.press("binh", "Mẫu 2C – đảng viên không làm việc trong hệ thống chính trị (ví dụ: đã nghỉ hưu)");
    await h.press("binh", "Hoàn thành tốt nhiệm vụ");
    await h.send("binh", "Hoàn thành các việc đã đăng ký trong năm.");
    const [, draft] = await h.press("binh", "Xác nhận");
    expect(draft?.text).toContain("Tháng 12/2026: Đã hoàn thành");
    expect(draft?.text).not.toContain("Tháng 01/2027");
  });
});

describe.each(DB_KINDS)("a branch created in December on %s", (db) => {
  let h: Harness;
  afterAll(() => h?.close());

  beforeAll(async () => {
    h = await createHarness({ db });
    h.clock.set("2026-12-10T03:00:00Z");
  });

  it("registers for the coming year, with the usual deadline", async () => {
    const branch = await branchWithAdmin(h, "Chi bộ Tổ dân phố 5", "lan", "Nguyễn Thị Lan");
    await h.tick();
    await h.join("binh", branch.code, "Trần Thị Bình");
    const [ask] = await h.send("binh", "/dangky");
    expect(ask?.text).toContain("Đồng chí đăng ký việc làm cụ thể nào");
    await h.send("binh", sample.commitments[0]!);
    const [list] = (await h.send("binh", "/dangky")).slice(-1);
    expect(list?.text).toContain("Việc đăng ký làm theo gương Bác – năm 2027");
    expect(list?.text).toContain("Hạn đăng ký: Thứ Tư 31/03/2027.");
    const periods = await h.store.db.commitmentPeriod.findMany({ where: { branchId: branch.id } });
    expect(periods.map((p) => p.name)).toEqual(["2027"]);
  });
});
