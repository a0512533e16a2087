// /lienket: a member's Telegram and Zalo chats become one member with a one-time code. Wrong,
// expired and used codes get clear answers and slow guessing down; a chat of another member is
// never taken over; the member chooses where messages go.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

const ZALO = { platform: "ZALO" as const };
const CODE = /(\d{4} \d{4})/;

describe.each(DB_KINDS)("linking on %s", (db) => {
  let h: Harness;
  const codeOf = async (user: string, platform: "TELEGRAM" | "ZALO" = "TELEGRAM") => {
    let [reply] = await h.send(user, "/lienket", { platform });
    // With chats on both platforms already, the code is one choice away.
    if (reply?.choices?.length) [reply] = await h.press(user, "Lấy mã liên kết mới", { platform });
    const shown = CODE.exec(reply?.text ?? "")?.[1];
    if (!shown) throw new Error(`no link code in: ${reply?.text}`);
    return shown;
  };
  const member = (fullName: string) => h.store.db.member.findFirstOrThrow({ where: { fullName }, include: { identities: true } });

  beforeAll(async () => {
    h = await createHarness({ db });
    await h.join("an", await h.createBranch("Chi bộ Khoa Ngữ văn"), "Nguyễn Văn An");
    await h.join("binh", await h.createBranch("Chi bộ Tổ dân phố số 7"), "Trần Thị Bình");
  });
  afterAll(() => h.close());

  it("a member gets an 8-digit one-time code and instructions for the other platform", async () => {
    const [reply] = await h.send("an", "/link");
    expect(reply?.text).toMatch(/^Mã liên kết của đồng chí: \d{4} \d{4}\nMã dùng một lần, hết hạn sau 15 phút\.$/m);
    const shown = CODE.exec(reply?.text ?? "")![1]!;
    expect(reply?.text).toContain(`Trên Zalo, mở trò chuyện với Trợ lý Chi bộ và gửi: lienket ${shown}`);
    expect(reply?.text).toContain("Xin đừng đưa mã này cho người khác");
    const stored = await h.store.db.linkCode.findUniqueOrThrow({ where: { code: shown.replace(" ", "") } });
    expect(stored.expiresAt.getTime() - h.clock.now().getTime()).toBe(15 * 60_000);
    const audit = await h.store.db.auditLog.findFirstOrThrow({ where: { action: "member.link-code-created" } });
    expect(JSON.stringify(audit.details)).not.toContain(shown.replace(" ", ""));
  });

  it("typed on Zalo, in words and with spaces, the code links that chat to the same member", async () => {
    const shown = await codeOf("an");
    const [linked] = await h.send("an-zalo", `Liên kết ${shown}`, ZALO);
    expect(linked?.text).toContain("Đã liên kết tài khoản Zalo này với đồng chí Nguyễn Văn An (Chi bộ Khoa Ngữ văn)");
    expect(linked?.text).toContain("Đồng chí muốn nhận nhắc lịch sinh hoạt và các thông báo của trợ lý qua đâu?");
    expect(linked?.choices?.flat().map((c) => c.label)).toEqual(["Nhận tin qua Telegram", "Nhận tin qua Zalo"]);
    expect(h.last("an")?.text).toContain("Tài khoản Zalo vừa được liên kết với hồ sơ của đồng chí");

    const [set] = await h.send("an-zalo", "2", ZALO);
    expect(set?.text).toBe("Từ nay trợ lý gửi tin nhắn cho đồng chí qua Zalo. Đồng chí vẫn trả lời được trên mọi tài khoản đã liên kết.");
    const an = await member("Nguyễn Văn An");
    expect(an.preferredPlatform).toBe("ZALO");
    expect(an.identities.map((i) => `${i.platform}:${i.userId}`).sort()).toEqual(["TELEGRAM:an", "ZALO:an-zalo"]);
    const actions = (await h.store.db.auditLog.findMany({ where: { actorId: an.id } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["member.linked", "member.preferred-platform"]));

    // Messages for the member now go to Zalo; the member may act from either chat.
    await h.store.tx((tx) => h.core.messages.toMember(tx, an, null, "test:preferred", (t) => ({ text: t("link-platform-zalo") })));
    await h.sender.drain();
    expect(h.inbox("an-zalo", "ZALO").at(-1)?.text).toBe("Zalo");
    expect((await h.send("an", "/trogiup"))[0]?.text).toContain("Chi bộ Khoa Ngữ văn");
    expect((await h.send("an-zalo", "trogiup", ZALO))[0]?.text).toContain("Chi bộ Khoa Ngữ văn");
  });

  it("the eight digits typed alone, as people do, link too (and never count as a wrong invite code)", async () => {
    const shown = await codeOf("binh");
    const [linked] = await h.send("binh-zalo", shown.replace(" ", ""), ZALO);
    expect(linked?.text).toContain("Đã liên kết tài khoản Zalo này với đồng chí Trần Thị Bình");
    const binhZalo = await h.store.db.identity.findFirstOrThrow({ where: { userId: "binh-zalo" } });
    expect(await h.store.db.codeGuard.findUnique({ where: { identityId_kind: { identityId: binhZalo.id, kind: "invite" } } })).toBeNull();
  });

  it("with two chats, /lienket shows them and lets the member switch or get a new code", async () => {
    const [status] = await h.send("an", "lienket");
    expect(status?.text).toMatch(/^• Telegram$/m);
    expect(status?.text).toMatch(/^• Zalo$/m);
    expect(status?.text).toContain("Tin nhắn của trợ lý đang gửi về: Zalo.");
    const [set] = await h.press("an", "Nhận tin qua Telegram");
    expect(set?.text).toContain("qua Telegram");
    expect((await member("Nguyễn Văn An")).preferredPlatform).toBe("TELEGRAM");
    await h.send("an", "lienket");
    const [fresh] = await h.press("an", "Lấy mã liên kết mới");
    expect(fresh?.text).toMatch(/Mã liên kết của đồng chí: \d{4} \d{4}/);
    expect((await h.send("an-zalo", "lienket telegram", ZALO))[0]?.text).toContain("qua Telegram");
  });

  it("a code works once; a new code replaces the old; an expired one is refused", async () => {
    const first = await codeOf("binh");
    const second = await codeOf("binh");
    expect((await h.send("x1", `/lienket ${first}`, ZALO))[0]?.text).toContain("Mã liên kết không đúng");
    expect((await h.send("x1", `/lienket ${second}`, ZALO))[0]?.text).toContain("Đã liên kết tài khoản Zalo này với đồng chí Trần Thị Bình");
    expect((await h.send("x2", `/lienket ${second}`, ZALO))[0]?.text).toContain("Mã liên kết này đã được dùng");
    const third = await codeOf("binh");
    h.clock.advance(15 * 60_000);
    expect((await h.send("x3", `/lienket ${third}`, ZALO))[0]?.text).toContain("Mã liên kết đã hết hạn");
    expect(await h.store.db.identity.count({ where: { userId: { in: ["x2", "x3"] }, memberId: { not: null } } })).toBe(0);
  });

  it("a chat already linked answers so, and one belonging to another member cannot be taken", async () => {
    const own = await codeOf("an");
    expect((await h.send("an-zalo", `lienket ${own}`, ZALO))[0]?.text).toContain("đã được liên kết với đồng chí rồi");
    expect(await h.store.db.linkCode.count({ where: { code: own.replace(" ", ""), usedAt: null } })).toBe(1);

    const binhs = await codeOf("binh");
    const [refused] = await h.send("an-zalo", `lienket ${binhs}`, ZALO);
    expect(refused?.text).toBe("Tài khoản chat này đã thuộc về một đảng viên khác nên không thể liên kết. Nếu có nhầm lẫn, vui lòng báo bí thư chi bộ.");
    const anZalo = await h.store.db.identity.findUniqueOrThrow({ where: { botAccountId_userId: { botAccountId: "default-zalo", userId: "an-zalo" } }, include: { member: true } });
    expect(anZalo.member?.fullName).toBe("Nguyễn Văn An");
    expect(await h.store.db.auditLog.count({ where: { action: "member.link-refused" } })).toBe(1);
  });

  it("wrong codes slow guessing down, and a stranger without a code is told how linking works", async () => {
    for (let i = 0; i < 4; i++) expect((await h.send("guesser", `lienket 1234567${i}`, ZALO))[0]?.text).toContain("Mã liên kết không đúng");
    expect((await h.send("guesser", "lienket abc", ZALO))[0]?.text).toContain("Mã liên kết không đúng");
    const good = await codeOf("binh");
    expect((await h.send("guesser", `lienket ${good}`, ZALO))[0]?.text).toBe("Đồng chí đã nhập sai mã nhiều lần. Vui lòng thử lại sau 1 phút.");
    expect(await h.store.db.auditLog.count({ where: { action: "code.locked" } })).toBe(1);
    h.clock.advance(60_000);
    expect((await h.send("guesser", `lienket ${good}`, ZALO))[0]?.text).toContain("Đã liên kết");
    const guesser = await h.store.db.identity.findUniqueOrThrow({ where: { botAccountId_userId: { botAccountId: "default-zalo", userId: "guesser" } } });
    expect(await h.store.db.codeGuard.findUniqueOrThrow({ where: { identityId_kind: { identityId: guesser.id, kind: "link" } } })).toMatchObject({ failures: 0, lockedUntil: null });

    await h.join("cuong", await h.createBranch("Chi bộ Trường THCS Nguyễn Trãi"), "Lê Hoàng Cường");
    expect((await h.send("cuong", "lienket zalo"))[0]?.text).toBe("Đồng chí chưa liên kết tài khoản Zalo. Gõ lienket để lấy mã, rồi gửi mã đó trên Zalo.");
    const [stranger] = await h.send("nobody", "/lienket", ZALO);
    expect(stranger?.text).toContain("trên tài khoản chat đã tham gia chi bộ, gõ lienket để lấy mã");
  });

  it("speaks English to a member who chose it", async () => {
    await h.send("binh", "/language en");
    let [reply] = await h.send("binh", "/link");
    expect(reply?.text).toContain("Linked chat accounts:");
    [reply] = await h.press("binh", "Get a new link code");
    expect(reply?.text).toMatch(/^Your link code: \d{4} \d{4}$/m);
    expect(reply?.text).toContain("send: lienket ");
  });

  it("forgets used and expired codes after a week", async () => {
    expect(await h.store.db.linkCode.count()).toBeGreaterThan(0);
    h.clock.advance(8 * 86_400_000);
    await h.tick();
    expect(await h.store.db.linkCode.count()).toBe(0);
  });
});
