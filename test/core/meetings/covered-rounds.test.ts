// A reminder stays due for days and a province has 15,000 of them: once a round is queued for
// everyone, later ticks skip it without reading its members or keys, for as long as the branch's
// members and the meeting's answers are as they were. Who joins, is no longer exempted, or answers
// since is looked at again, and gets exactly what they should.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../helpers/db.ts";
import { createHarness, type Harness } from "../../helpers/harness.ts";
import { ADMIN, branchWithMembers } from "./helpers.ts";

const REMINDER = "Nhắc lịch sinh hoạt chi bộ";

describe.each(DB_KINDS)("reminder rounds already queued on %s", (db) => {
  let h: Harness;
  let branchId: string;
  const count = (user: string) => h.inbox(user).filter((m) => m.text.startsWith(REMINDER)).length;

  beforeAll(async () => {
    h = await createHarness({ db });
    branchId = await branchWithMembers(h, "Chi bộ Khu phố 5", [
      ["binh", "Trần Thị Bình"],
      ["dung", "Phạm Thị Dung"],
    ]);
    await h.store.db.member.updateMany({ where: { fullName: "Phạm Thị Dung" }, data: { exempted: true } });
    await h.store.db.meeting.create({ data: { branchId, kind: "THEMATIC", startsAt: new Date("2026-12-10T07:00:00Z"), place: "Hội trường", topic: "Chuyên đề" } });
  });
  afterAll(() => h.close());

  it("a new member and one no longer exempted get the reminder at the next tick; nobody gets it twice", async () => {
    h.clock.set("2026-12-07T07:00:00Z");
    await h.tick();
    for (const user of [ADMIN, "binh"]) expect(count(user)).toBe(1);
    expect(count("dung")).toBe(0);
    h.clock.set("2026-12-07T07:01:00Z");
    await h.tick(); // the round is complete: skipped

    const giang = await h.store.db.member.create({ data: { branchId, fullName: "Đỗ Văn Giang", consentAt: new Date() } });
    await h.store.db.identity.create({ data: { platform: "TELEGRAM", botAccountId: "default-telegram", userId: "giang", chatId: "giang", memberId: giang.id } });
    h.clock.set("2026-12-07T07:02:00Z");
    await h.tick();
    expect(count("giang")).toBe(1);

    // Same number of members, one of them changed.
    await h.store.db.member.updateMany({ where: { fullName: "Phạm Thị Dung" }, data: { exempted: false } });
    h.clock.set("2026-12-07T07:03:00Z");
    await h.tick();
    expect(count("dung")).toBe(1);

    h.clock.set("2026-12-07T07:04:00Z");
    await h.tick();
    for (const user of [ADMIN, "binh", "giang", "dung"]) expect(count(user)).toBe(1);
  });
});
