// Golden tests of the digest text: the model is built from rows and rendered in both languages, and
// the result must match the files under __golden__ exactly. Review a changed golden file like code.
import { describe, expect, it } from "vitest";
import { splitText } from "../../../src/core/engine/text.ts";
import { buildDigest, type DigestInput } from "../../../src/core/features/digests/model.ts";
import { digestBlocks, renderDigest, REASON_SHOWN } from "../../../src/core/features/digests/render.ts";
import { createMessages } from "../../../src/core/services/messages.ts";
import type { Locale } from "../../../src/core/types.ts";
import { loadLocales } from "../../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../../src/infra/paths.ts";
import {
  attendance,
  BEFORE_NOW,
  branch,
  commitment,
  emptySource,
  evaluation,
  meeting,
  MEETING_AT,
  member,
  PERIOD,
  rsvp,
  sample,
} from "./fixtures.ts";

const { translator } = loadLocales(localesDir, { strict: true });
// Rendering never sends: the clock is not read.
const messages = createMessages(translator, "vi", { now: () => MEETING_AT });
const LOCALES: Locale[] = ["vi", "en"];
const render = (input: DigestInput, locale: Locale) => renderDigest(buildDigest(input), messages.bind(locale), locale);

const M = meeting("mt12", MEETING_AT);

/** 12 members: two probationary, one exempted (miễn sinh hoạt). */
function twelve() {
  return Array.from({ length: 12 }, (_, i) => member(i, { partyStatus: i === 3 || i === 7 ? "PROBATIONARY" : "FULL", exempted: i === 11 }));
}

function nobodyAnswered(): DigestInput {
  // A branch that started late: registration is still open.
  const source = { ...emptySource(twelve()), period: { ...PERIOD, deadline: new Date("2026-12-15T16:59:59Z") } };
  return { branch: branch(), meeting: M, phase: "before", now: BEFORE_NOW, source };
}

function everyoneAnswered(): DigestInput {
  const members = twelve();
  const source = emptySource(members);
  const reasons = sample.absence_reasons;
  source.rsvps = members
    .filter((m) => !m.exempted)
    .map((m, i) => (i % 4 === 1 ? rsvp(M.id, m.id, "ABSENT", reasons[i % reasons.length]!) : rsvp(M.id, m.id, "ATTEND")));
  // Everyone registered two commitments; one edited and one deleted since the last digest.
  source.lastDigestAt = new Date("2026-11-05T07:00:00Z");
  source.commitments = members.filter((m) => !m.exempted).flatMap((m) => [commitment(m.id, 1), commitment(m.id, 2)]);
  source.commitments.find((c) => c.id === "c-m04-2")!.changedAt = new Date("2026-11-20T03:00:00Z");
  source.commitments.find((c) => c.id === "c-m01-2")!.changedAt = new Date("2026-10-20T03:00:00Z"); // before the last digest
  source.commitments.find((c) => c.id === "c-m05-1")!.deletedAt = new Date("2026-11-21T03:00:00Z");
  const text = (id: string) => source.commitments.find((c) => c.id === id)!.text;
  // Self-evaluations: all but two submitted (one still a draft); one item not yet for the second month.
  source.evaluations = members
    .filter((m) => !m.exempted && m.id !== "m08")
    .map((m, i) =>
      evaluation(
        M.id,
        m.id,
        [
          [`c-${m.id}-1`, i % 3 === 0 ? "NOT_YET" : "DONE", text(`c-${m.id}-1`)],
          [`c-${m.id}-2`, i % 2 === 0 ? "IN_PROGRESS" : "DONE", text(`c-${m.id}-2`)],
        ],
        m.id === "m06" ? "DRAFT" : "SUBMITTED",
      ),
    );
  const previousMeeting = meeting("mt11", new Date("2026-11-05T07:00:00Z"));
  source.previous = {
    meeting: previousMeeting,
    evaluations: [evaluation("mt11", "m03", [["c-m03-1", "NOT_YET"]]), evaluation("mt11", "m00", [["c-m00-1", "DONE"]])],
  };
  // Đồng chí m09 (Đỗ Thị Hương) missed three meetings in the year: two unanswered, one absent after saying Tham dự.
  const past = ["2026-09-03", "2026-10-01", "2026-11-05"].map((d, i) => meeting(`h${i}`, new Date(`${d}T07:00:00Z`)));
  source.history = {
    meetings: past,
    members,
    rsvps: past.flatMap((p, i) => members.filter((m) => !m.exempted && (m.id !== "m09" || i === 2)).map((m) => rsvp(p.id, m.id, "ATTEND"))),
    attendance: [attendance("h2", "m09", false), attendance("h2", "m00", true)],
  };
  // One chat blocked the bot, one member never had a chat.
  source.chats = source.chats.filter((c) => c.memberId !== "m11").map((c) => (c.memberId === "m10" ? { ...c, active: false } : c));
  source.undelivered = [{ memberId: "m10", count: 2 }];
  return { branch: branch(), meeting: M, phase: "after", now: MEETING_AT, source };
}

const LONG = (seed: number) => {
  let text = "";
  for (let i = seed; text.length < 500; i++) text += `${sample.absence_reasons[i % sample.absence_reasons.length]}; `;
  return text.slice(0, 500);
};

function longReasons(): DigestInput {
  const members = Array.from({ length: 5 }, (_, i) => member(i));
  const source = emptySource(members);
  source.rsvps = [rsvp(M.id, "m00", "ATTEND"), rsvp(M.id, "m01", "ABSENT", LONG(0)), rsvp(M.id, "m02", "ABSENT", LONG(2)), rsvp(M.id, "m03", "ABSENT", `${"x".repeat(499)}y`)];
  return { branch: branch(), meeting: M, phase: "before", now: BEFORE_NOW, source };
}

function sixtyMembers(): DigestInput {
  const members = Array.from({ length: 60 }, (_, i) => member(i, { partyStatus: i % 12 === 5 ? "PROBATIONARY" : "FULL", exempted: i % 20 === 19 }));
  const source = emptySource(members);
  const reasons = sample.absence_reasons;
  source.rsvps = members.flatMap((m, i) => {
    if (i % 5 === 0) return [rsvp(M.id, m.id, "ABSENT", reasons[i % reasons.length]!)];
    if (i % 3 === 0) return [];
    return [rsvp(M.id, m.id, "ATTEND")];
  });
  source.commitments = members.filter((_, i) => i % 4 !== 0).map((m) => commitment(m.id, 1));
  source.evaluations = source.commitments
    .filter((_, i) => i % 2 === 0)
    .map((c, i) => evaluation(M.id, c.memberId, [[c.id, (["DONE", "IN_PROGRESS", "NOT_YET"] as const)[i % 3]!, c.text]]));
  source.chats = source.chats.map((c, i) => (i % 17 === 0 ? { ...c, active: false } : c));
  return { branch: branch(), meeting: M, phase: "before", now: BEFORE_NOW, source };
}

/** Asked for with /baocao after the meeting, once attendance was recorded. */
function recorded(): DigestInput {
  const members = Array.from({ length: 6 }, (_, i) => member(i, { exempted: i === 5 }));
  const source = emptySource(members);
  source.rsvps = [rsvp(M.id, "m00", "ATTEND"), rsvp(M.id, "m01", "ATTEND"), rsvp(M.id, "m02", "ABSENT", sample.absence_reasons[1]!)];
  source.attendance = [attendance(M.id, "m00", true), attendance(M.id, "m01", false), attendance(M.id, "m02", false), attendance(M.id, "m03", true), attendance(M.id, "m04", false), attendance(M.id, "m05", false)];
  return { branch: branch(), meeting: { ...M, kind: "THEMATIC", place: null, topic: null }, phase: "now", now: new Date(MEETING_AT.getTime() + 3 * 3_600_000), source };
}

/** The picture at the start of a sinh hoạt chuyên đề: no self-evaluation to speak of. */
function thematicAfter(): DigestInput {
  const members = Array.from({ length: 4 }, (_, i) => member(i));
  const source = emptySource(members);
  source.rsvps = [rsvp(M.id, "m00", "ATTEND"), rsvp(M.id, "m01", "ABSENT", sample.absence_reasons[0]!)];
  const topic = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tiết kiệm";
  return { branch: branch(), meeting: { ...M, kind: "THEMATIC", topic }, phase: "after", now: MEETING_AT, source };
}

function noMeeting(): DigestInput {
  const members = Array.from({ length: 3 }, (_, i) => member(i));
  const source = emptySource(members);
  source.period = null;
  return { branch: branch(), meeting: null, phase: "now", now: BEFORE_NOW, source };
}

const CASES: Record<string, () => DigestInput> = {
  "nobody-answered": nobodyAnswered,
  "everyone-answered": everyoneAnswered,
  "long-reasons": longReasons,
  "sixty-members": sixtyMembers,
  recorded,
  "thematic-after": thematicAfter,
  "no-meeting": noMeeting,
};

describe("digest text (golden)", () => {
  for (const [name, make] of Object.entries(CASES)) {
    for (const locale of LOCALES) {
      it(`${name} in ${locale}`, async () => {
        await expect(render(make(), locale)).toMatchFileSnapshot(`__golden__/${name}.${locale}.txt`);
      });
    }
  }
});

describe("digest model", () => {
  it("counts the roll call forecast in the minutes' format", () => {
    const roll = buildDigest(everyoneAnswered()).roll!;
    expect(roll).toMatchObject({ total: 12, full: 10, probationary: 2, present: 8, recorded: false });
    expect(roll.exempted.map((p) => p.id)).toEqual(["m11"]);
    expect(roll.excused.map((p) => p.id).sort()).toEqual(["m01", "m05", "m09"]);
    expect(roll.noAnswer).toEqual([]);
    const nobody = buildDigest(nobodyAnswered()).roll!;
    expect(nobody.present).toBe(0);
    // The exempted member is not chased for an answer.
    expect(nobody.noAnswer.map((p) => p.id)).not.toContain("m11");
    expect(nobody.noAnswer).toHaveLength(11);
  });

  it("recorded attendance replaces the forecast", () => {
    const roll = buildDigest(recorded()).roll!;
    expect(roll.recorded).toBe(true);
    expect(roll.present).toBe(2);
    expect(roll.excused.map((p) => p.id)).toEqual(["m02"]);
    // Said Tham dự and did not come, and never answered: both absent without reason; the exempted one is not.
    expect(roll.absentNoReason.map((p) => p.id).sort()).toEqual(["m01", "m04"]);
  });

  it("lists commitments changed since the last digest, self-evaluation tallies and repeated not-yet items", () => {
    const model = buildDigest(everyoneAnswered());
    expect(model.commitments).toMatchObject({ expected: 11, registered: 11, missing: [] });
    expect(model.commitments!.changed.map((c) => [c.name, c.deleted])).toEqual([
      ["Hoàng Văn Đức", false],
      ["Vũ Thị Hà", true],
    ]);
    const s = model.selfEval!;
    expect(s).toMatchObject({ state: "closed", expected: 11, submitted: 9 });
    expect(s.missing.map((p) => [p.id, p.draft])).toEqual([
      ["m06", true],
      ["m08", false],
    ]);
    expect(s.done + s.inProgress + s.notYet).toBe(18);
    expect(s.notYetTwice).toEqual([{ name: "Phạm Thị Dung", text: expect.any(String) }]);
  });

  it("warns about three absences without reason or answer in twelve months, and unreachable chats", () => {
    const w = buildDigest(everyoneAnswered()).warnings;
    expect(w.absences).toEqual([{ name: "Đỗ Thị Hương", months: ["2026-09", "2026-10", "2026-11"] }]);
    expect(w.unreachable).toEqual([
      { name: "Hồ Văn Khải", why: "inactive", undelivered: 2 },
      { name: "Ngô Thị Lan", why: "no-chat", undelivered: 0 },
    ]);
  });
});

describe("digest of a sinh hoạt chuyên đề", () => {
  it("says nothing about self-evaluation, which only regular meetings have", () => {
    expect(render(thematicAfter(), "vi")).not.toMatch(/tự đánh giá/i);
    expect(render(thematicAfter(), "en")).not.toMatch(/self-evaluation/i);
  });
});

describe("digest layout", () => {
  it("keeps the sections in order", () => {
    for (const locale of LOCALES) {
      const blocks = digestBlocks(buildDigest(everyoneAnswered()), messages.bind(locale), locale);
      expect(blocks).toHaveLength(5);
      const heads = blocks.map((b) => b.split("\n")[0]);
      expect(heads).toEqual(
        locale === "vi"
          ? ["BÁO CÁO KHI BẮT ĐẦU SINH HOẠT", "DỰ KIẾN ĐIỂM DANH", "ĐĂNG KÝ LÀM THEO (năm 2026)", "TỰ ĐÁNH GIÁ", "LƯU Ý RIÊNG CHO CHI ỦY"]
          : ["DIGEST AT THE START OF THE MEETING", "EXPECTED ATTENDANCE", "COMMITMENTS (2026)", "SELF-EVALUATIONS", "PRIVATE NOTES FOR THE BRANCH COMMITTEE"],
      );
    }
  });

  it("clips 500-character reasons so the digest stays scannable", () => {
    const text = render(longReasons(), "vi");
    const reasonLines = text.split("\n").filter((l) => l.startsWith("- "));
    expect(reasonLines).toHaveLength(3);
    for (const line of reasonLines) {
      const reason = line.slice(line.indexOf(": ") + 2);
      expect(reason.length).toBeLessThanOrEqual(REASON_SHOWN);
      expect(reason.endsWith("…")).toBe(true);
    }
  });

  it("a 60-member digest splits at Zalo's and Telegram's limits on whole lines", () => {
    for (const locale of LOCALES) {
      const text = render(sixtyMembers(), locale);
      const lines = new Set(text.split("\n"));
      for (const limit of [2000, 4096]) {
        const parts = splitText(text, limit);
        if (limit === 2000) expect(parts.length).toBeGreaterThan(1);
        for (const part of parts) {
          expect(part.length).toBeLessThanOrEqual(limit);
          for (const line of part.split("\n")) expect(lines.has(line)).toBe(true);
        }
      }
      // No line is longer than a phone can take in one glance per name list entry.
      expect(Math.max(...text.split("\n").map((l) => l.length))).toBeLessThan(2000);
    }
  });
});
