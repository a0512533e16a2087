// The chi ủy's daily notice: members' commitments and answers changed close to a meeting reach the
// secretaries as one message a day at the branch's time, never one message per change; /caidat
// sets the time or turns it off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";
import { register, sample } from "./commitments/setup.ts";
import { ADMIN, branchWithMembers } from "./meetings/helpers.ts";

const TITLE = "TIN TRONG NGÀY CHO CHI ỦY · Chi bộ Khu phố 7";

describe.each(DB_KINDS)("daily notice for the chi ủy on %s", (db) => {
  let h: Harness;
  const notices = () => h.inbox(ADMIN).filter((m) => m.text.startsWith(TITLE));
  const at = async (iso: string) => {
    h.clock.set(iso);
    await h.tick();
  };

  beforeAll(async () => {
    h = await createHarness({ db });
    await branchWithMembers(h, "Chi bộ Khu phố 7", [
      ["binh", "Trần Thị Bình"],
      ["cuong", "Lê Hoàng Cường"],
    ]);
  });
  afterAll(() => h.close());

  it("commitments sent during the day reach the secretary together at 18:00, once", async () => {
    const before = h.inbox(ADMIN).length;
    await register(h, "binh", [sample.commitments[0]!, sample.commitments[1]!]); // 10:00
    expect(h.inbox(ADMIN).slice(before)).toEqual([]);
    await at("2026-11-25T10:59:00Z");
    expect(notices()).toHaveLength(0);
    await at("2026-11-25T11:00:00Z"); // 18:00
    await at("2026-11-25T11:01:00Z");
    expect(notices()).toHaveLength(1);
    expect(notices()[0]?.text).toBe(
      [
        `${TITLE} (1 thay đổi). Xem đầy đủ bằng lệnh /baocao.`,
        `• Đồng chí Trần Thị Bình đã gửi đăng ký làm theo (năm 2026):\n- ${sample.commitments[0]}\n- ${sample.commitments[1]}`,
      ].join("\n\n"),
    );
  });

  it("a change after the day's notice waits for the next day's", async () => {
    h.clock.set("2026-11-25T12:00:00Z"); // 19:00
    await register(h, "cuong", [sample.commitments[2]!]);
    await at("2026-11-25T12:05:00Z");
    await at("2026-11-26T03:00:00Z");
    expect(notices()).toHaveLength(1);
    await at("2026-11-26T11:00:00Z");
    expect(notices()).toHaveLength(2);
    expect(notices()[1]?.text).toContain("• Đồng chí Lê Hoàng Cường đã gửi đăng ký làm theo (năm 2026):");
  });

  it("an answer changed after the digest before the meeting is in the notice while the meeting is ahead", async () => {
    // A meeting at 19:30 on Thursday 03/12; the secretaries' digest goes 24 hours before.
    h.clock.set("2026-11-30T03:00:00Z");
    await h.send(ADMIN, "/lichhop");
    await h.press(ADMIN, "Thêm buổi họp");
    await h.press(ADMIN, "Sinh hoạt chi bộ (buổi bổ sung)");
    await h.send(ADMIN, "03/12/2026");
    await h.send(ADMIN, "19:30");
    await h.send(ADMIN, "Nhà văn hóa khu phố");
    await h.press(ADMIN, "Không ghi nội dung");
    await h.press(ADMIN, "Xác nhận");
    await at("2026-11-30T12:30:00Z"); // the three-day reminder
    for (const user of ["binh", "cuong"]) {
      await h.send(user, "/hop");
      await h.press(user, "Tham dự");
    }
    await at("2026-12-01T11:00:00Z"); // 18:00 on 01/12: answers before the digest are no news
    expect(notices()).toHaveLength(2);
    h.clock.set("2026-12-02T13:00:00Z"); // 20:00 on 02/12, after the digest
    await h.send("binh", "/hop");
    await h.press("binh", "Vắng mặt");
    await h.send("binh", "Con ốm phải đưa đi viện");
    await at("2026-12-03T11:00:00Z"); // 18:00 on 03/12
    expect(notices()).toHaveLength(3);
    expect(notices()[2]?.text).toContain(
      "• Đồng chí Trần Thị Bình đổi trả lời buổi sinh hoạt lúc 19:30, Thứ Năm 03/12/2026: Tham dự → Vắng mặt (lý do: Con ốm phải đưa đi viện).",
    );
    // A change at 18:30 would only arrive after the meeting: it is dropped, the digest has it.
    h.clock.set("2026-12-03T11:30:00Z");
    await h.send("cuong", "/hop");
    await h.press("cuong", "Vắng mặt");
    await h.send("cuong", "Đi công tác đột xuất");
    await at("2026-12-04T11:00:00Z");
    expect(notices()).toHaveLength(3);
  });

  it("/caidat turns it off; then nothing is noted", async () => {
    await h.send(ADMIN, "/caidat");
    const [ask] = await h.press(ADMIN, "Tin hằng ngày cho chi ủy");
    expect(ask?.text).toContain("Hiện tại: lúc 18:00 hằng ngày.");
    // Typed as the prompt shows it, quotes and all.
    const [confirm] = await h.send(ADMIN, "“tắt”");
    expect(confirm?.text).toContain("Tin hằng ngày cho chi ủy: lúc 18:00 hằng ngày → tắt");
    await h.press(ADMIN, "Xác nhận");
    const branch = await h.store.db.branch.findFirstOrThrow({ where: { name: "Chi bộ Khu phố 7" } });
    expect(branch.noticeMinute).toBeNull();
    const pending = await h.store.db.notice.count({ where: { sentAt: null } });
    await h.send("binh", "/dangky");
    await h.press("binh", "Thêm việc");
    await h.send("binh", sample.commitments[3]!);
    await h.press("binh", "Xác nhận");
    expect(await h.store.db.notice.count({ where: { sentAt: null } })).toBe(pending);
  });
});
