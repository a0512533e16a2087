// /caidat and /nhacnho change when reminders go; quiet hours keep reminders and nudges out of the night.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import { createHarness, type Harness } from "../../helpers/harness.ts";
import { ADMIN, branchWithMembers } from "./helpers.ts";

const REMINDER = "Nhắc lịch sinh hoạt chi bộ";
const NUDGE = "Đồng chí chưa báo tham dự hay vắng mặt";

describe.each(DB_KINDS)("settings, quiet hours and nudges on %s", (db) => {
  let h: Harness;
  let branchId: string;
  const count = (user: string, marker: string) => h.inbox(user).filter((m) => m.text.startsWith(marker)).length;
  const at = async (iso: string) => {
    h.clock.set(iso);
    await h.tick();
  };

  beforeAll(async () => {
    h = await createHarness({ db });
    branchId = await branchWithMembers(h, "Chi bộ Trường THCS Nguyễn Trãi", [["binh", "Trần Thị Bình"]]);
    // Meetings at 07:30 on the 15th: the two-hour reminder falls at 05:30, inside quiet hours.
    await h.send(ADMIN, "/lichhop");
    await h.press(ADMIN, "Đặt lịch định kỳ");
    await h.press(ADMIN, "Một ngày cố định (ví dụ ngày 5)");
    await h.send(ADMIN, "15");
    await h.send(ADMIN, "7h30");
    await h.press(ADMIN, "Chưa có, chi ủy báo sau");
    await h.press(ADMIN, "Không ghi nội dung");
    await h.press(ADMIN, "Xác nhận");
  });
  afterAll(() => h.close());

  it("/caidat lists the settings, previews a change and writes it to the audit log", async () => {
    const [menu] = await h.send(ADMIN, "/caidat");
    expect(menu?.text).toContain("• Múi giờ: Asia/Ho_Chi_Minh (UTC+07:00)");
    expect(menu?.text).toContain("• Giờ yên tĩnh: 21:00–07:00");
    expect(menu?.text).toContain("• Số lần nhắc thêm: 2 lần");
    expect(menu?.text).toContain("• Khoảng cách nhắc thêm: 24 giờ");
    await h.press(ADMIN, "Khoảng cách nhắc thêm");
    const [preview] = await h.send(ADMIN, "18 giờ");
    expect(preview?.text).toContain("Khoảng cách nhắc thêm: 24 giờ → 18 giờ");
    // The preview shows the next meeting's reminders as they will go with the new value.
    expect(preview?.text).toContain("Buổi họp tới (07:30, Thứ Ba 15/12/2026) sẽ được nhắc:");
    expect(preview?.text).toContain("• 07:00, Chủ Nhật 13/12/2026 – nhắc thêm lần 1 (cho đồng chí chưa trả lời)");
    expect(preview?.text).toContain("• 19:30, Chủ Nhật 13/12/2026 – nhắc thêm lần 2 (cho đồng chí chưa trả lời)");
    expect(preview?.text).toContain("• 07:00, Thứ Ba 15/12/2026 – nhắc trước 2 giờ");
    expect((await h.store.db.branch.findUniqueOrThrow({ where: { id: branchId } })).nudgeIntervalHours).toBe(24);
    const [saved] = await h.press(ADMIN, "Xác nhận");
    expect(saved?.text).toBe("Đã lưu. Khoảng cách nhắc thêm: 18 giờ.");
    expect((await h.store.db.branch.findUniqueOrThrow({ where: { id: branchId } })).nudgeIntervalHours).toBe(18);
    const audit = await h.store.db.auditLog.findFirstOrThrow({ where: { action: "settings.changed" } });
    expect(audit.details).toMatchObject({ setting: "nudge-interval", from: "24 giờ", to: "18 giờ", patch: { nudgeIntervalHours: 18 } });
  });

  it("/nhacnho shows the timeline and opens the same settings", async () => {
    const [summary] = await h.send(ADMIN, "/nhacnho");
    expect(summary?.text).toContain("• Nhắc trước buổi họp: 3 ngày, 1 ngày, 2 giờ");
    expect(summary?.text).toContain("• 07:30, Thứ Bảy 12/12/2026 – nhắc trước 3 ngày");
    const [ask] = await h.press(ADMIN, "Giờ yên tĩnh");
    expect(ask?.text).toContain("Giờ yên tĩnh hiện tại: 21:00–07:00");
    await h.press(ADMIN, "Thoát");
    expect((await h.store.db.branch.findUniqueOrThrow({ where: { id: branchId } })).quietStart).toBe(1260);
  });

  it("nudges move out of the night; the reminder inside quiet hours goes when they end", async () => {
    await at("2026-12-12T00:30:00Z"); // 07:30 on the 12th: the three-day reminder
    expect(count("binh", REMINDER)).toBe(1);
    await at("2026-12-12T18:30:00Z"); // 01:30 on the 13th: the nudge's nominal time, in quiet hours
    expect(count("binh", NUDGE)).toBe(0);
    await at("2026-12-12T23:59:00Z");
    expect(count("binh", NUDGE)).toBe(0);
    await at("2026-12-13T00:00:00Z"); // 07:00: quiet hours are over
    expect(count("binh", NUDGE)).toBe(1);
    await at("2026-12-13T12:30:00Z"); // 19:30: the second nudge
    expect(count("binh", NUDGE)).toBe(2);
    await at("2026-12-14T00:30:00Z"); // one day before
    expect(count("binh", REMINDER)).toBe(2);
    await at("2026-12-14T22:30:00Z"); // 05:30: two hours before, but quiet
    expect(count("binh", REMINDER)).toBe(2);
    await at("2026-12-15T00:00:00Z"); // 07:00, still before the 07:30 meeting
    expect(count("binh", REMINDER)).toBe(3);
    expect(count("binh", NUDGE)).toBe(2); // at most nudgeMax
    const sent = await h.store.db.outbox.findMany({ where: { key: { startsWith: "reminder:" }, memberId: { not: null } }, orderBy: { id: "asc" } });
    expect(sent.every((r) => r.giveUpAt?.toISOString() === "2026-12-15T00:30:00.000Z")).toBe(true);
  });

  it("a member who answers gets no more nudges; changing the zone re-plans the rule's meetings", async () => {
    await h.press("binh", "Tham dự");
    await h.send(ADMIN, "/caidat");
    await h.press(ADMIN, "Múi giờ");
    const [preview] = await h.send(ADMIN, "Berlin");
    expect(preview?.text).toContain("Múi giờ: Asia/Ho_Chi_Minh (UTC+07:00) → Europe/Berlin (UTC+01:00)");
    const [saved] = await h.press(ADMIN, "Xác nhận");
    expect(saved?.text).toContain("Đã xếp lại 3 buổi họp định kỳ sắp tới theo múi giờ mới.");
    const next = await h.store.db.meeting.findFirstOrThrow({ where: { branchId, occurrence: "2027-01" } });
    expect(next.startsAt.toISOString()).toBe("2027-01-15T06:30:00.000Z"); // 07:30 in Berlin
  });

  it("a cancellation made late in the evening reaches members when quiet hours end", async () => {
    await at("2027-01-12T06:30:00Z"); // three days before 07:30 on 15/01 in Berlin
    const before = h.inbox("binh").length;
    h.clock.set("2027-01-12T22:00:00Z"); // 23:00 in Berlin
    await h.send(ADMIN, "/lichhop");
    await h.press(ADMIN, "Hủy một buổi họp");
    await h.press(ADMIN, "15/01 07:30 · Sinh hoạt chi bộ định kỳ tháng 01/2027");
    await h.press(ADMIN, "Không nêu lý do");
    await h.press(ADMIN, "Xác nhận");
    expect(h.inbox("binh").length).toBe(before);
    await at("2027-01-13T05:59:00Z");
    expect(h.inbox("binh").length).toBe(before);
    await at("2027-01-13T06:00:00Z"); // 07:00 in Berlin
    expect(h.inbox("binh").slice(before).map((m) => m.text.split("\n")[0])).toEqual(["Thông báo: buổi sinh hoạt sau đã được hủy, đồng chí không cần đến dự."]);
  });
});
