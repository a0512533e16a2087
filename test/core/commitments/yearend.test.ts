// The year-end review: the admin opens it, each member proposes one of the four levels of Quy định
// 366-QĐ/TW with a reason and receives a draft self-review (text and .docx) built from the year.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import type { Harness } from "../../helpers/harness.ts";
import { labels, memberId, meeting, register, sample, setup, type Branch } from "./setup.ts";

const LEVELS = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"];

describe.each(DB_KINDS)("year-end review on %s", (db) => {
  let h: Harness;
  let branch: Branch;
  beforeAll(async () => {
    ({ h, branch } = await setup(db));
    await register(h, "binh", [sample.commitments[0]!, sample.commitments[8]!]);
    // One month's self-evaluation, answered in full.
    await meeting(h, branch.id, "2026-12-03T07:00:00Z");
    h.clock.set("2026-11-27T02:00:00Z");
    await h.send("binh", "/tudanhgia");
    await h.press("binh", "Đã hoàn thành");
    await h.send("binh", "Không đi muộn buổi nào");
    await h.press("binh", "Đang thực hiện");
    await h.press("binh", "Bỏ qua");
    await h.send("binh", sample.reflections[1]!);
    await h.press("binh", "Xác nhận");
    h.clock.set("2026-12-10T02:00:00Z");
  });
  afterAll(() => h.close());

  it("is closed until the admin opens it", async () => {
    const [closed] = await h.action("binh", "ye:s");
    expect(closed?.text).toBe("Kiểm điểm cuối năm hiện không mở. Vui lòng hỏi chi ủy.");
    const [refused] = await h.action("binh", "ye:a");
    expect(refused?.text).toBe("Lệnh này chỉ dành cho quản trị của chi bộ.");
  });

  it("the admin opens it with a confirmation; every member is invited and it is audited", async () => {
    const [notOpen] = await h.send("an", "/tudanhgia");
    expect(labels(notOpen)).toEqual(["Kiểm điểm cuối năm (quản trị)"]);
    const [state] = await h.press("an", "Kiểm điểm cuối năm (quản trị)");
    expect(state?.text).toContain("Kiểm điểm cuối năm 2026: chưa mở.");
    expect(state?.text).toContain("chi bộ xem xét, quyết định");
    const [confirm] = await h.press("an", "Mở kiểm điểm năm 2026");
    expect(confirm?.text).toBe("Mở kiểm điểm cuối năm 2026 đến hết ngày Thứ Bảy 09/01/2027? Mọi đảng viên sẽ được mời tự đề xuất mức xếp loại.");
    expect(await h.store.db.yearEndReview.count()).toBe(0);
    const opened = (await h.press("an", "Xác nhận")).find((m) => m.text.startsWith("Đã mở kiểm điểm"));
    expect(opened?.text).toContain("Đã mở kiểm điểm cuối năm 2026 và mời 3 đồng chí.");
    expect(opened?.text).toContain("Kiểm điểm cuối năm 2026: đang mở, đến hết ngày Thứ Bảy 09/01/2027.");
    const review = await h.store.db.yearEndReview.findFirstOrThrow();
    expect(review).toMatchObject({ branchId: branch.id, year: 2026, openedById: await memberId(h, "Nguyễn Văn An") });
    expect(await h.store.db.auditLog.count({ where: { action: "yearend.opened" } })).toBe(1);
    const invite = h.inbox("cuong").at(-1);
    expect(invite?.text).toContain("Chi bộ đã mở kiểm điểm cuối năm 2026.");
    expect(labels(invite)).toEqual(["Tự đề xuất xếp loại"]);
    await h.send("an", "/huy");
  });

  it("a member proposes a level with a reason and receives the draft self-review as text and .docx", async () => {
    const [ask] = await h.send("binh", "/tudanhgia");
    expect(ask?.text).toContain("Kiểm điểm cuối năm 2026.");
    expect(ask?.text).toContain("Trong năm: 2 việc đăng ký, 1 lần tự đánh giá; tổng cộng 1 lần Đã hoàn thành, 1 lần Đang thực hiện, 0 lần Chưa thực hiện.");
    expect(ask?.text).toContain("Trợ lý không chấm điểm, chi bộ xem xét và quyết định.");
    expect(labels(ask)).toEqual(LEVELS);

    const [bad] = await h.send("binh", "tốt");
    expect(bad?.text).toContain("Vui lòng chọn một trong bốn mức dưới đây");
    const [reason] = await h.send("binh", "2");
    expect(reason?.text).toContain("Mức đề xuất: Hoàn thành tốt nhiệm vụ.");
    const [tooLong] = await h.send("binh", "Hoàn thành ".repeat(120));
    expect(tooLong?.text).toContain("quá mức 1.000 ký tự");
    const [confirm] = await h.send("binh", "Hoàn thành đầy đủ việc đăng ký, còn một việc đang làm dở.");
    expect(confirm?.text).toContain("Mức: Hoàn thành tốt nhiệm vụ");
    expect(await h.store.db.yearEndRating.count()).toBe(0);

    // The acknowledgement first; the draft (text and Word file) is built after the unit of work.
    const [saved, draft] = await h.press("binh", "Xác nhận");
    expect(saved?.text).toContain("Đã ghi nhận đề xuất của đồng chí cho năm 2026: Hoàn thành tốt nhiệm vụ. Đây là đề xuất; chi bộ sẽ xem xét, quyết định.");
    expect(draft?.text).toContain("BẢN KIỂM ĐIỂM CÁ NHÂN NĂM 2026 (BẢN NHÁP)");
    expect(draft?.text).toContain("Họ và tên: Trần Thị Bình");
    expect(draft?.text).toContain(`1. ${sample.commitments[0]}`);
    expect(draft?.text).toContain("– Tháng 11/2026: Đã hoàn thành – Không đi muộn buổi nào");
    expect(draft?.text).toContain("– Tháng 11/2026: Đang thực hiện");
    expect(draft?.text).toContain(`– 11/2026: ${sample.reflections[1]}`);
    expect(draft?.text).toContain("Mức tự đề xuất: Hoàn thành tốt nhiệm vụ");
    expect(draft?.text).toContain("Trợ lý không quyết định, chi bộ xem xét và quyết định theo Quy định 366-QĐ/TW.");

    const file = draft?.files?.[0];
    expect(file).toMatchObject({ name: "ban-kiem-diem-2026.docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    const zip = await JSZip.loadAsync(Buffer.from(file!.data, "base64"));
    const xml = await zip.file("word/document.xml")!.async("string");
    for (const text of ["ĐẢNG CỘNG SẢN VIỆT NAM", "BẢN KIỂM ĐIỂM CÁ NHÂN NĂM 2026 (BẢN NHÁP)", "Họ và tên: Trần Thị Bình", "Mức tự đề xuất: Hoàn thành tốt nhiệm vụ", sample.reflections[1]!]) {
      expect(xml).toContain(text);
    }

    const rating = await h.store.db.yearEndRating.findFirstOrThrow();
    expect(rating).toMatchObject({ year: 2026, level: "GOOD", reason: "Hoàn thành đầy đủ việc đăng ký, còn một việc đang làm dở.", memberId: await memberId(h, "Trần Thị Bình") });
  });

  it("the proposal can be changed while the review is open, keeping the earlier reason", async () => {
    const [ask] = await h.send("binh", "/tudanhgia");
    expect(ask?.text).toContain("Đồng chí đã đề xuất: Hoàn thành tốt nhiệm vụ");
    await h.press("binh", "Hoàn thành xuất sắc nhiệm vụ");
    await h.press("binh", "Giữ lý do cũ");
    await h.press("binh", "Xác nhận");
    const ratings = await h.store.db.yearEndRating.findMany();
    expect(ratings.map((r) => [r.level, r.reason])).toEqual([["EXCELLENT", "Hoàn thành đầy đủ việc đăng ký, còn một việc đang làm dở."]]);
  });

  it("once the admin closes it, proposals stop, also mid-way", async () => {
    await h.send("cuong", "/tudanhgia");
    await h.press("cuong", "Hoàn thành nhiệm vụ");
    await h.send("an", "/dangky");
    await h.press("an", "Quản lý");
    await h.press("an", "Kiểm điểm cuối năm 2026");
    await h.press("an", "Đóng kiểm điểm");
    const [closed] = await h.press("an", "Xác nhận");
    expect(closed?.text).toContain("Đã đóng kiểm điểm cuối năm 2026.");
    const [late] = await h.send("cuong", "Đã cố gắng hoàn thành các việc được giao");
    expect(late?.text).toBe("Kiểm điểm cuối năm hiện không mở. Vui lòng hỏi chi ủy.");
    expect(await h.store.db.yearEndRating.count()).toBe(1);
  });
});
