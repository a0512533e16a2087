import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, OPERATOR, type Harness } from "../helpers/harness.ts";

describe.each(DB_KINDS)("onboarding on %s", (db) => {
  let h: Harness;
  let code: string;
  beforeAll(async () => {
    h = await createHarness({ db });
    code = await h.createBranch("Chi bộ Khoa Ngữ văn");
  });
  afterAll(() => h.close());

  it("the operator gets an invite code and a deep link for the new branch", () => {
    const text = h.last(OPERATOR)?.text ?? "";
    expect(text).toContain("Đã tạo Chi bộ Khoa Ngữ văn");
    expect(text).toContain(`https://t.me/chibo_test_bot?start=${code.replace("-", "")}`);
    expect(text).toMatch(/hết hạn lúc \d\d:\d\d, Thứ .+ \d\d\/\d\d\/\d{4}/);
  });

  it("the first member becomes secretary and admin after name, consent and confirmation", async () => {
    const [ask] = await h.send("an", `/start ${code}`);
    expect(ask?.text).toContain("Chào mừng đến với Chi bộ Khoa Ngữ văn");
    const [consent] = await h.send("an", "nguyễn văn an");
    expect(consent?.text).toContain("Nghị định 13/2023/NĐ-CP");
    expect(consent?.choices?.flat().map((c) => c.label)).toEqual(["Đồng ý", "Không đồng ý"]);
    const [confirm] = await h.press("an", "Đồng ý");
    expect(confirm?.text).toContain("Họ tên: Nguyễn Văn An");
    expect(confirm?.text).toContain("Vai trò: bí thư, quản trị");
    const [welcome] = await h.press("an", "Xác nhận");
    expect(welcome?.text).toContain("Chào mừng đồng chí Nguyễn Văn An đã tham gia Chi bộ Khoa Ngữ văn");

    const member = await h.store.db.member.findFirstOrThrow({ where: { fullName: "Nguyễn Văn An" } });
    expect(member).toMatchObject({ isSecretary: true, isAdmin: true, status: "ACTIVE" });
    expect(member.consentAt).not.toBeNull();
    const audit = await h.store.db.auditLog.findMany({ where: { action: "member.joined" } });
    expect(audit).toHaveLength(1);
  });

  it("a used-up code is refused with a clear answer and nothing is stored", async () => {
    const members = await h.store.db.member.count();
    const [answer] = await h.send("binh", `/start ${code}`);
    expect(answer?.text).toBe("Mã mời này đã được dùng hết. Vui lòng xin bí thư chi bộ gửi mã mới.");
    expect(await h.store.db.member.count()).toBe(members);
  });

  it("help answers per role", async () => {
    const [stranger] = await h.send("binh", "/trogiup");
    expect(stranger?.text).toContain("Để tham gia");
    expect(stranger?.text).not.toContain("/taochibo");
    const [operator] = await h.send(OPERATOR, "/trogiup");
    expect(operator?.text).toContain("/taochibo (/newbranch)");
    const [admin] = await h.send("an", "/help");
    expect(admin?.text).toContain("Trợ lý Chi bộ – Chi bộ Khoa Ngữ văn");
  });

  it("only operators may create a branch", async () => {
    const [refusal] = await h.send("an", "/taochibo");
    expect(refusal?.text).toBe("Lệnh này chỉ dành cho người vận hành hệ thống.");
    expect(await h.store.db.branch.count()).toBe(1);
  });
});

describe.each(DB_KINDS)("a shared invite on %s", (db) => {
  it("people joining at the same moment each get a use while any is left, and no more", async () => {
    const h = await createHarness({ db });
    try {
      await h.createBranch("Chi bộ Công ty Cổ phần Cơ khí Đông Anh");
      const branch = await h.store.db.branch.findFirstOrThrow();
      const invite = await h.store.db.invite.create({ data: { branchId: branch.id, code: "SHARE2CODE", maxUses: 8, expiresAt: new Date(h.clock.now().getTime() + 86_400_000) } });
      const people = Array.from({ length: 12 }, (_, i) => `p${i}`);
      await Promise.all(people.map((p) => h.send(p, `/start ${invite.code}`)));
      await Promise.all(people.map((p) => h.send(p, `Nguyễn Văn Số ${"ABCDEFGHIJKL"[Number(p.slice(1))]}`)));
      await Promise.all(people.map((p) => h.press(p, "Đồng ý")));
      await Promise.all(people.map((p) => h.press(p, "Xác nhận")));
      expect(await h.store.db.member.count()).toBe(8);
      expect((await h.store.db.invite.findUniqueOrThrow({ where: { id: invite.id } })).uses).toBe(8);
      const refused = people.filter((p) => h.last(p)?.text === "Mã mời này đã được dùng hết. Vui lòng xin bí thư chi bộ gửi mã mới.");
      expect(refused).toHaveLength(4);
    } finally {
      await h.close();
    }
  });
});
