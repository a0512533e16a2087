// A member reports an absence from a later meeting ahead of time from /hop (báo vắng trước), and is
// then not reminded of it; cancelled meetings stay in /lichhop's list with their reason; and the way
// out of /lichhop is never called "Hủy", which is one of its actions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labels } from "../../helpers/chat.ts";
import { DB_KINDS } from "../../helpers/db.ts";
import { createHarness, type Harness } from "../../helpers/harness.ts";
import { ADMIN, branchWithMembers } from "./helpers.ts";

describe.each(DB_KINDS)("answering ahead and cancelled meetings on %s", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ db });
    await branchWithMembers(h, "Chi bộ Khu phố 9", [["binh", "Trần Thị Bình"]]);
    // The 5th of every month at 19:00; 05/02/2027 is in the Tết break and moves to Wednesday 10/02.
    await h.send(ADMIN, "/lichhop");
    await h.press(ADMIN, "Đặt lịch định kỳ");
    await h.press(ADMIN, "Một ngày cố định (ví dụ ngày 5)");
    await h.send(ADMIN, "5");
    await h.send(ADMIN, "19:00");
    await h.send(ADMIN, "Nhà văn hóa khu phố 9");
    await h.press(ADMIN, "Không ghi nội dung");
    await h.press(ADMIN, "Dời sang Thứ Tư 10/02/2027");
  });
  afterAll(() => h.close());

  it("/hop lists the later meetings and lets an absence next month be reported now", async () => {
    const [hop] = await h.send("binh", "/hop");
    expect(hop?.text).toContain("Sinh hoạt chi bộ định kỳ tháng 12/2026\nThời gian: 19:00, Thứ Bảy 05/12/2026");
    expect(hop?.text).toContain(
      ["Các buổi sau, có thể báo trước:", "• 19:00, Thứ Ba 05/01/2027: chưa trả lời", "• 19:00, Thứ Tư 10/02/2027: chưa trả lời"].join("\n"),
    );
    expect(labels(hop)).toEqual(["Tham dự", "Vắng mặt", "Báo trước cho buổi Thứ Ba 05/01/2027", "Báo trước cho buổi Thứ Tư 10/02/2027"]);
    // On Zalo the same is typed as a number.
    const [january] = await h.send("binh", "3");
    expect(january?.text).toContain("Sinh hoạt chi bộ định kỳ tháng 01/2027\nThời gian: 19:00, Thứ Ba 05/01/2027");
    expect(january?.text).toContain("Trả lời của đồng chí: chưa trả lời");
    expect(labels(january)).toEqual(["Tham dự", "Vắng mặt"]);
    await h.press("binh", "Vắng mặt");
    const [saved] = await h.send("binh", "Về quê ăn cưới");
    expect(saved?.text).toBe("Đã ghi nhận: đồng chí vắng mặt buổi sinh hoạt lúc 19:00, Thứ Ba 05/01/2027, lý do: Về quê ăn cưới. Nếu có thay đổi, gõ /hop để báo lại.");
    const [again] = await h.send("binh", "/hop");
    expect(again?.text).toContain("• 19:00, Thứ Ba 05/01/2027: Vắng mặt (lý do: Về quê ăn cưới)");
    expect(again?.text).toContain("Trả lời của đồng chí: chưa trả lời");
  });

  it("who reported the absence ahead is not reminded of that meeting; the others are", async () => {
    h.clock.set("2027-01-02T12:00:00Z"); // three days before 05/01
    await h.tick();
    const about = (user: string) => h.inbox(user).filter((m) => m.text.includes("05/01/2027") && m.text.startsWith("Nhắc lịch"));
    expect(about("binh")).toEqual([]);
    expect(about(ADMIN)).toHaveLength(1);
  });

  it("a cancelled meeting stays in /lichhop's list, marked, with its reason; leaving is never called Hủy", async () => {
    const [menu] = await h.send(ADMIN, "/lichhop");
    expect(labels(menu)).toEqual(["Sửa lịch định kỳ", "Dời một buổi họp", "Hủy một buổi họp", "Thêm buổi họp", "Thoát"]);
    const [pick] = await h.press(ADMIN, "Hủy một buổi họp");
    expect(labels(pick).at(-1)).toBe("Không hủy nữa");
    const [reason] = await h.press(ADMIN, "10/02 19:00 · Sinh hoạt chi bộ định kỳ tháng 02/2027");
    expect(labels(reason)).toEqual(["Không nêu lý do", "Không hủy nữa"]);
    const [confirm] = await h.send(ADMIN, "Trùng lịch họp tổ dân phố");
    expect(confirm?.text).toContain("Lý do: Trùng lịch họp tổ dân phố");
    expect(confirm?.text).toContain("Chưa đồng chí nào được nhắc hoặc trả lời, nên không cần báo cho ai.");
    expect(labels(confirm)).toEqual(["Xác nhận", "Sửa", "Không hủy nữa"]);
    const [done] = await h.press(ADMIN, "Xác nhận");
    expect(done?.text).toBe("Đã hủy buổi họp lúc 19:00, Thứ Tư 10/02/2027.");
    const [after] = await h.send(ADMIN, "/lichhop");
    expect(after?.text).toContain("• 10/02 19:00 · Sinh hoạt chi bộ định kỳ tháng 02/2027 – đã hủy, lý do: Trùng lịch họp tổ dân phố");
    // It can no longer be moved or cancelled again.
    const [move] = await h.press(ADMIN, "Dời một buổi họp");
    expect(labels(move)).not.toContain("10/02 19:00 · Sinh hoạt chi bộ định kỳ tháng 02/2027");
    // The answer to the way out says what was chosen.
    const [left] = await h.send(ADMIN, "thoát");
    expect(left?.text).toBe("Đã thoát. Không có gì thay đổi.");
    await h.send(ADMIN, "/lichhop");
    await h.press(ADMIN, "Hủy một buổi họp");
    await h.press(ADMIN, "05/03 19:00 · Sinh hoạt chi bộ định kỳ tháng 03/2027");
    await h.press(ADMIN, "Không nêu lý do");
    const [kept] = await h.press(ADMIN, "Không hủy nữa");
    expect(kept?.text).toBe("Không hủy: buổi họp vẫn giữ nguyên lịch.");
    expect(await h.store.db.meeting.count({ where: { status: "CANCELLED" } })).toBe(1);
  });
});
