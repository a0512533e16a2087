// The whole app (createApp, as main.ts runs it) polling a Bot API server on 127.0.0.1: joining through
// deep links in Vietnamese and English, blocked chats, rate limits, a restart that redelivers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.ts";
import { loadConfig } from "../../../src/config.ts";
import { generateCode } from "../../../src/core/domain/invites.ts";
import { DB_KINDS, type TestDb } from "../../helpers/db.ts";
import { FakeTelegramApi } from "../../helpers/fake-telegram-api.ts";
import { deepLinkStart } from "./kit.ts";
import { eventually } from "../../helpers/eventually.ts";
import { botEnv, talk, type Person, type Sent } from "./live.ts";
import { daytimeClock } from "../../helpers/daytime-clock.ts";

const OPERATOR: Person = { id: 7001, firstName: "Vận hành" };
const ADMIN: Person = { id: 7002, firstName: "An" };
const BINH: Person = { id: 7003, firstName: "Bình" };
const CHI: Person = { id: 7004, firstName: "Chi", languageCode: "en" };

describe.each(DB_KINDS)("telegram end to end with long polling on %s", (db) => {
  let fake: FakeTelegramApi;
  let testDb: TestDb;
  let env: Record<string, string>;
  let app: App;
  let chat: ReturnType<typeof talk>;
  let memberLink = "";

  beforeAll(async () => {
    fake = await new FakeTelegramApi().start();
    ({ env, db: testDb } = await botEnv(fake, db, OPERATOR.id));
    app = await createApp({ config: loadConfig(env), clock: daytimeClock() });
    await app.start();
    chat = talk(fake);
  });
  afterAll(async () => {
    await app.stop();
    await fake.stop();
    await testDb.drop();
  });

  it("starts by dropping any webhook and publishing the menus, then polls", async () => {
    expect(fake.callsTo("deleteWebhook")).toHaveLength(1);
    const scopes = fake.callsTo("setMyCommands").map((c) => c.payload.language_code ?? "default");
    expect(scopes).toEqual(expect.arrayContaining(["default", "vi", "en"]));
  });

  it("the operator creates a branch and gets a deep link for its first admin", async () => {
    expect(chat.text(await chat.say(OPERATOR, "/taochibo"))).toContain("Tên chi bộ mới");
    expect(chat.text(await chat.say(OPERATOR, "Chi bộ Khu phố 3"))).toContain("Tạo chi bộ mới:");
    const created = await chat.press(OPERATOR, "Xác nhận");
    expect(chat.text(created)).toContain("Đã tạo Chi bộ Khu phố 3.");
    expect(chat.text(created)).toMatch(/https:\/\/t\.me\/chibo_test_bot\?start=[A-Z0-9]{10}/);
    // The operator has a menu of their own, with /taochibo.
    const own = await eventually(() => fake.callsTo("setMyCommands").find((c) => (c.payload.scope as { chat_id?: string } | undefined)?.chat_id === String(OPERATOR.id)), "the operator's menu");
    expect((own.payload.commands as Array<{ command: string }>).map((c) => c.command)).toContain("taochibo");
  });

  it("the first admin joins in Vietnamese by opening the deep link", async () => {
    const created = fake.sent(OPERATOR.id).at(-1) as Sent;
    const start = deepLinkStart(String(created.text), fake.username);
    expect(chat.text(await chat.say(ADMIN, start))).toContain("Chào mừng đến với Chi bộ Khu phố 3!");
    expect(chat.text(await chat.say(ADMIN, "Nguyễn Văn An"))).toContain("Đồng chí có đồng ý không?");
    expect(chat.text(await chat.press(ADMIN, "Đồng ý"))).toContain("Vai trò: bí thư, quản trị");
    const welcome = await chat.press(ADMIN, "Xác nhận");
    expect(chat.text(welcome)).toContain("Chào mừng đồng chí Nguyễn Văn An đã tham gia Chi bộ Khu phố 3!");
    expect(chat.text(welcome)).toContain("/lichhop");
    const member = await app.store.db.member.findFirstOrThrow({ where: { fullName: "Nguyễn Văn An" } });
    expect(member).toMatchObject({ isAdmin: true, isSecretary: true });
    // Every button press was answered, so no spinner is left on anyone's phone.
    expect(fake.callsTo("answerCallbackQuery")).toHaveLength(3);
  });

  it("two members join through an invite link, one in Vietnamese, one in English", async () => {
    // The admin's invite for members (what /moi hands out; /moi has its own tests), made through the port.
    const code = generateCode();
    await app.store.tx(async (tx) => {
      const [branch] = await tx.branches.list();
      await tx.invites.create({ branchId: branch!.id, code, grantsSecretary: false, grantsAdmin: false, maxUses: 2, expiresAt: new Date(Date.now() + 86_400_000), createdById: null });
    });
    // What opening the invite's deep link makes Telegram send.
    const [link] = app.core.services.links.inviteLinks(code);
    expect(link?.url).toBe(`https://t.me/chibo_test_bot?start=${code}`);
    memberLink = deepLinkStart(link!.url, fake.username);

    expect(chat.text(await chat.say(BINH, memberLink))).toContain("Chào mừng đến với Chi bộ Khu phố 3!");
    await chat.say(BINH, "trần thị bình");
    await chat.press(BINH, "Đồng ý");
    const adminNotice = fake.nextSent(ADMIN.id);
    expect(chat.text(await chat.press(BINH, "Xác nhận"))).toContain("Chào mừng đồng chí Trần Thị Bình đã tham gia Chi bộ Khu phố 3!");
    expect(chat.text(await adminNotice)).toBe("Đồng chí Trần Thị Bình vừa tham gia chi bộ với vai trò đảng viên.");

    expect(chat.text(await chat.say(CHI, "/language"))).toContain("Chọn ngôn ngữ / Choose a language:");
    expect(chat.text(await chat.press(CHI, "English"))).toBe("The assistant now speaks English.");
    expect(chat.text(await chat.say(CHI, memberLink))).toContain("Welcome to Chi bộ Khu phố 3!");
    expect(chat.text(await chat.say(CHI, "Lê Minh Chi"))).toContain("Do you agree?");
    expect(chat.text(await chat.press(CHI, "I agree"))).toContain("Role: member");
    expect(chat.text(await chat.press(CHI, "Confirm"))).toContain("Welcome, Lê Minh Chi: you have joined Chi bộ Khu phố 3!");
    expect(chat.text(await chat.say(CHI, "/help"))).toContain("/help (/trogiup)");
    const chi = await app.store.db.member.findFirstOrThrow({ where: { fullName: "Lê Minh Chi" } });
    expect(chi.locale).toBe("en");
  });

  it("a used-up invite gets a clear answer", async () => {
    expect(chat.text(await chat.say({ id: 7005 }, memberLink))).toBe("Mã mời này đã được dùng hết. Vui lòng xin bí thư chi bộ gửi mã mới.");
  });

  it("a 429 is waited out for retry_after before the message is sent again", async () => {
    let limited = false;
    fake.fail = (method, p) => {
      if (method !== "sendMessage" || String(p.chat_id) !== String(BINH.id) || limited) return null;
      limited = true;
      return { status: 429, description: "Too Many Requests: retry after 1", retryAfter: 1 };
    };
    const reply = await chat.say(BINH, "/trogiup");
    fake.fail = null;
    expect(chat.text(reply)).toContain("Trợ lý Chi bộ – Chi bộ Khu phố 3");
    const failed = fake.calls.find((c) => c.method === "sendMessage!failed")!;
    const sent = fake.calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(BINH.id)).at(-1)!;
    expect(sent.at - failed.at).toBeGreaterThanOrEqual(950);
  });

  it("a member who blocked the bot goes inactive, their messages wait, and go out when they write again", async () => {
    fake.fail = (method, p) => (method === "sendMessage" && String(p.chat_id) === String(BINH.id) ? { status: 403, description: "Forbidden: bot was blocked by the user" } : null);
    await app.store.tx(async (tx) => {
      const member = await tx.members.byId((await app.store.db.member.findFirstOrThrow({ where: { fullName: "Trần Thị Bình" } })).id);
      const branch = await tx.branches.byId(member!.branchId);
      for (const n of [1, 2]) await app.core.messages.toMember(tx, member!, branch, `test-notice:${n}`, () => ({ text: `Thông báo ${n}` }));
    });
    app.sender.kick();
    const identity = await eventually(async () => {
      const i = await app.store.db.identity.findFirstOrThrow({ where: { userId: String(BINH.id) } });
      return i.active ? null : i;
    }, "the identity to go inactive");
    expect(identity.inactiveReason).toContain("blocked");
    const rows = await app.store.db.outbox.findMany({ where: { key: { startsWith: "test-notice:" } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["FAILED", "HELD"]);

    // Unblocked and writing again: the held notice goes out, then the answer.
    fake.fail = null;
    const held = fake.nextSent(BINH.id);
    fake.push(fake.textUpdate(BINH.id, "/trogiup", BINH));
    expect(chat.text(await held)).toBe("Thông báo 2");
    await eventually(() => fake.sent(BINH.id).at(-1) && chat.text(fake.sent(BINH.id).at(-1)).includes("Trợ lý Chi bộ –"), "the answer to /trogiup");
    expect((await app.store.db.identity.findFirstOrThrow({ where: { userId: String(BINH.id) } })).active).toBe(true);
  });

  it("after a restart an update handled but not confirmed is delivered again and changes nothing", async () => {
    const before = fake.sent(CHI.id).length;
    const answered = fake.nextSent(CHI.id);
    const help = fake.push(fake.textUpdate(CHI.id, "/help", CHI));
    expect(chat.text(await answered)).toContain("/help (/trogiup)");

    await app.stop();
    app = await createApp({ config: loadConfig(env), clock: daytimeClock() });
    await app.start();
    // Telegram hands the update out again (the bot had died before confirming it), then Chi writes.
    fake.push(help);
    expect(chat.text(await chat.say(CHI, "/start"))).toContain("Lê Minh Chi");
    expect(fake.sent(CHI.id).length).toBe(before + 2);
  });
});

describe("telegram start-up", () => {
  it("stops with a clear error when the token is wrong, instead of retrying for ever", async () => {
    const fake = await new FakeTelegramApi().start();
    const { env, db } = await botEnv(fake, "sqlite", OPERATOR.id, { TELEGRAM_BOT_TOKEN: "123456789:TESTWrongTokenWrongTokenWrongToken_xyz" });
    try {
      await expect(createApp({ config: loadConfig(env), clock: daytimeClock() })).rejects.toThrow(/getMe.*401/);
    } finally {
      await fake.stop();
      await db.drop();
    }
  });
});
