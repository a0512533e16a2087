// End to end through the harness on Telegram: a member registers two commitments, the secretary
// comments, the window opens, the member answers (one Đã hoàn thành, one Chưa thực hiện), edits,
// and sees it all in /cuatoi, which shows nobody else's answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import type { Harness } from "../../helpers/harness.ts";
import { labels, meeting, register, sample, setup, type Branch } from "./setup.ts";

describe.each(DB_KINDS)("commitments end to end on %s", (db) => {
  let h: Harness;
  let branch: Branch;
  beforeAll(async () => {
    ({ h, branch } = await setup(db));
  });
  afterAll(() => h.close());

  it("register, comment, self-evaluate, edit, and see it in /cuatoi", async () => {
    // 1. Two commitments, sent.
    await h.send("binh", "/dangky");
    await h.send("binh", sample.commitments[0]!);
    await h.press("binh", "Thêm việc");
    await h.send("binh", sample.commitments[3]!);
    const [sent] = await h.press("binh", "Xác nhận");
    expect(sent?.text).toContain("Đã gửi 2 việc đăng ký đến chi ủy.");

    // 2. The secretary comments on the second.
    await h.send("an", "/gopy Bình");
    await h.send("an", "2");
    await h.press("an", "Góp ý");
    await h.send("an", "Nên nêu rõ cách tiết kiệm, ví dụ tắt điện khi ra khỏi phòng.");
    await h.press("an", "Xác nhận");
    expect(h.last("binh")?.text).toContain("Góp ý của đồng chí Nguyễn Văn An (bí thư chi bộ) về việc đăng ký của đồng chí:");

    // 3. A meeting; its window opens and the opening message arrives.
    await meeting(h, branch.id, "2026-12-03T07:00:00Z");
    h.clock.set("2026-11-26T07:05:00Z");
    await h.tick();
    expect(labels(h.last("binh"))).toEqual(["Bắt đầu tự đánh giá"]);

    // 4. One Đã hoàn thành, one Chưa thực hiện, a reflection, Xác nhận.
    await h.press("binh", "Bắt đầu tự đánh giá");
    await h.press("binh", "Đã hoàn thành");
    await h.press("binh", "Bỏ qua");
    await h.press("binh", "Chưa thực hiện");
    await h.send("binh", "Tuần này phòng sửa điện, chưa làm được");
    await h.send("binh", sample.reflections[2]!);
    const [thanks] = await h.press("binh", "Xác nhận");
    expect(thanks?.text).toContain("Đã gửi tự đánh giá tháng 11/2026.");

    // 5. Edit: the second is now Đang thực hiện.
    h.clock.advance(2 * 86_400_000);
    await h.send("binh", "/tudanhgia");
    await h.press("binh", "Sửa");
    await h.send("binh", "2");
    await h.press("binh", "Đang thực hiện");
    await h.press("binh", "Giữ nguyên");
    await h.press("binh", "Xác nhận");

    // 6. /cuatoi: commitments with the comment, the month's answers in full.
    const [mine] = await h.send("binh", "/cuatoi");
    const text = mine?.text ?? "";
    expect(text).toContain("Hồ sơ của đồng chí Trần Thị Bình");
    expect(text).toContain(`1. ${sample.commitments[0]}`);
    expect(text).toContain(`2. ${sample.commitments[3]}`);
    expect(text).toContain("• Góp ý của Nguyễn Văn An (Thứ Tư 25/11/2026): Nên nêu rõ cách tiết kiệm, ví dụ tắt điện khi ra khỏi phòng.");
    expect(text).toContain("• Tháng 11/2026: 1 Đã hoàn thành, 1 Đang thực hiện");
    expect(text).toContain("→ Đang thực hiện. Ghi chú: Tuần này phòng sửa điện, chưa làm được");
    expect(text).toContain(`Liên hệ bản thân: ${sample.reflections[2]}`);
    expect(labels(mine)).toEqual(["Đăng ký / sửa", "Sửa tự đánh giá"]);

    const evaluation = await h.store.db.selfEvaluation.findFirstOrThrow({ include: { items: true } });
    expect(evaluation.status).toBe("SUBMITTED");
    expect(evaluation.items.map((i) => i.progress).sort()).toEqual(["DONE", "IN_PROGRESS"]);
  });

  it("/cuatoi shows one's own record only", async () => {
    await register(h, "cuong", [sample.commitments[5]!]);
    const [mine] = await h.send("cuong", "/cuatoi");
    expect(mine?.text).toContain("Hồ sơ của đồng chí Lê Hoàng Cường");
    expect(mine?.text).toContain(sample.commitments[5]);
    expect(mine?.text).toContain("Chưa có lần tự đánh giá nào.");
    for (const secret of [sample.commitments[0]!, sample.reflections[2]!, "Tuần này phòng sửa điện", "Nên nêu rõ cách tiết kiệm"]) {
      expect(mine?.text).not.toContain(secret);
    }
  });

  it("a stranger cannot use any of it", async () => {
    for (const command of ["/dangky", "/tudanhgia", "/cuatoi"]) {
      const [refused] = await h.send("stranger", command);
      expect(refused?.text).toContain("Lệnh này dành cho đảng viên đã tham gia chi bộ.");
    }
    const [button] = await h.action("stranger", "se:m");
    expect(button?.text).toContain("Lệnh này dành cho đảng viên đã tham gia chi bộ.");
  });
});
