// The secretary's scheduled digest and /xuat on the real Telegram adapter: the scheduler ticks, the
// digest arrives as escaped HTML split at Telegram's limit, the chart and the exports arrive as
// documents, and nobody else gets any of it.
import ExcelJS from "exceljs";
import { DateTime } from "luxon";
import { InputFile } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import { addMeeting, addMembers, answer, parseCsv, pngSize } from "../../core/digests/seed.ts";
import { createKit, deepLinkStart, OPERATOR_ID, shown, type Call, type Kit } from "./kit.ts";

const SECRETARY = 3001;
const MEMBERS = Array.from({ length: 40 }, (_, i) => 3100 + i);
const ZONE = "Asia/Ho_Chi_Minh";
// 14:00 the day after tomorrow, near the real clock: the outbox measures a reply's age from when it
// was written, so the test's clock stays within a few days of it.
const MEETING = DateTime.now().setZone(ZONE).plus({ days: 2 }).set({ hour: 14, minute: 0, second: 0, millisecond: 0 }).toJSDate();
const local = (format: string) => DateTime.fromJSDate(MEETING, { zone: ZONE }).toFormat(format);
const HOSTILE_REASON = "<b>Con ốm</b> & phải đưa đi viện";
const REASON = `${HOSTILE_REASON} ${"rất lâu ".repeat(40)}`;

const texts = (calls: Call[]) => calls.filter((c) => c.method === "sendMessage").map((c) => shown(String(c.payload.text)));
const documents = (calls: Call[]) => calls.filter((c) => c.method === "sendDocument").map((c) => c.payload.document as InputFile);
/** Pictures (the chart) go as photos, to be seen in the chat rather than opened as a file. */
const photos = (calls: Call[]) => calls.filter((c) => c.method === "sendPhoto").map((c) => c.payload.photo as InputFile);
const bytes = async (file: InputFile) => Buffer.from((await file.toRaw()) as Uint8Array);

describe.each(DB_KINDS)("digests on telegram on %s", (db) => {
  let kit: Kit;
  let meetingId = "";
  const tick = async () => {
    await kit.core.tick(kit.clock.now());
    await kit.sender.drain();
  };

  beforeAll(async () => {
    kit = await createKit(db);
    await kit.text(OPERATOR_ID, "/taochibo");
    await kit.text(OPERATOR_ID, "Chi bộ Tổ dân phố số 7");
    const [created] = await kit.press(OPERATOR_ID, "Xác nhận");
    await kit.text(SECRETARY, deepLinkStart(String(created?.payload.text), kit.adapter.telegram.bot.botInfo.username));
    await kit.text(SECRETARY, "Nguyễn Văn An");
    await kit.press(SECRETARY, "Đồng ý");
    await kit.press(SECRETARY, "Xác nhận");
    const branch = await kit.store.db.branch.findFirstOrThrow();
    // Forty members with long names and long reasons: the digest is longer than one Telegram message.
    const ids = await addMembers(
      kit.store.db,
      branch.id,
      MEMBERS.map((chat, i) => ({ key: String(chat), fullName: `Nguyễn Thị Phương Thảo Số ${String.fromCharCode(65 + (i % 26))}${i}`, chat: String(chat) })),
      "TELEGRAM",
      new Date(MEETING.getTime() - 400 * 86_400_000),
    );
    meetingId = await addMeeting(kit.store.db, branch.id, MEETING);
    for (const [i, chat] of MEMBERS.entries()) {
      const id = ids[String(chat)]!;
      if (i % 3 === 0) await answer(kit.store.db, meetingId, id, "ATTEND", null, kit.clock.now());
      else if (i % 3 === 1) await answer(kit.store.db, meetingId, id, "ABSENT", REASON, kit.clock.now());
    }
  });
  afterAll(() => kit.close());

  it("delivers the scheduled digest to the secretary once, as escaped HTML within Telegram's limit", async () => {
    kit.clock.set(new Date(MEETING.getTime() - 24 * 3_600_000));
    await tick();
    await tick();
    const sent = texts(kit.sentTo(SECRETARY));
    const start = sent.findIndex((t) => t.startsWith("BÁO CÁO TRƯỚC BUỔI SINH HOẠT"));
    expect(start).toBeGreaterThanOrEqual(0);
    const digest = sent.slice(start).join("\n");
    // Long: more than one message, each within 4,096 characters, split between lines.
    expect(sent.length - start).toBeGreaterThan(1);
    for (const text of sent) expect(text.length).toBeLessThanOrEqual(4096);
    expect(sent.filter((t) => t.startsWith("BÁO CÁO TRƯỚC BUỔI SINH HOẠT"))).toHaveLength(1);
    expect(digest).toContain("Tổng số đảng viên: 41 (chính thức 41, dự bị 0)");
    expect(digest).toContain("Dự kiến có mặt: 14");
    expect(digest).toContain("Vắng mặt có lý do: 13");
    expect(digest).toContain("Chưa trả lời: 14");
    expect(digest).toContain(`- Nguyễn Thị Phương Thảo Số B1: ${HOSTILE_REASON}`);
    // Markup typed by a member shows as typed, never as formatting.
    const raw = kit.sentTo(SECRETARY).map((c) => String(c.payload.text ?? "")).join("");
    expect(raw).toContain("&lt;b&gt;Con ốm&lt;/b&gt; &amp;");
    expect(raw).not.toContain("<b>");
    for (const chat of MEMBERS) expect(texts(kit.sentTo(chat)).filter((t) => t.includes("BÁO CÁO"))).toEqual([]);
  });

  it("attaches the participation chart to the digest at the start of the meeting", async () => {
    kit.clock.set(MEETING);
    await tick();
    const calls = kit.sentTo(SECRETARY);
    expect(texts(calls).filter((t) => t.startsWith("BÁO CÁO KHI BẮT ĐẦU SINH HOẠT"))).toHaveLength(1);
    expect(documents(calls)).toEqual([]);
    const [chart] = photos(calls);
    expect(chart?.filename).toBe(`bieu-do-tham-du-${local("yyyy-MM")}.png`);
    expect(pngSize(await bytes(chart!))).toEqual({ width: 960, height: 540 });
  });

  it("/xuat sends an XLSX and CSV files as documents that open", async () => {
    await kit.text(SECRETARY, "/xuat");
    await kit.press(SECRETARY, `Năm nay (${local("yyyy")})`);
    const replies = await kit.press(SECRETARY, "Cả hai");
    const files = documents(replies);
    expect(files.map((f) => f.filename)).toEqual([
      `chi-bo-to-dan-pho-so-7_${local("yyyy")}.xlsx`,
      ...["tra-loi-tham-du", "diem-danh", "dang-ky-lam-theo", "tu-danh-gia"].map((kind) => `chi-bo-to-dan-pho-so-7_${local("yyyy")}_${kind}.csv`),
    ]);
    const csv = parseCsv((await bytes(files[1]!)).toString("utf8"));
    expect(csv).toHaveLength(1 + 41);
    expect(csv.find((r) => r[2] === "Nguyễn Thị Phương Thảo Số B1")?.slice(3, 5)).toEqual(["Vắng mặt", REASON]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes(files[0]!)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Trả lời tham dự")?.rowCount).toBe(42);
  });

  it("/diemdanh pages through 41 members, one tap per change, and records them all", async () => {
    const [first] = await kit.text(SECRETARY, "/diemdanh");
    const firstText = shown(String(first?.payload.text));
    const counts = /Có mặt: 14 · Vắng có lý do: (\d+) · Vắng không lý do: (\d+)/.exec(firstText);
    expect(Number(counts?.[1]) + Number(counts?.[2])).toBe(27);
    expect(firstText).toContain("Trang 1/5");
    const [second] = await kit.press(SECRETARY, "Trang sau");
    expect(shown(String(second?.payload.text))).toContain("Trang 2/5");
    const buttons = (second?.payload.reply_markup?.inline_keyboard ?? []).flat() as Array<{ text: string; callback_data: string }>;
    // Ten members, previous/next, Xác nhận/Hủy, a reason for an absence, another meeting; every callback fits in 64 bytes.
    expect(buttons).toHaveLength(10 + 2 + 2 + 2);
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    const absent = buttons.find((b) => b.text.startsWith("❌"))!;
    const [toggled] = await kit.press(SECRETARY, absent.text);
    expect(shown(String(toggled?.payload.text))).toContain("Có mặt: 15 · ");
    // The button from before the tap is stale now.
    const stale = await kit.callback(SECRETARY, absent.callback_data);
    expect(texts(stale).join("\n")).toContain("Lựa chọn này đã hết hiệu lực");
    const [saved] = await kit.press(SECRETARY, "Xác nhận");
    const summary = /Có mặt: 15\nVắng mặt có lý do: (\d+)\nVắng mặt không có lý do: (\d+)/.exec(shown(String(saved?.payload.text)));
    expect(Number(summary?.[1]) + Number(summary?.[2])).toBe(26);
    expect(await kit.store.db.attendance.count({ where: { meetingId } })).toBe(41);
  });

  it("refuses a member's /baocao and forged digest buttons", async () => {
    const member = MEMBERS[0]!;
    const [refusal] = await kit.text(member, "/baocao");
    expect(shown(String(refusal?.payload.text))).toBe("Lệnh này chỉ dành cho bí thư, phó bí thư chi bộ.");
    const forged = await kit.callback(member, `dg:m:${meetingId}`);
    expect(texts(forged)).toEqual(["Lệnh này chỉ dành cho bí thư, phó bí thư chi bộ."]);
    expect(documents(await kit.callback(member, "dg:c"))).toEqual([]);
  });
});
