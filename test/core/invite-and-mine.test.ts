// Issue 13, bugs 11 and 12: a revoked invite is said to be revoked (not mistyped), and /cuatoi
// offers to edit a self-evaluation that was already sent instead of starting it again. And on Zalo,
// where choices are a numbered list, a commitment is numbered once ("1. 1. …" before).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db.ts";
import { labels } from "../helpers/chat.ts";
import type { Harness } from "../helpers/harness.ts";
import { renderNumbered } from "../../src/adapters/shared/numbered.ts";
import { meeting, register, sample, setup, type Branch } from "./commitments/setup.ts";

describe.each(DB_KINDS)("a revoked invite and /cuatoi on %s", (db) => {
  let h: Harness;
  let branch: Branch;
  beforeAll(async () => {
    ({ h, branch } = await setup(db));
  });
  afterAll(() => h.close());

  it("a revoked invite is reported as revoked", async () => {
    await h.send("an", "/moi");
    await h.press("an", "Đảng viên");
    await h.press("an", "7 ngày");
    await h.press("an", "1 lần");
    const [done] = await h.press("an", "Xác nhận");
    const code = /Mã mời: ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(done?.text ?? "")![1]!;
    await h.send("an", "/moi ds");
    await h.press("an", `${code} · đảng viên · 0/1`);
    await h.press("an", "Thu hồi mã");
    await h.press("an", "Xác nhận");
    const [answer] = await h.send("dung", `start ${code}`);
    expect(answer?.text).toBe("Mã mời này đã bị thu hồi. Vui lòng xin bí thư chi bộ gửi mã mới.");
    const [typo] = await h.send("dung", "start ZZZZZ-99999");
    expect(typo?.text).toBe("Mã mời không đúng. Vui lòng kiểm tra lại từng ký tự, hoặc xin bí thư chi bộ gửi lại mã.");
  });

  it("/cuatoi offers Sửa tự đánh giá once it was sent, and Bắt đầu before", async () => {
    await register(h, "binh", [sample.commitments[0]!]);
    await meeting(h, branch.id, "2026-12-03T07:00:00Z");
    h.clock.set("2026-11-28T02:00:00Z");
    const [before] = await h.send("binh", "/cuatoi");
    expect(labels(before)).toEqual(["Đăng ký / sửa", "Bắt đầu tự đánh giá"]);
    await h.send("binh", "/tudanhgia");
    await h.press("binh", "Đã hoàn thành");
    await h.press("binh", "Bỏ qua");
    await h.press("binh", "Bỏ qua");
    await h.press("binh", "Xác nhận");
    const [after] = await h.send("binh", "/cuatoi");
    expect(labels(after)).toEqual(["Đăng ký / sửa", "Sửa tự đánh giá"]);
    const [summary] = await h.press("binh", "Sửa tự đánh giá");
    expect(summary?.text).toContain("Đồng chí đã gửi bản tự đánh giá này.");
    expect(labels(summary)).toContain("Sửa");
  });

  it("on Zalo the list of commitments numbers each one once", async () => {
    const [list] = await h.send("binh", "/dangky");
    const shown = renderNumbered(list!);
    expect(shown).toContain(`  1. ${sample.commitments[0]!.slice(0, 39).trimEnd()}…`);
    expect(shown).not.toMatch(/\d\. \d\. /);
    await h.send("binh", "/huy");
  });
});
