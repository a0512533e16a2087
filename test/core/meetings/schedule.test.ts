// An admin sets the meeting rule in chat, and moves, cancels and adds single meetings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import { createHarness, type Harness } from "../../helpers/harness.ts";
import { ADMIN, branchWithMembers, flowStep, texts } from "./helpers.ts";

describe.each(DB_KINDS)("/lichhop on %s", (db) => {
  let h: Harness;
  let branchId: string;
  beforeAll(async () => {
    h = await createHarness({ db });
    branchId = await branchWithMembers(h, "Chi bộ Khoa Ngữ văn", [["binh", "Trần Thị Bình"]]);
  });
  afterAll(() => h.close());

  it("sets the rule step by step and previews the next three dates before Xác nhận", async () => {
    const [menu] = await h.send(ADMIN, "/lichhop");
    expect(menu?.text).toContain("Chi bộ chưa có lịch sinh hoạt định kỳ.");
    await h.press(ADMIN, "Đặt lịch định kỳ");
    await h.press(ADMIN, "Một thứ của tuần thứ mấy (ví dụ Thứ Năm tuần thứ 2)");
    const [weekday] = await h.press(ADMIN, "Tuần thứ hai");
    expect(weekday?.choices?.flat().map((c) => c.label)).toEqual(["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]);
    // A bare "5" typed on Zalo is Thứ Năm, as people say it: the list is numbered from Chủ Nhật.
    await h.send(ADMIN, "5");
    await h.send(ADMIN, "14h");
    await h.send(ADMIN, "Hội trường UBND phường");
    const [preview] = await h.press(ADMIN, "Không ghi nội dung");
    expect(preview?.text).toContain("Lịch sinh hoạt định kỳ mới: Thứ Năm tuần thứ 2 hằng tháng, lúc 14:00");
    expect(preview?.text).toContain("• 14:00, Thứ Năm 10/12/2026\n• 14:00, Thứ Năm 14/01/2027\n• 14:00, Thứ Năm 11/02/2027");
    expect(await h.store.db.meetingRule.count()).toBe(0);
    const [saved] = await h.press(ADMIN, "Xác nhận");
    expect(saved?.text).toContain("Đã lưu lịch sinh hoạt định kỳ");

    const rule = await h.store.db.meetingRule.findUniqueOrThrow({ where: { branchId } });
    expect(rule).toMatchObject({ kind: "NTH_WEEKDAY", nth: 2, weekday: 4, timeOfDay: 840, place: "Hội trường UBND phường", topic: null, shiftHolidays: true });
    const meetings = await h.store.db.meeting.findMany({ where: { branchId }, orderBy: { startsAt: "asc" } });
    expect(meetings.map((m) => [m.occurrence, m.startsAt.toISOString()])).toEqual([
      ["2026-12", "2026-12-10T07:00:00.000Z"],
      ["2027-01", "2027-01-14T07:00:00.000Z"],
      ["2027-02", "2027-02-11T07:00:00.000Z"],
    ]);
    expect((await h.store.db.reminderOffset.findMany({ where: { branchId } })).map((o) => o.minutesBefore).sort((a, b) => a - b)).toEqual([120, 1440, 4320]);
    expect(await h.store.db.auditLog.count({ where: { action: "meeting.rule-set" } })).toBe(1);
  });

  it("warns about holidays in the preview and proposes the next working day", async () => {
    await h.send(ADMIN, "/lichhop");
    await h.press(ADMIN, "Sửa lịch định kỳ");
    await h.press(ADMIN, "Một ngày cố định (ví dụ ngày 5)");
    await h.send(ADMIN, "5");
    await h.press(ADMIN, "Giữ giờ cũ (14:00)");
    await h.press(ADMIN, "Giữ: Hội trường UBND phường");
    const [preview] = await h.press(ADMIN, "Không ghi nội dung");
    // 5/2/2027 is in the Tết break (Tết is 6/2/2027).
    expect(preview?.text).toContain("Thứ Sáu 05/02/2027 là ngày nghỉ Tết Nguyên đán → đề xuất dời sang 14:00, Thứ Tư 10/02/2027");
    // The two answers say what they do; the way out is not called "Hủy" where "Hủy" is an action.
    expect(preview?.choices?.flat().map((c) => c.label)).toEqual(["Dời sang Thứ Tư 10/02/2027", "Giữ đúng ngày", "Sửa", "Thoát"]);
    await h.press(ADMIN, "Dời sang Thứ Tư 10/02/2027");
    const meetings = await h.store.db.meeting.findMany({ where: { branchId }, orderBy: { startsAt: "asc" } });
    // Re-planned in place: still one meeting per month.
    expect(meetings.map((m) => [m.occurrence, m.startsAt.toISOString()])).toEqual([
      ["2026-12", "2026-12-05T07:00:00.000Z"],
      ["2027-01", "2027-01-05T07:00:00.000Z"],
      ["2027-02", "2027-02-10T07:00:00.000Z"],
    ]);
  });

  it("re-planning never duplicates and keeps meetings whose reminders have started", async () => {
    // Three days before 5/12 the reminders begin: that meeting no longer follows rule changes.
    h.clock.set("2026-12-02T08:00:00Z");
    await h.tick();
    await h.send(ADMIN, "/lichhop");
    await h.press(ADMIN, "Sửa lịch định kỳ");
    await h.press(ADMIN, "Một ngày cố định (ví dụ ngày 5)");
    await h.send(ADMIN, "7");
    await h.press(ADMIN, "Giữ giờ cũ (14:00)");
    await h.press(ADMIN, "Giữ: Hội trường UBND phường");
    await h.press(ADMIN, "Không ghi nội dung");
    const [saved] = await h.press(ADMIN, "Dời sang Thứ Tư 10/02/2027");
    expect(saved?.text).toContain("Buổi lúc 14:00, Thứ Bảy 05/12/2026 giữ nguyên giờ cũ vì các đồng chí đã được nhắc.");
    const meetings = await h.store.db.meeting.findMany({ where: { branchId }, orderBy: { startsAt: "asc" } });
    expect(meetings.map((m) => [m.occurrence, m.startsAt.toISOString()])).toEqual([
      ["2026-12", "2026-12-05T07:00:00.000Z"],
      ["2027-01", "2027-01-07T07:00:00.000Z"],
      // 7/2/2027 is a Sunday in the Tết break: like any other, it goes to the next working day.
      ["2027-02", "2027-02-10T07:00:00.000Z"],
      ["2027-03", "2027-03-07T07:00:00.000Z"], // planned by the tick in December, then re-planned
    ]);
    // The planner job at every tick adds nothing while the horizon is full.
    await h.tick();
    await h.tick();
    expect(await h.store.db.meeting.count({ where: { branchId } })).toBe(4);
    // A month later the horizon moves on by one month (checked on the calendar of UTC−12, so a day late at most).
    h.clock.set("2027-01-02T01:00:00Z");
    await h.tick();
    expect((await h.store.db.meeting.findMany({ where: { branchId }, orderBy: { startsAt: "asc" } })).map((m) => m.occurrence)).toEqual(["2026-12", "2027-01", "2027-02", "2027-03", "2027-04"]);
    h.clock.set("2026-12-02T08:00:00Z");
  });

  it("moves one meeting; the reminded members are told and asked again", async () => {
    // The reminder's button (the new year's registration notice came after it).
    const reminder = [...h.inbox("binh")].reverse().find((m) => m.choices?.flat().some((c) => c.label === "Tham dự"));
    await h.action("binh", reminder!.choices!.flat().find((c) => c.label === "Tham dự")!.action);
    await h.send(ADMIN, "/lichhop");
    const [pick] = await h.press(ADMIN, "Dời một buổi họp");
    const first = pick?.choices?.flat()[0]?.label ?? "";
    expect(first).toBe("05/12 14:00 · Sinh hoạt chi bộ định kỳ tháng 12/2026");
    await h.press(ADMIN, first);
    await h.send(ADMIN, "6/12/2026");
    const [preview] = await h.send(ADMIN, "8h30");
    expect(preview?.text).toContain("Dời sang: 08:30, Chủ Nhật 06/12/2026");
    expect(preview?.text).toContain("Sẽ báo cho 2 đồng chí đã được nhắc hoặc đã trả lời, và hỏi lại tham dự hay vắng mặt theo giờ mới.");
    expect(preview?.choices?.flat().map((c) => c.label)).toEqual(["Xác nhận", "Sửa", "Thoát"]);
    const before = h.inbox("binh").length;
    const done = await h.press(ADMIN, "Xác nhận");
    // The admin was reminded too, so the notice reaches them as well, before the answer.
    expect(texts(done)).toContain("Đã dời buổi họp sang 08:30, Chủ Nhật 06/12/2026. Đã báo cho 2 đồng chí.");
    await h.tick();
    const told = h.inbox("binh").slice(before);
    expect(texts(told)).toHaveLength(1);
    expect(told[0]?.text).toContain("Thông báo: buổi sinh hoạt được dời lịch (lịch cũ: 14:00, Thứ Bảy 05/12/2026)");
    expect(told[0]?.text).toContain("Trước đây đồng chí đã báo: Tham dự. Vui lòng báo lại cho lịch mới.");
    expect(told[0]?.choices?.flat().map((c) => c.label)).toEqual(["Tham dự", "Vắng mặt"]);
    expect(await h.store.db.rsvp.count()).toBe(0);
    expect(await h.store.db.auditLog.count({ where: { action: "meeting.moved" } })).toBe(1);
  });

  it("adds a sinh hoạt chuyên đề with a topic, warning about a holiday", async () => {
    await h.send(ADMIN, "/lichhop");
    await h.press(ADMIN, "Thêm buổi họp");
    await h.press(ADMIN, "Sinh hoạt chuyên đề");
    await h.send(ADMIN, "1/1/2027");
    await h.send(ADMIN, "9:00");
    await h.press(ADMIN, "Giữ: Hội trường UBND phường");
    const [preview] = await h.send(ADMIN, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
    expect(preview?.text).toContain("Sinh hoạt chuyên đề\nThời gian: 09:00, Thứ Sáu 01/01/2027");
    expect(preview?.text).toContain("Lưu ý: ngày này là ngày nghỉ (Tết Dương lịch).");
    await h.press(ADMIN, "Xác nhận");
    const added = await h.store.db.meeting.findFirstOrThrow({ where: { kind: "THEMATIC" } });
    expect(added).toMatchObject({ occurrence: null, status: "SCHEDULED", place: "Hội trường UBND phường", topic: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" });
    expect(added.startsAt.toISOString()).toBe("2027-01-01T02:00:00.000Z");
  });

  it("is for admins only", async () => {
    const [refusal] = await h.send("binh", "/lichhop");
    expect(refusal?.text).toBe("Lệnh này chỉ dành cho quản trị của chi bộ.");
    expect(await flowStep(h, "binh")).toBeNull();
  });
});
