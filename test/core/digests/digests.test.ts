// Digests, attendance and exports end to end through the harness: members' answers are in the tables,
// the clock reaches the digest time, the scheduler ticks, and the secretary (only the secretary, of
// their own branch only) gets the picture once, records attendance and exports files that open.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutFile, OutMessage } from "../../../src/core/types.ts";
import { DB_KINDS } from "../../helpers/db.ts";
import { createHarness, type Harness } from "../../helpers/harness.ts";
import { addMeeting, addMembers, addYearPeriod, answer, commit, parseCsv, pngSize, selfEvaluate } from "./seed.ts";

const MEETING = new Date("2026-12-03T07:00:00Z"); // 14:00, Thứ Năm 03/12/2026 in Hà Nội
const DIGEST_TIME = new Date("2026-12-02T07:00:00Z"); // 24 hours before
const JOINED = new Date("2025-06-01T03:00:00Z");
const HOSTILE_REASON = 'Đi họp, "gấp"\nở Hà Nội';
const FORMULA_REASON = '=HYPERLINK("http://x.example","bấm")';
const PHONE_NOTE = "+84 912 345 678 gọi lại";
const BEFORE_TITLE = "BÁO CÁO TRƯỚC BUỔI SINH HOẠT";
const AFTER_TITLE = "BÁO CÁO KHI BẮT ĐẦU SINH HOẠT";

const titled = (messages: OutMessage[], title: string) => messages.filter((m) => m.text.startsWith(title));
const fileOf = (messages: OutMessage[], suffix: string): OutFile => {
  const file = messages.flatMap((m) => m.files ?? []).find((f) => f.name.endsWith(suffix));
  if (!file) throw new Error(`no ${suffix} file in ${messages.map((m) => m.text.slice(0, 40)).join(" | ")}`);
  return file;
};

describe.each(DB_KINDS)("digests on %s", (db) => {
  let h: Harness;
  let branchId = "";
  let meetingId = "";
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await createHarness({ db });
    const code = await h.createBranch("Chi bộ Khoa Ngữ văn");
    await h.join("an", code, "Nguyễn Văn An");
    const an = await h.store.db.member.findFirstOrThrow({ where: { fullName: "Nguyễn Văn An" } });
    branchId = an.branchId;
    const d = h.store.db;
    ids = {
      an: an.id,
      ...(await addMembers(
        d,
        branchId,
        [
          { key: "binh", fullName: "Trần Thị Bình", chat: "binh" },
          { key: "cuong", fullName: "Lê Hoàng Cường", chat: "cuong", partyStatus: "PROBATIONARY" },
          { key: "dung", fullName: "Phạm Thị Dung", chat: "dung" },
          { key: "duc", fullName: "Hoàng Văn Đức", chat: "duc", exempted: true },
          { key: "ha", fullName: "Vũ Thị Hà", chat: "ha" },
          { key: "hieu", fullName: "Võ Minh Hiếu", chat: "hieu", isAdmin: true },
          { key: "lan", fullName: "Ngô Thị Lan", chat: "lan", chatActive: false },
          { key: "huy", fullName: "Bùi Quang Huy" },
        ],
        "TELEGRAM",
        JOINED,
      )),
    };
    meetingId = await addMeeting(d, branchId, MEETING);
    // Three past meetings: Phạm Thị Dung never answered; everyone else came.
    const past = [];
    for (const day of ["2026-09-03", "2026-10-01", "2026-11-05"]) past.push(await addMeeting(d, branchId, new Date(`${day}T07:00:00Z`)));
    for (const p of past) {
      for (const key of ["binh", "cuong", "ha", "hieu", "lan", "huy"]) await answer(d, p, ids[key]!, "ATTEND", null, JOINED);
    }
    const period = await addYearPeriod(d, branchId, 2026, "Asia/Ho_Chi_Minh");
    const [anC] = await commit(d, period, ids.an!, ["Đi làm đúng giờ, không dùng điện thoại vào việc riêng", "Tiết kiệm điện, nước tại phòng làm việc"], JOINED);
    const [binhC] = await commit(d, period, ids.binh!, ["Giải quyết hồ sơ của người dân đúng hẹn"], JOINED);
    const [cuongC] = await commit(d, period, ids.cuong!, ["Hướng dẫn đồng nghiệp mới sử dụng phần mềm quản lý văn bản"], JOINED);
    await commit(d, period, ids.hieu!, ["Vận động gia đình phân loại rác thải tại nguồn"], JOINED);
    // Cường marked his commitment "Chưa thực hiện" last month as well.
    await selfEvaluate(d, past[2]!, ids.cuong!, [{ commitmentId: cuongC!, progress: "NOT_YET" }], "Tháng này bận.", new Date("2026-11-04T03:00:00Z"));
    const answered = new Date("2026-11-28T03:00:00Z");
    await answer(d, meetingId, ids.binh!, "ATTEND", null, answered);
    await answer(d, meetingId, ids.hieu!, "ATTEND", null, answered);
    await answer(d, meetingId, ids.cuong!, "ABSENT", HOSTILE_REASON, answered);
    await answer(d, meetingId, ids.ha!, "ABSENT", FORMULA_REASON, answered);
    await selfEvaluate(d, meetingId, ids.binh!, [{ commitmentId: binhC!, progress: "DONE", note: "Không còn hồ sơ tồn" }], "Đã cố gắng.", answered);
    await selfEvaluate(d, meetingId, ids.cuong!, [{ commitmentId: cuongC!, progress: "NOT_YET", note: PHONE_NOTE }], "Sẽ làm trong tháng tới.", answered);
    await selfEvaluate(d, meetingId, ids.an!, [{ commitmentId: anC!, progress: "IN_PROGRESS" }], "", null);
  });
  afterAll(() => h.close());

  it("sends the secretary the digest once at the digest time, with correct counts and names", async () => {
    h.clock.set(new Date(DIGEST_TIME.getTime() - 60_000));
    await h.tick();
    expect(titled(h.inbox("an"), BEFORE_TITLE)).toHaveLength(0);

    h.clock.set(DIGEST_TIME);
    await h.tick();
    await h.tick();
    h.clock.advance(5 * 60_000);
    await h.tick();
    const digests = titled(h.inbox("an"), BEFORE_TITLE);
    expect(digests).toHaveLength(1);
    const text = digests[0]!.text;
    for (const line of [
      "Chi bộ Khoa Ngữ văn · Sinh hoạt chi bộ định kỳ",
      "Thời gian: 14:00, Thứ Năm 03/12/2026",
      "Địa điểm: Hội trường tầng 3, số 12 Lê Lợi",
      "Tổng số đảng viên: 9 (chính thức 8, dự bị 1)",
      "Miễn sinh hoạt: 1\nHoàng Văn Đức",
      "Dự kiến có mặt: 2",
      "Vắng mặt có lý do: 2",
      '- Lê Hoàng Cường: Đi họp, "gấp" ở Hà Nội',
      `- Vũ Thị Hà: ${FORMULA_REASON}`,
      "Chưa trả lời: 4\nNguyễn Văn An, Phạm Thị Dung, Bùi Quang Huy, Ngô Thị Lan",
      "Đã đăng ký: 4/8",
      "Chưa đăng ký: Phạm Thị Dung, Vũ Thị Hà, Bùi Quang Huy, Ngô Thị Lan",
      "Đã gửi: 2/4",
      "Chưa gửi: Nguyễn Văn An (đang soạn), Võ Minh Hiếu",
      "Đã hoàn thành: 1 việc\nĐang thực hiện: 0 việc\nChưa thực hiện: 1 việc",
      "Chưa thực hiện hai tháng liền: 1\n- Lê Hoàng Cường: Hướng dẫn đồng nghiệp mới sử dụng phần mềm quản lý văn bản",
      "- Phạm Thị Dung: 3 tháng (09/2026, 10/2026, 11/2026)",
      "Điều lệ Đảng, Điều 8",
      "- Bùi Quang Huy: chưa có tài khoản chat nào",
      "- Ngô Thị Lan: đã chặn Trợ lý hoặc ngừng dùng tài khoản chat",
    ]) {
      expect(text).toContain(line);
    }
    const item = await h.store.db.outbox.findFirstOrThrow({ where: { key: { startsWith: `digest:${meetingId}:before:${ids.an}` } } });
    expect(item.status).toBe("SENT");
    expect(await h.store.db.auditLog.count({ where: { branchId, action: "digest.sent" } })).toBe(1);
  });

  it("sends digests to secretaries only", async () => {
    for (const user of ["binh", "cuong", "dung", "hieu"]) {
      expect(h.inbox(user).filter((m) => m.text.includes("BÁO CÁO"))).toEqual([]);
    }
    expect(await h.store.db.outbox.count({ where: { key: { startsWith: "digest:" }, memberId: { not: ids.an } } })).toBe(0);
  });

  it("sends the final picture with the participation chart when the self-evaluation window closes", async () => {
    // Dung answers late, and the meeting starts.
    await answer(h.store.db, meetingId, ids.dung!, "ATTEND", null, new Date("2026-12-02T10:00:00Z"));
    h.clock.set(MEETING);
    await h.tick();
    await h.tick();
    const after = titled(h.inbox("an"), AFTER_TITLE);
    expect(after).toHaveLength(1);
    expect(after[0]!.text).toContain("Đã hết hạn tự đánh giá: đây là số liệu cuối cùng.");
    expect(after[0]!.text).toContain("Dự kiến có mặt: 3");
    expect(after[0]!.text).toContain("Chưa trả lời: 3\nNguyễn Văn An, Bùi Quang Huy, Ngô Thị Lan");
    expect(after[0]!.text).toContain("Đã đóng lúc 14:00, Thứ Năm 03/12/2026.");
    const chart = fileOf(after, ".png");
    expect(chart.mime).toBe("image/png");
    expect(chart.name).toBe("bieu-do-tham-du-2026-12.png");
    expect(pngSize(Buffer.from(chart.data, "base64"))).toEqual({ width: 960, height: 540 });
  });

  it("refuses digests, exports and attendance to members and admins who are not secretaries, by command or forged button", async () => {
    for (const user of ["binh", "hieu"]) {
      for (const command of ["/baocao", "/digest", "/xuat", "/export", "/diemdanh", "bao cao"]) {
        const replies = await h.send(user, command);
        expect(replies.map((r) => r.text)).toEqual(["Lệnh này chỉ dành cho bí thư, phó bí thư chi bộ."]);
      }
      for (const action of ["dg:c", "dg:x", `dg:m:${meetingId}`, `dg:a:${meetingId}`]) {
        const replies = await h.action(user, action);
        expect(replies.map((r) => r.text)).toEqual(["Lệnh này chỉ dành cho bí thư, phó bí thư chi bộ."]);
        expect(replies.flatMap((r) => r.files ?? [])).toEqual([]);
      }
    }
    expect(await h.store.db.attendance.count()).toBe(0);
  });

  it("records who actually attended, pre-filled from the answers, one tap per change, with the reasons of absences", async () => {
    h.clock.set(new Date(MEETING.getTime() + 2 * 3_600_000));
    const [list] = await h.send("an", "/diemdanh");
    expect(list?.text).toContain("ĐIỂM DANH");
    expect(list?.text).toContain("Đã điền sẵn theo trả lời của đảng viên.");
    expect(list?.text).toContain("Có mặt: 3 · Vắng có lý do: 2 · Vắng không lý do: 3");
    const labels = list!.choices!.flat().map((c) => c.label);
    expect(labels).toContain("✅ Trần Thị Bình");
    expect(labels).toContain("❌ Lê Hoàng Cường (vắng có lý do)");
    expect(labels).toContain("❌ Hoàng Văn Đức, miễn sinh hoạt (vắng)");
    expect(labels).toContain("Ghi lý do vắng");

    // Bình did not come after all; An (who never answered) did.
    const [after1] = await h.press("an", "✅ Trần Thị Bình");
    expect(after1?.text).toContain("Có mặt: 2 · Vắng có lý do: 2 · Vắng không lý do: 4");
    const [after2] = await h.press("an", "❌ Nguyễn Văn An (vắng)");
    expect(after2?.text).toContain("Có mặt: 3 · Vắng có lý do: 2 · Vắng không lý do: 3");
    // Typing a name works where there are no buttons.
    const [typed] = await h.send("an", "Võ Minh Hiếu");
    expect(typed?.text).toContain("Đã ghi đồng chí Võ Minh Hiếu: vắng.");
    await h.press("an", "❌ Võ Minh Hiếu (vắng)");
    // Bình's absence has a reason the secretary learnt at the meeting: recorded for the minutes.
    const [who] = await h.press("an", "Ghi lý do vắng");
    expect(who?.text).toContain("Ghi lý do vắng cho đồng chí nào?");
    const [ask] = await h.press("an", "❌ Trần Thị Bình (vắng)");
    expect(ask?.text).toBe("Lý do vắng của đồng chí Trần Thị Bình? Gõ ngắn gọn, ví dụ: Ốm, nằm viện.");
    const [empty] = await h.send("an", "...");
    expect(empty?.text).toContain("Lý do vắng chưa có nội dung");
    const [noted] = await h.send("an", "Đột xuất phải trực cơ quan");
    expect(noted?.text).toContain("Đã ghi: đồng chí Trần Thị Bình vắng có lý do (Đột xuất phải trực cơ quan).");
    expect(noted?.text).toContain("Có mặt: 3 · Vắng có lý do: 3 · Vắng không lý do: 2");
    const [saved] = await h.press("an", "Xác nhận");
    expect(saved?.text).toContain("Đã ghi điểm danh:\nSinh hoạt chi bộ định kỳ lúc 14:00, Thứ Năm 03/12/2026");
    expect(saved?.text).toContain("Có mặt: 3\nVắng mặt có lý do: 3\nVắng mặt không có lý do: 2");
    expect(saved?.text).toContain("- Trần Thị Bình: Đột xuất phải trực cơ quan");

    const rows = await h.store.db.attendance.findMany({ where: { meetingId } });
    expect(rows).toHaveLength(9);
    const present = rows.filter((r) => r.present).map((r) => r.memberId).sort();
    expect(present).toEqual([ids.an, ids.dung, ids.hieu].sort());
    expect(rows.find((r) => r.memberId === ids.binh)?.reason).toBe("Đột xuất phải trực cơ quan");
    expect(rows.every((r) => r.recordedById === ids.an)).toBe(true);
    const audit = await h.store.db.auditLog.findFirstOrThrow({ where: { action: "attendance.recorded" } });
    expect(audit.details).toMatchObject({ meetingId, present: 3, excused: 3, noreason: 2, corrected: 2 });
  });

  it("/baocao gives the current picture with recorded attendance, and the chart on request", async () => {
    const [digest] = await h.send("an", "/baocao");
    expect(digest?.text.startsWith("BÁO CÁO CHI BỘ")).toBe(true);
    expect(digest?.text).toContain("ĐIỂM DANH\n");
    expect(digest?.text).toContain("Có mặt: 3");
    expect(digest?.text).toContain("Vắng mặt không có lý do: 2\nBùi Quang Huy, Ngô Thị Lan");
    expect(digest?.text).toContain("- Trần Thị Bình: Đột xuất phải trực cơ quan");
    expect(digest!.choices!.flat().map((c) => c.label)).toEqual(["Biểu đồ 12 tháng", "Xuất dữ liệu", "Điểm danh", "Buổi trước"]);
    const [chart] = await h.press("an", "Biểu đồ 12 tháng");
    expect(pngSize(Buffer.from(fileOf([chart!], ".png").data, "base64"))).toEqual({ width: 960, height: 540 });
    // The previous meeting's digest: Dung's unanswered meeting.
    await h.send("an", "/baocao");
    const [previous] = await h.press("an", "Buổi trước");
    expect(previous?.text).toContain("Thời gian: 14:00, Thứ Năm 05/11/2026");
    expect(await h.store.db.auditLog.count({ where: { action: "digest.viewed" } })).toBe(3);
  });

  it("/xuat returns an XLSX workbook and CSV files that open, with Vietnamese intact and formulas neutralised", async () => {
    const [ask] = await h.send("an", "/xuat");
    expect(ask?.choices?.flat().map((c) => c.label)).toEqual(["Năm nay (2026)", "Năm 2025", "12 tháng qua", "Kỳ đăng ký: năm 2026", "Hủy"]);
    await h.press("an", "Năm nay (2026)");
    const [done] = await h.press("an", "Cả hai");
    expect(done?.text).toContain("Dữ liệu của Chi bộ Khoa Ngữ văn, năm 2026:");
    expect(done?.files?.map((f) => f.name)).toEqual([
      "chi-bo-khoa-ngu-van_2026.xlsx",
      "chi-bo-khoa-ngu-van_2026_tra-loi-tham-du.csv",
      "chi-bo-khoa-ngu-van_2026_diem-danh.csv",
      "chi-bo-khoa-ngu-van_2026_dang-ky-lam-theo.csv",
      "chi-bo-khoa-ngu-van_2026_tu-danh-gia.csv",
    ]);

    const csv = (suffix: string) => {
      const bytes = Buffer.from(fileOf([done!], suffix).data, "base64");
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return parseCsv(bytes.toString("utf8"));
    };
    const rsvps = csv("tra-loi-tham-du.csv");
    expect(rsvps[0]).toEqual(["Buổi sinh hoạt", "Loại", "Họ và tên", "Trả lời", "Lý do vắng", "Trả lời lúc"]);
    const decRows = rsvps.filter((r) => r[0] === "03/12/2026 14:00");
    expect(decRows).toHaveLength(9);
    expect(decRows.find((r) => r[2] === "Lê Hoàng Cường")).toEqual(["03/12/2026 14:00", "Sinh hoạt chi bộ định kỳ", "Lê Hoàng Cường", "Vắng mặt", HOSTILE_REASON, "28/11/2026 10:00"]);
    expect(decRows.find((r) => r[2] === "Vũ Thị Hà")?.[4]).toBe(`'${FORMULA_REASON}`);
    expect(decRows.find((r) => r[2] === "Hoàng Văn Đức")?.[3]).toBe("Miễn sinh hoạt");
    expect(decRows.find((r) => r[2] === "Bùi Quang Huy")?.[3]).toBe("Chưa trả lời");
    // Three earlier meetings of the year and this one; Nguyễn Văn An joined after the earlier ones.
    expect(rsvps.length - 1).toBe(3 * 8 + 9);

    const attendance = csv("diem-danh.csv");
    expect(attendance).toHaveLength(10);
    expect(attendance.find((r) => r[2] === "Trần Thị Bình")?.slice(3, 5)).toEqual(["Vắng mặt", "Đột xuất phải trực cơ quan"]);
    expect(attendance.find((r) => r[2] === "Lê Hoàng Cường")?.slice(3, 6)).toEqual(["Vắng mặt", HOSTILE_REASON, "Nguyễn Văn An"]);

    const commitments = csv("dang-ky-lam-theo.csv");
    expect(commitments).toHaveLength(6);
    expect(commitments.find((r) => r[1] === "Nguyễn Văn An" && r[2] === "2")?.[3]).toBe("Tiết kiệm điện, nước tại phòng làm việc");

    const evals = csv("tu-danh-gia.csv");
    // Submitted only: Cường last month and this month, Bình this month; An's draft stays private.
    expect(evals.slice(1).map((r) => r[2])).toEqual(["Lê Hoàng Cường", "Trần Thị Bình", "Lê Hoàng Cường"]);
    expect(evals.at(-1)?.slice(4, 6)).toEqual(["Chưa thực hiện", `'${PHONE_NOTE}`]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(fileOf([done!], ".xlsx").data, "base64") as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Trả lời tham dự", "Điểm danh", "Đăng ký làm theo", "Tự đánh giá"]);
    const sheet = wb.getWorksheet("Trả lời tham dự")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Buổi sinh hoạt", "Loại", "Họ và tên", "Trả lời", "Lý do vắng", "Trả lời lúc"]);
    expect(sheet.rowCount).toBe(rsvps.length);
    const ha = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(3).value === "Vũ Thị Hà" && r.getCell(6).value instanceof Date && (r.getCell(1).value as Date).getUTCMonth() === 11)!;
    // Text, not a formula: Excel shows it as typed.
    expect(ha.getCell(5).type).toBe(ExcelJS.ValueType.String);
    expect(ha.getCell(5).value).toBe(FORMULA_REASON);
    // The meeting's local time, as the branch saw it.
    expect((ha.getCell(1).value as Date).toISOString()).toBe("2026-12-03T14:00:00.000Z");
    expect(ha.getCell(1).numFmt).toBe("dd/mm/yyyy hh:mm");
    const audit = await h.store.db.auditLog.findFirstOrThrow({ where: { action: "export.created" } });
    expect(audit.details).toMatchObject({ format: "both", rsvps: rsvps.length - 1, attendance: 9 });
  });

  it("/xuat takes a typed year, refuses anything else with a clear answer, and cancels cleanly", async () => {
    await h.send("an", "/xuat");
    for (const bad of ["1999", "<b>2025</b>", "ngày mai", "2030"]) {
      const [answer] = await h.send("an", bad);
      expect(answer?.text).toContain("Vui lòng chọn bên dưới, hoặc gõ một năm, ví dụ: 2025.");
    }
    const [format] = await h.send("an", "năm 2025");
    expect(format?.text).toBe("Xuất dữ liệu năm 2025. Chọn loại tệp:");
    const [cancelled] = await h.press("an", "Hủy");
    expect(cancelled?.text).toBe("Đã hủy, chưa xuất dữ liệu.");
    expect(cancelled?.files).toBeUndefined();
    expect(await h.store.db.auditLog.count({ where: { action: "export.created" } })).toBe(1);
  });

  it("a secretary sees only their own branch", async () => {
    const code = await h.createBranch("Chi bộ Tổ dân phố số 7");
    await h.join("chi", code, "Lê Văn Chi");
    for (const action of [`dg:m:${meetingId}`, `dg:a:${meetingId}`]) {
      const replies = await h.action("chi", action);
      expect(replies.map((r) => r.text)).toEqual(["Không tìm thấy buổi sinh hoạt này của chi bộ."]);
    }
    const [digest] = await h.send("chi", "/baocao");
    expect(digest?.text).toContain("Chi bộ chưa có lịch sinh hoạt.");
    expect(digest?.text).not.toMatch(/Bình|Cường|Dung|Khoa Ngữ văn/);
    await h.send("chi", "/xuat");
    await h.press("chi", "Năm nay (2026)");
    const [done] = await h.press("chi", "CSV (.csv)");
    const all = (done?.files ?? []).map((f) => Buffer.from(f.data, "base64").toString("utf8")).join("\n");
    expect(done?.files).toHaveLength(4);
    expect(all).not.toMatch(/Bình|Cường|Nguyễn Văn An/);
    // The other branch's attendance flow cannot be reached through a stale or forged flow choice either.
    expect(await h.store.db.attendance.count({ where: { recordedById: { not: ids.an } } })).toBe(0);
  });

  it("catches up after downtime while the digest is still useful, and skips it after", async () => {
    const second = await addMeeting(h.store.db, branchId, new Date("2026-12-17T07:00:00Z"), "THEMATIC");
    // Down from before the digest time until two hours before the meeting.
    h.clock.set(new Date("2026-12-17T05:00:00Z"));
    await h.tick();
    const caught = titled(h.inbox("an"), BEFORE_TITLE).filter((m) => m.text.includes("17/12/2026"));
    expect(caught).toHaveLength(1);
    expect(caught[0]!.text).toContain("Sinh hoạt chuyên đề");
    // Down again over the start and for more than a day: the "after" picture is no longer sent.
    h.clock.set(new Date("2026-12-18T08:00:00Z"));
    await h.tick();
    expect(titled(h.inbox("an"), AFTER_TITLE).filter((m) => m.text.includes("17/12/2026"))).toHaveLength(0);
    expect(await h.store.db.outbox.count({ where: { key: { startsWith: `digest:${second}:after:` } } })).toBe(0);
  });

  it("the digest time is a setting in /caidat, validated, previewed on the next meeting and audited", async () => {
    await addMeeting(h.store.db, branchId, new Date("2027-01-07T07:00:00Z"));
    await h.send("an", "/caidat");
    const [ask] = await h.press("an", "Gửi báo cáo trước buổi sinh hoạt");
    expect(ask?.text).toContain("Hiện tại: 24 giờ.");
    const [tooLong] = await h.send("an", "200");
    expect(tooLong?.text).toContain("Số phải từ 1 đến 168");
    const [halfHour] = await h.send("an", "30 phút");
    expect(halfHour?.text).toContain("Thời gian phải từ 1 đến 168 giờ");
    const [confirm] = await h.send("an", "2 ngày");
    expect(confirm?.text).toContain("Gửi báo cáo trước buổi sinh hoạt: 24 giờ → 48 giờ");
    expect(confirm?.text).toContain("Buổi sinh hoạt lúc 14:00, Thứ Năm 07/01/2027: báo cáo sẽ gửi lúc 14:00, Thứ Ba 05/01/2027.");
    await h.press("an", "Xác nhận");
    expect((await h.store.db.branch.findUniqueOrThrow({ where: { id: branchId } })).digestHoursBefore).toBe(48);
    expect(await h.store.db.auditLog.count({ where: { branchId, action: "settings.changed" } })).toBe(1);
  });

  it("answers in the secretary's language", async () => {
    await h.send("an", "/ngonngu en");
    const [digest] = await h.send("an", "/digest");
    expect(digest?.text.startsWith("BRANCH DIGEST")).toBe(true);
    expect(digest?.text).toContain("Chi bộ Khoa Ngữ văn · Regular branch meeting\nTime: 14:00, Thursday 07/01/2027");
    expect(digest?.text).toContain("EXPECTED ATTENDANCE\nMembers: 9 (full 8, probationary 1)");
    await h.send("an", "/ngonngu vi");
  });
});
