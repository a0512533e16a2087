// What the fuzzer (fuzz.test.ts) found, pinned down so it stays fixed whatever the fuzzer's seed:
// - confirm steps that took any button value but "edit" and "cancel" as "confirm" (a forged button
//   created a branch or joined one), or any value but "yes" as "no" (it ended the flow);
// - half an emoji (a lone UTF-16 surrogate) in a typed answer, which PostgreSQL refuses in a JSON
//   column: the person got "an error occurred" instead of an answer;
// - notices to a member's other chats written in the member's language but marked as the chat's
//   (the branch's), so the terminal put a Vietnamese header over an English text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCode } from "../../src/core/domain/invites.ts";
import { defaultBotAccountId, type Platform } from "../../src/core/types.ts";
import { flowOf, labels } from "../helpers/chat.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, OPERATOR, type Harness } from "../helpers/harness.ts";
import { branchWithMembers } from "./meetings/helpers.ts";

const PICK = "Vui lòng chọn một trong các lựa chọn";
const FORGED = ["zz", "", "ok~", "YES", "yes:1"];

describe.each(DB_KINDS)("fuzzing findings on %s", (db) => {
  let h: Harness;
  let code: string;

  beforeAll(async () => {
    h = await createHarness({ db });
    const branchId = await branchWithMembers(h, "Chi bộ Khu phố 1", [["binh", "Trần Thị Bình"]]);
    code = generateCode();
    await h.store.db.invite.create({ data: { branchId, code, maxUses: 5, expiresAt: new Date(h.clock.now().getTime() + 86_400_000) } });
  });
  afterAll(() => h.close());

  /** Presses each forged value on the current step: each is refused, and the flow stays where it was. */
  async function forgeAll(user: string): Promise<void> {
    const before = await flowOf(h, user);
    for (const value of FORGED) {
      const [answer] = await h.action(user, `f:${before!.token}:${value}`);
      expect(answer?.text, value).toContain(PICK);
    }
    expect(await flowOf(h, user)).toEqual(before);
  }

  it("a forged value at the operator's confirm step creates no branch", async () => {
    const branches = await h.store.db.branch.count();
    await h.send(OPERATOR, "/taochibo");
    await h.send(OPERATOR, "Chi bộ Khu phố 2");
    await forgeAll(OPERATOR);
    expect(await h.store.db.branch.count()).toBe(branches);
    await h.send(OPERATOR, "/huy");
  });

  it("a forged value when joining neither declines the privacy notice nor joins", async () => {
    await h.send("khach", `/start ${code}`);
    await h.send("khach", "Phạm Văn Khách");
    await forgeAll("khach");
    await h.press("khach", "Đồng ý");
    const members = await h.store.db.member.count();
    await forgeAll("khach");
    expect(await h.store.db.member.count()).toBe(members);
    await h.send("khach", "/huy");
  });

  it("a forged value at /xoadulieu's question neither erases nor cancels", async () => {
    await h.send("binh", "/xoadulieu");
    await forgeAll("binh");
    expect(await h.store.db.member.findFirst({ where: { fullName: "Trần Thị Bình", status: "ACTIVE" } })).not.toBeNull();
    await h.send("binh", "/huy");
  });

  it("half an emoji in a typed name is dropped, not an error", async () => {
    await h.send("lan", `/start ${code}`);
    const [consent] = await h.send("lan", "Nguyễn \uD83D Thị \uDC4DLan");
    expect(consent?.text).not.toContain("đã có lỗi");
    expect(labels(consent)).toContain("Đồng ý");
    expect((await flowOf(h, "lan"))?.data).toMatchObject({ fullName: "Nguyễn Thị Lan" });
    await h.press("lan", "Đồng ý");
    await h.press("lan", "Xác nhận");
    expect(await h.store.db.member.findFirst({ where: { fullName: "Nguyễn Thị Lan" } })).not.toBeNull();
  });

  it("half an emoji in a search kept by the flow is dropped, not an error", async () => {
    await h.send("an", "/thanhvien");
    const answer = await h.send("an", "Nguyễn \uD83D Văn An");
    expect(answer.map((m) => m.text).join("\n")).not.toContain("đã có lỗi");
    expect(JSON.stringify((await flowOf(h, "an"))?.data)).not.toMatch(/\\ud83d|\ufffd/i);
    await h.send("an", "/huy");
  });

  it("half an emoji in a commitment is dropped, not an error", async () => {
    await h.send("binh", "/dangky");
    const [asked] = await h.send("binh", "Giữ gìn vệ sinh \uD83D đường phố \uDC4D");
    expect(asked?.text).not.toContain("đã có lỗi");
    await h.press("binh", "Xác nhận");
    const saved = await h.store.db.commitment.findFirst({ where: { member: { fullName: "Trần Thị Bình" } } });
    expect(saved?.text).toBe("Giữ gìn vệ sinh đường phố");
  });

  it("an English-speaking member's unlink notices are marked English, as they are written", async () => {
    const branch = await h.store.db.branch.findFirstOrThrow({ where: { name: "Chi bộ Khu phố 1" } });
    const minh = await h.store.db.member.create({ data: { branchId: branch.id, fullName: "Đỗ Văn Minh", locale: "en", consentAt: h.clock.now() } });
    for (const platform of ["TELEGRAM", "ZALO", "CONSOLE"] as const) {
      await h.store.db.identity.create({ data: { platform, botAccountId: defaultBotAccountId(platform), userId: "minh", chatId: "minh", memberId: minh.id } });
    }
    const chat = (platform: Platform) => h.store.db.identity.findFirstOrThrow({ where: { userId: "minh", platform } });
    const unlink = async (from: Platform, target: Platform) => {
      await h.send("minh", "/link", { platform: from });
      const id = (await chat(target)).id;
      await h.action("minh", h.last("minh", from)!.choices!.flat().find((c) => c.action.endsWith(`:u:${id}`))!.action, { platform: from });
      await h.press("minh", "Unlink", { platform: from });
    };

    // From Telegram, the Zalo chat goes: it is told, in English.
    await unlink("TELEGRAM", "ZALO");
    expect(h.last("minh", "ZALO")).toMatchObject({ locale: "en", text: expect.stringContaining("unlinked from the profile of Đỗ Văn Minh") });
    // From the terminal, the terminal's own chat goes: Telegram is told, in English.
    await unlink("CONSOLE", "CONSOLE");
    expect(h.last("minh", "TELEGRAM")).toMatchObject({ locale: "en" });
  });
});
