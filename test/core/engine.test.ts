// The engine's promises, on both databases: duplicates change nothing, bad input is answered and
// changes nothing, flows survive, stale buttons are recognised, errors never leave half a change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCode } from "../../src/core/domain/invites.ts";
import { UserInputError } from "../../src/core/errors.ts";
import { allFeatures } from "../../src/core/features/index.ts";
import type { Feature } from "../../src/core/engine/registry.ts";
import { SEEN_COLUMNS } from "../../src/infra/prisma/hot/statements.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, OPERATOR, type Harness } from "../helpers/harness.ts";

// Test-only commands that fail after changing something: nothing of the change may remain.
const faulty: Feature = {
  name: "faulty",
  commands: [
    {
      name: "hong",
      alias: "broken",
      access: "public",
      description: "help-description",
      run: async (ctx) => {
        await ctx.tx.identities.update(ctx.actor.identity.id, { locale: "en" });
        throw new Error("boom");
      },
    },
    {
      name: "cham",
      alias: "slow",
      access: "public",
      description: "help-description",
      run: async (ctx) => {
        ctx.reply("trước");
        ctx.replyLater(async () => ["sau"]);
        ctx.replyLater(async () => (ctx.event.text?.includes("hong") ? Promise.reject(new Error("render failed")) : []));
      },
    },
    {
      name: "sai",
      alias: "wrong",
      access: "public",
      description: "help-description",
      run: async (ctx) => {
        await ctx.tx.identities.update(ctx.actor.identity.id, { locale: "en" });
        throw new UserInputError("input-empty");
      },
    },
  ],
};

async function snapshot(h: Harness) {
  const db = h.store.db;
  return {
    branches: await db.branch.count(),
    members: await db.member.findMany({ orderBy: { id: "asc" } }),
    flows: await db.flowState.findMany({ orderBy: { identityId: "asc" }, select: { identityId: true, flow: true, step: true, data: true } }),
    invites: await db.invite.findMany({ orderBy: { id: "asc" }, select: { id: true, uses: true } }),
    audit: await db.auditLog.count(),
  };
}

describe.each(DB_KINDS)("engine on %s", (db) => {
  let h: Harness;
  let code: string;
  beforeAll(async () => {
    h = await createHarness({ db, features: [...allFeatures, faulty] });
    code = await h.createBranch("Chi bộ Tổ dân phố số 7");
    await h.join("an", code, "Nguyễn Văn An");
  });
  afterAll(() => h.close());

  it("a duplicate update changes nothing and gets no second answer", async () => {
    const first = await h.send("binh", "/ngonngu", { updateId: "dup-1" });
    expect(first).toHaveLength(1);
    const before = await snapshot(h);
    const again = await h.send("binh", "/ngonngu", { updateId: "dup-1" });
    expect(again).toEqual([]);
    expect(await snapshot(h)).toEqual(before);
    await h.send("binh", "/huy");
  });

  it.each([
    ["", "Tin nhắn trống"],
    ["   ", "Tin nhắn trống"],
    ["x".repeat(5000), "Tin nhắn quá dài (5.000 ký tự)"],
    ["/khonglenh", "Không có lệnh /khonglenh"],
    ["\u0000\u0007", "Tin nhắn trống"],
  ])("bad input %#: a clear Vietnamese answer and nothing changes", async (text, answer) => {
    const before = await snapshot(h);
    const [reply] = await h.send("an", text);
    expect(reply?.text).toContain(answer);
    expect(await snapshot(h)).toEqual(before);
  });

  it("choices can be typed as a number or as the label, with or without diacritics", async () => {
    await h.send("chi", "/ngonngu");
    const [byLabel] = await h.send("chi", "english");
    expect(byLabel?.text).toBe("The assistant now speaks English.");
    await h.send("chi", "/language");
    const [byNumber] = await h.send("chi", "1");
    expect(byNumber?.text).toBe("Đã chuyển sang Tiếng Việt.");
    await h.send("chi", "/ngonngu");
    const [noMarks] = await h.send("chi", "TIENG VIET");
    expect(noMarks?.text).toBe("Đã chuyển sang Tiếng Việt.");
  });

  it("a button from an earlier step is stale and changes nothing", async () => {
    await h.send("dung", "/taochibo");
    expect((await h.send("dung", "/taochibo"))[0]?.text).toBe("Lệnh này chỉ dành cho người vận hành hệ thống.");
    await h.send(OPERATOR, "/taochibo");
    await h.send(OPERATOR, "Chi bộ Thử nghiệm");
    const confirm = h.last(OPERATOR)!;
    const edit = confirm.choices!.flat().find((c) => c.label === "Sửa")!;
    await h.action(OPERATOR, edit.action); // back to the name step: the confirm buttons are now stale
    const ok = confirm.choices!.flat().find((c) => c.label === "Xác nhận")!;
    const before = await snapshot(h);
    const [stale] = await h.action(OPERATOR, ok.action);
    expect(stale?.text).toContain("Lựa chọn này đã hết hiệu lực");
    expect(await snapshot(h)).toEqual(before);
    await h.send(OPERATOR, "/huy");
  });

  it("an action nobody knows, or a forged flow token, is answered as stale", async () => {
    expect((await h.action("an", "zz:1:2"))[0]?.text).toContain("hết hiệu lực");
    expect((await h.action("an", "f:nope00:ok"))[0]?.text).toContain("hết hiệu lực");
  });

  it("/huy leaves a flow without saving anything; a bare 'hủy' works too", async () => {
    await h.send(OPERATOR, "/taochibo");
    await h.send(OPERATOR, "Chi bộ Sẽ hủy");
    const [cancelled] = await h.send(OPERATOR, "/huy");
    expect(cancelled?.text).toBe("Đã hủy. Không có gì được lưu.");
    expect(await h.store.db.branch.count({ where: { name: "Chi bộ Sẽ hủy" } })).toBe(0);
    await h.send(OPERATOR, "/taochibo");
    expect((await h.send(OPERATOR, "Hủy"))[0]?.text).toBe("Đã hủy. Không có gì được lưu.");
    expect((await h.send(OPERATOR, "/huy"))[0]?.text).toBe("Hiện không có thao tác nào đang làm.");
  });

  it("a given name such as Huy or Dung typed as an answer is an answer, not a cancel", async () => {
    for (const name of ["Huy", "Dung", "huy"]) {
      await h.send(OPERATOR, "/taochibo");
      const [next] = await h.send(OPERATOR, `Chi bộ ${name}`.slice(`Chi bộ `.length));
      expect(next?.text).toContain(`Tên: ${name}`);
      await h.send(OPERATOR, "/huy");
    }
  });

  it("help in the middle of a flow keeps the flow", async () => {
    await h.send(OPERATOR, "/taochibo");
    await h.send(OPERATOR, "/trogiup");
    const [next] = await h.send(OPERATOR, "Chi bộ Giữa chừng");
    expect(next?.text).toContain("Tạo chi bộ mới:");
    await h.send(OPERATOR, "/huy");
  });

  it("a flow waits across restarts but expires after its time; the person is told", async () => {
    const branch = await h.store.db.branch.findFirstOrThrow();
    const invite = await h.store.db.invite.create({ data: { branchId: branch.id, code: generateCode(), maxUses: 5, expiresAt: new Date(h.clock.now().getTime() + 30 * 86_400_000) } });
    await h.send("em", `/start ${invite.code}`);
    expect(await h.store.db.flowState.count({ where: { flow: "join" } })).toBeGreaterThan(0);
    h.clock.advance(73 * 3_600_000);
    const [expired] = await h.send("em", "Trần Thị Em");
    expect(expired?.text).toContain("Phiên trả lời trước đã hết hạn");
    expect(await h.store.db.member.count({ where: { fullName: "Trần Thị Em" } })).toBe(0);
  });

  it("an unexpected error is answered politely and nothing of the change remains", async () => {
    const before = await h.store.db.identity.findFirstOrThrow({ where: { userId: "an" } });
    const [reply] = await h.send("an", "/hong");
    expect(reply?.text).toContain("đã có lỗi");
    const after = await h.store.db.identity.findFirstOrThrow({ where: { userId: "an" } });
    expect(after.locale).toBe(before.locale);
    expect(h.logs.some((l) => l.level === "error")).toBe(true);
    const [userError] = await h.send("an", "/sai");
    expect(userError?.text).toContain("Tin nhắn trống");
    expect((await h.store.db.identity.findFirstOrThrow({ where: { userId: "an" } })).locale).toBe(before.locale);
  });

  it("slow replies are built after the unit of work and arrive after the quick ones", async () => {
    const replies = await h.send("an", "/cham");
    expect(replies.map((r) => r.text)).toEqual(["trước", "sau"]);
    const failed = await h.send("an", "/cham hong");
    expect(failed.map((r) => r.text)).toEqual(["trước", "sau", expect.stringContaining("đã có lỗi")]);
  });

  it("stickers and photos get a polite answer", async () => {
    await h.core.engine.handle({ platform: "TELEGRAM", updateId: "sticker-1", userId: "an", chatId: "an", unsupported: "sticker", receivedAt: h.clock.now() });
    await h.sender.drain();
    expect(h.last("an")?.text).toContain("chỉ đọc được tin nhắn chữ");
  });

  it("a stranger's free text explains how to join; a member's gets a hint", async () => {
    expect((await h.send("lan", "xin chào"))[0]?.text).toContain("Để tham gia chi bộ");
    expect((await h.send("an", "xin chào"))[0]?.text).toBe("Trợ lý chưa hiểu tin nhắn này. Gõ /trogiup để xem các lệnh.");
  });

  it("the joined read of a chat returns exactly what the ORM returns", async () => {
    const identity = await h.store.db.identity.findFirstOrThrow({ where: { userId: "an" }, include: { member: { include: { branch: true } }, flow: true } });
    const seen = await h.store.tx((tx) => tx.identities.seen({ platform: "TELEGRAM", botAccountId: "default-telegram", userId: "an", chatId: "an", at: identity.lastSeenAt! }));
    const { member, flow, ...plain } = identity;
    const { branch, ...memberOnly } = member!;
    expect(seen.identity).toEqual(plain);
    expect(seen.member).toEqual(memberOnly);
    expect(seen.branch).toEqual(branch);
    expect(seen.flow).toEqual(flow);
    // The lists cover every column the ORM knows.
    expect(Object.keys(plain).sort()).toEqual([...SEEN_COLUMNS.i].sort());
    expect(Object.keys(memberOnly).sort()).toEqual([...SEEN_COLUMNS.m].sort());
    expect(Object.keys(branch).sort()).toEqual([...SEEN_COLUMNS.b].sort());
    expect(Object.keys(await h.store.db.flowState.fields).sort()).toEqual([...SEEN_COLUMNS.f].sort());
  });
});

describe("bad input inside a flow", () => {
  it("is refused and the question is asked again", async () => {
    const h = await createHarness({ db: "sqlite" });
    try {
      await h.send(OPERATOR, "/taochibo");
      const [tooLong] = await h.send(OPERATOR, "Chi bộ ".repeat(500));
      expect(tooLong?.text).toContain("Tin nhắn quá dài (3.499 ký tự)"); // trimmed
      expect(tooLong?.text).toContain("Tên chi bộ mới");
      const [empty] = await h.send(OPERATOR, "   ");
      expect(empty?.text).toContain("Tin nhắn trống");
      expect(empty?.text).toContain("Tên chi bộ mới");
      expect((await h.send(OPERATOR, "Chi bộ Khoa Ngữ văn"))[0]?.text).toContain("Tạo chi bộ mới:");
    } finally {
      await h.close();
    }
  });
});
