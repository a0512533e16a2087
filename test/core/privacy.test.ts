// /dulieu and /xoadulieu (Decree 13/2023/NĐ-CP): everything held, in a file a person can read; an
// erasure that takes the member out of what others received, the audit log and the branch's counts,
// for members an admin removed as well.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCode } from "../../src/core/domain/invites.ts";
import type { OutMessage } from "../../src/core/types.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

const REASON = "Con ốm phải đưa đi viện";
const COMMITMENT = "Tiết kiệm điện, nước tại phòng làm việc";
const DELETED_COMMITMENT = "Đọc một cuốn sách về Bác mỗi quý";
const ZALO = { platform: "ZALO" as const };

const jsonOf = (message: OutMessage | undefined) => JSON.parse(Buffer.from(message!.files![0]!.data, "base64").toString("utf8"));

describe.each(DB_KINDS)("privacy on %s", (db) => {
  let h: Harness;
  const member = (fullName: string) => h.store.db.member.findFirstOrThrow({ where: { fullName } });

  beforeAll(async () => {
    h = await createHarness({ db });
    const code = await h.createBranch("Chi bộ Phòng Tổ chức - Hành chính");
    await h.join("an", code, "Nguyễn Văn An");
    const branch = await h.store.db.branch.findFirstOrThrow();
    const invite = await h.store.db.invite.create({ data: { branchId: branch.id, code: generateCode(), maxUses: 10, expiresAt: new Date(h.clock.now().getTime() + 86_400_000) } });
    await h.join("binh", invite.code, "Trần Thị Bình");
    await h.join("chi", invite.code, "Lê Văn Chí");
    await h.join("dung", invite.code, "Phạm Thị Dung");
    // Some answers of Bình's, as the meetings and commitments features would store them.
    const binh = await member("Trần Thị Bình");
    await h.store.db.member.update({ where: { id: binh.id }, data: { partyStatus: "PROBATIONARY" } });
    const meeting = await h.store.db.meeting.create({ data: { branchId: branch.id, startsAt: new Date("2026-12-05T07:00:00Z"), topic: "Sinh hoạt tháng 12" } });
    await h.store.db.rsvp.create({ data: { meetingId: meeting.id, memberId: binh.id, answer: "ABSENT", reason: REASON, answeredAt: new Date("2026-11-24T13:05:00Z") } });
    const period = await h.store.db.commitmentPeriod.create({ data: { branchId: branch.id, name: "2026", startsAt: new Date("2026-01-01"), deadline: new Date("2026-03-01"), endsAt: new Date("2027-01-01") } });
    await h.store.db.commitment.create({ data: { periodId: period.id, memberId: binh.id, text: COMMITMENT, position: 1, status: "SUBMITTED", submittedAt: new Date("2026-02-01T02:00:00Z") } });
    await h.store.db.commitment.create({ data: { periodId: period.id, memberId: binh.id, text: DELETED_COMMITMENT, position: 2, status: "SUBMITTED", deletedAt: new Date("2026-03-01T02:00:00Z") } });
    // Her chat on Zalo too, linked with /lienket (the audit log notes both steps).
    const [linkReply] = await h.send("binh", "/lienket");
    const linkCode = /(\d{4} \d{4})/.exec(linkReply?.text ?? "")![1]!;
    await h.send("binh-zalo", `lienket ${linkCode}`, ZALO);
    // An admin once corrected her name: the audit entry holds it.
    await h.store.db.auditLog.create({
      data: { branchId: branch.id, actorId: (await member("Nguyễn Văn An")).id, actorLabel: "telegram:an", action: "member.updated", details: { memberId: binh.id, field: "fullName", from: "Trần Thi Bình", to: "Trần Thị Bình" } },
    });
    // A reminder planned for her, not sent yet.
    const chat = await h.store.db.identity.findFirstOrThrow({ where: { userId: "binh" } });
    await h.store.db.outbox.create({
      data: { key: "test:planned", memberId: binh.id, identityId: chat.id, platform: "TELEGRAM", chatId: "binh", payload: { text: "Nhắc lịch: sinh hoạt chi bộ 14:00 05/12/2026", locale: "vi" }, notBefore: new Date("2026-12-02T07:00:00Z") },
    });
  });
  afterAll(() => h.close());

  it("a stranger cannot ask for anyone's data", async () => {
    expect((await h.send("la", "/dulieu"))[0]?.text).toContain("dành cho đảng viên");
  });

  it("the only admin is told so before being asked to confirm", async () => {
    const [reply] = await h.send("an", "/xoadulieu");
    expect(reply?.text).toContain("quản trị duy nhất");
    expect(reply?.choices ?? []).toEqual([]);
    expect(await h.store.db.flowState.count({ where: { flow: "forget" } })).toBe(0);
  });

  it("cancelling keeps everything", async () => {
    await h.send("dung", "/xoadulieu");
    expect((await h.press("dung", "Hủy"))[0]?.text).toBe("Đã hủy. Không có gì được lưu.");
    expect(await h.store.db.member.count({ where: { fullName: "Phạm Thị Dung", status: "ACTIVE" } })).toBe(1);
  });

  it("/dulieu holds everything stored, with Vietnamese labels and local times, in a file named for the member", async () => {
    // A conversation left half-way: it is held too.
    await h.send("binh", "/ngonngu");
    const [reply] = await h.send("binh", "/dulieu");
    expect(reply?.text).toContain("Trần Thị Bình: 2 tài khoản chat, 1 câu trả lời về sinh hoạt chi bộ, 1 việc đăng ký làm theo");
    expect(reply?.files?.[0]?.name).toBe("du-lieu-tran-thi-binh-20261125.json");
    const data = jsonOf(reply);
    expect(data["Thời điểm xuất"]).toBe("25/11/2026 10:00");
    expect(data["Thông tin đảng viên"]).toMatchObject({ "Họ và tên": "Trần Thị Bình", "Chi bộ": "Chi bộ Phòng Tổ chức - Hành chính", "Đảng viên": "dự bị", "Vai trò": ["đảng viên"] });
    const chats = data["Tài khoản chat"] as Array<Record<string, string>>;
    expect(chats.map((c) => [c["Nền tảng"], c["Mã người dùng trên nền tảng"]]).sort()).toEqual([["Telegram", "binh"], ["Zalo", "binh-zalo"]]);
    expect(data["Trả lời về sinh hoạt chi bộ"][0]).toMatchObject({ "Buổi sinh hoạt": "05/12/2026 14:00", "Trả lời": "Vắng mặt", "Lý do": REASON, "Trả lời lúc": "24/11/2026 20:05" });
    const commitments = data["Đăng ký làm theo gương Bác"] as Array<Record<string, unknown>>;
    expect(commitments.map((c) => [c["Nội dung"], c["Tình trạng"]])).toEqual([[COMMITMENT, "Đã gửi"], [DELETED_COMMITMENT, "Đã xóa"]]);
    expect(commitments[1]).toMatchObject({ "Kỳ": "năm 2026", "Xóa lúc": "01/03/2026 09:00" });
    const audit = data["Nhật ký thao tác liên quan đến đồng chí"] as Array<Record<string, unknown>>;
    expect(audit.map((a) => a["Thao tác"])).toEqual(expect.arrayContaining(["member.joined", "member.link-code-created", "member.linked", "member.updated"]));
    expect(audit.find((a) => a["Thao tác"] === "member.linked")?.["Người thực hiện"]).toBe("Đồng chí (zalo:binh-zalo)");
    expect(data["Tin nhắn chờ gửi cho đồng chí"]).toEqual([
      expect.objectContaining({ "Gửi từ": "02/12/2026 14:00", "Tình trạng": "Đang chờ gửi", "Nội dung": "Nhắc lịch: sinh hoạt chi bộ 14:00 05/12/2026" }),
    ]);
    // The language question in her Telegram chat, and where messages should go in her Zalo chat.
    expect(data["Việc đang làm dở"]).toEqual(
      expect.arrayContaining([expect.objectContaining({ "Việc": "language", "Bước": "pick" }), expect.objectContaining({ "Việc": "link", "Bước": "preferred" })]),
    );
    expect(JSON.stringify(data)).not.toContain("Nguyễn Văn An");
    await h.send("binh", "/huy");
  });

  it("/dulieu reads in the member's language", async () => {
    await h.send("dung", "/ngonngu en");
    const [reply] = await h.send("dung", "/mydata");
    expect(reply?.files?.[0]?.name).toBe("my-data-pham-thi-dung-20261125.json");
    expect(jsonOf(reply)["Member"]).toMatchObject({ "Full name": "Phạm Thị Dung", "Party membership": "full", "Standing in the branch": "on the list" });
  });

  it("/xoadulieu takes the member out of digests, exports and notices already sent to others", async () => {
    // The secretary has read her answer in a digest and taken an export of the year.
    expect((await h.send("an", "/baocao"))[0]?.text).toContain(`Trần Thị Bình: ${REASON}`);
    await h.send("an", "/xuat");
    await h.press("an", "Năm nay (2026)");
    const [exported] = await h.press("an", "Cả hai");
    expect(exported?.files?.length).toBe(5);

    // Another export waits for its bot's monthly quota: its files still hold her.
    const an = await member("Nguyễn Văn An");
    const anChat = await h.store.db.identity.findFirstOrThrow({ where: { userId: "an" } });
    const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
    await h.store.db.outbox.create({
      data: {
        key: "test:waiting-export",
        memberId: an.id,
        identityId: anChat.id,
        platform: "TELEGRAM",
        chatId: "an",
        payload: {
          text: "Dữ liệu của Chi bộ Phòng Tổ chức - Hành chính, 12 tháng qua:",
          locale: "vi",
          files: [
            { name: "tra-loi.csv", mime: "text/csv", data: b64(`Họ và tên,Trả lời,Lý do\nTrần Thị Bình,Vắng mặt,${REASON}`) },
            { name: "dang-ky.csv", mime: "text/csv", data: b64("Họ và tên,Việc\nLê Văn Chí,Học tập") },
          ],
        },
        notBefore: new Date("2026-12-01T00:00:00Z"),
      },
    });

    await h.send("binh", "/xoadulieu");
    const [done] = await h.press("binh", "Xác nhận xóa");
    expect(done?.text).toContain("Đã xóa dữ liệu");
    expect(h.last("an")?.text).toBe("Đồng chí Trần Thị Bình đã xóa dữ liệu của mình và rời Trợ lý Chi bộ.");

    const rows = await h.store.db.outbox.findMany({ where: { NOT: { key: { startsWith: "forgot:" } } } });
    const naming = rows.filter((r) => JSON.stringify(r.payload).includes("Trần Thị Bình") || JSON.stringify(r.payload).includes(REASON));
    expect(naming.map((r) => r.key)).toEqual([]);
    const binh = await h.store.db.member.findFirstOrThrow({ where: { status: "ERASED" } });
    // Of the messages to her, only the answer to her confirmation is left.
    expect(rows.filter((r) => r.memberId === binh.id).map((r) => (r.payload as { text: string }).text)).toEqual([done?.text]);
    // The export already sent kept no bytes; the one waiting loses the file that holds her, and says why.
    const sent = rows.find((r) => JSON.stringify(r.payload).includes("Dữ liệu của Chi bộ Phòng Tổ chức - Hành chính, năm 2026"));
    expect((sent!.payload as { files: Array<{ data?: string }> }).files.every((f) => f.data === undefined)).toBe(true);
    const waiting = rows.find((r) => r.key === "test:waiting-export")!.payload as { text: string; files: Array<{ name: string }> };
    expect(waiting.text).toContain("Tệp đính kèm đã được gỡ");
    expect(waiting.files.map((f) => f.name)).toEqual(["dang-ky.csv"]);
    expect(await h.store.db.identity.count({ where: { userId: { in: ["binh", "binh-zalo"] } } })).toBe(0);
    expect(await h.store.db.commitment.count({ where: { memberId: binh.id } })).toBe(0);
    expect(await h.store.db.rsvp.count({ where: { memberId: binh.id } })).toBe(0);
    // Writing again starts from scratch: a stranger.
    expect((await h.send("binh", "/dulieu"))[0]?.text).toContain("dành cho đảng viên");
  });

  it("the audit log keeps what was done, not who did it: a pseudonym, no name, no chat ids", async () => {
    const binh = await h.store.db.member.findFirstOrThrow({ where: { status: "ERASED" } });
    const audit = await h.store.db.auditLog.findMany();
    const text = JSON.stringify(audit);
    for (const held of ["Trần Thị Bình", "Trần Thi Bình", "telegram:binh", "zalo:binh-zalo"]) expect(text).not.toContain(held);
    const theirs = audit.filter((a) => a.actorId === binh.id);
    expect(theirs.map((a) => a.action)).toEqual(expect.arrayContaining(["member.joined", "member.link-code-created", "member.erased"]));
    expect(new Set(theirs.map((a) => a.actorLabel))).toEqual(new Set([`Đồng chí đã xóa dữ liệu #${binh.id.slice(-6)}`]));
  });

  it("the kept member row holds no name, role or Party standing", async () => {
    const binh = await h.store.db.member.findFirstOrThrow({ where: { status: "ERASED" } });
    expect(binh).toMatchObject({ fullName: "(đã xóa)", partyStatus: null, nameNote: null, isAdmin: false, isSecretary: false, consentAt: null, locale: null });
    expect(binh.removedAt).toEqual(h.clock.now());
  });

  it("the digest and the export say that a member erased their data instead of changing the totals silently", async () => {
    const [digest] = await h.send("an", "/baocao");
    expect(digest?.text).toContain("Tổng số đảng viên: 3 (chính thức 3, dự bị 0)\n1 đồng chí đã xóa dữ liệu");
    expect(digest?.text).not.toContain(REASON);
    await h.send("an", "/xuat");
    await h.press("an", "Năm nay (2026)");
    const [exported] = await h.press("an", "CSV (.csv)");
    expect(exported?.text).toContain("1 đồng chí đã xóa dữ liệu");
    const [chart] = await h.action("an", "dg:c");
    expect(chart?.text).toContain("1 đồng chí đã xóa dữ liệu");
  });

  it("a member an admin removed can still see and erase their data, and nothing else", async () => {
    const chi = await member("Lê Văn Chí");
    await h.store.tx((tx) => tx.members.remove(chi.id, h.clock.now()));
    expect((await h.send("chi", "/hop"))[0]?.text).toContain("dành cho đảng viên");
    const help = (await h.send("chi", "/trogiup"))[0]?.text ?? "";
    expect(help).toContain("/dulieu");
    expect(help).not.toContain("/hop");
    const [data] = await h.send("chi", "/dulieu");
    expect(jsonOf(data)["Thông tin đảng viên"]).toMatchObject({ "Họ và tên": "Lê Văn Chí", "Tình trạng trong chi bộ": "đã xóa khỏi danh sách ngày 25/11/2026" });
    await h.send("chi", "/xoadulieu");
    expect((await h.press("chi", "Xác nhận xóa"))[0]?.text).toContain("Đã xóa dữ liệu");
    expect(await h.store.db.member.findUniqueOrThrow({ where: { id: chi.id } })).toMatchObject({ status: "ERASED", fullName: "(đã xóa)" });
    expect((await h.send("an", "/baocao"))[0]?.text).toContain("2 đồng chí đã xóa dữ liệu");
  });

  it("old answers go after the branch's retention period", async () => {
    const branch = await h.store.db.branch.findFirstOrThrow();
    const old = await h.store.db.meeting.create({ data: { branchId: branch.id, startsAt: new Date("2020-01-05T07:00:00Z") } });
    h.clock.set("2026-11-25T10:17:00Z");
    await h.tick();
    expect(await h.store.db.meeting.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await h.store.db.meeting.count()).toBe(1);
  });
});
