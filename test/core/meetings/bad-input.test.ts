// Bad input at every step of /lichhop, /nhacnho and /caidat: a clear answer, the flow stays on its
// step, and nothing changes in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import { createHarness, type Harness } from "../../helpers/harness.ts";
import { ADMIN, branchWithMembers, flowStep, meetingState } from "./helpers.ts";

// From the shared fixtures of hostile input, plus the forms the issue names.
const BAD_DATES: Array<[string, string]> = [
  ["31/02/2026", "Ngày 31/02/2026 không có trong lịch."],
  ["31/02", "Ngày 31/02 không có trong lịch."],
  ["13/13/2026", "Tháng 13 không có trong lịch"],
  ["0/0", "Tháng 0 không có trong lịch"],
  ["ngày mai", 'Chưa hiểu ngày “ngày mai”'],
  ["-1", 'Chưa hiểu ngày “-1”'],
  ["99999999999999999999", 'Chưa hiểu ngày “99999999999999999999”'],
  ["25:00", 'Chưa hiểu ngày “25:00”'],
  ["20/11/2026", "Ngày 20/11/2026 đã qua."],
  ["5/12/2031", "Chỉ xếp lịch được trong vòng 400 ngày tới."],
];
const BAD_TIMES: Array<[string, string]> = [
  ["25:00", '“25:00” không phải là giờ hợp lệ'],
  ["24:00", '“24:00” không phải là giờ hợp lệ'],
  ["13:60", '“13:60” không phải là giờ hợp lệ'],
  ["-1", 'Chưa hiểu giờ “-1”'],
  ["99999999999999999999", 'Chưa hiểu giờ “99999999999999999999”'],
  ["ngày mai", 'Chưa hiểu giờ “ngày mai”'],
  ["31/02", 'Chưa hiểu giờ “31/02”'],
];

describe.each(DB_KINDS)("bad input in the meeting flows on %s", (db) => {
  let h: Harness;

  /** Sends each bad answer: each gets its own clear answer, the flow stays on `step`, the data stay as they were. */
  async function refused(step: string, cases: Array<[string, string]>): Promise<void> {
    const before = await meetingState(h);
    for (const [input, answer] of cases) {
      const replies = await h.send(ADMIN, input);
      expect(replies.map((r) => r.text).join("\n"), `answer to ${JSON.stringify(input)}`).toContain(answer);
      expect(await flowStep(h, ADMIN), `step after ${JSON.stringify(input)}`).toBe(step);
    }
    expect(await meetingState(h)).toEqual(before);
  }

  beforeAll(async () => {
    h = await createHarness({ db });
    await branchWithMembers(h, "Chi bộ Công ty Cổ phần Cơ khí Đông Anh", [["binh", "Trần Thị Bình"]]);
  });
  afterAll(() => h.close());

  it("/lichhop: rule steps", async () => {
    await h.send(ADMIN, "/lichhop");
    await refused("menu", [["xyz", "Vui lòng chọn một trong các lựa chọn"], ["9", "Vui lòng chọn một trong các lựa chọn"]]);
    await h.press(ADMIN, "Đặt lịch định kỳ");
    await refused("kind", [["ngày 5", "Vui lòng chọn một trong các lựa chọn"]]);
    await h.press(ADMIN, "Một ngày cố định (ví dụ ngày 5)");
    await refused("day", [
      ["32", "Ngày trong tháng phải là một số từ 1 đến 31"],
      ["0", "Ngày trong tháng phải là một số từ 1 đến 31"],
      ["-1", "Ngày trong tháng phải là một số từ 1 đến 31"],
      ["31/02", "Ngày trong tháng phải là một số từ 1 đến 31"],
      ["99999999999999999999", "Ngày trong tháng phải là một số từ 1 đến 31"],
      ["ngày mai", "Ngày trong tháng phải là một số từ 1 đến 31"],
    ]);
    await h.send(ADMIN, "ngày 31");
    await refused("time", BAD_TIMES);
    await h.send(ADMIN, "14:00");
    await refused("place", [["...", "Nội dung chưa có chữ"], ["x".repeat(201), "Nội dung dài quá 200 ký tự"], ["7", "“7” không phải là lựa chọn ở bước này"]]);
    await h.send(ADMIN, "Phòng họp tầng 2");
    await refused("topic", [["!!!", "Nội dung chưa có chữ"], ["a".repeat(2001), "Tin nhắn quá dài (2.001 ký tự)"]]);
    await h.press(ADMIN, "Không ghi nội dung");
    await refused("confirm", [["có lẽ", "Vui lòng chọn một trong các lựa chọn"]]);
    // A stale button from an earlier step is refused too.
    const [stale] = await h.action(ADMIN, "f:zzzzzz:ok");
    expect(stale?.text).toContain("Lựa chọn này đã hết hiệu lực");
    await h.press(ADMIN, "Sửa");
    await h.press(ADMIN, "Một thứ của tuần thứ mấy (ví dụ Thứ Năm tuần thứ 2)");
    await refused("nth", [["5", "Vui lòng chọn"], ["tuần thứ năm", "Vui lòng chọn"]]);
    await h.press(ADMIN, "Tuần thứ nhất");
    await refused("weekday", [["thứ 8", "Chưa hiểu thứ trong tuần"], ["9", "Chưa hiểu thứ trong tuần"], ["ngày mai", "Chưa hiểu thứ trong tuần"]]);
    await h.send(ADMIN, "/huy");
    expect(await h.store.db.meetingRule.count()).toBe(0);
  });

  it("/lichhop: adding and moving a meeting", async () => {
    await h.send(ADMIN, "/lichhop");
    await h.press(ADMIN, "Thêm buổi họp");
    await h.press(ADMIN, "Sinh hoạt chuyên đề");
    await refused("date", BAD_DATES);
    await h.send(ADMIN, "25/11/2026"); // today (10:00 in Hà Nội)
    await refused("mtime", [...BAD_TIMES, ["9:00", "Thời điểm này đã qua (bây giờ là 10:00, Thứ Tư 25/11/2026)"]]);
    await h.send(ADMIN, "14h30");
    await h.send(ADMIN, "Hội trường");
    await refused("mtopic", [["   .", "Nội dung chưa có chữ"], ["x".repeat(300), "Nội dung dài quá 200 ký tự"]]);
    await h.send(ADMIN, "Chuyên đề về tiết kiệm");
    await h.press(ADMIN, "Xác nhận");
    expect(await h.store.db.meeting.count()).toBe(1);

    await h.send(ADMIN, "/lichhop");
    await h.press(ADMIN, "Dời một buổi họp");
    await refused("pick-move", [["ngày mai", "Vui lòng chọn"]]);
    await h.press(ADMIN, "25/11 14:30 · Sinh hoạt chuyên đề");
    await refused("date", BAD_DATES);
    await h.send(ADMIN, "26/11");
    await refused("mtime", BAD_TIMES);
    await h.send(ADMIN, "/huy");
    const meeting = await h.store.db.meeting.findFirstOrThrow();
    expect(meeting.startsAt.toISOString()).toBe("2026-11-25T07:30:00.000Z");
  });

  it("/nhacnho: reminder offsets", async () => {
    await h.send(ADMIN, "/nhacnho");
    await h.press(ADMIN, "Sửa mốc nhắc");
    await refused("offsets", [
      ["31/02", "Chưa hiểu"],
      ["25:00", "Chưa hiểu"],
      ["ngày mai", "Chưa hiểu"],
      ["-1 ngày", "Chưa hiểu"],
      ["3", "Chưa hiểu"],
      ["99999999999999999999", "Chưa hiểu"],
      ["5 phút", "Mỗi mốc phải từ 15 phút đến 30 ngày trước buổi họp"],
      ["31 ngày", "Mỗi mốc phải từ 15 phút đến 30 ngày trước buổi họp"],
      ["1d 2d 3d 4d 5d 6d", "Nhiều nhất 5 mốc nhắc"],
    ]);
    const [preview] = await h.send(ADMIN, "2 ngày, 3 giờ");
    expect(preview?.text).toContain("Nhắc trước buổi họp: 2 ngày, 3 giờ");
    await h.press(ADMIN, "Hủy");
    expect(await h.store.db.reminderOffset.count()).toBe(0);
    // A forged /nhacnho button changes nothing.
    const [forged] = await h.action(ADMIN, "n:timezone");
    expect(forged?.text).toContain("Lựa chọn này đã hết hiệu lực");
    const [member] = await h.action("binh", "n:offsets");
    expect(member?.text).toBe("Lệnh này chỉ dành cho quản trị của chi bộ.");
    // Its nudge buttons open the question of /caidat (the settings feature's own button); a forged
    // settings button opens nothing, and is not a member's to press.
    await h.send(ADMIN, "/nhacnho");
    const [asked] = await h.press(ADMIN, "Số lần nhắc thêm");
    expect(asked?.text).toContain("sẽ được nhắc thêm tối đa mấy lần (từ 0 đến 5)?");
    expect(await flowStep(h, ADMIN)).toBe("value");
    await h.send(ADMIN, "/huy");
    const [unknown] = await h.action(ADMIN, "st:no-such-setting");
    expect(unknown?.text).toContain("Lựa chọn này đã hết hiệu lực");
    const [notTheirs] = await h.action("binh", "st:nudge-count");
    expect(notTheirs?.text).toBe("Lệnh này chỉ dành cho quản trị của chi bộ.");
  });

  it("/caidat: every setting", async () => {
    const cases: Array<[string, string, Array<[string, string]>]> = [
      ["Múi giờ", "value", [["Mars/Olympus", 'Không tìm thấy múi giờ “Mars/Olympus”'], ["UTC+7", "Không tìm thấy múi giờ"], ["ngày mai", "Không tìm thấy múi giờ"], ["99999999999999999999", "Không tìm thấy múi giờ"]]],
      ["Giờ yên tĩnh", "value", [["25:00-07:00", '“25:00” không phải là giờ hợp lệ'], ["21:00", "Chưa hiểu khoảng giờ"], ["21:00-21:00", "trùng nhau"], ["31/02", "Chưa hiểu khoảng giờ"]]],
      ["Số lần nhắc thêm", "value", [["6", "Số phải từ 0 đến 5"], ["-1", "Số phải từ 0 đến 5"], ["99999999999999999999", "Vui lòng gõ một số từ 0 đến 5"], ["ngày mai", "Vui lòng gõ một số từ 0 đến 5"]]],
      ["Khoảng cách nhắc thêm", "value", [["0", "Số phải từ 1 đến 72"], ["73", "Số phải từ 1 đến 72"], ["30 phút", "Số phải từ 1 đến 72"], ["25:00", "Vui lòng gõ một số từ 1 đến 72"]]],
    ];
    for (const [label, step, bad] of cases) {
      await h.send(ADMIN, "/caidat");
      await h.press(ADMIN, label);
      await refused(step, bad);
      await h.send(ADMIN, "/huy");
    }
    expect(await h.store.db.auditLog.count({ where: { action: "settings.changed" } })).toBe(0);
    const [member] = await h.send("binh", "/caidat");
    expect(member?.text).toBe("Lệnh này chỉ dành cho quản trị của chi bộ.");
  });
});
