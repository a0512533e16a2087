// /tudanhgia: the window before each meeting, the answers, editing with the previous answers filled
// in, abandon and expiry, the window closing mid-way (draft kept, member told), the opening message
// and nudges (once each, out of quiet hours), and bad input at every step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import type { Harness } from "../../helpers/harness.ts";
import { labels, lastWithChoices, memberId, meeting, register, sample, setup, texts, tokenOf, type Branch } from "./setup.ts";

/** 14:00 Thursday 03/12/2026 in Hà Nội; the window opens 7 days earlier, at 14:00 on 26/11. */
const MEETING = "2026-12-03T07:00:00Z";
const OPEN = "2026-11-26T07:05:00Z";

const PROGRESS = ["Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện"];

describe.each(DB_KINDS)("/tudanhgia on %s", (db) => {
  let h: Harness;
  let branch: Branch;
  let meetingId: string;
  beforeAll(async () => {
    ({ h, branch } = await setup(db));
    await register(h, "binh", [sample.commitments[0]!, sample.commitments[1]!]);
    await register(h, "cuong", [sample.commitments[2]!]);
    await h.join("dung", branch.code, sample.names[3]!);
    meetingId = await meeting(h, branch.id, MEETING);
  });
  afterAll(() => h.close());

  const evaluation = async (fullName: string) =>
    h.store.db.selfEvaluation.findUnique({
      where: { memberId_meetingId: { memberId: await memberId(h, fullName), meetingId } },
      include: { items: { include: { commitment: true }, orderBy: { commitment: { position: "asc" } } } },
    });

  it("before the window it says when it opens", async () => {
    const [answer] = await h.send("binh", "/tudanhgia");
    expect(answer?.text).toBe(
      "Tự đánh giá tháng 11/2026 sẽ mở từ 14:00, Thứ Năm 26/11/2026, trước buổi sinh hoạt chi bộ lúc 14:00, Thứ Năm 03/12/2026. Trợ lý sẽ nhắn đồng chí khi mở.",
    );
  });

  it("the window opens with a message to every member with commitments, once", async () => {
    h.clock.set(OPEN);
    await h.tick();
    await h.tick();
    const opened = (user: string) => h.inbox(user).filter((m) => m.text.startsWith("Đã mở tự đánh giá tháng 11/2026"));
    expect(opened("binh")).toHaveLength(1);
    expect(opened("binh")[0]?.text).toContain("Đồng chí có 2 việc đăng ký; trả lời mất khoảng 1 phút.");
    expect(labels(opened("binh")[0])).toEqual(["Bắt đầu tự đánh giá"]);
    expect(opened("cuong")).toHaveLength(1);
    expect(opened("dung")).toHaveLength(0);
  });

  it("one tap per commitment, an optional note, a reflection, a summary and Xác nhận", async () => {
    const [first] = await h.press("binh", "Bắt đầu tự đánh giá");
    expect(first?.text).toContain("Tự đánh giá tháng 11/2026");
    expect(first?.text).toContain(`Việc 1/2: ${sample.commitments[0]}`);
    expect(labels(first)).toEqual(PROGRESS);
    expect(first?.choices?.map((row) => row.length)).toEqual([1, 1, 1]);

    const [note] = await h.press("binh", "Đã hoàn thành");
    expect(note?.text).toContain("Ghi chú ngắn cho việc này (không bắt buộc, tối đa 300 ký tự)");
    expect(labels(note)).toEqual(["Bỏ qua"]);
    const [second] = await h.send("binh", "Cả tháng không đi muộn buổi nào");
    expect(second?.text).toContain(`Việc 2/2: ${sample.commitments[1]}`);
    // "3" typed picks the third answer, as on Zalo.
    await h.send("binh", "3");
    const [reflection] = await h.press("binh", "Bỏ qua");
    expect(reflection?.text).toContain("Liên hệ bản thân:");
    const [summary] = await h.send("binh", sample.reflections[0]!);
    expect(summary?.text).toContain("Tự đánh giá tháng 11/2026:");
    expect(summary?.text).toContain("→ Đã hoàn thành. Ghi chú: Cả tháng không đi muộn buổi nào");
    expect(summary?.text).toContain("→ Chưa thực hiện");
    expect(summary?.text).toContain(`Liên hệ bản thân: ${sample.reflections[0]}`);
    expect(labels(summary)).toEqual(["Xác nhận", "Sửa", "Hủy"]);
    expect(await evaluation("Trần Thị Bình")).toBeNull();

    const [sent] = await h.press("binh", "Xác nhận");
    expect(sent?.text).toBe(
      "Đã gửi tự đánh giá tháng 11/2026. Cảm ơn đồng chí! Có thể sửa đến khi buổi sinh hoạt bắt đầu (14:00, Thứ Năm 03/12/2026) bằng lệnh /tudanhgia.",
    );
    const saved = await evaluation("Trần Thị Bình");
    expect(saved).toMatchObject({ status: "SUBMITTED", reflection: sample.reflections[0] });
    expect(saved?.submittedAt?.getTime()).toBe(h.clock.now().getTime());
    expect(saved?.items.map((i) => [i.commitment.text, i.progress, i.note])).toEqual([
      [sample.commitments[0], "DONE", "Cả tháng không đi muộn buổi nào"],
      [sample.commitments[1], "NOT_YET", null],
    ]);
  });

  it("can be edited until the window closes, starting from the previous answers", async () => {
    h.clock.advance(3_600_000);
    const [summary] = await h.send("binh", "/tudanhgia");
    expect(summary?.text).toContain("Đồng chí đã gửi bản tự đánh giá này.");
    expect(labels(summary)).toEqual(["Sửa", "Đóng"]);
    const [pick] = await h.press("binh", "Sửa");
    expect(labels(pick)).toEqual([`${sample.commitments[0]!.slice(0, 39).trimEnd()}…`, `${sample.commitments[1]!.slice(0, 39).trimEnd()}…`, "Liên hệ bản thân", "Quay lại"]);
    const [item] = await h.send("binh", "2");
    expect(item?.text).toContain("(Lần trước: Chưa thực hiện)");
    await h.press("binh", "Đang thực hiện");
    const [changed] = await h.send("binh", "Đã đọc được hai bài, tháng sau chia sẻ với tổ");
    expect(changed?.text).toContain("→ Đang thực hiện. Ghi chú: Đã đọc được hai bài, tháng sau chia sẻ với tổ");
    expect(labels(changed)).toEqual(["Xác nhận", "Sửa", "Hủy"]);
    // Until Xác nhận the sent version stands.
    expect((await evaluation("Trần Thị Bình"))?.items[1]?.progress).toBe("NOT_YET");
    const [updated] = await h.press("binh", "Xác nhận");
    expect(updated?.text).toContain("Đã cập nhật tự đánh giá tháng 11/2026.");
    const saved = await evaluation("Trần Thị Bình");
    expect(saved?.items.map((i) => [i.progress, i.note])).toEqual([
      ["DONE", "Cả tháng không đi muộn buổi nào"],
      ["IN_PROGRESS", "Đã đọc được hai bài, tháng sau chia sẻ với tổ"],
    ]);
    expect(saved?.reflection).toBe(sample.reflections[0]);
    expect(await h.store.db.selfEvaluation.count({ where: { meetingId } })).toBe(1);
  });

  it("bad input at every step gets a clear answer, the question stays and nothing changes", async () => {
    await h.send("cuong", "/tudanhgia");
    const stale = lastWithChoices(h, "cuong")!.choices![0]![0]!.action;
    const [words] = await h.send("cuong", "không biết");
    expect(words?.text).toContain("Vui lòng chọn: Đã hoàn thành, Đang thực hiện hoặc Chưa thực hiện");
    expect(words?.text).toContain("Việc 1/1:");
    const [four] = await h.send("cuong", "4");
    expect(four?.text).toContain("Vui lòng chọn: Đã hoàn thành");
    // Typed in words, as on Zalo: "đang làm" is Đang thực hiện.
    const [typed] = await h.send("cuong", "đang làm");
    expect(typed?.text).toContain("Ghi chú ngắn cho việc này");
    const [staleAnswer] = await h.action("cuong", stale);
    expect(staleAnswer?.text).toContain("Lựa chọn này đã hết hiệu lực");
    const [longNote] = await h.send("cuong", "Đã làm ".repeat(60));
    expect(longNote?.text).toContain("Nội dung dài 419 ký tự, quá mức 300 ký tự.");
    expect(longNote?.text).toContain("Ghi chú ngắn cho việc này");
    const [huge] = await h.send("cuong", "x".repeat(3000));
    expect(huge?.text).toContain("Tin nhắn quá dài (3.000 ký tự)");
    const [empty] = await h.send("cuong", "");
    expect(empty?.text).toContain("Tin nhắn trống");
    await h.press("cuong", "Bỏ qua");
    const [longReflection] = await h.send("cuong", "Tự nhận thấy ".repeat(100));
    expect(longReflection?.text).toContain("quá mức 1.000 ký tự");
    expect(longReflection?.text).toContain("Liên hệ bản thân:");
    expect(await evaluation("Lê Hoàng Cường")).toBeNull();
    const [bye] = await h.send("cuong", "/huy");
    expect(bye?.text).toBe("Đã hủy. Không có gì được lưu.");
    expect(await evaluation("Lê Hoàng Cường")).toBeNull();
  });

  it("a member without sent commitments is offered to register first", async () => {
    const [offer] = await h.send("dung", "/tudanhgia");
    expect(offer?.text).toContain("Đồng chí chưa gửi việc đăng ký làm theo gương Bác, nên chưa có gì để tự đánh giá tháng 11/2026.");
    expect(labels(offer)).toEqual(["Đăng ký ngay"]);
    const [ask] = await h.press("dung", "Đăng ký ngay");
    expect(ask?.text).toContain("Gõ việc thứ 1");
    await h.send("dung", "/huy");
  });

  it("the member's own answers only: no command or forged button shows another's", async () => {
    const binhCommitment = await h.store.db.commitment.findFirstOrThrow({ where: { member: { fullName: "Trần Thị Bình" }, deletedAt: null } });
    const seen: string[] = [];
    for (const action of [`cm:v:${binhCommitment.id}`, `cm:e:${binhCommitment.id}`, "se:m", `se:m:${meetingId}`, "se:x", "ye:s", `f:${"abcdef"}:i:1`]) {
      seen.push(texts(await h.action("cuong", action)));
      await h.send("cuong", "/huy");
    }
    seen.push(texts(await h.send("cuong", "/cuatoi")));
    const all = seen.join("\n");
    expect(all).not.toContain("Cả tháng không đi muộn buổi nào");
    expect(all).not.toContain(sample.reflections[0]);
    expect(all).not.toContain(binhCommitment.text);
  });

  it("when the window closes mid-way the answers so far are kept as a draft and the member is told", async () => {
    await h.send("cuong", "/tudanhgia");
    await h.press("cuong", "Đã hoàn thành");
    await h.send("cuong", "Hồ sơ tháng này đều đúng hẹn");
    // binh is editing a sent one when the meeting starts, and answers after it started.
    await h.send("binh", "/tudanhgia");
    await h.press("binh", "Sửa");
    await h.send("binh", "1");
    const binhToken = tokenOf(h, "binh");

    h.clock.set("2026-12-03T07:00:30Z");
    // binh answers after the start, before any tick: the sent version stands, the change is dropped.
    const [late] = await h.action("binh", `f:${binhToken}:n`);
    expect(late?.text).toContain("Thời gian tự đánh giá tháng 11/2026 đã kết thúc (buổi sinh hoạt bắt đầu lúc 14:00, Thứ Năm 03/12/2026).");
    expect(late?.text).toContain("Bản tự đánh giá đồng chí đã gửi trước đó vẫn giữ nguyên");
    const sent = await evaluation("Trần Thị Bình");
    expect(sent?.status).toBe("SUBMITTED");
    expect(sent?.items.map((i) => i.progress)).toEqual(["DONE", "IN_PROGRESS"]);

    // cuong is still half-way when the scheduler ticks.
    await h.tick();
    await h.tick();
    const draft = await evaluation("Lê Hoàng Cường");
    expect(draft).toMatchObject({ status: "DRAFT", reflection: null, submittedAt: null });
    expect(draft?.items.map((i) => [i.progress, i.note])).toEqual([["DONE", "Hồ sơ tháng này đều đúng hẹn"]]);
    const told = h.inbox("cuong").filter((m) => m.text.includes("được lưu thành bản nháp"));
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toBe(
      "Thời gian tự đánh giá tháng 11/2026 đã kết thúc (buổi sinh hoạt bắt đầu lúc 14:00, Thứ Năm 03/12/2026). Các câu đồng chí đã trả lời được lưu thành bản nháp, chưa gửi; chi ủy sẽ thấy đây là bản nháp.",
    );
    expect(await h.store.db.flowState.count({ where: { identity: { userId: "cuong" } } })).toBe(0);
    expect(await h.store.db.auditLog.count({ where: { action: "selfeval.kept-draft" } })).toBe(1);

    const [closed] = await h.send("cuong", "/tudanhgia");
    expect(closed?.text).not.toContain("Việc 1/1");
  });
});

describe.each(DB_KINDS)("self-evaluation window edges on %s", (db) => {
  let h: Harness;
  let branch: Branch;
  let meetingId: string;
  beforeAll(async () => {
    ({ h, branch } = await setup(db));
    await register(h, "binh", [sample.commitments[0]!]);
    await register(h, "cuong", [sample.commitments[2]!]);
    // Nudges every 12 hours, twice: 24 h and 12 h before a 14:00 meeting, i.e. 14:00 and 02:00.
    await h.store.db.branch.update({ where: { id: branch.id }, data: { nudgeIntervalHours: 12 } });
    meetingId = await meeting(h, branch.id, MEETING);
    h.clock.set(OPEN);
    await h.tick();
  });
  afterAll(() => h.close());

  const nudges = (user: string) => h.inbox(user).filter((m) => m.text.startsWith("Nhắc: đồng chí chưa gửi tự đánh giá"));

  it("nudges only who has not sent, once each, and never in quiet hours", async () => {
    await h.send("binh", "/tudanhgia");
    await h.press("binh", "Đã hoàn thành");
    await h.press("binh", "Bỏ qua");
    await h.press("binh", "Bỏ qua");
    await h.press("binh", "Xác nhận");

    h.clock.set("2026-12-02T07:00:00Z"); // 14:00, 24 hours before
    await h.tick();
    await h.tick();
    expect(nudges("cuong")).toHaveLength(1);
    expect(nudges("cuong")[0]?.text).toContain("Hạn là khi buổi sinh hoạt bắt đầu (14:00, Thứ Năm 03/12/2026).");
    expect(labels(nudges("cuong")[0])).toEqual(["Bắt đầu tự đánh giá"]);
    expect(nudges("binh")).toHaveLength(0);

    h.clock.set("2026-12-02T19:00:00Z"); // 02:00 in Hà Nội: quiet hours
    await h.tick();
    expect(nudges("cuong")).toHaveLength(1);
    h.clock.set("2026-12-03T00:00:00Z"); // 07:00
    await h.tick();
    await h.tick();
    expect(nudges("cuong")).toHaveLength(2);
    const keys = await h.store.db.outbox.findMany({ where: { key: { startsWith: `selfeval-nudge:${meetingId}` } } });
    expect(keys.map((k) => k.key.split(":")[2]).sort()).toEqual(["1", "2"]);
  });

  it("expiry: a conversation left past the flow's time is dropped and the late answer refused", async () => {
    h.clock.set("2026-12-03T01:00:00Z");
    await h.send("cuong", "/tudanhgia");
    // The scheduler is down for the whole time: nothing turned the flow into a draft.
    h.clock.advance(16 * 86_400_000);
    const [late] = await h.send("cuong", "xong rồi");
    expect(late?.text).toContain("Phiên trả lời trước đã hết hạn");
    expect(await h.store.db.selfEvaluation.count({ where: { member: { fullName: "Lê Hoàng Cường" } } })).toBe(0);
  });

  it("a thematic meeting has no self-evaluation window", async () => {
    h.clock.set("2027-01-10T03:00:00Z");
    await meeting(h, branch.id, "2027-01-12T07:00:00Z", "THEMATIC");
    await h.tick();
    const [answer] = await h.send("cuong", "/tudanhgia");
    expect(answer?.text).toContain("Hiện chưa có lịch sinh hoạt chi bộ sắp tới");
    expect(await h.store.db.outbox.count({ where: { key: { startsWith: "selfeval-open:" } } })).toBe(2);
  });
});
