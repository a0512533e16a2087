// On Zalo there are no buttons: the reminder's choices are answered by typing "1", "2" or the label.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import { createHarness, type Harness } from "../../helpers/harness.ts";
import { ADMIN, branchWithMembers } from "./helpers.ts";

describe.each(DB_KINDS)("answering a reminder by typing, on %s", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ db, platform: "ZALO" });
    await branchWithMembers(h, "Chi bộ Phòng Tổ chức - Hành chính", [["binh", "Trần Thị Bình"], ["cuong", "Lê Hoàng Cường"]]);
    await h.send(ADMIN, "lichhop");
    await h.send(ADMIN, "1"); // Đặt lịch định kỳ
    await h.send(ADMIN, "1"); // Một ngày cố định
    await h.send(ADMIN, "ngày 3");
    await h.send(ADMIN, "19h30");
    await h.send(ADMIN, "Nhà văn hóa tổ 7");
    await h.send(ADMIN, "bo qua");
    await h.send(ADMIN, "xac nhan");
    h.clock.set("2026-11-30T12:30:00Z"); // three days before 19:30 on 3/12
    await h.tick();
  });
  afterAll(() => h.close());

  it("the reminder arrived with its choices", () => {
    const reminder = h.last("binh");
    expect(reminder?.text).toContain("Thời gian: 19:30, Thứ Năm 03/12/2026");
    expect(reminder?.choices?.flat().map((c) => c.label)).toEqual(["Tham dự", "Vắng mặt"]);
  });

  it('"1" answers Tham dự', async () => {
    const [answer] = await h.send("binh", "1");
    expect(answer?.text).toContain("Đã ghi nhận: đồng chí sẽ tham dự");
  });

  it('"vang mat" typed without diacritics asks for the reason, which is stored', async () => {
    const [ask] = await h.send("cuong", "vang mat");
    expect(ask?.text.startsWith("Lý do vắng?")).toBe(true);
    const [saved] = await h.send("cuong", "Con ốm phải đưa đi viện");
    expect(saved?.text).toContain("lý do: Con ốm phải đưa đi viện");
    const rsvps = await h.store.db.rsvp.findMany();
    expect(rsvps.map((r) => [r.answer, r.reason]).sort()).toEqual([["ABSENT", "Con ốm phải đưa đi viện"], ["ATTEND", null]]);
  });
});
