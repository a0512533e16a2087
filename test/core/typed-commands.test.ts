// Commands typed as words, the way people type on Zalo (no slash, diacritics, spaces), and typed
// choices with the punctuation phones add.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchChoice } from "../../src/core/engine/answers.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

describe("typed commands", () => {
  let h: Harness;
  const ZALO = { platform: "ZALO" as const };
  beforeAll(async () => {
    h = await createHarness({ db: "sqlite", platform: "ZALO" });
  });
  afterAll(() => h.close());

  it("a command name written as words, with diacritics, runs the command", async () => {
    for (const typed of ["trợ giúp", "Trợ Giúp!", "tro giup", "TROGIUP"]) {
      expect((await h.send("khach", typed, ZALO))[0]?.text, typed).toContain("giúp chi bộ nhắc lịch sinh hoạt");
    }
  });

  it("words after a command run it only when the command takes arguments", async () => {
    expect((await h.send("khach", "trợ giúp tôi với", ZALO))[0]?.text).toContain("Chào bạn!");
    expect((await h.send("khach", "ngôn ngữ english", ZALO))[0]?.text).toBe("The assistant now speaks English.");
    expect((await h.send("khach", "ngon ngu tieng viet", ZALO))[0]?.text).toBe("Đã chuyển sang Tiếng Việt.");
  });

  it("a number picks a choice even with the punctuation a phone adds", () => {
    const choices = [
      { label: "Tham dự", action: "r:m1:a" },
      { label: "Vắng mặt", action: "r:m1:v" },
    ];
    expect(matchChoice(choices, "2.")?.action).toBe("r:m1:v");
    expect(matchChoice(choices, " 1 ")?.action).toBe("r:m1:a");
    expect(matchChoice(choices, "VẮNG MẶT!")?.action).toBe("r:m1:v");
    expect(matchChoice(choices, "3.")).toBeNull();
  });
});
