// Issue 13, bug 5: two members with the same name must be told apart wherever names are listed:
// /baocao, the export, /thanhvien, /gopy and the notices the chi ủy gets. Without a note from the
// admin they read "Trần Văn An (1)" and "Trần Văn An (2)" (by joining order); with one, the note.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db.ts";
import { labels } from "../helpers/chat.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

const DAY = 86_400_000;

describe.each(DB_KINDS)("members of the same name on %s", (db) => {
  let h: Harness;
  let branchId: string;

  beforeAll(async () => {
    h = await createHarness({ db });
    const first = await h.createBranch("Chi bộ Khu phố 3");
    await h.join("lan", first, "Nguyễn Thị Lan");
    branchId = (await h.store.db.branch.findFirstOrThrow()).id;
    await h.store.db.invite.create({ data: { branchId, code: "CHUNG2MOI3", maxUses: 100, expiresAt: new Date(h.clock.now().getTime() + 30 * DAY) } });
    await h.join("an1", "CHUNG-2MOI3", "Trần Văn An");
    h.clock.advance(60_000);
    await h.join("an2", "CHUNG-2MOI3", "Trần Văn An");
    await h.join("binh", "CHUNG-2MOI3", "Lê Thị Bình");
    // A regular meeting in four days that nobody has answered yet.
    await h.store.db.meeting.create({ data: { branchId, startsAt: new Date(h.clock.now().getTime() + 4 * DAY), kind: "REGULAR" } });
  });
  afterAll(() => h.close());

  it("/baocao names both, each with its own mark", async () => {
    const digest = (await h.send("lan", "/baocao")).map((m) => m.text).join("\n");
    expect(digest).toContain("Trần Văn An (1), Trần Văn An (2)");
    expect(digest).not.toMatch(/Trần Văn An, Trần Văn An/);
  });

  it("/thanhvien lists them apart, and the admin can set a note that replaces the number", async () => {
    const [list] = await h.send("lan", "/thanhvien");
    expect(labels(list)).toContain("Trần Văn An (1)");
    expect(labels(list)).toContain("Trần Văn An (2)");
    const [card] = await h.press("lan", "Trần Văn An (2)");
    expect(card?.text).toContain("Đồng chí Trần Văn An (2)");
    expect(card?.text).toContain("Có đồng chí khác cùng họ tên");
    const [ask] = await h.press("lan", "Ghi chú phân biệt");
    expect(ask?.text).toContain("ví dụ: sinh 1958");
    const [tooLong] = await h.send("lan", "x".repeat(50));
    expect(tooLong?.text).toContain("tối đa 30 ký tự");
    const [confirm] = await h.send("lan", "sinh 1958");
    expect(confirm?.text).toContain("Trần Văn An (sinh 1958)");
    await h.press("lan", "Xác nhận");
    const member = await h.store.db.member.findFirstOrThrow({ where: { nameNote: "sinh 1958" } });
    expect(member.joinedAt.getTime()).toBeGreaterThan((await h.store.db.member.findFirstOrThrow({ where: { fullName: "Trần Văn An", nameNote: null } })).joinedAt.getTime());
    await h.send("lan", "/huy");
    const digest = (await h.send("lan", "/baocao")).map((m) => m.text).join("\n");
    expect(digest).toContain("Trần Văn An (1), Trần Văn An (sinh 1958)");
  });

  it("the export's name column tells them apart", async () => {
    const meeting = await h.store.db.meeting.findFirstOrThrow();
    for (const m of await h.store.db.member.findMany({ where: { fullName: "Trần Văn An" } })) {
      await h.store.db.rsvp.create({ data: { meetingId: meeting.id, memberId: m.id, answer: "ABSENT", reason: "Đi công tác" } });
    }
    await h.send("lan", "/xuat");
    await h.press("lan", "Năm nay (2026)");
    const [file] = (await h.press("lan", "CSV (.csv)")).filter((m) => m.files?.length);
    const csv = file!.files!.map((f) => Buffer.from(f.data, "base64").toString("utf8")).join("\n");
    expect(csv).toContain("Trần Văn An (1)");
    expect(csv).toContain("Trần Văn An (sinh 1958)");
  });

  it("/gopy and the secretaries' notices use the same names", async () => {
    const [list] = await h.send("lan", "/gopy");
    expect(labels(list).some((l) => l.startsWith("Trần Văn An (1) · "))).toBe(true);
    expect(labels(list).some((l) => l.startsWith("Trần Văn An (sinh 1958) · "))).toBe(true);
    await h.send("lan", "/huy");
    // The second An erases their data: the admin is told which one.
    const before = h.inbox("lan").length;
    await h.send("an2", "/xoadulieu");
    await h.press("an2", "Xác nhận xóa");
    expect(h.inbox("lan").slice(before).map((m) => m.text)).toContain("Đồng chí Trần Văn An (sinh 1958) đã xóa dữ liệu của mình và rời Trợ lý Chi bộ.");
    // The note went with the rest of their data.
    expect(await h.store.db.member.count({ where: { nameNote: { not: null } } })).toBe(0);
  });

  it("a name alone in the branch gets no mark", async () => {
    const digest = (await h.send("lan", "/baocao")).map((m) => m.text).join("\n");
    expect(digest).toContain("Lê Thị Bình");
    expect(digest).not.toContain("Lê Thị Bình (");
    // With the other An gone, the first one is alone again: no number.
    expect(digest).toContain("Trần Văn An");
    expect(digest).not.toContain("Trần Văn An (");
  });
});
