// /moi on both databases: making an invite step by step, listing and revoking, bad input at every
// step, stale buttons, other branches' invites, refusals, English, and the wrong-code slow-down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_OPEN_INVITES } from "../../src/core/features/invites.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { actionOf, flowOf, labels } from "../helpers/chat.ts";
import { createHarness, OPERATOR, type Harness } from "../helpers/harness.ts";

const DAY = 86_400_000;
const codeIn = (text: string | undefined) => /(?:Mã mời|Invite code): ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(text ?? "")?.[1];

describe.each(DB_KINDS)("invites on %s", (db) => {
  let h: Harness;
  let branchId: string;
  let anId: string;

  /** Walks the whole flow with buttons and returns the code handed out. */
  const makeInvite = async (user: string, role: string, days: string, uses: string) => {
    await h.send(user, "/moi");
    await h.press(user, role);
    await h.press(user, days);
    await h.press(user, uses);
    const [done] = await h.press(user, "Xác nhận");
    const code = codeIn(done?.text);
    if (!code) throw new Error(`no code in ${done?.text}`);
    return code;
  };

  beforeAll(async () => {
    h = await createHarness({ db });
    const first = await h.createBranch("Chi bộ Khoa Ngữ văn");
    await h.join("an", first, "Nguyễn Văn An");
    const an = await h.store.db.member.findFirstOrThrow({ where: { fullName: "Nguyễn Văn An" } });
    branchId = an.branchId;
    anId = an.id;
  });
  afterAll(() => h.close());

  it("an admin makes a member invite: role, expiry, uses, a preview, then the code and the link", async () => {
    const [ask] = await h.send("an", "/moi");
    expect(ask?.text).toContain("Người dùng mã sẽ tham gia chi bộ với vai trò nào?");
    expect(labels(ask)).toEqual(["Đảng viên", "Bí thư", "Phó bí thư", "Quản trị", "Bí thư + quản trị", "Hủy"]);
    const [days] = await h.press("an", "Đảng viên");
    expect(labels(days)).toEqual(["1 ngày", "7 ngày", "30 ngày"]);
    const [uses] = await h.press("an", "7 ngày");
    expect(labels(uses)).toEqual(["1 lần", "10 lần", "50 lần"]);
    const [preview] = await h.press("an", "10 lần");
    expect(preview?.text).toContain("Mã mời mới của Chi bộ Khoa Ngữ văn:");
    expect(preview?.text).toContain("Vai trò: đảng viên");
    expect(preview?.text).toContain("Hiệu lực: 7 ngày (đến 10:00, Thứ Tư 02/12/2026)");
    expect(preview?.text).toContain("Số lần dùng: 10");
    expect(preview?.text).not.toContain("Lưu ý");
    expect(labels(preview)).toEqual(["Xác nhận", "Sửa", "Hủy"]);
    expect(await h.store.db.invite.count({ where: { createdById: anId } })).toBe(0);

    const [done] = await h.press("an", "Xác nhận");
    const code = codeIn(done?.text)!;
    expect(done?.text).toContain("Đã tạo mã mời (vai trò: đảng viên)");
    expect(done?.text).toContain("Dùng được 10 lần, hết hạn lúc 10:00, Thứ Tư 02/12/2026");
    expect(done?.text).toContain(`https://t.me/chibo_test_bot?start=${code.replace("-", "")}`);
    expect(done?.text).toContain(`Hoặc nhắn cho bot: start ${code}`);
    expect(await flowOf(h, "an")).toBeNull();

    const invite = await h.store.db.invite.findUniqueOrThrow({ where: { code: code.replace("-", "") } });
    expect(invite).toMatchObject({ branchId, grantsSecretary: false, grantsAdmin: false, maxUses: 10, uses: 0, createdById: anId });
    expect(invite.expiresAt.getTime()).toBe(h.clock.now().getTime() + 7 * DAY);
    const audit = await h.store.db.auditLog.findFirstOrThrow({ where: { action: "invite.created", actorId: anId } });
    expect(audit.details).toMatchObject({ inviteId: invite.id, secretary: false, admin: false, maxUses: 10 });
    expect(JSON.stringify(audit.details)).not.toContain(invite.code);

    // The code works: a new member joins as đảng viên.
    await h.join("binh", code, "Trần Thị Bình");
    const binh = await h.store.db.member.findFirstOrThrow({ where: { fullName: "Trần Thị Bình" } });
    expect(binh).toMatchObject({ branchId, isSecretary: false, isAdmin: false });
  });

  it("an invite for secretary and admin warns about several uses; typed counts with units are accepted", async () => {
    await h.send("an", "/moi");
    await h.press("an", "Bí thư + quản trị");
    const [uses] = await h.send("an", "14 ngày");
    expect(uses?.text).toContain("bao nhiêu người");
    const [preview] = await h.send("an", "3 lần");
    expect(preview?.text).toContain("Vai trò: bí thư, quản trị");
    expect(preview?.text).toContain("Hiệu lực: 14 ngày");
    expect(preview?.text).toContain("Số lần dùng: 3");
    expect(preview?.text).toContain("Lưu ý: mã này trao quyền bí thư, quản trị");
    // Sửa starts over from the role; Hủy leaves nothing behind.
    const [again] = await h.press("an", "Sửa");
    expect(again?.text).toContain("vai trò nào?");
    await h.press("an", "Quản trị");
    await h.send("an", "1");
    const [last] = await h.send("an", "1");
    expect(last?.text).toContain("Vai trò: quản trị");
    expect(last?.text).toContain("Hiệu lực: 1 ngày");
    expect(last?.text).toContain("Số lần dùng: 1");
    const before = await h.store.db.invite.count();
    const [cancelled] = await h.press("an", "Hủy");
    expect(cancelled?.text).toBe("Đã hủy. Không có gì được lưu.");
    expect(await h.store.db.invite.count()).toBe(before);
    expect(await flowOf(h, "an")).toBeNull();

    const code = await makeInvite("an", "Bí thư + quản trị", "1 ngày", "1 lần");
    const invite = await h.store.db.invite.findUniqueOrThrow({ where: { code: code.replace("-", "") } });
    expect(invite).toMatchObject({ grantsSecretary: true, grantsAdmin: true, maxUses: 1 });
  });

  it("bad input at every step gets a clear answer and the flow stays where it was", async () => {
    const [role] = await h.send("an", "/moi");
    const roleStep = await flowOf(h, "an");
    for (const [text, expected] of [
      ["", "Tin nhắn trống"],
      ["x".repeat(3000), "Tin nhắn quá dài (3.000 ký tự)"],
      ["giám đốc", "Vui lòng chọn một trong các lựa chọn"],
      ["9", "Vui lòng chọn một trong các lựa chọn"],
    ] as const) {
      const [answer, prompt] = await h.send("an", text);
      expect(answer?.text).toContain(expected);
      if (prompt) expect(prompt.text).toBe(role?.text);
      expect(await flowOf(h, "an")).toMatchObject({ step: "role", token: roleStep?.token, data: roleStep?.data });
    }

    await h.press("an", "Đảng viên");
    for (const [text, expected] of [
      ["", "Tin nhắn trống"],
      ["x".repeat(3000), "Tin nhắn quá dài"],
      ["mai", "Chưa hiểu số ngày"],
      ["-1", "Chưa hiểu số ngày"],
      ["1.5 ngày", "Chưa hiểu số ngày"],
      ["99999999999999999999", "Chưa hiểu số ngày"],
      ["14 lần", "Chưa hiểu số ngày"],
      ["0 ngày", "Thời hạn phải từ 1 đến 90 ngày"],
      ["91", "Thời hạn phải từ 1 đến 90 ngày"],
    ] as const) {
      const [answer] = await h.send("an", text);
      expect(answer?.text).toContain(expected);
      expect(await flowOf(h, "an")).toMatchObject({ step: "days" });
    }
    await h.send("an", "90 ngày");
    for (const [text, expected] of [
      ["", "Tin nhắn trống"],
      ["x".repeat(3000), "Tin nhắn quá dài"],
      ["nhiều", "Chưa hiểu số lần dùng"],
      ["0", "Số lần dùng phải từ 1 đến 200"],
      ["201 lần", "Số lần dùng phải từ 1 đến 200"],
      ["99999999999999999999", "Chưa hiểu số lần dùng"],
    ] as const) {
      const [answer] = await h.send("an", text);
      expect(answer?.text).toContain(expected);
      expect(await flowOf(h, "an")).toMatchObject({ step: "uses", data: { days: 90 } });
    }
    const [preview] = await h.send("an", "200 lần");
    expect(preview?.text).toContain("Số lần dùng: 200");
    const [answer] = await h.send("an", "chắc vậy");
    expect(answer?.text).toContain("Vui lòng chọn một trong các lựa chọn");
    expect(await flowOf(h, "an")).toMatchObject({ step: "preview", data: { days: 90, uses: 200 } });
    await h.send("an", "/huy");
  });

  it("a button from an earlier step is stale and changes nothing", async () => {
    await h.send("an", "/moi");
    const memberButton = actionOf(h, "an", "Đảng viên");
    await h.press("an", "Quản trị");
    const sevenDays = actionOf(h, "an", "7 ngày");
    await h.press("an", "30 ngày");
    const before = await flowOf(h, "an");
    for (const action of [memberButton, sevenDays, "f:zzzzzz:m", "f:", "nonsense"]) {
      const [answer] = await h.action("an", action);
      expect(answer?.text).toBe("Lựa chọn này đã hết hiệu lực. Vui lòng dùng tin nhắn mới nhất, hoặc gõ /trogiup.");
    }
    expect(await flowOf(h, "an")).toMatchObject({ step: "uses", token: before?.token, data: { isAdmin: true, isSecretary: false, days: 30 } });
    // A forged value on the current step is refused as well.
    const [forged] = await h.action("an", `f:${before?.token}:7777`);
    expect(forged?.text).toContain("Vui lòng chọn một trong các lựa chọn");
    await h.send("an", "/huy");
  });

  it("the admin lists open invites, sees one with its link and revokes it; the code stops working", async () => {
    const code = await makeInvite("an", "Đảng viên", "30 ngày", "50 lần");
    const stored = code.replace("-", "");
    const open = await h.store.db.invite.findMany({ where: { branchId, revokedAt: null } });
    const usable = open.filter((i) => i.uses < i.maxUses && i.expiresAt > h.clock.now());

    const [role] = await h.send("an", "/moi");
    expect(labels(role)).toContain(`Mã mời đang còn hiệu lực (${usable.length})`);
    const [list] = await h.press("an", `Mã mời đang còn hiệu lực (${usable.length})`);
    expect(list?.text).toContain(`Mã mời đang còn hiệu lực: ${usable.length}`);
    // The used-up first invite of the branch is not listed.
    expect(labels(list)).toContain(`${code} · đảng viên · 0/50`);
    expect(labels(list).some((l) => l.endsWith("· bí thư, quản trị · 1/1"))).toBe(false);

    const [detail] = await h.press("an", `${code} · đảng viên · 0/50`);
    expect(detail?.text).toContain("Vai trò: đảng viên");
    expect(detail?.text).toContain("Đã dùng: 0/50 lần");
    expect(detail?.text).toContain("bởi Nguyễn Văn An");
    expect(detail?.text).toContain(`https://t.me/chibo_test_bot?start=${stored}`);
    const [confirm] = await h.press("an", "Thu hồi mã");
    expect(confirm?.text).toContain(`Thu hồi mã ${code}?`);
    // Hủy goes back to the invite, nothing changes.
    await h.press("an", "Hủy");
    expect((await h.store.db.invite.findUniqueOrThrow({ where: { code: stored } })).revokedAt).toBeNull();
    await h.press("an", "Thu hồi mã");
    const [revoked] = await h.press("an", "Xác nhận");
    expect(revoked?.text).toContain(`Đã thu hồi mã ${code}.`);
    expect(labels(h.last("an"))).not.toContain(`${code} · đảng viên · 0/50`);

    const invite = await h.store.db.invite.findUniqueOrThrow({ where: { code: stored } });
    expect(invite.revokedAt?.getTime()).toBe(h.clock.now().getTime());
    const audit = await h.store.db.auditLog.findMany({ where: { action: "invite.revoked" } });
    expect(audit.map((a) => a.details)).toContainEqual(expect.objectContaining({ inviteId: invite.id }));
    await h.press("an", "Đóng");

    const [refused] = await h.send("dung", `/start ${code}`);
    expect(refused?.text).toBe("Mã mời này đã bị thu hồi. Vui lòng xin bí thư chi bộ gửi mã mới.");
    expect(await h.store.db.member.count({ where: { fullName: { contains: "Dung" } } })).toBe(0);
  });

  it("an invite that expired or is used up leaves the list; the list pages when it is long", async () => {
    await h.send("an", "/moi ds");
    const before = labels(h.last("an"));
    const code = await makeInvite("an", "Đảng viên", "1 ngày", "1 lần");
    await h.send("an", "/moi ds");
    expect(labels(h.last("an"))).toContain(`${code} · đảng viên · 0/1`);
    h.clock.advance(DAY + 1);
    await h.send("an", "/moi ds");
    const after = labels(h.last("an"));
    expect(after).not.toContain(`${code} · đảng viên · 0/1`);
    expect(after.every((l) => before.includes(l))).toBe(true);
    await h.send("an", "/huy");

    // Eleven more open invites: the list shows ten and a next page.
    await h.store.db.invite.createMany({
      data: Array.from({ length: 11 }, (_, i) => ({
        branchId,
        code: `PAGE${String(i).padStart(2, "0")}ABC2`,
        maxUses: 5,
        expiresAt: new Date(h.clock.now().getTime() + DAY),
        createdAt: new Date(h.clock.now().getTime() + i),
      })),
    });
    const [page1] = await h.send("an", "/moi ds");
    expect(page1?.text).toContain("Trang 1/");
    expect(labels(page1)).toContain("Trang sau");
    expect(labels(page1).filter((l) => / · \d+\/\d+$/.test(l))).toHaveLength(10);
    const [page2] = await h.press("an", "Trang sau");
    expect(page2?.text).toContain("Trang 2/");
    expect(labels(page2)).toContain("Trang trước");
    await h.press("an", "Đóng");
  });

  it("a branch cannot hold more than the maximum of open invites", async () => {
    const live = await h.store.db.invite.findMany({ where: { branchId, revokedAt: null, expiresAt: { gt: h.clock.now() } } });
    const open = live.filter((i) => i.uses < i.maxUses).length;
    await h.store.db.invite.createMany({
      data: Array.from({ length: MAX_OPEN_INVITES - open }, (_, i) => ({
        branchId,
        code: `FULL${String(i).padStart(3, "0")}AB2`,
        maxUses: 5,
        expiresAt: new Date(h.clock.now().getTime() + DAY),
      })),
    });
    await h.send("an", "/moi");
    await h.press("an", "Đảng viên");
    await h.press("an", "1 ngày");
    await h.press("an", "1 lần");
    const [refused] = await h.press("an", "Xác nhận");
    expect(refused?.text).toContain(`Chi bộ đang có ${MAX_OPEN_INVITES} mã mời còn hiệu lực`);
    expect(await flowOf(h, "an")).toBeNull();
    await h.store.db.invite.updateMany({ where: { code: { startsWith: "FULL" } }, data: { revokedAt: h.clock.now() } });
  });

  it("an admin of another branch neither sees nor revokes this branch's invites", async () => {
    const code = await makeInvite("an", "Đảng viên", "7 ngày", "10 lần");
    const foreign = await h.store.db.invite.findUniqueOrThrow({ where: { code: code.replace("-", "") } });

    const second = await h.createBranch("Chi bộ Tổ dân phố số 7");
    await h.join("hoa", second, "Đặng Thị Hồng");
    const [role] = await h.send("hoa", "/moi");
    expect(labels(role).some((l) => l.includes("Mã mời đang còn hiệu lực"))).toBe(false);
    const [list] = await h.send("hoa", "/moi ds");
    expect(list?.text).toContain("Chi bộ không còn mã mời nào đang có hiệu lực.");

    const ownCode = await makeInvite("hoa", "Đảng viên", "7 ngày", "1 lần");
    await h.send("hoa", "/moi ds");
    expect(labels(h.last("hoa"))).toEqual([`${ownCode} · đảng viên · 0/1`, "Tạo mã mới", "Đóng"]);
    const token = (await flowOf(h, "hoa"))?.token;
    const [forged] = await h.action("hoa", `f:${token}:i:${foreign.id}`);
    expect(forged?.text).toContain("Mã mời này không còn hiệu lực");
    expect(await flowOf(h, "hoa")).toMatchObject({ step: "list" });
    expect((await h.store.db.invite.findUniqueOrThrow({ where: { id: foreign.id } })).revokedAt).toBeNull();
    await h.send("hoa", "/huy");
  });

  it("members, strangers and operators are refused; a member's forged flow button is stale", async () => {
    const before = await h.store.db.invite.count();
    for (const user of ["binh", "khach", OPERATOR]) {
      const [refusal] = await h.send(user, "/moi");
      expect(refusal?.text).toBe("Lệnh này chỉ dành cho quản trị của chi bộ.");
      const [alias] = await h.send(user, "/invite");
      expect(alias?.text).toBe("Lệnh này chỉ dành cho quản trị của chi bộ.");
    }
    const [bare] = await h.send("binh", "moi");
    expect(bare?.text).toBe("Lệnh này chỉ dành cho quản trị của chi bộ.");
    const [forged] = await h.action("binh", "f:abcdef:sa");
    expect(forged?.text).toContain("Lựa chọn này đã hết hiệu lực");
    expect(await h.store.db.invite.count()).toBe(before);
  });

  it("an English-speaking admin gets the whole flow in English", async () => {
    await h.send("hoa", "/language en");
    const [ask] = await h.send("hoa", "/invite");
    expect(ask?.text).toContain("Which role will the person who uses it have");
    expect(labels(ask)).toEqual(["Member", "Secretary", "Deputy secretary", "Admin", "Secretary + admin", "Open invites (1)", "Cancel"]);
    const [days] = await h.press("hoa", "Secretary");
    expect(labels(days)).toEqual(["1 day", "7 days", "30 days"]);
    const [bad] = await h.send("hoa", "soon");
    expect(bad?.text).toContain("That is not a number of days");
    await h.send("hoa", "14 days");
    const [preview] = await h.send("hoa", "1 use");
    expect(preview?.text).toContain("New invite for Chi bộ Tổ dân phố số 7:");
    expect(preview?.text).toContain("Role: secretary");
    expect(preview?.text).toContain("Valid for: 14 days (until");
    expect(labels(preview)).toEqual(["Confirm", "Edit", "Cancel"]);
    const [done] = await h.press("hoa", "Confirm");
    expect(done?.text).toContain("The invite has been created (role: secretary)");
    expect(done?.text).toMatch(/Invite code: [A-Z0-9]{5}-[A-Z0-9]{5}/);
    expect(done?.text).toContain("Link (telegram): https://t.me/chibo_test_bot?start=");
    await h.send("hoa", "/ngonngu vi");
  });

  it("someone guessing codes is slowed down, and the right code works again after the wait", async () => {
    const code = await makeInvite("an", "Đảng viên", "7 ngày", "1 lần");
    const wrong = ["ABCDE-23456", "ZZZZZ-99999", "abcde fghj2", "HJKMN-PQRS2", "QWERT-2YUPA"];
    for (const guess of wrong) {
      const [answer] = await h.send("doan", guess);
      expect(answer?.text).toBe("Mã mời không đúng. Vui lòng kiểm tra lại từng ký tự, hoặc xin bí thư chi bộ gửi lại mã.");
    }
    // Five wrong codes in a row: even the right one has to wait.
    const [locked] = await h.send("doan", `/start ${code}`);
    expect(locked?.text).toBe("Đồng chí đã nhập sai mã mời nhiều lần. Vui lòng thử lại sau 1 phút.");
    h.clock.advance(61_000);
    // Another wrong code after the wait doubles it.
    await h.send("doan", "MNPQR-23456");
    const [longer] = await h.send("doan", code);
    expect(longer?.text).toBe("Đồng chí đã nhập sai mã mời nhiều lần. Vui lòng thử lại sau 2 phút.");
    const identity = await h.store.db.identity.findUniqueOrThrow({ where: { botAccountId_userId: { botAccountId: "default-telegram", userId: "doan" } } });
    const guard = () => h.store.db.codeGuard.findUniqueOrThrow({ where: { identityId_kind: { identityId: identity.id, kind: "invite" } } });
    expect((await guard()).failures).toBe(6);

    h.clock.advance(2 * 60_000 + 1);
    const [ask] = await h.send("doan", code);
    expect(ask?.text).toContain("Chào mừng đến với Chi bộ Khoa Ngữ văn");
    await h.send("doan", "Hoàng Văn Đức");
    await h.press("doan", "Đồng ý");
    const [welcome] = await h.press("doan", "Xác nhận");
    expect(welcome?.text).toContain("Chào mừng đồng chí Hoàng Văn Đức");
    expect(await guard()).toMatchObject({ failures: 0, lockedUntil: null });
  });
});
