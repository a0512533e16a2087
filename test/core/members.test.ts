// /thanhvien on both databases: a long list paged and searched, role and status changes told to the
// member in their language, removal that keeps history and stops delivery, restore, last-admin and
// cross-branch protection, refusals, bad input and stale buttons.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Feature } from "../../src/core/engine/registry.ts";
import { allFeatures } from "../../src/core/features/index.ts";
import { CHANGES } from "../../src/core/features/members.ts";
import { loadLocales } from "../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../src/infra/paths.ts";
import { MAX_ACTION_BYTES, type OutMessage } from "../../src/core/types.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { actionOf, flowOf, labels } from "../helpers/chat.ts";
import { createHarness, OPERATOR, type Harness } from "../helpers/harness.ts";

// A member-only command, so the test does not depend on other features' state.
const probe: Feature = {
  name: "probe",
  commands: [
    { name: "thu", alias: "probe", access: "member", description: "help-description", run: async (ctx) => ctx.reply({ text: `member ${ctx.actor.member!.fullName}` }) },
  ],
};

const DAY = 86_400_000;
const memberLabels = (m: OutMessage | undefined) => labels(m).filter((l) => !["Trang sau", "Trang trước", "Đóng", "Tất cả"].includes(l));
const DENIED = "Lệnh này chỉ dành cho quản trị của chi bộ.";
const FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"];
const MIDDLES = ["Văn", "Thị", "Minh", "Quang"];
const GIVEN = ["Hà", "Hiếu", "Hồng", "Huy", "Hương", "Khải", "Lan", "Long", "Mai", "Nam", "Ngọc", "Phúc", "Quyên", "Sơn", "Thảo"];
const GIVEN2 = ["Thịnh", "Thu", "Toàn", "Trang", "Uyên", "Việt", "Vỹ", "Xuân", "Yên", "Ánh", "Ẩn", "Ổn", "Khoa", "Lộc", "Duyên"];

it("every change an admin can make has a label and a confirmation in both languages", () => {
  const { translator } = loadLocales(localesDir, { strict: true });
  for (const change of CHANGES) {
    for (const locale of ["vi", "en"] as const) {
      expect(translator.t(locale, `members-do-${change}`)).not.toBe("");
      const args = { name: "Trần Thị Bình", branch: "Chi bộ 7", newName: "Trần Thị Bính", note: "sinh 1958", form: "Mẫu 2C", reason: "tuổi cao", until: "không thời hạn" };
      expect(translator.t(locale, `members-confirm-${change}`, args)).toContain("Trần Thị Bình");
    }
  }
});

describe.each(DB_KINDS)("members on %s", (db) => {
  let h: Harness;
  let branchId: string;
  const ids: Record<string, string> = {};

  const member = (user: string) => h.store.db.member.findUniqueOrThrow({ where: { id: ids[user]! } });
  /** Opens the card of the member whose name is `search`, typed as an admin would. */
  const openCard = async (admin: string, search: string) => {
    await h.send(admin, "/thanhvien");
    const [card] = await h.send(admin, search);
    if (!card?.text.includes("Vai trò") && !card?.text.includes("Role")) throw new Error(`no card: ${card?.text}`);
    return card;
  };
  const join = async (user: string, code: string, name: string) => {
    await h.join(user, code, name);
    ids[user] = (await h.store.db.member.findFirstOrThrow({ where: { fullName: name }, orderBy: { joinedAt: "desc" } })).id;
  };

  beforeAll(async () => {
    h = await createHarness({ db, features: [...allFeatures, probe] });
    const first = await h.createBranch("Chi bộ Khoa Ngữ văn");
    await join("an", first, "Nguyễn Văn An");
    branchId = (await member("an")).branchId;
    await h.store.db.invite.create({ data: { branchId, code: "THANH2VIEN", maxUses: 100, expiresAt: new Date(h.clock.now().getTime() + 30 * DAY) } });
    await join("binh", "THANH-2VIEN", "Trần Thị Bình");
    await join("cuong", "THANH-2VIEN", "Lê Hoàng Cường");
    await join("dung", "THANH-2VIEN", "Phạm Thị Dung");
    await h.send("cuong", "/language en");
  });
  afterAll(() => h.close());

  it("pages through 60+ members by given name, each page short enough for a phone", async () => {
    await h.store.db.member.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        branchId,
        fullName: `${FAMILIES[i % FAMILIES.length]} ${MIDDLES[i % MIDDLES.length]} ${(i < 30 ? GIVEN : GIVEN2)[i % 15]}`,
        partyStatus: i % 9 === 0 ? ("PROBATIONARY" as const) : ("FULL" as const),
        exempted: i % 20 === 0,
        joinedAt: new Date(h.clock.now().getTime() - i * 1000),
      })),
    });
    const all = await h.store.db.member.findMany({ where: { branchId } });
    const probationary = all.filter((m) => m.partyStatus === "PROBATIONARY").length;
    const exempted = all.filter((m) => m.exempted).length;

    const [first] = await h.send("an", "/thanhvien");
    expect(first?.text).toContain(`Chi bộ Khoa Ngữ văn: 64 đảng viên (${64 - probationary} chính thức, ${probationary} dự bị), ${exempted} miễn sinh hoạt.`);
    expect(first?.text).toContain("Trang 1/7");
    expect(first?.text).toContain("gõ tên để tìm");
    expect(labels(first).slice(-2)).toEqual(["Trang sau", "Đóng"]);

    const seen: string[] = [];
    let page = first;
    for (let n = 1; n <= 7; n++) {
      expect(page?.text).toContain(`Trang ${n}/7`);
      expect(page!.text.length).toBeLessThan(1000);
      for (const c of page!.choices!.flat()) {
        expect(c.label.length).toBeLessThanOrEqual(48);
        expect(Buffer.byteLength(c.action)).toBeLessThanOrEqual(MAX_ACTION_BYTES);
      }
      seen.push(...memberLabels(page));
      if (n < 7) [page] = await h.press("an", "Trang sau");
    }
    expect(labels(page)).toContain("Trang trước");
    expect(labels(page)).not.toContain("Trang sau");
    expect(seen).toHaveLength(64);
    expect(new Set(seen).size).toBe(64);
    expect(seen).toContain("Nguyễn Văn An · bí thư, quản trị");
    // Vietnamese order: by given name first (An, Ánh, Ẩn, Bình, Cường, Dung, Duyên, …).
    const given = seen.map((l) => l.split(" · ")[0]!.split(" ").at(-1)!);
    const collator = new Intl.Collator("vi", { sensitivity: "base" });
    expect([...given].sort(collator.compare)).toEqual(given);
    expect(given.indexOf("Bình")).toBeLessThan(given.indexOf("Cường"));
    expect(given.indexOf("Cường")).toBeLessThan(given.indexOf("Dung"));

    // A number picks from the current page; one that is not there is explained.
    const [prev] = await h.press("an", "Trang trước");
    const third = memberLabels(prev)[2]!;
    const [card] = await h.send("an", "3");
    expect(card?.text).toContain(`Đồng chí ${third.split(" · ")[0]}`);
    await h.press("an", "Danh sách");
    const [answer] = await h.send("an", "99");
    expect(answer?.text).toContain("Trang này không có số 99. Vui lòng chọn số từ 1 đến 10, hoặc gõ tên để tìm.");
    expect(answer?.text).toContain("Trang 6/7");
    await h.press("an", "Đóng");
    expect(await flowOf(h, "an")).toBeNull();
  });

  it("a typed name finds a member; namesakes stay apart; bad input keeps the list", async () => {
    await h.send("an", "/thanhvien");
    const [card] = await h.send("an", "binh");
    expect(card?.text).toContain("Đồng chí Trần Thị Bình");
    expect(card?.text).toContain("Vai trò: đảng viên");
    expect(card?.text).toContain("Đảng viên: chính thức");
    expect(card?.text).toContain("Trạng thái: trong danh sách");
    expect(card?.text).toContain("Mẫu bản kiểm điểm: chưa chọn");
    expect(card?.text).toContain("Nhận tin qua: Telegram");
    expect(labels(card)).toEqual([
      "Giao vai trò bí thư",
      "Giao vai trò phó bí thư",
      "Giao quyền quản trị",
      "Ghi là dự bị",
      "Miễn sinh hoạt",
      "Sửa họ tên",
      "Ghi chú phân biệt",
      "Mẫu bản kiểm điểm",
      "Xóa khỏi danh sách",
      "Danh sách",
      "Đóng",
    ]);
    await h.press("an", "Danh sách");

    await h.store.db.member.createMany({ data: [{ branchId, fullName: "Lê Văn Tám" }, { branchId, fullName: "Lê Văn Tám" }] });
    const [found] = await h.send("an", "Tám");
    expect(found?.text).toContain("Tìm “Tám”: 2 đồng chí.");
    expect(memberLabels(found)).toEqual(["Lê Văn Tám (1)", "Lê Văn Tám (2)"]);
    expect(labels(found)).toContain("Tất cả");
    const second = found!.choices!.flat()[1]!.action.split(":").at(-1);
    const [tam] = await h.press("an", "Lê Văn Tám (2)");
    expect(tam?.text).toContain("Đồng chí Lê Văn Tám (2)");
    expect(tam?.text).toContain("Có đồng chí khác cùng họ tên");
    expect(tam?.text).toContain("Nhận tin qua: chưa có tài khoản chat nào nhận được tin");
    expect((await flowOf(h, "an"))?.data).toMatchObject({ memberId: second });
    await h.press("an", "Danh sách");
    const [everyone] = await h.press("an", "Tất cả");
    expect(everyone?.text).toContain("66 đảng viên");
    await h.store.db.member.deleteMany({ where: { fullName: "Lê Văn Tám" } });

    const listStep = await flowOf(h, "an");
    for (const [text, expected] of [
      ["", "Tin nhắn trống"],
      ["x".repeat(3000), "Tin nhắn quá dài (3.000 ký tự)"],
      ["a".repeat(81), "Tên cần tìm dài quá 80 ký tự"],
      ["!!!", "Vui lòng chọn trong danh sách, hoặc gõ tên cần tìm"],
      ["Xyzabc", "Không tìm thấy đồng chí nào tên “Xyzabc”"],
      ["0", "Trang này không có số 0"],
      ["12345678901234567890", "Trang này không có số 123456."],
    ] as const) {
      const [reply] = await h.send("an", text);
      expect(reply?.text).toContain(expected);
      expect(await flowOf(h, "an")).toMatchObject({ step: "list", token: listStep?.token, data: listStep?.data });
    }
    await h.send("an", "/huy");
  });

  it("roles change with a confirmation, are audited, and the member is told in their own language", async () => {
    const card = await openCard("an", "Bình");
    const staleSecretary = actionOf(h, "an", "Giao vai trò bí thư");
    const [confirm] = await h.press("an", "Giao vai trò bí thư");
    expect(confirm?.text).toContain("Giao vai trò bí thư cho đồng chí Trần Thị Bình?");
    expect(labels(confirm)).toEqual(["Xác nhận", "Hủy"]);
    const [bad] = await h.send("an", "có lẽ");
    expect(bad?.text).toContain("Vui lòng chọn một trong các lựa chọn");
    expect((await member("binh")).isSecretary).toBe(false);
    const [done] = await h.press("an", "Xác nhận");
    expect(done?.text).toContain("Đã cập nhật thông tin của đồng chí Trần Thị Bình.");
    expect(done?.text).toContain("Vai trò: bí thư");
    expect(labels(h.last("an"))).toContain("Thôi vai trò bí thư");
    expect(await member("binh")).toMatchObject({ isSecretary: true, isAdmin: false });
    expect(card?.text).toContain("Vai trò: đảng viên");

    const audit = await h.store.db.auditLog.findFirstOrThrow({ where: { action: "member.updated", actorId: ids.an } });
    expect(audit.details).toEqual({ memberId: ids.binh, field: "isSecretary", from: false, to: true });
    expect(h.last("binh")?.text).toBe("Vai trò của đồng chí trong Chi bộ Khoa Ngữ văn nay là: bí thư. Gõ /trogiup để xem các lệnh đồng chí dùng được.");

    // The button from before the change is stale and does nothing.
    const [stale] = await h.action("an", staleSecretary);
    expect(stale?.text).toContain("Lựa chọn này đã hết hiệu lực");
    expect(await h.store.db.auditLog.count({ where: { action: "member.updated" } })).toBe(1);
    await h.press("an", "Đóng");

    // Cường reads English: he is told in English, and as an admin he works in English.
    await openCard("an", "Cường");
    await h.press("an", "Giao quyền quản trị");
    await h.press("an", "Xác nhận");
    expect(await member("cuong")).toMatchObject({ isAdmin: true, isSecretary: false });
    expect(h.last("cuong")?.text).toBe("Your role in Chi bộ Khoa Ngữ văn is now: admin. Send /help to see the commands you can use.");
    await h.press("an", "Đóng");

    const [list] = await h.send("cuong", "/members");
    expect(list?.text).toContain("Chi bộ Khoa Ngữ văn: 64 members (");
    expect(list?.text).toContain("Page 1 of 7");
    expect(labels(list).slice(-2)).toEqual(["Next page", "Close"]);
    const [english] = await h.send("cuong", "thi dung");
    expect(english?.text).toContain("Phạm Thị Dung\nRole: member\nParty membership: full\nExempted from meetings: no\nSelf-review form: not chosen (they will be asked at the year-end review)\nStatus: on the list");
    expect(labels(english)).toEqual([
      "Make secretary",
      "Make deputy secretary",
      "Make admin",
      "Mark as probationary",
      "Exempt from meetings",
      "Correct the name",
      "Note to tell apart",
      "Self-review form",
      "Remove from the list",
      "Member list",
      "Close",
    ]);

    // Taken away mid-flow: his next step is refused and the flow ends.
    await openCard("an", "Cường");
    await h.press("an", "Bỏ quyền quản trị");
    await h.press("an", "Xác nhận");
    expect(h.last("cuong")?.text).toBe("Your role in Chi bộ Khoa Ngữ văn is now: member. Send /help to see the commands you can use.");
    const [refused] = await h.press("cuong", "Make secretary");
    expect(refused?.text).toBe("This command is only for the branch's admins.");
    expect(await flowOf(h, "cuong")).toBeNull();
    expect((await member("dung")).isSecretary).toBe(false);
    await h.send("an", "/huy");
  });

  it("marks chính thức / dự bị and miễn sinh hoạt; Hủy changes nothing", async () => {
    await openCard("an", "Thị Dung");
    await h.press("an", "Ghi là dự bị");
    const [kept] = await h.press("an", "Hủy");
    expect(kept?.text).toContain("Chưa thay đổi gì.");
    expect((await member("dung")).partyStatus).toBe("FULL");

    await h.press("an", "Ghi là dự bị");
    await h.press("an", "Xác nhận");
    expect(h.last("dung")?.text).toBe("Chi bộ Khoa Ngữ văn đã ghi nhận đồng chí là đảng viên dự bị.");
    const [why] = await h.press("an", "Miễn sinh hoạt");
    expect(why?.text).toContain("Lý do miễn sinh hoạt của đồng chí Phạm Thị Dung?");
    expect(labels(why)).toEqual(["Tuổi cao", "Sức khỏe yếu", "Hủy"]);
    expect((await h.send("an", "3"))[0]?.text).toContain("Chưa thay đổi gì.");
    await h.press("an", "Miễn sinh hoạt");
    expect((await h.send("an", "12"))[0]?.text).toContain("Vui lòng gõ lý do bằng chữ");
    const [until] = await h.send("an", "Điều trị dài ngày");
    expect(until?.text).toContain("Miễn sinh hoạt đến khi nào?");
    expect((await h.send("an", "31/02/2027"))[0]?.text).toContain("Chưa hiểu ngày kết thúc");
    expect((await h.send("an", "01/01/2020"))[0]?.text).toContain("Ngày kết thúc phải sau hôm nay");
    const [confirm] = await h.send("an", "30/06/2027");
    expect(confirm?.text).toContain("Ghi đồng chí Phạm Thị Dung được miễn sinh hoạt?\nLý do: Điều trị dài ngày\nThời hạn: đến hết Thứ Tư 30/06/2027");
    const [done] = await h.press("an", "Xác nhận");
    expect(done?.text).toContain("Đảng viên: dự bị");
    expect(done?.text).toContain("Miễn sinh hoạt: có – lý do: Điều trị dài ngày; đến hết Thứ Tư 30/06/2027");
    expect(labels(done)).toContain("Ghi là chính thức");
    expect(labels(done)).toContain("Bỏ miễn sinh hoạt");
    expect(h.last("dung")?.text).toBe(
      "Chi bộ Khoa Ngữ văn đã ghi nhận đồng chí được miễn sinh hoạt (có – lý do: Điều trị dài ngày; đến hết Thứ Tư 30/06/2027). Trong thời gian này Trợ lý không nhắc đồng chí trả lời tham dự hay tự đánh giá.",
    );
    expect(await member("dung")).toMatchObject({ partyStatus: "PROBATIONARY", exempted: true, exemptReason: "Điều trị dài ngày" });
    const audit = await h.store.db.auditLog.findMany({ where: { action: "member.updated" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.details).filter((d) => (d as { memberId?: string }).memberId === ids.dung)).toEqual([
      { memberId: ids.dung, field: "partyStatus", from: "FULL", to: "PROBATIONARY" },
      {
        memberId: ids.dung,
        fields: {
          exempted: { from: false, to: true },
          exemptReason: { from: null, to: "Điều trị dài ngày" },
          exemptUntil: { from: null, to: expect.anything() },
        },
      },
    ]);
    await h.press("an", "Danh sách");
    const [found] = await h.send("an", "Phạm Thị Dung");
    expect(found?.text).toContain("Đồng chí Phạm Thị Dung");
    await h.send("an", "/huy");
    await h.send("an", "/thanhvien Dung");
    expect(memberLabels(h.last("an"))).toEqual(["Phạm Thị Dung · dự bị, miễn SH"]);
    await h.send("an", "/huy");
  });

  it("a removed member stops receiving, keeps their history, and can be restored", async () => {
    const dung = await member("dung");
    const meeting = await h.store.db.meeting.create({ data: { branchId, startsAt: new Date(h.clock.now().getTime() - 7 * DAY) } });
    await h.store.db.rsvp.create({ data: { meetingId: meeting.id, memberId: dung.id, answer: "ABSENT", reason: "Con ốm phải đưa đi viện" } });
    const period = await h.store.db.commitmentPeriod.create({
      data: { branchId, name: "2026", startsAt: new Date("2026-01-01"), deadline: new Date("2026-02-01"), endsAt: new Date("2026-12-31") },
    });
    await h.store.db.commitment.create({ data: { periodId: period.id, memberId: dung.id, text: "Tiết kiệm điện, nước", position: 1 } });
    const identity = await h.store.db.identity.findUniqueOrThrow({ where: { botAccountId_userId: { botAccountId: "default-telegram", userId: "dung" } } });
    // A reminder planned ahead, due tomorrow.
    await h.store.db.outbox.create({
      data: { key: "test-reminder:dung", memberId: dung.id, identityId: identity.id, platform: "TELEGRAM", chatId: "dung", payload: { text: "Nhắc lịch sinh hoạt" }, notBefore: new Date(h.clock.now().getTime() + DAY) },
    });

    await openCard("an", "Thị Dung");
    const [confirm] = await h.press("an", "Xóa khỏi danh sách");
    expect(confirm?.text).toContain("Xóa đồng chí Phạm Thị Dung khỏi danh sách Chi bộ Khoa Ngữ văn?");
    expect(confirm?.text).toContain("vẫn được lưu cho chi bộ");
    const [done] = await h.press("an", "Xác nhận");
    expect(done?.text).toContain("Đã xóa đồng chí Phạm Thị Dung khỏi danh sách.");
    expect(done?.text).toContain("63 đảng viên");
    expect(done?.text).toContain("1 đồng chí đã bị xóa khỏi danh sách");
    expect(h.last("dung")?.text).toContain("Đồng chí đã được xóa khỏi danh sách Chi bộ Khoa Ngữ văn");

    const removed = await member("dung");
    expect(removed.status).toBe("REMOVED");
    expect(removed.removedAt?.getTime()).toBe(h.clock.now().getTime());
    expect(await h.store.db.rsvp.count({ where: { memberId: dung.id } })).toBe(1);
    expect(await h.store.db.commitment.count({ where: { memberId: dung.id } })).toBe(1);
    const removals = await h.store.db.auditLog.findMany({ where: { action: "member.removed" } });
    expect(removals.map((a) => a.details)).toEqual([{ memberId: dung.id, name: "Phạm Thị Dung" }]);
    expect(await h.store.db.outbox.findUniqueOrThrow({ where: { key: "test-reminder:dung" } })).toMatchObject({ status: "FAILED", lastError: "member-removed" });
    expect((await h.store.tx((tx) => tx.members.listActive(branchId))).map((m) => m.id)).not.toContain(dung.id);

    // Their chat is a stranger's now: no member commands, nothing planned reaches it.
    const [refused] = await h.send("dung", "/thu");
    expect(refused?.text).toContain("Lệnh này dành cho đảng viên đã tham gia chi bộ");
    const [status] = await h.send("dung", "/start");
    expect(status?.text).toContain("Bạn chưa tham gia chi bộ nào");
    const before = h.inbox("dung").length;
    h.clock.advance(2 * DAY);
    await h.tick();
    expect(h.inbox("dung")).toHaveLength(before);

    // Listed last, marked; only restore is offered.
    await h.send("an", "/thanhvien");
    const [last] = await h.send("an", "Thị Dung");
    expect(last?.text).toMatch(/Trạng thái: đã xóa khỏi danh sách ngày Thứ Tư 25\/11\/2026/);
    expect(labels(last)).toEqual(["Khôi phục vào danh sách", "Danh sách", "Đóng"]);
    // A removed member cannot be given roles, even by a forged button.
    const token = (await flowOf(h, "an"))?.token;
    const [forged] = await h.action("an", `f:${token}:adm1`);
    expect(forged?.text).toContain("Đồng chí này đã bị xóa khỏi danh sách; chỉ có thể khôi phục.");
    expect((await member("dung")).isAdmin).toBe(false);
    await h.press("an", "Danh sách");
    await h.press("an", "Tất cả");
    for (let i = 0; i < 6; i++) await h.press("an", "Trang sau");
    expect(memberLabels(h.last("an")).at(-1)).toBe("Phạm Thị Dung · dự bị, miễn SH, đã xóa");
    await h.send("an", "/huy");

    await openCard("an", "Thị Dung");
    await h.press("an", "Khôi phục vào danh sách");
    const [restored] = await h.press("an", "Xác nhận");
    expect(restored?.text).toContain("Đã khôi phục đồng chí Phạm Thị Dung vào danh sách.");
    expect(await member("dung")).toMatchObject({ status: "ACTIVE", removedAt: null });
    expect(h.last("dung")?.text).toContain("Đồng chí đã được khôi phục vào danh sách Chi bộ Khoa Ngữ văn");
    const [back] = await h.send("dung", "/thu");
    expect(back?.text).toBe("member Phạm Thị Dung");
    expect(await h.store.db.auditLog.count({ where: { action: "member.restored" } })).toBe(1);
    // What was withdrawn at removal is forgotten, so the schedulers can plan it again.
    expect(await h.store.db.outbox.findUnique({ where: { key: "test-reminder:dung" } })).toBeNull();
    await h.send("an", "/huy");
  });

  it("the last admin can neither drop the admin role nor leave; with a second admin both are possible", async () => {
    const code = await h.createBranch("Chi bộ Tổ dân phố số 7");
    await join("lan", code, "Ngô Thị Lan");
    const branch = (await member("lan")).branchId;
    await h.store.db.invite.create({ data: { branchId: branch, code: "TODAN7PHO2", maxUses: 5, expiresAt: new Date(h.clock.now().getTime() + DAY) } });
    await join("minh", "TODAN-7PHO2", "Phan Đình Nam");

    await openCard("lan", "Lan");
    const cardStep = await flowOf(h, "lan");
    for (const action of ["Bỏ quyền quản trị", "Xóa khỏi danh sách"]) {
      const [answer] = await h.press("lan", action);
      expect(answer?.text).toContain(
        "Đồng chí là quản trị duy nhất của chi bộ, nên không thể bỏ quyền quản trị hay tự xóa mình. Hãy giao quyền quản trị cho một đồng chí khác trước.",
      );
      expect(await flowOf(h, "lan")).toMatchObject({ step: "member", token: cardStep?.token });
    }
    expect(await member("lan")).toMatchObject({ isAdmin: true, status: "ACTIVE" });

    await h.press("lan", "Danh sách");
    await h.send("lan", "Nam");
    await h.press("lan", "Giao quyền quản trị");
    await h.press("lan", "Xác nhận");
    await h.press("lan", "Đóng");

    // Two admins: each may step down, but the second to try is the last one again.
    await openCard("lan", "Lan");
    await h.press("lan", "Bỏ quyền quản trị");
    const [dropped] = await h.press("lan", "Xác nhận");
    expect(dropped?.text).toBe("Đồng chí đã bỏ quyền quản trị của mình. Từ nay các việc quản trị do các quản trị khác của chi bộ đảm nhận.");
    expect(await flowOf(h, "lan")).toBeNull();
    expect(await member("lan")).toMatchObject({ isAdmin: false, isSecretary: true });
    const [denied] = await h.send("lan", "/thanhvien");
    expect(denied?.text).toBe(DENIED);

    await openCard("minh", "Nam");
    const [last] = await h.press("minh", "Bỏ quyền quản trị");
    expect(last?.text).toContain("Đồng chí là quản trị duy nhất của chi bộ");
    // The check is made again on confirmation: a confirm step reached earlier cannot bypass it.
    await h.press("minh", "Danh sách");
    await h.send("minh", "Lan");
    await h.press("minh", "Giao quyền quản trị");
    await h.press("minh", "Xác nhận");
    await h.press("minh", "Danh sách");
    await h.send("minh", "Nam");
    await h.press("minh", "Xóa khỏi danh sách");
    // Meanwhile Lan steps down again, leaving Minh the only admin.
    await h.store.db.member.update({ where: { id: ids.lan! }, data: { isAdmin: false } });
    const [blocked] = await h.press("minh", "Xác nhận");
    expect(blocked?.text).toContain("Đồng chí là quản trị duy nhất của chi bộ");
    expect(await member("minh")).toMatchObject({ status: "ACTIVE", isAdmin: true });
    await h.store.db.member.update({ where: { id: ids.lan! }, data: { isAdmin: true } });

    await h.press("minh", "Xóa khỏi danh sách");
    const [gone] = await h.press("minh", "Xác nhận");
    expect(gone?.text).toBe("Đồng chí đã tự xóa mình khỏi danh sách Chi bộ Tổ dân phố số 7. Trợ lý sẽ không gửi tin nhắn cho đồng chí nữa.");
    expect(await member("minh")).toMatchObject({ status: "REMOVED" });
    expect(await flowOf(h, "minh")).toBeNull();
    const [stranger] = await h.send("minh", "/thanhvien");
    expect(stranger?.text).toBe(DENIED);
  });

  it("two admins stepping down at the same moment: one of them stays admin", async () => {
    const code = await h.createBranch("Chi bộ Trường THCS Nguyễn Trãi");
    await join("xuan", code, "Ưng Thị Xuân");
    const branch = (await member("xuan")).branchId;
    await h.store.db.invite.create({ data: { branchId: branch, code: "NGTRAI2ADM", grantsAdmin: true, maxUses: 1, expiresAt: new Date(h.clock.now().getTime() + DAY) } });
    await join("yen", "NGTRA-I2ADM", "Giáp Văn Yên");
    for (const [user, name] of [["xuan", "Xuân"], ["yen", "Yên"]] as const) {
      await openCard(user, name);
      await h.press(user, "Bỏ quyền quản trị");
    }
    const confirm = (user: string) =>
      h.core.engine.handle({ platform: "TELEGRAM", updateId: `race-${user}`, userId: user, chatId: user, choice: actionOf(h, user, "Xác nhận"), receivedAt: h.clock.now() });
    await Promise.all([confirm("xuan"), confirm("yen")]);
    await h.sender.drain();
    expect(await h.store.db.member.count({ where: { branchId: branch, isAdmin: true, status: "ACTIVE" } })).toBe(1);
    const answers = [h.last("xuan")?.text ?? "", h.last("yen")?.text ?? ""];
    expect(answers.filter((t) => t.startsWith("Đồng chí đã bỏ quyền quản trị của mình."))).toHaveLength(1);
    expect(answers.filter((t) => t.startsWith("Đồng chí là quản trị duy nhất của chi bộ"))).toHaveLength(1);
  });

  it("an admin sees and touches only their own branch", async () => {
    await h.send("lan", "/thanhvien");
    const list = h.last("lan");
    expect(list?.text).toContain("Chi bộ Tổ dân phố số 7: 1 đảng viên");
    expect(memberLabels(list)).toEqual(["Ngô Thị Lan · bí thư, quản trị", "Phan Đình Nam · quản trị, đã xóa"]);
    const [none] = await h.send("lan", "Bình");
    expect(none?.text).toContain("Không tìm thấy đồng chí nào tên “Bình”");

    const token = (await flowOf(h, "lan"))?.token;
    const before = await member("binh");
    const [forged] = await h.action("lan", `f:${token}:m:${ids.binh}`);
    expect(forged?.text).toContain("Không tìm thấy đồng chí này trong danh sách chi bộ.");
    expect(await flowOf(h, "lan")).toMatchObject({ step: "list" });
    expect(await member("binh")).toEqual(before);
    await h.send("lan", "/huy");
  });

  it("members, secretaries, strangers and operators are refused", async () => {
    const audit = await h.store.db.auditLog.count();
    for (const user of ["binh", "dung", "khach", OPERATOR]) {
      for (const command of ["/thanhvien", "/members", "thanhvien"]) {
        const [refusal] = await h.send(user, command);
        expect(refusal?.text).toBe(DENIED);
      }
    }
    const [english] = await h.send("cuong", "/members");
    expect(english?.text).toBe("This command is only for the branch's admins.");
    const [forged] = await h.action("binh", `f:abcdef:m:${ids.dung}`);
    expect(forged?.text).toContain("Lựa chọn này đã hết hiệu lực");
    expect(await h.store.db.auditLog.count()).toBe(audit);
  });
});
