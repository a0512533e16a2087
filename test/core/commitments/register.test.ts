// /dangky: adding, editing, deleting, reordering and submitting commitments, the limits, the
// deadline, bad input at every step, abandon and expiry, and the registration reminder.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import type { Harness } from "../../helpers/harness.ts";
import { labels, lastWithChoices, memberId, register, sample, setup, texts, tokenOf, type Branch } from "./setup.ts";

/** `n` characters of real text, ending in a letter (trailing spaces would be trimmed). */
const long = (n: number) => `${"Giúp đỡ đồng nghiệp mới ".repeat(200).slice(0, n - 1)}x`;

describe.each(DB_KINDS)("/dangky on %s", (db) => {
  let h: Harness;
  let branch: Branch;
  beforeAll(async () => {
    ({ h, branch } = await setup(db));
  });
  afterAll(() => h.close());

  const live = (fullName: string) =>
    h.store.db.commitment.findMany({ where: { member: { fullName }, deletedAt: null }, orderBy: { position: "asc" } });

  it("asks for the first commitment at once, keeps it as a draft, and Xác nhận sends them", async () => {
    const [ask] = await h.send("binh", "/dangky");
    expect(ask?.text).toContain("Gõ việc thứ 1");
    expect(labels(ask)).toEqual(["Hủy"]);

    const [list] = await h.send("binh", sample.commitments[0]!);
    expect(list?.text).toContain("Đã thêm việc thứ 1.");
    expect(list?.text).toContain("Hạn đăng ký: Thứ Sáu 25/12/2026.");
    expect(list?.text).toContain("(chưa gửi)");
    expect(labels(list)).toEqual([`${sample.commitments[0]!.slice(0, 39).trimEnd()}…`, "Thêm việc", "Xác nhận", "Đóng"]);
    expect((await live("Trần Thị Bình")).map((c) => c.status)).toEqual(["DRAFT"]);

    await h.press("binh", "Thêm việc");
    await h.send("binh", sample.commitments[1]!);
    const [done] = await h.press("binh", "Xác nhận");
    expect(done?.text).toBe("Đã gửi 2 việc đăng ký đến chi ủy. Đồng chí có thể sửa đến hết ngày Thứ Sáu 25/12/2026 bằng lệnh /dangky.");
    const saved = await live("Trần Thị Bình");
    expect(saved.map((c) => [c.text, c.status, c.position])).toEqual([
      [sample.commitments[0], "SUBMITTED", 1],
      [sample.commitments[1], "SUBMITTED", 2],
    ]);
    expect(saved.every((c) => c.submittedAt?.getTime() === h.clock.now().getTime() && c.changedAt === null)).toBe(true);
    // A first registration goes to the digest, not to the secretaries' chats one by one.
    expect(texts(h.inbox("an"))).not.toContain("Trần Thị Bình đã");
    expect(await h.store.db.auditLog.count({ where: { action: "commitment.submitted" } })).toBe(1);
  });

  it("typed numbers pick from the list; an out-of-range number gets a clear answer and changes nothing", async () => {
    await h.send("binh", "/dangky");
    const [card] = await h.send("binh", "2");
    expect(card?.text).toContain(`Việc 2: ${sample.commitments[1]}`);
    await h.press("binh", "Quay lại");
    const [wrong] = await h.send("binh", "9");
    expect(wrong?.text).toContain("Không có lựa chọn số 9.");
    expect(wrong?.text).toContain("Việc đăng ký làm theo gương Bác – năm 2026");
    const [words] = await h.send("binh", "tôi muốn sửa");
    expect(words?.text).toContain("Vui lòng chọn bên dưới");
    expect(await live("Trần Thị Bình")).toHaveLength(2);
    await h.send("binh", "/huy");
  });

  it("editing after submission is confirmed, marked and told to the secretaries", async () => {
    const before = h.inbox("an").length;
    await h.send("binh", "/dangky");
    await h.send("binh", "1");
    await h.press("binh", "Sửa");
    const [confirm] = await h.send("binh", "Đi làm đúng giờ, không dùng điện thoại vào việc riêng");
    expect(confirm?.text).toContain(`Trước: ${sample.commitments[0]}`);
    expect(confirm?.text).toContain("Nay: Đi làm đúng giờ, không dùng điện thoại vào việc riêng");
    expect(labels(confirm)).toEqual(["Xác nhận", "Sửa", "Hủy"]);
    // Nothing changes until Xác nhận.
    expect((await live("Trần Thị Bình"))[0]?.text).toBe(sample.commitments[0]);
    h.clock.advance(60_000);
    const [saved] = await h.press("binh", "Xác nhận");
    expect(saved?.text).toContain("Đã lưu thay đổi và báo chi ủy.");
    expect(saved?.text).toContain("đã sửa Thứ Tư 25/11/2026");
    const [first] = await live("Trần Thị Bình");
    expect(first).toMatchObject({ text: "Đi làm đúng giờ, không dùng điện thoại vào việc riêng", status: "SUBMITTED" });
    expect(first?.changedAt?.getTime()).toBe(h.clock.now().getTime());
    // The secretaries hear of it in the day's notice at 18:00, with the day's other changes.
    expect(h.inbox("an").slice(before)).toEqual([]);
    h.clock.set("2026-11-25T11:00:00Z");
    await h.tick();
    const told = h.inbox("an").slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain("Đồng chí Trần Thị Bình đã sửa việc đăng ký (năm 2026)");
    expect(await h.store.db.auditLog.count({ where: { action: "commitment.changed" } })).toBe(1);
    await h.press("binh", "Đóng");
  });

  it("bad input while adding: empty, 501 and 3,000 characters, a number, too short, a duplicate — the question stays", async () => {
    await h.send("cuong", "/dangky");
    const empty = await h.send("cuong", "   ");
    expect(empty[0]?.text).toContain("Tin nhắn trống");
    const [over] = await h.send("cuong", long(501));
    expect(over?.text).toContain("Nội dung dài 501 ký tự, quá mức 500 ký tự.");
    expect(over?.text).toContain("Gõ việc thứ 1");
    const [huge] = await h.send("cuong", long(3000));
    expect(huge?.text).toContain("Tin nhắn quá dài (3.000 ký tự)");
    const [number] = await h.send("cuong", "12");
    expect(number?.text).toContain("“12” không phải là lựa chọn ở bước này.");
    const [short] = await h.send("cuong", "ok");
    expect(short?.text).toContain("Nội dung quá ngắn.");
    expect(await live("Lê Hoàng Cường")).toHaveLength(0);
    // Exactly 500 characters is accepted.
    const [added] = await h.send("cuong", long(500));
    expect(added?.text).toContain("Đã thêm việc thứ 1.");
    await h.press("cuong", "Thêm việc");
    const [dup] = await h.send("cuong", `  ${long(500).toUpperCase()} `);
    expect(dup?.text).toContain("Việc này đã có trong danh sách.");
    expect(await live("Lê Hoàng Cường")).toHaveLength(1);
    await h.send("cuong", "/huy");
  });

  it("abandon with /huy mid-way keeps nothing half-done, and a stale button is refused", async () => {
    await h.send("cuong", "/dangky");
    await h.press("cuong", "Thêm việc");
    const stale = lastWithChoices(h, "cuong")!.choices!.flat()[0]!.action;
    const [bye] = await h.send("cuong", "/huy");
    expect(bye?.text).toBe("Đã hủy. Không có gì được lưu.");
    expect(await h.store.db.flowState.count({ where: { identity: { userId: "cuong" } } })).toBe(0);
    const [refused] = await h.action("cuong", stale);
    expect(refused?.text).toContain("Lựa chọn này đã hết hiệu lực");
    expect(await live("Lê Hoàng Cường")).toHaveLength(1);
  });

  it("an expired conversation is dropped: the late answer is not saved and the member is told", async () => {
    await h.send("cuong", "/dangky");
    await h.press("cuong", "Thêm việc");
    h.clock.advance(73 * 3_600_000);
    const [late] = await h.send("cuong", sample.commitments[3]!);
    expect(late?.text).toContain("Phiên trả lời trước đã hết hạn");
    expect(await live("Lê Hoàng Cường")).toHaveLength(1);
  });

  it("reorders, deletes with confirmation, and keeps the minimum of sent commitments", async () => {
    await register(h, "cuong", []);
    await h.send("cuong", "/dangky");
    await h.press("cuong", "Thêm việc");
    await h.send("cuong", sample.commitments[4]!);
    await h.press("cuong", "Xác nhận");
    const [a, b] = await live("Lê Hoàng Cường");
    await h.send("cuong", "/dangky");
    await h.send("cuong", "1");
    const [moved] = await h.press("cuong", "Xuống dưới");
    expect(moved?.text).toContain("Đã chuyển thành việc thứ 2.");
    expect((await live("Lê Hoàng Cường")).map((c) => c.id)).toEqual([b!.id, a!.id]);

    await h.send("cuong", "2");
    const [ask] = await h.press("cuong", "Xóa");
    expect(ask?.text).toContain("Xóa việc:");
    await h.press("cuong", "Hủy");
    expect(await live("Lê Hoàng Cường")).toHaveLength(2);
    await h.press("cuong", "Xóa");
    const [gone] = await h.press("cuong", "Xác nhận");
    expect(gone?.text).toContain("Đã xóa.");
    const left = await live("Lê Hoàng Cường");
    expect(left.map((c) => [c.id, c.position])).toEqual([[b!.id, 1]]);
    expect(await h.store.db.commitment.findUnique({ where: { id: a!.id } })).toMatchObject({ deletedAt: expect.any(Date) });

    // The last sent one cannot go: the member edits it instead.
    await h.send("cuong", "1");
    await h.press("cuong", "Xóa");
    const [kept] = await h.press("cuong", "Xác nhận");
    expect(kept?.text).toContain("Cần giữ ít nhất 1 việc đã gửi.");
    expect(await live("Lê Hoàng Cường")).toHaveLength(1);
    await h.send("cuong", "/huy");
  });

  it("respects the branch's minimum and maximum", async () => {
    await h.store.db.branch.update({ where: { id: branch.id }, data: { commitmentMin: 2, commitmentMax: 2 } });
    await h.join("dung", branch.code, sample.names[3]!);
    await h.send("dung", "/dangky");
    await h.send("dung", sample.commitments[5]!);
    const [few] = await h.press("dung", "Xác nhận");
    expect(few?.text).toContain("Cần ít nhất 2 việc mới gửi được.");
    await h.press("dung", "Thêm việc");
    const [full] = await h.send("dung", sample.commitments[6]!);
    expect(full?.text).toContain("Đã đủ số việc tối đa.");
    expect(labels(full)).not.toContain("Thêm việc");
    // A button from before the limit was reached is refused.
    const [refused] = await h.action("dung", `f:${tokenOf(h, "dung")}:add`);
    expect(refused?.text).toContain("Đã đủ 2 việc, là số tối đa của chi bộ.");
    await h.press("dung", "Xác nhận");
    expect((await live(sample.names[3]!)).map((c) => c.status)).toEqual(["SUBMITTED", "SUBMITTED"]);
    await h.store.db.branch.update({ where: { id: branch.id }, data: { commitmentMin: 1, commitmentMax: 5 } });
  });

  it("a member cannot reach another member's commitment by a forged or stale button", async () => {
    const [other] = await live("Trần Thị Bình");
    const before = JSON.stringify(await h.store.db.commitment.findMany({ orderBy: { id: "asc" } }));
    const [edit] = await h.action("cuong", `cm:e:${other!.id}`);
    expect(edit?.text).toContain("Không tìm thấy việc này");
    const [view] = await h.action("cuong", `cm:v:${other!.id}`);
    expect(view?.text).toContain("Không tìm thấy việc này");
    expect(texts([edit!, view!])).not.toContain(other!.text);
    await h.send("cuong", "/dangky");
    const [forged] = await h.action("cuong", `f:${tokenOf(h, "cuong")}:c:${other!.id}`);
    expect(forged?.text).toContain("Không tìm thấy việc này");
    expect(forged?.text).not.toContain(other!.text);
    expect(JSON.stringify(await h.store.db.commitment.findMany({ orderBy: { id: "asc" } }))).toBe(before);
    await h.send("cuong", "/huy");
  });

  it("after the deadline the list is read-only and every change is refused", async () => {
    const binh = await memberId(h, "Trần Thị Bình");
    const period = await h.store.db.commitmentPeriod.findFirstOrThrow({ where: { branchId: branch.id } });
    h.clock.set(new Date(period.deadline.getTime() - 60_000));
    await h.send("binh", "/dangky");
    const token = tokenOf(h, "binh");
    h.clock.advance(2 * 60_000);
    const [refused] = await h.action("binh", `f:${token}:add`);
    expect(refused?.text).toContain("Đã hết hạn đăng ký (Thứ Sáu 25/12/2026)");
    const [list] = await h.send("binh", "/dangky");
    expect(list?.text).toContain("Đã hết hạn đăng ký (Thứ Sáu 25/12/2026).");
    expect(labels(list)).not.toContain("Thêm việc");
    const [card] = await h.send("binh", "1");
    expect(labels(card)).toEqual(["Quay lại"]);
    expect(await h.store.db.commitment.count({ where: { memberId: binh, deletedAt: null } })).toBe(2);
  });
});

describe.each(DB_KINDS)("registration reminder on %s", (db) => {
  let h: Harness;
  let branch: Branch;
  beforeAll(async () => {
    ({ h, branch } = await setup(db));
    await h.join("dung", branch.code, sample.names[3]!);
    await h.store.db.member.update({ where: { id: await memberId(h, sample.names[3]!) }, data: { exempted: true } });
    await register(h, "binh", [sample.commitments[0]!]);
    // cuong has a draft but never sent it.
    await h.send("cuong", "/dangky");
    await h.send("cuong", sample.commitments[2]!);
  });
  afterAll(() => h.close());

  const reminders = (user: string) => h.inbox(user).filter((m) => m.text.startsWith("Nhắc đăng ký làm theo gương Bác"));

  it("goes once, out of quiet hours, to active members who have sent nothing", async () => {
    await h.tick();
    const period = await h.store.db.commitmentPeriod.findFirstOrThrow({ where: { branchId: branch.id } });
    expect(period.deadline.toISOString()).toBe("2026-12-25T16:59:59.999Z");
    expect(reminders("cuong")).toHaveLength(0);

    // 14 days before the deadline is 23:59 in Hà Nội: quiet hours, so it waits for 07:00.
    h.clock.set("2026-12-11T17:00:00Z");
    await h.tick();
    expect(reminders("cuong")).toHaveLength(0);
    const queued = await h.store.db.outbox.findMany({ where: { key: { startsWith: "commit-remind:" } } });
    expect(queued.map((q) => q.notBefore.toISOString())).toEqual(["2026-12-12T00:00:00.000Z", "2026-12-12T00:00:00.000Z"]);

    h.clock.set("2026-12-12T00:01:00Z");
    await h.tick();
    await h.tick();
    for (const user of ["cuong", "an"]) {
      expect(reminders(user)).toHaveLength(1);
      expect(reminders(user)[0]?.text).toContain("hạn đăng ký là Thứ Sáu 25/12/2026");
      expect(labels(reminders(user)[0])).toEqual(["Đăng ký ngay"]);
    }
    expect(reminders("binh")).toHaveLength(0);
    expect(reminders("dung")).toHaveLength(0);

    // "1" picks the button and opens the list with the draft waiting to be sent.
    const [list] = await h.send("cuong", "1");
    expect(list?.text).toContain("Có 1 việc chưa gửi. Chọn Xác nhận để gửi chi ủy.");
  });
});
