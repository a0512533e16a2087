// Messages that are late (a meeting added after its first reminder was due) or caught up (after a
// restart) keep to quiet hours like planned ones; the first message about a meeting is always the
// invitation; and what downtime piled up goes out as one message, never as a burst of repeats.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import { createHarness, type Harness } from "../../helpers/harness.ts";
import { register, sample } from "../commitments/setup.ts";
import { ADMIN, branchWithMembers } from "./helpers.ts";

const REMINDER = "Nhắc lịch sinh hoạt chi bộ";
const NUDGE = "Đồng chí chưa báo tham dự hay vắng mặt buổi sinh hoạt sau:";
const EVAL_NUDGE = "Nhắc: đồng chí chưa gửi tự đánh giá";

/** Quiet hours 22:00–05:30, set as an admin does. */
async function quietHours(h: Harness): Promise<void> {
  await h.send(ADMIN, "/caidat");
  await h.press(ADMIN, "Giờ yên tĩnh");
  await h.send(ADMIN, "22:00-05:30");
  await h.press(ADMIN, "Xác nhận");
}

/** A sinh hoạt chuyên đề added through /lichhop on `date` at `time`. */
async function addMeeting(h: Harness, date: string, time: string): Promise<void> {
  await h.send(ADMIN, "/lichhop");
  await h.press(ADMIN, "Thêm buổi họp");
  await h.press(ADMIN, "Sinh hoạt chuyên đề");
  await h.send(ADMIN, date);
  await h.send(ADMIN, time);
  await h.send(ADMIN, "Hội trường khu phố");
  await h.send(ADMIN, "Học tập chuyên đề năm 2026");
  await h.press(ADMIN, "Xác nhận");
}

describe.each(DB_KINDS)("late and caught-up reminders on %s", (db) => {
  let h: Harness;
  let h2: Harness;
  const about = (user: string, day: string) => [h, h2].filter(Boolean).flatMap((x) => x.inbox(user)).filter((m) => m.text.includes(day));
  const heads = (user: string, day: string) => about(user, day).map((m) => m.text.split("\n")[0]);
  const at = async (x: Harness, iso: string) => {
    x.clock.set(iso);
    await x.tick();
  };

  beforeAll(async () => {
    h = await createHarness({ db });
    await branchWithMembers(h, "Chi bộ Khu phố 3", [["binh", "Trần Thị Bình"]]);
    await quietHours(h);
  });
  afterAll(async () => {
    await h2?.close();
    await h.close();
  });

  it("a meeting added at 22:31 two days ahead: nothing in the night, then the invitation, not a nudge", async () => {
    h.clock.set("2026-11-30T15:31:00Z"); // 22:31, Monday 30/11
    await addMeeting(h, "02/12/2026", "19:00");
    // /nhacnho says which reminders are past and what goes in their place.
    const [summary] = await h.send(ADMIN, "/nhacnho");
    expect(summary?.text.split("\n\n").at(-1)).toBe(
      [
        "Buổi họp tới (19:00, Thứ Tư 02/12/2026) sẽ được nhắc:",
        "• 19:00, Chủ Nhật 29/11/2026 – nhắc trước 3 ngày: đã qua",
        "• 19:00, Thứ Hai 30/11/2026 – nhắc thêm lần 1 (cho đồng chí chưa trả lời): đã qua",
        "• 05:30, Thứ Ba 01/12/2026 – gửi bù lời nhắc đầu tiên (sau giờ yên tĩnh)",
        "• 19:00, Thứ Ba 01/12/2026 – nhắc trước 1 ngày",
        "• 17:00, Thứ Tư 02/12/2026 – nhắc trước 2 giờ",
      ].join("\n"),
    );
    await at(h, "2026-11-30T15:31:30Z");
    await at(h, "2026-11-30T20:00:00Z"); // 03:00
    expect(about("binh", "02/12/2026")).toEqual([]);
    await at(h, "2026-11-30T22:30:00Z"); // 05:30: quiet hours are over
    await at(h, "2026-11-30T23:00:00Z");
    expect(heads("binh", "02/12/2026")).toEqual([REMINDER]);
  });

  it("a nudge caught up after a restart at 22:30 waits for the morning", async () => {
    h.clock.set("2026-12-01T03:00:00Z"); // 10:00, Tuesday 01/12
    await addMeeting(h, "05/12/2026", "19:00");
    await at(h, "2026-12-02T12:00:00Z"); // 19:00 on 02/12: three days before
    expect(heads("binh", "05/12/2026")).toEqual([REMINDER]);
    // Down from before the nudge (19:00 on 03/12) until 22:30; a new process starts.
    await h.sender.stop();
    h2 = await createHarness({ databaseUrl: h.databaseUrl, clock: h.clock });
    await at(h2, "2026-12-03T15:30:00Z");
    expect(heads("binh", "05/12/2026")).toEqual([REMINDER]);
    await at(h2, "2026-12-03T22:30:00Z"); // 05:30 on 04/12
    expect(heads("binh", "05/12/2026")).toEqual([REMINDER, NUDGE]);
  });

  it("what waited through the night never comes as a burst with the next reminder", async () => {
    h2.clock.set("2026-12-07T03:00:00Z"); // 10:00, Monday 07/12
    await addMeeting(h2, "11/12/2026", "19:00");
    await at(h2, "2026-12-08T12:00:00Z"); // the invitation, 19:00 on 08/12
    // The nudge of 19:00 on 09/12 is caught up at 22:30 and waits for 05:30 on 10/12; the bot is then
    // down until 19:30 on 10/12, after the one-day reminder was due.
    await at(h2, "2026-12-09T15:30:00Z");
    await at(h2, "2026-12-10T12:30:00Z");
    expect(heads("binh", "11/12/2026")).toEqual([REMINDER, REMINDER]);
    expect(await h2.store.db.outbox.count({ where: { status: "PENDING", key: { contains: ":" } } })).toBe(0);
  });
});

describe.each(DB_KINDS)("self-evaluation nudges after downtime on %s", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ db });
    await branchWithMembers(h, "Chi bộ Khu phố 5", [["binh", "Trần Thị Bình"]]);
    await quietHours(h);
    await register(h, "binh", [sample.commitments[0]!]);
    // A regular meeting at 19:00 on Saturday 12/12/2026: the window opens at 19:00 on 05/12, the
    // nudges are due at 19:00 on 10/12 and on 11/12.
    h.clock.set("2026-12-01T03:00:00Z");
    await h.send(ADMIN, "/lichhop");
    await h.press(ADMIN, "Đặt lịch định kỳ");
    await h.press(ADMIN, "Một ngày cố định (ví dụ ngày 5)");
    await h.send(ADMIN, "12");
    await h.send(ADMIN, "19:00");
    await h.press(ADMIN, "Chưa có, chi ủy báo sau");
    await h.press(ADMIN, "Không ghi nội dung");
    await h.press(ADMIN, "Xác nhận");
  });
  afterAll(() => h.close());

  it("a nudge that waited for the morning and a later one due at restart make one message", async () => {
    h.clock.set("2026-12-05T12:05:00Z");
    await h.tick();
    expect(h.inbox("binh").filter((m) => m.text.startsWith("Đã mở tự đánh giá"))).toHaveLength(1);
    h.clock.set("2026-12-10T15:30:00Z"); // 22:30 on 10/12, the first nudge caught up
    await h.tick();
    expect(h.inbox("binh").filter((m) => m.text.startsWith(EVAL_NUDGE))).toHaveLength(0);
    h.clock.set("2026-12-11T12:30:00Z"); // 19:30 on 11/12, after the second nudge was due
    await h.tick();
    await h.tick();
    expect(h.inbox("binh").filter((m) => m.text.startsWith(EVAL_NUDGE))).toHaveLength(1);
  });
});
