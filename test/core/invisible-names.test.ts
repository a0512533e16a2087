// Names shown to other people carry nothing invisible: no direction overrides that make a name read
// backwards, no zero-width characters or fillers that make two different names look the same (and
// so escape the namesake marks), no control characters — whether a member typed the name or it came
// from the platform's profile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanName } from "../../src/core/text.ts";
import { parseNameNote } from "../../src/core/domain/names.ts";
import { parseBranchName } from "../../src/core/features/branches.ts";
import { parseFullName } from "../../src/core/features/onboarding.ts";
import { defaultBotAccountId } from "../../src/core/types.ts";
import { labels } from "../helpers/chat.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

const DAY = 86_400_000;

describe("cleanName", () => {
  it.each([
    ["direction overrides and isolates", "\u202Egnorw\u202C \u2066An\u2069 \u200E\u200F\u061CBình", "gnorw An Bình"],
    ["embeddings", "\u202A\u202B\u202DAn\u202C", "An"],
    ["zero-width spaces and joiners, word joiner, BOM", "Tr\u200Bần\u200C \u200DVăn\u2060 An\uFEFF", "Trần Văn An"],
    ["a combining grapheme joiner and a variation selector", "A\u034Fn Bi\uFE00nh", "An Binh"],
    ["Hangul fillers and a soft hyphen", "Lan\u3164 Anh\u00AD \u115F\u1160\uFFA0", "Lan Anh"],
    ["C0 and C1 controls (line breaks become spaces)", "\u0000Lan\u0007\nAnh\u0085\u009F\u007F", "Lan Anh"],
    ["tags", "An\u{E0041}\u{E007F}", "An"],
  ])("drops %s", (_what, raw, clean) => {
    expect(cleanName(raw)).toBe(clean);
  });

  it("keeps Vietnamese as typed (composed) and emoji sequences whole", () => {
    expect(cleanName("Nguyễn Văn An".normalize("NFD"))).toBe("Nguyễn Văn An");
    expect(cleanName("👨‍👩‍👧 Gia đình ❤️ 👍🏽")).toBe("👨‍👩‍👧 Gia đình ❤️ 👍🏽");
  });

  it("is what typed names, notes and branch names are made of", () => {
    expect(parseFullName("Trần Văn A\u034Fn\u202E")).toEqual({ name: "Trần Văn An" });
    expect(parseFullName("\u3164 \u200B")).toEqual({ problem: "onboarding-name-invalid" });
    expect(parseNameNote("sinh\u200B 1958\u202E")).toEqual({ note: "sinh 1958" });
    expect(parseBranchName("Chi bộ\u2066 Thôn\u200D Đông")).toEqual({ name: "Chi bộ Thôn Đông" });
  });
});

describe.each(DB_KINDS)("invisible characters in names on %s", (db) => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ db });
    await h.createBranch("Chi bộ Khu phố 3");
    const branchId = (await h.store.db.branch.findFirstOrThrow()).id;
    await h.store.db.invite.create({ data: { branchId, code: "CHUNG2MOI3", maxUses: 100, expiresAt: new Date(h.clock.now().getTime() + 30 * DAY) } });
    await h.join("lan", "CHUNG-2MOI3", "Nguyễn Thị Lan");
    await h.store.db.member.updateMany({ data: { isAdmin: true } });
    await h.join("an1", "CHUNG-2MOI3", "Trần Văn An");
    h.clock.advance(60_000);
    // The same name again, with a zero-width space, a combining grapheme joiner and an override.
    await h.join("an2", "CHUNG-2MOI3", "Trần\u200B Văn A\u034Fn\u202E");
  });
  afterAll(() => h.close());

  it("a name typed with invisible characters is stored without them and gets its namesake mark", async () => {
    const names = (await h.store.db.member.findMany({ orderBy: { joinedAt: "asc" } })).map((m) => m.fullName);
    expect(names).toEqual(["Nguyễn Thị Lan", "Trần Văn An", "Trần Văn An"]);
    const [list] = await h.send("lan", "/thanhvien");
    expect(labels(list)).toEqual(expect.arrayContaining(["Trần Văn An (1)", "Trần Văn An (2)"]));
  });

  it("a platform display name is stored without overrides, invisible or control characters", async () => {
    await h.core.engine.handle({
      platform: "TELEGRAM",
      updateId: "display-name-1",
      userId: "an1",
      chatId: "an1",
      text: "/trogiup",
      displayName: "\u202Enerdlihc\u202C\u200B Tr\u034Fần\u0007\u3164 👨‍👩‍👧",
      receivedAt: h.clock.now(),
    });
    const identity = await h.store.db.identity.findUniqueOrThrow({ where: { botAccountId_userId: { botAccountId: defaultBotAccountId("TELEGRAM"), userId: "an1" } } });
    expect(identity.displayName).toBe("nerdlihc Trần 👨‍👩‍👧");
  });

  it("a display name of nothing visible changes nothing, and a very long one is cut", async () => {
    const stored = async () => (await h.store.db.identity.findUniqueOrThrow({ where: { botAccountId_userId: { botAccountId: defaultBotAccountId("TELEGRAM"), userId: "an1" } } })).displayName;
    await h.core.engine.handle({ platform: "TELEGRAM", updateId: "display-name-2", userId: "an1", chatId: "an1", text: "/trogiup", displayName: "\u200B\u3164\u202E", receivedAt: h.clock.now() });
    expect(await stored()).toBe("nerdlihc Trần 👨‍👩‍👧");
    await h.core.engine.handle({ platform: "TELEGRAM", updateId: "display-name-3", userId: "an1", chatId: "an1", text: "/trogiup", displayName: "ă".repeat(500), receivedAt: h.clock.now() });
    expect(await stored()).toBe("ă".repeat(128));
  });
});
