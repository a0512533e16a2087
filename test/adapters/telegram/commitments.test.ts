// The commitment scenario on the real grammY bot (handleUpdate, API recorded): register two
// commitments, a comment from the secretary, a self-evaluation with one Đã hoàn thành and one Chưa
// thực hiện, an edit, and /cuatoi; then the year-end draft arrives as a Word document.
import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewYear } from "../../../src/core/domain/commitments/review.ts";
import { DB_KINDS } from "../../helpers/db.ts";
import { createKit, deepLinkStart, OPERATOR_ID, shown, type Call, type Kit } from "./kit.ts";

const sample = JSON.parse(readFileSync(new URL("../../fixtures/vi-sample.json", import.meta.url), "utf8")) as { commitments: string[]; reflections: string[] };
const ADMIN = 3001;
const BINH = 3002;
const BRANCH = "Chi bộ Trường THCS Nguyễn Trãi";

const text = (calls: Call[]) => calls.map((c) => shown(String(c.payload.text ?? ""))).join("\n---\n");
const buttons = (call: Call | undefined): string[] => call?.payload.reply_markup?.inline_keyboard?.flat().map((b: { text: string }) => b.text) ?? [];

describe.each(DB_KINDS)("commitments on the telegram bot on %s", (db) => {
  let kit: Kit;
  const tick = async () => {
    await kit.core.tick(kit.clock.now());
    await kit.sender.drain();
  };
  const join = async (user: number, start: string, name: string) => {
    await kit.text(user, start);
    await kit.text(user, name);
    await kit.press(user, "Đồng ý");
    await kit.press(user, "Xác nhận");
  };

  beforeAll(async () => {
    // The kit's clock starts at the real time (replies are stamped with it): times below are relative.
    // It is set back to a June, though: a branch created in December registers for the coming year,
    // and early January reviews the year before, which this walk-through is not about.
    kit = await createKit(db);
    const now = new Date();
    kit.clock.set(new Date(Date.UTC(now.getUTCFullYear() - (now.getUTCMonth() < 6 ? 1 : 0), 5, 10, 3)));
    await kit.text(OPERATOR_ID, "/taochibo");
    await kit.text(OPERATOR_ID, BRANCH);
    const [created] = await kit.press(OPERATOR_ID, "Xác nhận");
    await join(ADMIN, deepLinkStart(String(created?.payload.text), kit.adapter.telegram.bot.botInfo.username), "Nguyễn Văn An");
    await join(BINH, `/start ${await kit.invite(BRANCH, 3)}`, "Trần Thị Bình");
  });
  afterAll(() => kit.close());

  it("register, comment, self-evaluate, edit, and /cuatoi", async () => {
    const [ask] = await kit.text(BINH, "/dangky");
    expect(shown(ask!.payload.text)).toContain("Gõ việc thứ 1");
    await kit.text(BINH, sample.commitments[2]!);
    await kit.press(BINH, "Thêm việc");
    const [list] = await kit.text(BINH, sample.commitments[6]!);
    expect(buttons(list)).toEqual(expect.arrayContaining(["Thêm việc", "Xác nhận", "Đóng"]));
    // Callback data stays within Telegram's 64 bytes.
    for (const b of list!.payload.reply_markup.inline_keyboard.flat()) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    expect(text(await kit.press(BINH, "Xác nhận"))).toContain("Đã gửi 2 việc đăng ký đến chi ủy.");

    await kit.text(ADMIN, "/gopy Bình");
    await kit.text(ADMIN, "1");
    await kit.press(ADMIN, "Góp ý");
    await kit.text(ADMIN, "Đề nghị ghi rõ: hồ sơ nào, hạn mấy ngày.");
    const before = kit.sentTo(BINH).length;
    await kit.press(ADMIN, "Xác nhận");
    const told = kit.sentTo(BINH).slice(before);
    expect(text(told)).toContain("Góp ý của đồng chí Nguyễn Văn An (bí thư chi bộ)");
    expect(buttons(told.at(-1))).toEqual(["Xem việc này"]);

    const branch = await kit.store.db.branch.findFirstOrThrow({ where: { name: BRANCH } });
    // A meeting in five days: its seven-day window is open now.
    await kit.store.db.meeting.create({ data: { branchId: branch.id, startsAt: new Date(kit.clock.now().getTime() + 5 * 86_400_000) } });
    // Out of quiet hours whatever the real time is.
    await kit.store.db.branch.update({ where: { id: branch.id }, data: { quietStart: 0, quietEnd: 0 } });
    await tick();
    expect(buttons(kit.sentTo(BINH).at(-1))).toEqual(["Bắt đầu tự đánh giá"]);
    await kit.press(BINH, "Bắt đầu tự đánh giá");
    await kit.press(BINH, "Đã hoàn thành");
    await kit.press(BINH, "Bỏ qua");
    await kit.press(BINH, "Chưa thực hiện");
    await kit.press(BINH, "Bỏ qua");
    await kit.text(BINH, sample.reflections[0]!);
    expect(text(await kit.press(BINH, "Xác nhận"))).toMatch(/Đã gửi tự đánh giá tháng \d\d\/\d{4}\./);

    await kit.text(BINH, "/tudanhgia");
    await kit.press(BINH, "Sửa");
    await kit.text(BINH, "2");
    await kit.press(BINH, "Đang thực hiện");
    await kit.text(BINH, "Đã hướng dẫn được 1 đồng nghiệp");
    await kit.press(BINH, "Xác nhận");

    const mine = text(await kit.text(BINH, "/cuatoi"));
    expect(mine).toMatch(/• Góp ý của Nguyễn Văn An \([^)]+\): Đề nghị ghi rõ: hồ sơ nào, hạn mấy ngày\./);
    expect(mine).toMatch(/• Tháng \d\d\/\d{4}: 1 Đã hoàn thành, 1 Đang thực hiện/);
    expect(mine).toContain("→ Đang thực hiện. Ghi chú: Đã hướng dẫn được 1 đồng nghiệp");
    // Every pressed button was answered.
    const presses = kit.calls.filter((c) => c.method === "answerCallbackQuery").length;
    expect(presses).toBeGreaterThan(10);
  });

  it("the year-end draft arrives as a Word document", async () => {
    await kit.text(ADMIN, "/dangky");
    await kit.press(ADMIN, "Quản lý");
    const year = reviewYear(kit.clock.now(), "Asia/Ho_Chi_Minh");
    await kit.press(ADMIN, `Kiểm điểm cuối năm ${year}`);
    await kit.press(ADMIN, `Mở kiểm điểm năm ${year}`);
    await kit.text(ADMIN, DateTime.fromJSDate(kit.clock.now(), { zone: "Asia/Ho_Chi_Minh" }).plus({ days: 20 }).toFormat("dd/MM/yyyy"));
    await kit.press(ADMIN, "Xác nhận");
    await kit.press(BINH, "Tự đề xuất xếp loại");
    await kit.press(BINH, "Mẫu 2A – đảng viên không giữ chức vụ lãnh đạo, quản lý");
    await kit.press(BINH, "Hoàn thành tốt nhiệm vụ");
    await kit.text(BINH, "Hoàn thành các việc đã đăng ký, còn một việc đang làm.");
    const sent = await kit.press(BINH, "Xác nhận");
    expect(text(sent)).toContain(`BẢN KIỂM ĐIỂM CÁ NHÂN\nNăm ${year}`);
    const doc = sent.find((c) => c.method === "sendDocument");
    expect(doc).toBeDefined();
  });
});
