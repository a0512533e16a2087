// The rules that take an erased member out of texts kept for others, one by one.
import { describe, expect, it } from "vitest";
import { createRedactor } from "../../src/core/features/privacy-redact.ts";
import { clip } from "../../src/core/features/digests/render.ts";

const redactor = (names: string[], words: string[] = []) =>
  createRedactor({ names, words, placeholder: (l) => (l === "en" ? "(erased)" : "(đã xóa)"), filesRemoved: () => "(tệp đã gỡ)" });

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

describe("redacting an erased member", () => {
  it("replaces their name as a whole name only, never inside a longer one", () => {
    const r = redactor(["Trần Văn An"]);
    expect(r.value("Chưa trả lời: Trần Văn An, Trần Văn Anh")).toBe("Chưa trả lời: (đã xóa), Trần Văn Anh");
    expect(r.value("Trần Văn Anh đã gửi")).toBeNull();
  });

  it("with a namesake, only the marked name is theirs", () => {
    const r = redactor(["Trần Văn An (2)"]);
    expect(r.value("Trần Văn An (1), Trần Văn An (2)")).toBe("Trần Văn An (1), (đã xóa)");
  });

  it("takes out their words beside their name, and long ones anywhere, whole or shortened", () => {
    const reason = "Con ốm phải đưa đi viện Bạch Mai khám lại theo lịch hẹn của bác sĩ";
    const r = redactor(["Trần Thị Bình"], ["Ốm", reason]);
    expect(r.value("- Trần Thị Bình: Ốm\n- Lê Văn Chí: Ốm")).toBe("- (đã xóa): (đã xóa)\n- Lê Văn Chí: Ốm");
    expect(r.value(`Lý do: ${reason}`)).toBe("Lý do: (đã xóa)");
    expect(r.value(`- Trần Thị Bình: ${clip(reason, 40)}`)).toBe("- (đã xóa): (đã xóa)");
    expect(r.value(`Lý do: ${clip(reason, 40)}`)).toBe("Lý do: (đã xóa)");
    // A reason of punctuation alone is nobody's words: the list's bullets stay.
    expect(redactor(["Trần Thị Bình"], ["-"]).value("- Trần Thị Bình: -")).toBe("- (đã xóa): -");
  });

  it("walks every string of audit details and leaves other values alone", () => {
    const r = redactor(["Trần Thị Bình"]);
    expect(r.value({ memberId: "m1", from: "Trần Thị Bình", count: 2, nested: ["Trần Thị Bình"] })).toEqual({ memberId: "m1", from: "(đã xóa)", count: 2, nested: ["(đã xóa)"] });
    expect(r.value({ memberId: "m1" })).toBeNull();
  });

  it("redacts a message in its own language: text, choices and titles; drops files that hold them", () => {
    const r = redactor(["Trần Thị Bình"]);
    const payload = {
      text: "Who has not answered: Trần Thị Bình",
      locale: "en",
      choices: [[{ label: "Trần Thị Bình", action: "f:abc:m1" }]],
      files: [
        { name: "chart.png", mime: "image/png", data: b64("png bytes") },
        { name: "a.csv", mime: "text/csv", data: b64("Tên\nTrần Thị Bình") },
        { name: "b.csv", mime: "text/csv", data: b64("Tên\nLê Văn Chí") },
        { name: "x.xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data: b64("zip") },
      ],
    };
    const out = r.message(payload) as typeof payload;
    expect(out.text).toBe("Who has not answered: (erased)\n\n(tệp đã gỡ)");
    expect(out.choices[0]![0]).toEqual({ label: "(erased)", action: "f:abc:m1" });
    expect(out.files.map((f) => f.name)).toEqual(["chart.png", "b.csv"]);
    expect(r.message({ text: "Nhắc lịch sinh hoạt", locale: "vi" })).toBeNull();
  });
});
