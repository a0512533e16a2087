// /lienket can unlink a chat (a phone lost or handed on): from the other chat or from the chat itself,
// never the last one; what was waiting to be sent there is withdrawn, and the chat is a stranger's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db.ts";
import { labels } from "../helpers/chat.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

const ZALO = { platform: "ZALO" as const };

describe.each(DB_KINDS)("unlinking a chat on %s", (db) => {
  let h: Harness;
  const link = async (user: string, other: string) => {
    const [reply] = await h.send(user, "/lienket");
    const code = /(\d{4} \d{4})/.exec(reply?.text ?? "")![1]!;
    await h.send(other, `lienket ${code}`, ZALO);
    await h.send(other, "Nhận tin qua Zalo", ZALO);
  };

  beforeAll(async () => {
    h = await createHarness({ db });
    await h.join("an", await h.createBranch("Chi bộ Khu phố 3"), "Nguyễn Văn An");
    await link("an", "an-zalo");
  });
  afterAll(() => h.close());

  it("from Telegram, the member unlinks the Zalo chat; it is told, stops receiving, and is a stranger", async () => {
    const an = await h.store.db.member.findFirstOrThrow({ include: { identities: true } });
    const zalo = an.identities.find((i) => i.platform === "ZALO")!;
    await h.store.db.outbox.create({
      data: { key: "test:waiting", memberId: an.id, identityId: zalo.id, platform: "ZALO", chatId: zalo.chatId, payload: { text: "Nhắc lịch" }, notBefore: new Date(h.clock.now().getTime() + 86_400_000) },
    });
    const [menu] = await h.send("an", "/lienket");
    expect(labels(menu)).toEqual(["Nhận tin qua Telegram", "Nhận tin qua Zalo", "Lấy mã liên kết mới", "Bỏ liên kết Telegram", "Bỏ liên kết Zalo", "Thoát"]);
    const [confirm] = await h.press("an", "Bỏ liên kết Zalo");
    expect(confirm?.text).toContain("Bỏ liên kết tài khoản Zalo khỏi hồ sơ của đồng chí?");
    expect(labels(confirm)).toEqual(["Bỏ liên kết", "Không bỏ nữa"]);
    const [done] = await h.press("an", "Bỏ liên kết");
    expect(done?.text).toContain("Đã bỏ liên kết tài khoản Zalo.");
    expect(h.inbox("an-zalo", "ZALO").at(-1)?.text).toBe("Tài khoản chat này đã được bỏ liên kết khỏi hồ sơ của đồng chí Nguyễn Văn An. Trợ lý sẽ không gửi tin của chi bộ tới đây nữa.");
    expect(await h.store.db.outbox.findUniqueOrThrow({ where: { key: "test:waiting" } })).toMatchObject({ status: "FAILED", lastError: "chat-unlinked" });
    expect(await h.store.db.identity.findUniqueOrThrow({ where: { id: zalo.id } })).toMatchObject({ memberId: null });
    // Messages go to Telegram again.
    expect((await h.store.db.member.findUniqueOrThrow({ where: { id: an.id } })).preferredPlatform).toBe("TELEGRAM");
    const [stranger] = await h.send("an-zalo", "/hop", ZALO);
    expect(stranger?.text).toContain("Lệnh này dành cho đảng viên đã tham gia chi bộ");
    expect(await h.store.db.auditLog.count({ where: { action: "member.unlinked" } })).toBe(1);
    await h.send("an", "/huy");
  });

  it("the last chat cannot be unlinked", async () => {
    const [reply] = await h.send("an", "/lienket");
    expect(labels(reply)).toEqual([]);
    expect(reply?.text).toContain("Mã liên kết của đồng chí");
  });

  it("a member may unlink the chat they are writing from; the other chat is told", async () => {
    await link("an", "an-zalo");
    const [menu] = await h.send("an-zalo", "lienket", ZALO);
    expect(labels(menu)).toContain("Bỏ liên kết Zalo");
    await h.send("an-zalo", "Bỏ liên kết Zalo", ZALO);
    const [done] = await h.send("an-zalo", "1", ZALO);
    expect(done?.text).toBe("Đã bỏ liên kết tài khoản này khỏi hồ sơ của đồng chí Nguyễn Văn An. Trợ lý sẽ không gửi tin của chi bộ tới đây nữa.");
    expect(h.last("an")?.text).toContain("Tài khoản Zalo đã được bỏ liên kết khỏi hồ sơ của đồng chí.");
    const [stranger] = await h.send("an-zalo", "/dangky", ZALO);
    expect(stranger?.text).toContain("Lệnh này dành cho đảng viên đã tham gia chi bộ");
  });
});
