// The grammY bot driven with handleUpdate, the API recorded by a transformer: what goes in as a
// Telegram update, what comes out as Bot API calls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UpdateFailedError } from "../../../src/adapters/telegram/bot.ts";
import { createMenus } from "../../../src/adapters/telegram/menu.ts";
import { MAX_ACTION_BYTES } from "../../../src/core/types.ts";
import { memoryLogger } from "../../helpers/fakes.ts";
import { DB_KINDS } from "../../helpers/db.ts";
import { createKit, deepLinkStart, OPERATOR_ID, shown, type Call, type Kit } from "./kit.ts";

const ADMIN = 2001;
const BINH = 2002;
const CHI = 2003;
const STRANGER = 2009;
const RENAMED = 2010;
const HOSTILE_BRANCH = "Chi bộ <b>Phường 1</b> & Tổ 🇻🇳 🎉";

const texts = (calls: Call[]) => calls.map((c) => shown(String(c.payload.text ?? "")));
const buttons = (call: Call | undefined): Array<{ text: string; callback_data: string }> => call?.payload.reply_markup?.inline_keyboard?.flat() ?? [];

describe.each(DB_KINDS)("telegram bot on %s", (db) => {
  let kit: Kit;
  let adminStart = "";
  beforeAll(async () => {
    kit = await createKit(db);
    await kit.text(OPERATOR_ID, "/taochibo");
    await kit.text(OPERATOR_ID, HOSTILE_BRANCH);
    const [created] = await kit.press(OPERATOR_ID, "Xác nhận");
    adminStart = deepLinkStart(String(created?.payload.text), kit.adapter.telegram.bot.botInfo.username);
  });
  afterAll(() => kit.close());

  it("sends every text as HTML with the user-supplied branch name escaped, shown verbatim", async () => {
    const created = kit.sentTo(OPERATOR_ID).at(-1)!;
    expect(created.payload.parse_mode).toBe("HTML");
    expect(created.payload.text).toContain("Chi bộ &lt;b&gt;Phường 1&lt;/b&gt; &amp; Tổ 🇻🇳 🎉");
    expect(created.payload.text).not.toContain("<b>");
    expect(shown(created.payload.text)).toContain(`Đã tạo ${HOSTILE_BRANCH}.`);

    const [ask] = await kit.text(ADMIN, adminStart, { firstName: "<b>An</b> & 😀" });
    expect(ask?.payload.text).toContain("Chào mừng đến với Chi bộ &lt;b&gt;Phường 1&lt;/b&gt; &amp; Tổ 🇻🇳 🎉!");
    expect(shown(ask!.payload.text)).toContain(`Chào mừng đến với ${HOSTILE_BRANCH}!`);
    // The Telegram name is kept exactly as the person's app shows it.
    const identity = await kit.store.db.identity.findFirstOrThrow({ where: { userId: String(ADMIN) } });
    expect(identity.displayName).toBe("<b>An</b> & 😀");
  });

  it("keeps the Telegram name up to date when the person renames themselves", async () => {
    await kit.text(RENAMED, "/trogiup", { firstName: "Lan", lastName: "Phạm" });
    await kit.text(RENAMED, "/trogiup", { firstName: "Lan 🌸", lastName: "<Phạm>" });
    const identity = await kit.store.db.identity.findFirstOrThrow({ where: { userId: String(RENAMED) } });
    expect(identity.displayName).toBe("Lan 🌸 <Phạm>");
    expect(identity.chatId).toBe(String(RENAMED));
  });

  it("refuses a full name with markup, stores nothing, and keeps asking", async () => {
    const [answer] = await kit.text(ADMIN, "<b>Nguyễn</b> & An");
    expect(shown(answer!.payload.text)).toContain("Họ tên chỉ gồm chữ cái và khoảng trắng");
    expect(await kit.store.db.member.count()).toBe(0);
  });

  it("joins the first admin through the deep link with buttons whose callback data fits in 64 bytes", async () => {
    const [consent] = await kit.text(ADMIN, "nguyễn văn an");
    expect(buttons(consent).map((b) => b.text)).toEqual(["Đồng ý", "Không đồng ý"]);
    for (const b of buttons(consent)) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(MAX_ACTION_BYTES);
    const answersBefore = kit.calls.filter((c) => c.method === "answerCallbackQuery").length;
    const [confirm] = await kit.press(ADMIN, "Đồng ý");
    expect(shown(confirm!.payload.text)).toContain("Vai trò: bí thư, quản trị");
    const [welcome] = await kit.press(ADMIN, "Xác nhận");
    expect(shown(welcome!.payload.text)).toContain(`Chào mừng đồng chí Nguyễn Văn An đã tham gia ${HOSTILE_BRANCH}!`);
    expect(kit.calls.filter((c) => c.method === "answerCallbackQuery").length).toBe(answersBefore + 2);
  });

  it("answers a stale button's callback query and says in the chat that the choice has expired", async () => {
    const consent = kit.sentTo(ADMIN).find((c) => buttons(c).some((b) => b.text === "Đồng ý"));
    const answersBefore = kit.calls.filter((c) => c.method === "answerCallbackQuery").length;
    const [notice] = await kit.callback(ADMIN, buttons(consent)[0]!.callback_data);
    expect(shown(notice!.payload.text)).toBe("Lựa chọn này đã hết hiệu lực. Vui lòng dùng tin nhắn mới nhất, hoặc gõ /trogiup.");
    expect(kit.calls.filter((c) => c.method === "answerCallbackQuery").length).toBe(answersBefore + 1);
    expect(await kit.store.db.member.count()).toBe(1);
  });

  it("ignores the same update delivered twice", async () => {
    const update = { update_id: 777_001, message: { message_id: 9, date: 0, chat: { id: STRANGER, type: "private" }, from: { id: STRANGER, is_bot: false, first_name: "Lan" }, text: "/trogiup" } };
    await kit.update(update);
    await kit.update(structuredClone(update));
    expect(kit.sentTo(STRANGER)).toHaveLength(1);
    expect(await kit.store.db.processedUpdate.count({ where: { updateId: "777001" } })).toBe(1);
  });

  it("answers stickers, photos and voice messages with a request for text", async () => {
    const base = { date: 0, chat: { id: STRANGER, type: "private" }, from: { id: STRANGER, is_bot: false, first_name: "Lan" } };
    const before = kit.sentTo(STRANGER).length;
    await kit.update({ update_id: 777_010, message: { ...base, message_id: 10, sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } } });
    await kit.update({ update_id: 777_011, message: { ...base, message_id: 11, photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }], caption: "ảnh" } });
    await kit.update({ update_id: 777_012, message: { ...base, message_id: 12, voice: { file_id: "v", file_unique_id: "v", duration: 3 } } });
    const answers = texts(kit.sentTo(STRANGER).slice(before));
    expect(answers).toHaveLength(3);
    for (const a of answers) expect(a).toContain("Trợ lý Chi bộ chỉ đọc được tin nhắn chữ");
  });

  it("reports an update the core could not take (the database is down) so that it is delivered again", async () => {
    const handle = kit.core.engine.handle;
    kit.core.engine.handle = async () => {
      throw new Error("database is down");
    };
    try {
      const update = { update_id: 777_030, message: { message_id: 30, date: 0, chat: { id: STRANGER, type: "private" }, from: { id: STRANGER, is_bot: false, first_name: "Lan" }, text: "/trogiup" } };
      await expect(kit.adapter.telegram.handleUpdate(update as never)).rejects.toBeInstanceOf(UpdateFailedError);
      expect(kit.logs.some((l) => l.level === "error" && (l.obj as { updateId?: number }).updateId === 777_030)).toBe(true);
    } finally {
      kit.core.engine.handle = handle;
    }
  });

  it("in a group answers a command with a pointer to the private chat and learns nothing about anyone", async () => {
    const group = { id: -100_200, type: "supergroup", title: "Chi bộ" };
    const from = { id: 2500, is_bot: false, first_name: "Khách", language_code: "en" };
    const identities = await kit.store.db.identity.count();
    await kit.update({ update_id: 777_020, message: { message_id: 20, date: 0, chat: group, from, text: "/trogiup@chibo_test_bot", entities: [{ type: "bot_command", offset: 0, length: 23 }] } });
    await kit.update({ update_id: 777_021, message: { message_id: 21, date: 0, chat: group, from, text: "hello everyone" } });
    const inGroup = kit.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === -100_200);
    expect(inGroup).toHaveLength(1);
    expect(inGroup[0]!.payload.text).toBe(
      "Trợ lý Chi bộ works in private chats only, so that each member's answers are not seen by others. Please open https://t.me/chibo_test_bot and message the assistant there.",
    );
    expect(await kit.store.db.identity.count()).toBe(identities);
    expect(await kit.store.db.processedUpdate.count({ where: { updateId: { in: ["777020", "777021"] } } })).toBe(0);
  });

  it("in a group where it may not post, the pointer is left unsaid and the update still counts as handled", async () => {
    const group = { id: -100_300, type: "group", title: "Tổ 5" };
    const from = { id: 2501, is_bot: false, first_name: "Khách" };
    kit.fail = (method, p) => (p.chat_id === -100_300 ? { error_code: 403, description: "Forbidden: bot is not a member of the group chat" } : method === "answerCallbackQuery" ? { error_code: 400, description: "Bad Request: query is too old" } : null);
    try {
      const command = { update_id: 777_040, message: { message_id: 40, date: 0, chat: group, from, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] } };
      const added = { update_id: 777_041, my_chat_member: { chat: group, from, date: 0, old_chat_member: { status: "left", user: kit.adapter.telegram.bot.botInfo }, new_chat_member: { status: "member", user: kit.adapter.telegram.bot.botInfo } } };
      const pressed = { update_id: 777_042, callback_query: { id: "cb-group", from, chat_instance: "ci", data: "x", message: { message_id: 3, date: 0, chat: group, text: "…" } } };
      for (const update of [command, added, pressed]) await expect(kit.update(update)).resolves.toBeUndefined();
    } finally {
      kit.fail = null;
    }
    expect(kit.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === -100_300)).toHaveLength(2);
    expect(kit.logs.filter((l) => l.level === "error" && [777_040, 777_041, 777_042].includes((l.obj as { updateId?: number }).updateId ?? 0))).toEqual([]);
    expect(kit.logs.filter((l) => l.msg === "could not post the pointer to the private chat in a shared chat")).toHaveLength(2);
  });

  it("publishes the default menu in Vietnamese and English with each language's command words", async () => {
    const menus = kit.calls.filter((c) => c.method === "setMyCommands" && !c.payload.scope);
    expect(menus.map((m) => m.payload.language_code ?? "default")).toEqual(["default", "vi", "en"]);
    const vi = menus.find((m) => m.payload.language_code === "vi")!.payload.commands as Array<{ command: string; description: string }>;
    const en = menus.find((m) => m.payload.language_code === "en")!.payload.commands as Array<{ command: string; description: string }>;
    expect(vi).toContainEqual({ command: "trogiup", description: "Hướng dẫn sử dụng" });
    expect(en.map((c) => c.command)).toContain("help");
    expect(en.map((c) => c.command)).not.toContain("taochibo");
    expect(vi.map((c) => c.command)).not.toContain("start");
    expect(menus[0]!.payload.commands).toEqual(vi);
  });

  it("gives the admin a menu of their own with the admin commands", async () => {
    const mine = kit.calls.filter((c) => c.method === "setMyCommands" && c.payload.scope?.chat_id === String(ADMIN));
    const words = (mine.at(-1)?.payload.commands as Array<{ command: string }>).map((c) => c.command);
    expect(words).toContain("trogiup");
    expect(words).not.toContain("taochibo");
    const adminCommands = kit.core.registry.commands.filter((c) => c.access === "admin" || c.access === "secretary").map((c) => c.name);
    for (const w of adminCommands) expect(words).toContain(w);
    // Nothing changed about the admin: no new publication at their next message.
    const count = kit.calls.filter((c) => c.method === "setMyCommands").length;
    await kit.text(ADMIN, "/trogiup");
    expect(kit.calls.filter((c) => c.method === "setMyCommands").length).toBe(count);
  });

  it("republishes the admin's menu in English when they switch language, with English words", async () => {
    const [picked] = await kit.text(ADMIN, "/language en");
    expect(shown(picked!.payload.text)).toBe("The assistant now speaks English.");
    const mine = kit.calls.filter((c) => c.method === "setMyCommands" && c.payload.scope?.chat_id === String(ADMIN)).at(-1)!;
    const words = (mine.payload.commands as Array<{ command: string; description: string }>).map((c) => c.command);
    expect(words).toContain("help");
    expect(words).toContain("language");
    expect(words).not.toContain("trogiup");
  });

  it("gives the operator a menu with /taochibo, and a member whose language matches the default no menu of their own", async () => {
    const operator = kit.calls.filter((c) => c.method === "setMyCommands" && c.payload.scope?.chat_id === String(OPERATOR_ID)).at(-1)!;
    expect((operator.payload.commands as Array<{ command: string }>).map((c) => c.command)).toContain("taochibo");
    const code = await kit.invite(HOSTILE_BRANCH, 2);
    await kit.text(BINH, `/start ${code}`);
    await kit.text(BINH, "Trần Thị Bình");
    await kit.press(BINH, "Đồng ý");
    const [welcome] = await kit.press(BINH, "Xác nhận");
    expect(shown(welcome!.payload.text)).toContain("Chào mừng đồng chí Trần Thị Bình");
    // New to the bot: nothing of their own to publish, and nothing old to clear.
    expect(kit.calls.filter((c) => c.payload.scope?.chat_id === String(BINH))).toHaveLength(0);
    // The admin hears about the new member, in the language the admin chose.
    expect(texts(kit.sentTo(ADMIN)).at(-1)).toContain("Trần Thị Bình");
  });

  it("after a restart clears a known chat's own menu once, in case a role it lost left one behind", async () => {
    const menus = createMenus({ api: kit.adapter.telegram.bot.api, core: kit.core, logger: memoryLogger(), defaultLocale: "vi", operators: [] });
    const identity = await kit.store.db.identity.findFirstOrThrow({ where: { userId: String(BINH) } });
    const member = await kit.store.db.member.findFirstOrThrow({ where: { id: identity.memberId! } });
    const actor = { identity, member, branch: null, isOperator: false, locale: "vi" as const, label: `telegram:${BINH}` };
    // Some time later: Bình is known from before this (new) menu publisher started.
    const event = { platform: "TELEGRAM" as const, updateId: "1", userId: String(BINH), chatId: String(BINH), languageHint: "vi", receivedAt: new Date(Date.now() + 3_600_000) };
    const before = kit.calls.length;
    menus.observe(event, actor as never);
    menus.observe(event, actor as never);
    await menus.settle();
    expect(kit.calls.slice(before).map((c) => [c.method, c.payload.scope])).toEqual([["deleteMyCommands", { type: "chat", chat_id: String(BINH) }]]);
  });

  it("gives a member whose phone is in English but who reads Vietnamese a Vietnamese menu of their own", async () => {
    const code = await kit.invite(HOSTILE_BRANCH, 1);
    await kit.text(CHI, `/start ${code}`, { languageCode: "en" });
    const mine = kit.calls.filter((c) => c.method === "setMyCommands" && c.payload.scope?.chat_id === String(CHI)).at(-1)!;
    expect((mine.payload.commands as Array<{ command: string }>).map((c) => c.command)).toContain("trogiup");
  });
});
