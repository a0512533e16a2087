// /gopy: the chi ủy picks a member (paged, searchable), comments or asks for a revision, the member
// is told in their own language and answers by editing. Only the secretary's own branch is reachable.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import type { Harness } from "../../helpers/harness.ts";
import { branchWithAdmin, labels, memberId, register, sample, setup, texts, tokenOf, type Branch } from "./setup.ts";

describe.each(DB_KINDS)("/gopy on %s", (db) => {
  let h: Harness;
  let branch: Branch;
  let other: Branch;
  beforeAll(async () => {
    ({ h, branch } = await setup(db));
    await register(h, "binh", [sample.commitments[0]!, sample.commitments[1]!]);
    await register(h, "cuong", [sample.commitments[2]!]);
    // cuong reads in English.
    await h.send("cuong", "/ngonngu");
    await h.press("cuong", "English");
    // Sixty more members, so the list takes several pages.
    await h.store.db.member.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ branchId: branch.id, fullName: `${sample.names[(i % 30) + 5]} ${i + 1}`, consentAt: new Date() })),
    });
    other = await branchWithAdmin(h, sample.branches[2]!, "khai", sample.names[36]!);
    await h.join("lan", other.code, sample.names[37]!);
    await register(h, "lan", [sample.commitments[7]!]);
  });
  afterAll(() => h.close());

  it("is for secretaries only", async () => {
    const [refused] = await h.send("binh", "/gopy");
    expect(refused?.text).toBe("Lệnh này chỉ dành cho bí thư, phó bí thư chi bộ.");
  });

  it("lists the branch's members a page at a time, with what each has sent, and finds them by name", async () => {
    const [list] = await h.send("an", "/gopy");
    expect(list?.text).toContain("Góp ý việc đăng ký – năm 2026. Đã đăng ký: 2/63 đồng chí.");
    expect(list?.text).toContain("Trang 1/7");
    expect(labels(list)).toHaveLength(10 + 2);
    expect(labels(list)).toContain("Trang sau");
    const [page2] = await h.press("an", "Trang sau");
    expect(page2?.text).toContain("Trang 2/7");
    expect(texts([list!, page2!])).not.toContain(sample.names[37]);

    const [found] = await h.send("an", "bình");
    expect(found?.text).toContain("Việc đăng ký của đồng chí Trần Thị Bình:");
    expect(found?.text).toContain(`1. ${sample.commitments[0]}`);
    const [filtered] = await h.send("an", "/gopy thị");
    expect(filtered?.text).toMatch(/Tìm “thị”: \d+ đồng chí\./);
    expect(labels(filtered)).toContain("Tất cả");
    // Every page, in order, until Bình: each label says what the member has sent.
    let page = filtered;
    for (let i = 0; i < 7 && !labels(page).includes("Trần Thị Bình · 2 việc"); i++) [page] = await h.press("an", "Trang sau");
    expect(labels(page)).toContain("Trần Thị Bình · 2 việc");
    // The other branch's member is not found here by name either.
    const [nobody] = await h.send("an", "Duyên");
    expect(nobody?.text).toContain("Không có đồng chí nào tên “Duyên”.");
    const [wrong] = await h.send("an", "42");
    expect(wrong?.text).toContain("Không có lựa chọn số 42.");
  });

  it("a comment reaches the member in their language, with the author and time kept", async () => {
    await h.send("an", "/gopy");
    await h.send("an", "Cường");
    await h.press("an", `${sample.commitments[2]!.slice(0, 39).trimEnd()}…`);
    const [ask] = await h.press("an", "Góp ý");
    expect(ask?.text).toContain("Gõ góp ý cho đồng chí Lê Hoàng Cường");
    const [tooLong] = await h.send("an", "x".repeat(1001));
    expect(tooLong?.text).toContain("Nội dung dài 1.001 ký tự, quá mức 1.000 ký tự.");
    const [confirm] = await h.send("an", "Nên ghi rõ hạn hoàn thành, ví dụ trong quý I.");
    expect(confirm?.text).toContain("Gửi góp ý đến đồng chí Lê Hoàng Cường?");
    expect(await h.store.db.commitmentReview.count()).toBe(0);
    const before = h.inbox("cuong").length;
    const [sent] = await h.press("an", "Xác nhận");
    expect(sent?.text).toContain("Đã gửi góp ý đến đồng chí Lê Hoàng Cường.");
    expect(sent?.text).toContain("• Góp ý của Nguyễn Văn An (Thứ Tư 25/11/2026): Nên ghi rõ hạn hoàn thành, ví dụ trong quý I.");

    const review = await h.store.db.commitmentReview.findFirstOrThrow();
    expect(review).toMatchObject({ kind: "COMMENT", authorId: await memberId(h, "Nguyễn Văn An"), text: "Nên ghi rõ hạn hoàn thành, ví dụ trong quý I." });
    expect(review.createdAt.getTime()).toBe(h.clock.now().getTime());
    const [told] = h.inbox("cuong").slice(before);
    expect(told?.text).toContain("Comment from comrade Nguyễn Văn An (branch secretary) on your commitment:");
    expect(labels(told)).toEqual(["See this commitment"]);
    const [card] = await h.press("cuong", "See this commitment");
    expect(card?.text).toContain("• Comment by Nguyễn Văn An (Wednesday 25/11/2026): Nên ghi rõ hạn hoàn thành");
    await h.send("an", "/huy");
  });

  it("a revision request is answered by editing, even after the deadline, and the chi ủy is told", async () => {
    h.clock.advance(86_400_000);
    await h.send("an", "/gopy");
    await h.send("an", "Bình");
    await h.send("an", "2");
    await h.press("an", "Đề nghị sửa");
    await h.send("an", "Đề nghị cụ thể hóa: mỗi tháng một bài, chia sẻ trong buổi sinh hoạt.");
    await h.press("an", "Xác nhận");
    const [notice] = h.inbox("binh").slice(-1);
    expect(notice?.text).toContain("Đồng chí Nguyễn Văn An (bí thư chi bộ) đề nghị đồng chí sửa việc đăng ký:");
    expect(labels(notice)).toEqual(["Sửa việc này"]);

    // The deadline passes before the member gets to it: the requested revision is still possible.
    const period = await h.store.db.commitmentPeriod.findFirstOrThrow({ where: { branchId: branch.id } });
    h.clock.set(new Date(period.deadline.getTime() + 3_600_000));
    const [list] = await h.send("binh", "/dangky");
    expect(list?.text).toContain("chi ủy đề nghị sửa");
    const [ask] = await h.action("binh", notice!.choices![0]![0]!.action);
    expect(ask?.text).toContain(`Nội dung hiện tại: ${sample.commitments[1]}`);
    await h.send("binh", "Mỗi tháng đọc một bài về tấm gương đạo đức Hồ Chí Minh và chia sẻ trong buổi sinh hoạt chi bộ");
    const before = h.inbox("an").length;
    const [saved] = await h.press("binh", "Xác nhận");
    expect(saved?.text).toContain("Đã sửa theo đề nghị và báo chi ủy.");
    expect(saved?.text).not.toContain("chi ủy đề nghị sửa");
    // The chi ủy hears of it in the day's notice at 18:00, not at once.
    expect(h.inbox("an").slice(before)).toEqual([]);
    h.clock.set(new Date(period.deadline.getTime() + 18 * 3_600_000 + 60_000));
    await h.tick();
    const [told] = h.inbox("an").slice(before);
    expect(told?.text).toContain("Đồng chí Trần Thị Bình đã sửa việc đăng ký theo đề nghị của chi ủy (năm 2026)");
    // The other commitment has no open request: after the deadline it stays as it is.
    await h.send("binh", "/dangky");
    const [card] = await h.send("binh", "1");
    expect(labels(card)).toEqual(["Quay lại"]);
    await h.send("binh", "/huy");
    expect(await h.store.db.commitmentReview.count()).toBe(2);
  });

  it("another branch's members and commitments cannot be reached, whatever the button says", async () => {
    const lan = await memberId(h, sample.names[37]!);
    const lanCommitment = await h.store.db.commitment.findFirstOrThrow({ where: { memberId: lan } });
    await h.send("an", "/gopy");
    const [member] = await h.action("an", `f:${tokenOf(h, "an")}:m:${lan}`);
    expect(member?.text).toContain("Không tìm thấy đồng chí này trong chi bộ.");
    expect(member?.text).not.toContain(sample.names[37]);
    await h.send("an", "Bình");
    const [commitment] = await h.action("an", `f:${tokenOf(h, "an")}:c:${lanCommitment.id}`);
    expect(commitment?.text).toContain("Không tìm thấy việc này");
    expect(commitment?.text).not.toContain(lanCommitment.text);
    // The other branch's secretary sees only their own members.
    const [theirs] = await h.send("khai", "/gopy");
    expect(theirs?.text).toContain("Đã đăng ký: 1/2 đồng chí.");
    expect(texts([theirs!])).not.toContain("Trần Thị Bình");
    expect(labels(theirs).join(" ")).not.toContain("Trần Thị Bình");
    expect(await h.store.db.commitmentReview.count({ where: { commitmentId: lanCommitment.id } })).toBe(0);
    await h.send("an", "/huy");
  });
});
