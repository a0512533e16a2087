// The bot on Zalo end to end, in webhook and polling mode, on SQLite and PostgreSQL: the real core
// and adapter against a fake Zalo Bot API. People type everything (Zalo has no buttons).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import type { ZaloUserSpec } from "../../helpers/fake-zalo-api.ts";
import { createZaloRig, type ZaloMode, type ZaloRig } from "../../helpers/zalo-rig.ts";

const OP: ZaloUserSpec = { id: "0a1b2c3d4e5f60718293", name: "Vận hành" };
const AN: ZaloUserSpec = { id: "6ede9afa66b88fe6d6a9", name: "An Nguyễn" };
const BINH: ZaloUserSpec = { id: "7f1e2d3c4b5a69788796", name: "Bình", nameField: "first_name" };
const STRANGER: ZaloUserSpec = { id: "99aa88bb77cc66dd55ee", name: "Khách" };
const TG_AN = "555000111";

const MODES: ZaloMode[] = ["webhook", "polling"];
const CODE = /Mã mời: ([A-Z0-9]{5}-[A-Z0-9]{5})/;

describe.each(DB_KINDS.flatMap((db) => MODES.map((mode) => ({ db, mode }))))("Zalo end to end ($mode, $db)", ({ db, mode }) => {
  let rig: ZaloRig;
  let code = "";
  const count = () =>
    Promise.all([rig.store.db.processedUpdate.count(), rig.store.db.identity.count(), rig.store.db.outbox.count(), rig.store.db.member.count()]);

  beforeAll(async () => {
    rig = await createZaloRig({ db, mode, operators: [OP.id] });
  });
  afterAll(() => rig?.close());

  it(mode === "webhook" ? "registers the webhook with the secret" : "removes any webhook before polling", async () => {
    if (mode === "webhook") {
      expect(rig.fake.webhook).toEqual({ url: `${rig.baseUrl}/zalo/webhook`, secret: rig.webhookSecret });
    } else {
      expect(rig.fake.callsTo("deleteWebhook")).toHaveLength(1);
      await rig.fake.waitFor(() => rig.fake.callsTo("getUpdates").length > 0);
      expect(rig.fake.callsTo("getUpdates")[0]?.payload).toEqual({ timeout: "1" });
    }
  });

  it("an operator creates a branch by typing the command without a slash and answering 1", async () => {
    expect((await rig.say(OP, "taochibo"))[0]).toContain("Tên chi bộ mới");
    const [confirm] = await rig.say(OP, "Chi bộ Khoa Ngữ văn");
    expect(confirm).toContain("Tên: Chi bộ Khoa Ngữ văn");
    expect(confirm).toMatch(/^ {2}1\. Xác nhận$/m);
    expect(confirm).toMatch(/^ {2}2\. Sửa$/m);
    expect(confirm).toMatch(/^ {2}3\. Hủy$/m);
    expect(confirm).toContain("Trả lời bằng số thứ tự (1–3)");
    const [created] = await rig.say(OP, "1");
    expect(created).toContain("Đã tạo Chi bộ Khoa Ngữ văn");
    code = CODE.exec(created ?? "")?.[1] ?? "";
    expect(code).not.toBe("");
    expect(created).toContain(`Hoặc nhắn cho bot: start ${code}`);
    expect(created).not.toContain("t.me");
  });

  it("a member joins by typing start CODE and answering with labels without diacritics", async () => {
    expect((await rig.say(AN, `start ${code}`))[0]).toContain("Chào mừng đến với Chi bộ Khoa Ngữ văn");
    const [consent] = await rig.say(AN, "nguyễn văn an");
    expect(consent).toContain("Nghị định 13/2023/NĐ-CP");
    expect(consent).toMatch(/^ {2}1\. Đồng ý$/m);
    const [confirm] = await rig.say(AN, "dong y");
    expect(confirm).toContain("Họ tên: Nguyễn Văn An");
    const [welcome] = await rig.say(AN, "XAC NHAN.");
    expect(welcome).toContain("Chào mừng đồng chí Nguyễn Văn An đã tham gia Chi bộ Khoa Ngữ văn");

    const identity = await rig.store.db.identity.findUniqueOrThrow({ where: { botAccountId_userId: { botAccountId: "default-zalo", userId: AN.id } }, include: { member: true } });
    expect(identity).toMatchObject({ chatId: AN.id, displayName: "An Nguyễn" });
    expect(identity.member).toMatchObject({ fullName: "Nguyễn Văn An", isSecretary: true, isAdmin: true, preferredPlatform: "ZALO" });
  });

  it("another member joins with the bare code, after the operator typed 'tạo chi bộ' in words", async () => {
    await rig.say(OP, "tạo chi bộ");
    await rig.say(OP, "Chi bộ Tổ dân phố số 7");
    const [created] = await rig.say(OP, "xác nhận");
    const second = CODE.exec(created ?? "")?.[1] ?? "";
    expect(second).not.toBe("");
    expect((await rig.say(BINH, second.toLowerCase().replace("-", " ")))[0]).toContain("Chào mừng đến với Chi bộ Tổ dân phố số 7");
    await rig.say(BINH, "Trần Thị Bình");
    await rig.say(BINH, "1");
    const [welcome] = await rig.say(BINH, "1");
    expect(welcome).toContain("Chào mừng đồng chí Trần Thị Bình");
    const identity = await rig.store.db.identity.findUniqueOrThrow({ where: { botAccountId_userId: { botAccountId: "default-zalo", userId: BINH.id } } });
    expect(identity.displayName).toBe("Bình"); // from first_name, as older payloads carry it
  });

  it("commands work typed with or without a slash, with or without diacritics", async () => {
    for (const typed of ["trogiup", "/trogiup", "Trợ giúp", "tro giup?", "HELP"]) {
      const [help] = await rig.say(AN, typed);
      expect(help, typed).toContain("Trợ lý Chi bộ – Chi bộ Khoa Ngữ văn");
      expect(help, typed).toContain("Có thể gõ tên lệnh có hoặc không có dấu /");
    }
    const [prompt] = await rig.say(AN, "ngôn ngữ");
    expect(prompt).toMatch(/^ {2}2\. English$/m);
    expect((await rig.say(AN, "2"))[0]).toMatch(/English/);
    expect((await rig.say(AN, "language vi"))[0]).toMatch(/Tiếng Việt/);
  });

  it("stickers, images, voice and unsupported messages get a polite answer", async () => {
    for (const kind of ["sticker", "image", "voice", "unsupported"] as const) {
      const replies = await rig.deliver(rig.fake.otherEvent(AN, kind));
      expect(replies, kind).toEqual(["Trợ lý Chi bộ chỉ đọc được tin nhắn chữ. Vui lòng trả lời bằng chữ, hoặc gõ /trogiup để xem hướng dẫn."]);
    }
  });

  it("messages from bots and the bot's own echoes are ignored", async () => {
    const before = await count();
    expect(await rig.deliver(rig.fake.textEvent({ id: rig.fake.botId, name: "Trợ lý" }, "Chào đồng chí"))).toEqual([]);
    expect(await rig.deliver(rig.fake.textEvent({ id: "b07b07b07b07b07b07b0", isBot: true }, "trogiup"))).toEqual([]);
    expect(await count()).toEqual(before);
  });

  it("a duplicate delivery of the same event changes nothing", async () => {
    const event = rig.fake.textEvent(AN, "trogiup");
    expect(await rig.deliver(event)).toHaveLength(1);
    const before = await count();
    expect(await rig.deliver(event)).toEqual([]);
    expect(await count()).toEqual(before);
  });

  it("one person is one member: linking Zalo and Telegram with a one-time code", async () => {
    const [issued] = await rig.say(AN, "lienket");
    const shown = /Mã liên kết của đồng chí: (\d{4} \d{4})/.exec(issued ?? "")?.[1] ?? "";
    expect(shown).not.toBe("");
    expect(issued).toContain(`Trên Telegram, mở trò chuyện với Trợ lý Chi bộ và gửi: /lienket ${shown}`);

    const [linked] = await rig.telegram(TG_AN, `/lienket ${shown}`);
    expect(linked?.text).toContain("Đã liên kết tài khoản Telegram này với đồng chí Nguyễn Văn An (Chi bộ Khoa Ngữ văn)");
    expect(linked?.choices?.flat().map((c) => c.label)).toEqual(["Nhận tin qua Zalo", "Nhận tin qua Telegram"]);
    expect(rig.zaloInbox(AN.id).at(-1)).toContain("vừa được liên kết với hồ sơ của đồng chí");

    const [set] = await rig.telegramPress(TG_AN, "Nhận tin qua Telegram");
    expect(set?.text).toContain("Từ nay trợ lý gửi tin nhắn cho đồng chí qua Telegram");
    const member = await rig.store.db.member.findFirstOrThrow({ where: { fullName: "Nguyễn Văn An" }, include: { identities: true } });
    expect(member.preferredPlatform).toBe("TELEGRAM");
    expect(member.identities.map((i) => i.platform).sort()).toEqual(["TELEGRAM", "ZALO"]);
    expect(await rig.store.db.auditLog.count({ where: { action: "member.linked", actorId: member.id } })).toBe(1);

    // Either chat acts for the member; typed in words on Zalo, the preference moves back.
    expect((await rig.telegram(TG_AN, "/trogiup"))[0]?.text).toContain("Chi bộ Khoa Ngữ văn");
    expect((await rig.say(AN, "liên kết zalo"))[0]).toContain("qua Zalo");
    expect((await rig.store.db.member.findUniqueOrThrow({ where: { id: member.id } })).preferredPlatform).toBe("ZALO");
  });

  it("a chat that belongs to another member cannot be linked away", async () => {
    const [issued] = await rig.say(BINH, "lien ket");
    const shown = /(\d{4} \d{4})/.exec(issued ?? "")?.[1] ?? "";
    const [refused] = await rig.telegram(TG_AN, `lienket ${shown}`);
    expect(refused?.text).toContain("đã thuộc về một đảng viên khác");
    const tg = await rig.store.db.identity.findUniqueOrThrow({ where: { botAccountId_userId: { botAccountId: "default-telegram", userId: TG_AN } }, include: { member: true } });
    expect(tg.member?.fullName).toBe("Nguyễn Văn An");
    expect(await rig.store.db.linkCode.count({ where: { usedAt: null, member: { fullName: "Trần Thị Bình" } } })).toBe(1);
  });

  it("a stranger typing anything gets the way in, never an error", async () => {
    const [hello] = await rig.say(STRANGER, "xin chào");
    expect(hello).toContain("gửi mã mời");
    const [wrong] = await rig.say(STRANGER, "start ABCDE-FGH2K");
    expect(wrong).toContain("Mã mời không đúng");
  });

  if (mode === "webhook") {
    it("a webhook call with a wrong or missing secret is refused and changes nothing", async () => {
      const before = await count();
      const sent = rig.fake.sent().length;
      const event = rig.fake.textEvent(STRANGER, `start ${code}`);
      expect((await rig.fake.postWebhook(event, { secret: "not-the-secret-123" })).status).toBe(403);
      expect((await rig.fake.postWebhook(event, { secret: null })).status).toBe(403);
      expect((await rig.fake.postWebhook(event, { secret: `${rig.webhookSecret}x` })).status).toBe(403);
      await rig.sender.drain();
      expect(await count()).toEqual(before);
      expect(rig.fake.sent()).toHaveLength(sent);
    });

    it("accepts the body wrapped in {ok, result} or bare, and refuses one without event_name", async () => {
      const bare = await rig.fake.postWebhook(rig.fake.textEvent(AN, "trogiup"), { wrapped: false });
      expect(bare).toEqual({ status: 200, body: JSON.stringify({ message: "Success" }) });
      await rig.sender.drain();
      expect(rig.zaloInbox(AN.id).at(-1)).toContain("Các lệnh đồng chí dùng được");
      const before = await count();
      const { event_name: _dropped, ...noName } = rig.fake.textEvent(AN, "trogiup");
      expect((await rig.fake.postWebhook(noName)).status).toBe(400);
      expect(await count()).toEqual(before);
    });

    it("sends a file as an expiring link served by our HTTP server", async () => {
      const [reply] = await rig.say(AN, "dulieu");
      const url = /(http:\/\/127\.0\.0\.1:\d+\/files\?k=[A-Za-z0-9_-]{43})/.exec(reply ?? "")?.[1];
      expect(reply).toMatch(/📎 du-lieu-nguyen-van-an-\d{8}\.json \(\d+ (B|KB)\)/);
      expect(url).toBeDefined();
      const res = await fetch(url!);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toMatch(/du-lieu-nguyen-van-an-\d{8}\.json/);
      expect(await res.text()).toContain("Nguyễn Văn An");
      expect((await fetch(`${rig.baseUrl}/files?k=${"A".repeat(43)}`)).status).toBe(404);
    });
  } else {
    it("without a public URL, a file is described in the text instead", async () => {
      const [reply] = await rig.say(AN, "dulieu");
      expect(reply).toMatch(/📎 Tệp du-lieu-nguyen-van-an-\d{8}\.json \(\d+ (B|KB)\)/);
      expect(reply).toContain("Zalo không gửi được tệp đính kèm");
    });
  }
});

// Issue 7's scenario end to end on Zalo: join with a typed code, answer a reminder by typing "2" and
// a reason, register a commitment, and the secretary's digest arrives on Zalo with all of it.
describe.each(DB_KINDS)("a month of a branch on Zalo (%s)", (db) => {
  let rig: ZaloRig;
  beforeAll(async () => {
    rig = await createZaloRig({ db, mode: "webhook", operators: [OP.id] });
  });
  afterAll(() => rig?.close());

  it("joins, answers Vắng mặt with a reason, registers, and the secretary's digest arrives on Zalo", async () => {
    await rig.say(OP, "taochibo");
    await rig.say(OP, "Chi bộ Khoa Ngữ văn");
    const code = CODE.exec((await rig.say(OP, "1"))[0] ?? "")?.[1] ?? "";
    await rig.say(AN, `start ${code}`);
    await rig.say(AN, "Nguyễn Văn An");
    await rig.say(AN, "1");
    await rig.say(AN, "1");

    // The secretary invites a member, typing every answer.
    await rig.say(AN, "moi");
    await rig.say(AN, "1"); // Đảng viên
    await rig.say(AN, "7 ngày");
    await rig.say(AN, "10 lần");
    const invite = CODE.exec((await rig.say(AN, "xac nhan"))[0] ?? "")?.[1] ?? "";
    expect(invite).not.toBe("");
    expect((await rig.say(BINH, invite))[0]).toContain("Chào mừng đến với Chi bộ Khoa Ngữ văn");
    await rig.say(BINH, "Trần Thị Bình");
    await rig.say(BINH, "1");
    expect((await rig.say(BINH, "1"))[0]).toContain("Chào mừng đồng chí Trần Thị Bình");

    // A meeting in three days: the reminder goes out at the next tick, as a numbered list.
    const branch = await rig.store.db.branch.findFirstOrThrow({ where: { name: "Chi bộ Khoa Ngữ văn" } });
    await rig.store.db.meeting.create({ data: { branchId: branch.id, startsAt: new Date("2026-11-28T07:00:00Z"), place: "Phòng họp tầng 2", topic: "Sinh hoạt chi bộ tháng 11" } });
    rig.clock.set("2026-11-25T07:05:00Z");
    await rig.tick();
    const reminder = rig.zaloInbox(BINH.id).at(-1) ?? "";
    expect(reminder).toContain("Thời gian: 14:00, Thứ Bảy 28/11/2026");
    expect(reminder).toMatch(/^ {2}2\. Vắng mặt$/m);

    expect((await rig.say(BINH, "2"))[0]).toContain("Lý do vắng?");
    const reason = "Đi công tác tỉnh Lào Cai theo quyết định của cơ quan";
    expect((await rig.say(BINH, reason))[0]).toContain(`đồng chí vắng mặt buổi sinh hoạt lúc 14:00, Thứ Bảy 28/11/2026, lý do: ${reason}`);

    // A commitment, typed, then sent with "Xác nhận" typed as a word.
    expect((await rig.say(BINH, "dang ky"))[0]).toContain("Gõ việc thứ 1");
    expect((await rig.say(BINH, "Tiết kiệm điện, nước, văn phòng phẩm tại phòng làm việc"))[0]).toContain("Đã thêm việc thứ 1");
    await rig.say(BINH, "xác nhận");
    const commitment = await rig.store.db.commitment.findFirstOrThrow({ where: { member: { fullName: "Trần Thị Bình" } } });
    expect(commitment.status).toBe("SUBMITTED");

    // A day before the meeting the secretary's digest arrives on Zalo, once.
    rig.clock.set("2026-11-27T07:05:00Z");
    await rig.tick();
    await rig.tick();
    const digests = rig.zaloInbox(AN.id).filter((t) => t.includes("BÁO CÁO TRƯỚC BUỔI SINH HOẠT"));
    expect(digests).toHaveLength(1);
    const digest = digests[0]!;
    expect(digest).toContain("Tổng số đảng viên: 2");
    expect(digest).toMatch(/Vắng mặt có lý do: 1\n- Trần Thị Bình: Đi công tác tỉnh Lào Cai/);
    expect(digest).toMatch(/Chưa trả lời: 1\nNguyễn Văn An/);
    expect(digest).toContain("Đã đăng ký: 1/2");
    // The member receives no digest.
    expect(rig.zaloInbox(BINH.id).some((t) => t.includes("BÁO CÁO"))).toBe(false);
  });
});
