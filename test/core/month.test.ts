// A month in the life of a chi bộ, on Zalo, in Vietnamese and in English: the operator creates the
// branch, the secretary joins and sets the schedule, invites the members, they join and register
// their commitments, the self-evaluation window opens, reminders come and members answer (one ahead
// of time for next month), the secretary gets the day's notice and the digests, records attendance
// with a reason, and opens the year-end review; a member proposes a rating and gets the draft.
//
// The whole conversation is compared with test/core/__golden__/month.<lang>.txt, which is read line
// by line like any other change. After a deliberate wording change: UPDATE_GOLDEN=1 npx vitest run
// test/core/month.test.ts, then review the diff of the golden files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "../../src/core/types.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { createHarness, OPERATOR, type Harness } from "../helpers/harness.ts";
import { golden, Transcript } from "../helpers/transcript.ts";

const COMMANDS: Record<Locale, Record<string, string>> = {
  vi: { newbranch: "/taochibo", invite: "/moi", schedule: "/lichhop", commit: "/dangky", selfeval: "/tudanhgia", meeting: "/hop", digest: "/baocao", attendance: "/diemdanh", reminders: "/nhacnho", settings: "/caidat" },
  en: { newbranch: "/newbranch", invite: "/invite", schedule: "/schedule", commit: "/commit", selfeval: "/selfeval", meeting: "/meeting", digest: "/digest", attendance: "/attendance", reminders: "/reminders", settings: "/settings" },
};

/** Vietnam is UTC+7: "2026-11-25 09:00" local is 02:00 UTC. */
const local = (day: string, time: string) => new Date(new Date(`${day}T${time}:00Z`).getTime() - 7 * 3_600_000).toISOString();

async function month(h: Harness, locale: Locale): Promise<string> {
  const tr = new Transcript(h, locale);
  const c = COMMANDS[locale];
  const t = (key: string, args?: Record<string, string | number>) => tr.t(key, args);
  const code = (text: string | undefined) => /([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(text ?? "")?.[1] ?? "";
  const join = async (user: string, invite: string, name: string) => {
    if (locale === "en") await tr.say(user, "/language en");
    await tr.say(user, `/start ${invite}`);
    await tr.say(user, name);
    await tr.choose(user, t("onboarding-agree"));
    await tr.choose(user, t("control-confirm"));
  };
  const register = async (user: string, items: string[]) => {
    const [first] = await tr.say(user, c.commit!);
    // A member is asked for the first item at once; an admin first sees the list and Quản lý.
    const asked = !first?.choices?.flat().some((x) => x.label === t("commitment-add"));
    for (const [i, item] of items.entries()) {
      if (i > 0 || !asked) await tr.choose(user, t("commitment-add"));
      await tr.say(user, item);
    }
    await tr.choose(user, t("control-confirm"));
  };

  tr.moveTo(local("2026-11-25", "09:00"));
  tr.note("The operator creates the branch; its secretary joins with the invite and sets the schedule.");
  if (locale === "en") await tr.say(OPERATOR, "/language en");
  await tr.say(OPERATOR, c.newbranch!);
  await tr.say(OPERATOR, "Chi bộ Khu phố 3");
  const [created] = await tr.choose(OPERATOR, t("control-confirm"));
  await join("lan", code(created?.text), "Nguyễn Thị Lan");
  await tr.say("lan", c.schedule!);
  await tr.choose("lan", t("meeting-menu-set-rule"));
  await tr.choose("lan", t("meeting-kind-day"));
  await tr.say("lan", "5");
  await tr.say("lan", "19:30");
  await tr.say("lan", "Nhà văn hóa khu phố 3");
  await tr.choose("lan", t("meeting-no-topic"));
  await tr.choose("lan", /10\/02\/2027/);
  await tr.say("lan", c.reminders!);
  await tr.say("lan", c.settings!);
  await tr.choose("lan", t("control-exit"));

  tr.note("The secretary invites the members; three join and register their commitments.");
  await tr.say("lan", c.invite!);
  await tr.choose("lan", t("invites-role-member"));
  await tr.choose("lan", t("invites-days", { count: 7 }));
  await tr.choose("lan", t("invites-uses", { count: 10 }));
  const [invite] = await tr.choose("lan", t("control-confirm"));
  tr.moveTo(local("2026-11-25", "10:00"));
  await join("binh", code(invite?.text), "Trần Văn Bình");
  await join("cuong", code(invite?.text), "Lê Hoàng Cường");
  await join("dung", code(invite?.text), "Phạm Thị Dung");
  await register("binh", ["Giữ gìn vệ sinh đường phố trước nhà, vận động các hộ cùng làm", "Tham gia đầy đủ sinh hoạt tổ dân phố"]);
  await register("cuong", ["Hướng dẫn con cháu tiết kiệm điện, nước trong gia đình"]);
  await register("lan", ["Thăm hỏi, giúp đỡ gia đình đảng viên có hoàn cảnh khó khăn"]);

  await tr.at(local("2026-11-25", "18:00"));

  tr.note("Seven days before the meeting the self-evaluation opens; Bình answers at once.");
  await tr.at(local("2026-11-28", "19:30"));
  await tr.choose("binh", t("selfeval-start"));
  await tr.choose("binh", t("selfeval-progress-done"));
  await tr.choose("binh", t("control-skip"));
  await tr.choose("binh", t("selfeval-progress-doing"));
  await tr.say("binh", "Tổ mới họp một lần, tháng sau tham gia tiếp");
  await tr.say("binh", "Tháng này thực hiện tốt việc giữ vệ sinh, vận động được thêm hai hộ.");
  await tr.choose("binh", t("control-confirm"));

  tr.note("Three days before, everyone is reminded. Cường will be away; Dung reports an absence from January's meeting ahead of time.");
  await tr.at(local("2026-12-02", "19:30"));
  await tr.choose("binh", t("meeting-attend"));
  // Lan still has the self-evaluation's button open too: a bare "1" asks which one she means.
  await tr.choose("lan", t("meeting-attend"));
  await tr.choose("lan", new RegExp(`^${t("meeting-attend")} – `));
  await tr.choose("cuong", t("meeting-absent"));
  await tr.say("cuong", "Đi công tác Hải Phòng");
  await tr.say("dung", c.meeting!);
  await tr.choose("dung", /01\/2027/);
  await tr.choose("dung", t("meeting-absent"));
  await tr.say("dung", "Về quê chăm mẹ ốm");

  tr.note("Who has not answered or not sent the self-evaluation is nudged once a day.");
  await tr.at(local("2026-12-03", "19:30"));
  await tr.at(local("2026-12-04", "19:30"));
  await tr.choose("dung", t("meeting-attend"));
  await tr.say("cuong", c.selfeval!);
  await tr.choose("cuong", t("selfeval-progress-doing"));
  await tr.say("cuong", "Đã nhắc các cháu tắt điện khi ra khỏi phòng");
  await tr.say("cuong", "Cần kiên trì hơn.");
  await tr.choose("cuong", t("control-confirm"));

  tr.note("On the day Cường's trip is cancelled: the secretary hears of it in the day's notice.");
  tr.moveTo(local("2026-12-05", "10:00"));
  await tr.say("cuong", c.meeting!);
  await tr.choose("cuong", t("meeting-attend"));
  await tr.at(local("2026-12-05", "17:30"));
  await tr.at(local("2026-12-05", "18:00"));
  await tr.at(local("2026-12-05", "19:30"));

  tr.note("After the meeting the secretary records attendance: Dung could not come, with a reason.");
  tr.moveTo(local("2026-12-05", "21:15"));
  await tr.say("lan", c.attendance!);
  await tr.choose("lan", /Phạm Thị Dung/);
  await tr.choose("lan", t("attendance-give-reason"));
  await tr.choose("lan", /Phạm Thị Dung/);
  await tr.say("lan", "Con ốm đột xuất");
  await tr.choose("lan", t("control-confirm"));
  await tr.say("lan", c.digest!);

  tr.note("Mid-December the secretary opens the year-end review; Bình proposes a rating.");
  tr.moveTo(local("2026-12-10", "09:00"));
  await tr.say("lan", c.selfeval!);
  await tr.choose("lan", t("selfeval-admin-yearend"));
  await tr.choose("lan", t("commitment-admin-review-start", { year: "2026" }));
  // The closing date the form suggests: thirty days on.
  await tr.choose("lan", /\(30 (ngày|days)\)$/);
  await tr.choose("lan", t("control-confirm"));
  await tr.choose("binh", t("yearend-start"));
  // A retired member of a residential branch: the form for members outside the political system.
  await tr.choose("binh", /^(Mẫu|Form) 2C/);
  await tr.choose("binh", t("yearend-level-good"));
  await tr.say("binh", "Hoàn thành các việc đã đăng ký, tham gia đầy đủ sinh hoạt chi bộ.");
  await tr.choose("binh", t("control-confirm"));
  return tr.text();
}

describe.each(DB_KINDS)("a month in the life, golden transcript, on %s", (db) => {
  const harnesses: Harness[] = [];
  beforeAll(() => undefined);
  afterAll(async () => {
    for (const h of harnesses) await h.close();
  });

  for (const locale of ["vi", "en"] as const) {
    it(`reads as reviewed, in ${locale}`, async () => {
      const h = await createHarness({ db, platform: "ZALO" });
      harnesses.push(h);
      const text = await month(h, locale);
      const { expected, actual } = golden(new URL(`./__golden__/month.${locale}.txt`, import.meta.url).pathname, text);
      expect(actual).toBe(expected);
    });
  }
});
