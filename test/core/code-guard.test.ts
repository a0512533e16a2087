// Guessing codes (Safety, item 7): wrong invite codes and wrong link codes are counted apart, a
// success of one kind never wipes the other kind's count (a valid invite typed between guesses does
// not reset the lockout), and every chat has an overall limit of code attempts per hour.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

const ZALO = { platform: "ZALO" as const };
const WRONG_INVITE = "Mã mời không đúng. Vui lòng kiểm tra lại từng ký tự, hoặc xin bí thư chi bộ gửi lại mã.";

describe.each(DB_KINDS)("code guessing on %s", (db) => {
  let h: Harness;
  let shared: string;

  beforeAll(async () => {
    h = await createHarness({ db });
    const first = await h.createBranch("Chi bộ Khu phố 3");
    await h.join("an", first, "Nguyễn Văn An");
    const branch = await h.store.db.branch.findFirstOrThrow();
    shared = "CHUNG-2MOI3";
    await h.store.db.invite.create({ data: { branchId: branch.id, code: "CHUNG2MOI3", maxUses: 100, expiresAt: new Date(h.clock.now().getTime() + 30 * 86_400_000) } });
  });
  afterAll(() => h.close());

  it("a valid invite typed between wrong link codes does not reset the link-code lockout", async () => {
    for (let i = 0; i < 4; i++) expect((await h.send("mallory", `lienket 1111222${i}`, ZALO))[0]?.text).toContain("Mã liên kết không đúng");
    // A valid invite code: it opens the join flow, and used to wipe the count of wrong codes.
    const [join] = await h.send("mallory", `start ${shared}`, ZALO);
    expect(join?.text).toContain("Chào mừng đến với Chi bộ Khu phố 3");
    await h.send("mallory", "/huy", ZALO);
    expect((await h.send("mallory", "lienket 11112229", ZALO))[0]?.text).toContain("Mã liên kết không đúng");
    // Five wrong link codes in a row: the next attempt waits, whatever happened in between.
    const [locked] = await h.send("mallory", "lienket 11112230", ZALO);
    expect(locked?.text).toBe("Đồng chí đã nhập sai mã nhiều lần. Vui lòng thử lại sau 1 phút.");
  });

  it("wrong link codes and wrong invite codes are counted apart", async () => {
    // The link lockout above says nothing about invites: the first wrong invite is just wrong.
    const [wrong] = await h.send("mallory", "start ZZZZZ-99999", ZALO);
    expect(wrong?.text).toBe(WRONG_INVITE);
    // And four wrong invites in one chat do not lock its link codes.
    for (let i = 0; i < 4; i++) expect((await h.send("eve", `start QQQQ${i}-22222`, ZALO))[0]?.text).toBe(WRONG_INVITE);
    const [link] = await h.send("eve", "lienket 22223333", ZALO);
    expect(link?.text).toContain("Mã liên kết không đúng");
  });

  it("a valid invite typed between wrong invite codes does not reset their count either", async () => {
    for (let i = 0; i < 3; i++) await h.send("trudy", `start WWWW${i}-33333`, ZALO);
    await h.send("trudy", `start ${shared}`, ZALO);
    await h.send("trudy", "/huy", ZALO);
    await h.send("trudy", "start WWWW4-33333", ZALO);
    await h.send("trudy", `start ${shared}`, ZALO);
    await h.send("trudy", "/huy", ZALO);
    await h.send("trudy", "start WWWW5-33333", ZALO);
    const [locked] = await h.send("trudy", `start ${shared}`, ZALO);
    expect(locked?.text).toBe("Đồng chí đã nhập sai mã mời nhiều lần. Vui lòng thử lại sau 1 phút.");
  });

  it("a chat may try codes only so many times an hour, right or wrong, of any kind", async () => {
    // Valid codes alone, one after another: each is an attempt, and the hour has a limit.
    const answers: string[] = [];
    for (let i = 0; i < 25; i++) {
      h.clock.advance(1000);
      answers.push((await h.send("oscar", i % 5 === 4 ? `lienket 3333444${i % 10}` : `start ${shared}`, ZALO))[0]?.text ?? "");
      await h.send("oscar", "/huy", ZALO);
    }
    const limited = answers.findIndex((a) => a.includes("quá nhiều lần trong một giờ"));
    expect(limited).toBe(20);
    expect(answers[limited]).toBe("Đồng chí đã thử mã quá nhiều lần trong một giờ. Vui lòng thử lại sau 60 phút.");
    expect(answers.slice(limited).every((a) => a.includes("quá nhiều lần trong một giờ"))).toBe(true);
    // Once the hour has passed the chat may try again.
    h.clock.advance(61 * 60_000);
    const [again] = await h.send("oscar", `start ${shared}`, ZALO);
    expect(again?.text).toContain("Chào mừng đến với Chi bộ Khu phố 3");
    await h.send("oscar", "/huy", ZALO);
  });

  it("joining clears the chat's count of wrong invites; the lockout is audited", async () => {
    h.clock.advance(2 * 3_600_000);
    for (let i = 0; i < 5; i++) await h.send("peggy", `start PPPP${i}-44444`);
    expect(await h.store.db.auditLog.count({ where: { action: "code.locked" } })).toBeGreaterThan(0);
    h.clock.advance(61_000);
    await h.join("peggy", shared, "Trần Thị Bích");
    expect(h.last("peggy")?.text).toContain("Chào mừng đồng chí Trần Thị Bích");
    const identity = await h.store.db.identity.findUniqueOrThrow({ where: { botAccountId_userId: { botAccountId: "default-telegram", userId: "peggy" } } });
    const guard = await h.store.db.codeGuard.findUniqueOrThrow({ where: { identityId_kind: { identityId: identity.id, kind: "invite" } } });
    expect(guard).toMatchObject({ failures: 0, lockedUntil: null });
  });
});
