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
    const [date] = await h.press("an", "Mở kiểm điểm năm 2026");
    expect(date?.text).toContain("Kiểm điểm cuối năm 2026 mở đến hết ngày nào?");
    expect(labels(date)).toEqual(["Đến hết Thứ Bảy 09/01/2027 (30 ngày)", "Hủy"]);
    // The closing date is the admin's: typed, checked, and editable before it is confirmed.
    expect((await h.send("an", "01/12/2026"))[0]?.text).toContain("Ngày đóng phải sau hôm nay");
    expect((await h.send("an", "30/06/2027"))[0]?.text).toContain("chỉ mở tối đa 120 ngày");
    const [typed] = await h.send("an", "04/01/2027");
    expect(typed?.text).toBe("Mở kiểm điểm cuối năm 2026 đến hết ngày Thứ Hai 04/01/2027? Mọi đảng viên sẽ được mời tự đề xuất mức xếp loại.");
    await h.press("an", "Sửa");
    const [confirm] = await h.press("an", "Đến hết Thứ Bảy 09/01/2027 (30 ngày)");
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

  it("a member says which form fits them, proposes a level with a reason and receives the draft on that form", async () => {
    const [form] = await h.send("binh", "/tudanhgia");
    expect(form?.text).toContain("Đồng chí làm bản kiểm điểm theo mẫu nào của Hướng dẫn 43-HD/BTCTW?");
    expect(labels(form)).toEqual([
      "Mẫu 2A – đảng viên không giữ chức vụ lãnh đạo, quản lý",
      "Mẫu 2B – đảng viên giữ chức vụ lãnh đạo, quản lý",
      "Mẫu 2C – đảng viên không làm việc trong hệ thống chính trị (ví dụ: đã nghỉ hưu)",
    ]);
    expect((await h.send("binh", "nghỉ hưu"))[0]?.text).toContain("Vui lòng chọn một trong ba mẫu dưới đây");
    const [ask] = await h.send("binh", "3");
    expect(ask?.text).toContain("Đã ghi: đồng chí làm bản kiểm điểm theo Mẫu 2C");
    expect((await h.store.db.member.findFirstOrThrow({ where: { fullName: "Trần Thị Bình" } })).reviewForm).toBe("FORM_2C");
    expect(ask?.text).toContain("Kiểm điểm cuối năm 2026.");
    expect(ask?.text).toContain("Việc đăng ký trong năm: 2.");
    // The numbers add up: one month sent, two commitments answered in it.
    expect(ask?.text).toContain("Tự đánh giá: 1 tháng đã gửi, gồm 2 lượt đánh giá các việc (Đã hoàn thành: 1; Đang thực hiện: 1; Chưa thực hiện: 0).");
    expect(ask?.text).toContain("Trợ lý không chấm điểm, chi bộ xem xét và quyết định.");
    expect(labels(ask)).toEqual([...LEVELS, "Đổi mẫu bản kiểm điểm"]);

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
    const text = draft?.text ?? "";
    for (const line of [
      "Mẫu 2C-HD KĐ.ĐG 2025",
      "CHI BỘ KHOA NGỮ VĂN",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "……………, ngày 10 tháng 12 năm 2026",
      "BẢN KIỂM ĐIỂM CÁ NHÂN\nNăm 2026\n(Dùng cho đảng viên không làm việc trong hệ thống chính trị)",
      "Họ và tên: Trần Thị Bình",
      "Nơi cư trú: ……………",
      "Chi bộ: Khoa Ngữ văn",
      "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC",
      "3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm",
      `1. ${sample.commitments[0]}`,
      "– Tháng 11/2026: Đã hoàn thành – Không đi muộn buổi nào",
      "– Tháng 11/2026: Đang thực hiện",
      "Tự đánh giá: 1 tháng đã gửi, gồm 2 lượt đánh giá các việc (Đã hoàn thành: 1; Đang thực hiện: 1; Chưa thực hiện: 0).",
      "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
      `– ${sample.commitments[8]} (tháng 11/2026: Đang thực hiện)`,
      "IV. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM",
      `– 11/2026: ${sample.reflections[1]}`,
      "V. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN",
      "Xếp loại chất lượng đảng viên (tự đề xuất): Hoàn thành tốt nhiệm vụ",
      "Trợ lý không quyết định, chi bộ xem xét và quyết định theo Quy định 366-QĐ/TW.",
      "NGƯỜI TỰ KIỂM ĐIỂM\n(Ký, ghi rõ họ tên)\nTrần Thị Bình",
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain("Chi bộ: Chi bộ");
    expect(text).not.toContain("Chức vụ chính quyền");

    const file = draft?.files?.[0];
    expect(file).toMatchObject({ name: "ban-kiem-diem-2026.docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    const zip = await JSZip.loadAsync(Buffer.from(file!.data, "base64"));
    const xml = await zip.file("word/document.xml")!.async("string");
    for (const line of ["Mẫu 2C-HD KĐ.ĐG 2025", "ĐẢNG CỘNG SẢN VIỆT NAM", "CHI BỘ KHOA NGỮ VĂN", "BẢN KIỂM ĐIỂM CÁ NHÂN", "ngày 10 tháng 12 năm 2026", "Họ và tên: Trần Thị Bình", "Xếp loại chất lượng đảng viên (tự đề xuất): Hoàn thành tốt nhiệm vụ", sample.reflections[1]!]) {
      expect(xml).toContain(line);
    }
    // The header is the form's two columns.
    expect(xml).toContain("<w:tbl>");

    const rating = await h.store.db.yearEndRating.findFirstOrThrow();
    expect(rating).toMatchObject({ year: 2026, level: "GOOD", reason: "Hoàn thành đầy đủ việc đăng ký, còn một việc đang làm dở.", memberId: await memberId(h, "Trần Thị Bình") });
  });

  it("the proposal can be changed while the review is open, keeping the earlier reason", async () => {
    const [ask] = await h.send("binh", "/tudanhgia");
    expect(ask?.text).toContain("Đồng chí đã đề xuất: Hoàn thành tốt nhiệm vụ");
    expect(ask?.text).toContain("Mẫu bản kiểm điểm: Mẫu 2C");
    await h.press("binh", "Hoàn thành xuất sắc nhiệm vụ");
    await h.press("binh", "Giữ lý do cũ");
    await h.press("binh", "Xác nhận");
    const ratings = await h.store.db.yearEndRating.findMany();
    expect(ratings.map((r) => [r.level, r.reason])).toEqual([["EXCELLENT", "Hoàn thành đầy đủ việc đăng ký, còn một việc đang làm dở."]]);
  });

  it("the admin moves the closing date; those who have not proposed are told", async () => {
    await h.send("an", "/dangky");
    await h.press("an", "Quản lý");
    const [state] = await h.press("an", "Kiểm điểm cuối năm 2026");
    expect(labels(state)).toEqual(["Đóng kiểm điểm", "Đổi ngày đóng kiểm điểm", "Tổng hợp đề xuất xếp loại năm 2026", "Quay lại"]);
    const [ask] = await h.press("an", "Đổi ngày đóng kiểm điểm");
    expect(ask?.text).toContain("Hiện mở đến hết Thứ Bảy 09/01/2027.");
    const [confirm] = await h.send("an", "15/01/2027");
    expect(confirm?.text).toBe("Đổi ngày đóng kiểm điểm cuối năm 2026 từ Thứ Bảy 09/01/2027 thành hết Thứ Sáu 15/01/2027? Các đồng chí chưa đề xuất sẽ được báo.");
    const before = h.inbox("binh").length;
    const saved = (await h.press("an", "Xác nhận")).map((m) => m.text).join("\n");
    expect(saved).toContain("Kiểm điểm cuối năm 2026 nay mở đến hết Thứ Sáu 15/01/2027; đã báo 2 đồng chí chưa đề xuất.");
    expect(h.last("cuong")?.text).toContain("Kiểm điểm cuối năm 2026 nay mở đến hết ngày Thứ Sáu 15/01/2027.");
    // Bình has proposed already: not told.
    expect(h.inbox("binh")).toHaveLength(before);
    expect((await h.store.db.yearEndReview.findFirstOrThrow()).closesAt?.toISOString()).toBe("2027-01-15T16:59:59.999Z");
    expect(await h.store.db.auditLog.count({ where: { action: "yearend.closing-date" } })).toBe(1);
    await h.send("an", "/huy");
  });

  it("the chi ủy sees every proposal, by level, and who has not proposed, for the year-end meeting", async () => {
    const [list] = await h.send("an", "/gopy");
    expect(labels(list)).toContain("Tổng hợp đề xuất xếp loại năm 2026");
    const [overview] = await h.press("an", "Tổng hợp đề xuất xếp loại năm 2026");
    const text = overview?.text ?? "";
    expect(text).toContain("TỔNG HỢP ĐỀ XUẤT XẾP LOẠI NĂM 2026 – Chi bộ Khoa Ngữ văn");
    expect(text).toContain("Kiểm điểm cuối năm đang mở, đến hết ngày Thứ Sáu 15/01/2027.");
    expect(text).toContain("Đã tự đề xuất: 1/3 đồng chí.");
    expect(text).toContain("– Hoàn thành xuất sắc nhiệm vụ: 1\n– Hoàn thành tốt nhiệm vụ: 0\n– Hoàn thành nhiệm vụ: 0\n– Không hoàn thành nhiệm vụ: 0");
    expect(text).toContain("Hoàn thành xuất sắc nhiệm vụ:\n1. Trần Thị Bình – lý do: Hoàn thành đầy đủ việc đăng ký, còn một việc đang làm dở.");
    expect(text).toContain("Chưa đề xuất: Nguyễn Văn An, Lê Hoàng Cường");
    expect(text).toContain("Trợ lý không quyết định mức xếp loại.");
    await h.send("an", "/huy");
    // A plain member sees no such thing.
    const [refused] = await h.action("cuong", "ye:o");
    expect(refused?.text).toBe("Lệnh này chỉ dành cho bí thư, phó bí thư chi bộ.");
  });

  it("once the admin closes it, proposals stop, also mid-way", async () => {
    await h.send("cuong", "/tudanhgia");
    await h.press("cuong", "Mẫu 2A – đảng viên không giữ chức vụ lãnh đạo, quản lý");
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
