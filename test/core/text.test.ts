import { describe, expect, it } from "vitest";
import { cleanInput, fold, splitText } from "../../src/core/text.ts";
import { looksLikeCode, mergeReplies } from "../../src/core/engine/engine.ts";
import { matchChoice } from "../../src/core/engine/answers.ts";
import { formatCode, generateCode, inviteProblem, lockoutMinutes, normalizeCode } from "../../src/core/domain/invites.ts";
import { parseFullName } from "../../src/core/features/onboarding.ts";
import fixtures from "../fixtures/vi-sample.json" with { type: "json" };

describe("cleanInput", () => {
  it("composes decomposed diacritics so the same name compares equal", () => {
    const nfd = "Nguyễn Văn An".normalize("NFD");
    expect(nfd).not.toBe("Nguyễn Văn An");
    expect(cleanInput(nfd)).toBe("Nguyễn Văn An");
  });
  it("drops control characters, terminal escapes and direction overrides, keeps line breaks", () => {
    expect(cleanInput("\u0000\u0007\u001b[31mđỏ\u001b[0m")).toBe("đỏ");
    expect(cleanInput("\u202E đảo chiều văn bản")).toBe("đảo chiều văn bản");
    expect(cleanInput("  dòng 1\r\ndòng 2  ")).toBe("dòng 1\ndòng 2");
  });
});

describe("fold", () => {
  it("matches labels with or without diacritics and in any case", () => {
    expect(fold("Vắng mặt")).toBe("vang mat");
    expect(fold("VẮNG MẶT.")).toBe("vang mat");
    expect(fold("Đã hoàn thành")).toBe("da hoan thanh");
    expect(fold("  Tham   dự ")).toBe("tham du");
  });
});

describe("matchChoice", () => {
  const choices = [
    { label: "Tham dự", action: "r:m1:a" },
    { label: "Vắng mặt", action: "r:m1:v" },
  ];
  it("picks by number, by label, without diacritics", () => {
    expect(matchChoice(choices, "2")?.action).toBe("r:m1:v");
    expect(matchChoice(choices, "vang mat")?.action).toBe("r:m1:v");
    expect(matchChoice(choices, "Tham dự")?.action).toBe("r:m1:a");
  });
  it("a label that is itself a number wins over the position", () => {
    const counts = ["0", "1", "2", "3"].map((n) => ({ label: n, action: `f:t:${n}` }));
    expect(matchChoice(counts, "3")?.action).toBe("f:t:3");
    expect(matchChoice(counts, "0")?.action).toBe("f:t:0");
  });
  it("ignores anything else", () => {
    expect(matchChoice(choices, "3")).toBeNull();
    expect(matchChoice(choices, "0")).toBeNull();
    expect(matchChoice(choices, "vắng mặt vì ốm")).toBeNull();
    expect(matchChoice([], "1")).toBeNull();
  });
});

describe("splitText", () => {
  it("keeps short texts whole", () => {
    expect(splitText("xin chào", 10)).toEqual(["xin chào"]);
  });
  it("splits at line breaks within the limit", () => {
    const lines = Array.from({ length: 50 }, (_, i) => `Dòng số ${i} – Nguyễn Văn An`);
    const parts = splitText(lines.join("\n"), 200);
    expect(parts.every((p) => p.length <= 200)).toBe(true);
    expect(parts.join("\n")).toBe(lines.join("\n"));
  });
  it("prefers the blank line between sections to a line break inside one", () => {
    const section = (n: number) => [`Mục ${n}`, ...Array.from({ length: 5 }, (_, i) => `  dòng ${i} của mục ${n}`)].join("\n");
    const text = [1, 2, 3, 4].map(section).join("\n\n");
    const parts = splitText(text, section(1).length * 2 + 10);
    expect(parts).toEqual([`${section(1)}\n\n${section(2)}`, `${section(3)}\n\n${section(4)}`]);
  });

  it("breaks an over-long line at spaces, then inside a word, never inside an emoji", () => {
    for (const n of fixtures.long_text_lengths) {
      const text = "🌸".repeat(3) + "a".repeat(n) + " đảng viên".repeat(20);
      const parts = splitText(text, 2000);
      expect(parts.every((p) => p.length <= 2000)).toBe(true);
      expect(parts.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
      for (const p of parts) expect(p).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });
});

describe("mergeReplies", () => {
  it("joins text-only replies with the next one so a person gets one message", () => {
    const merged = mergeReplies([{ text: "Đã lưu." }, { text: "Câu hỏi?", choices: [[{ label: "Có", action: "f:x:y" }]] }, { text: "Sau" }]);
    expect(merged).toEqual([{ text: "Đã lưu.\n\nCâu hỏi?", choices: [[{ label: "Có", action: "f:x:y" }]] }, { text: "Sau" }]);
  });
});

describe("invite codes", () => {
  it("are 10 characters without look-alikes, always with a digit, readable in two groups", () => {
    for (let i = 0; i < 500; i++) {
      const code = generateCode();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
      expect(code).toMatch(/\d/);
      expect(looksLikeCode(formatCode(code))).toBe(true);
      expect(normalizeCode(formatCode(code).toLowerCase())).toBe(code);
    }
  });
  it("a person's name is never taken for a code", () => {
    for (const name of fixtures.names) expect(looksLikeCode(name)).toBe(false);
    expect(looksLikeCode("Tran Binh")).toBe(false);
  });
  it("say why they cannot be used", () => {
    const now = new Date("2026-11-25T00:00:00Z");
    const base = { id: "i", branchId: "b", code: "X", grantsSecretary: false, grantsDeputy: false, grantsAdmin: false, maxUses: 1, uses: 0, expiresAt: new Date("2026-12-01T00:00:00Z"), createdById: null, botAccountId: null, revokedAt: null, createdAt: now };
    expect(inviteProblem(base, now)).toBeNull();
    expect(inviteProblem(null, now)).toBe("invite-unknown");
    expect(inviteProblem({ ...base, revokedAt: now }, now)).toBe("invite-revoked");
    expect(inviteProblem({ ...base, expiresAt: now }, now)).toBe("invite-expired");
    expect(inviteProblem({ ...base, uses: 1 }, now)).toBe("invite-used-up");
  });
  it("wrong guesses wait longer and longer after five", () => {
    expect([1, 4, 5, 6, 7, 12, 40].map(lockoutMinutes)).toEqual([0, 0, 1, 2, 4, 60, 60]);
  });
});

describe("full names", () => {
  it("accepts every sample name and tidies all-lowercase or all-uppercase ones", () => {
    for (const name of fixtures.names) expect(parseFullName(name)).toEqual({ name });
    expect(parseFullName("nguyễn văn an")).toEqual({ name: "Nguyễn Văn An" });
    expect(parseFullName("NGUYỄN VĂN AN")).toEqual({ name: "Nguyễn Văn An" });
    expect(parseFullName("  Trần   Thị  Bình ")).toEqual({ name: "Trần Thị Bình" });
  });
  it("refuses markup, digits, single words and over-long names", () => {
    expect(parseFullName("<b>in đậm</b>")).toEqual({ problem: "onboarding-name-invalid" });
    expect(parseFullName("Robert'); DROP TABLE members;--")).toEqual({ problem: "onboarding-name-invalid" });
    expect(parseFullName("Huy")).toEqual({ problem: "onboarding-name-incomplete" });
    expect(parseFullName("An 123")).toEqual({ problem: "onboarding-name-invalid" });
    expect(parseFullName("Nguyễn " + "a".repeat(100))).toEqual({ problem: "onboarding-name-too-long" });
  });
});
