// A branch for one fuzz case, written straight into the tables: one member of each role, meetings
// before and after now, commitments, an open year-end review and an invite, so that most flows have
// something to show and their deeper steps can be reached. Each case gets its own branch (a case may
// delete members or erase its own data), and the same seed makes the victim branch that no case may
// touch.
import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import { yearPeriodId } from "../../../src/core/domain/commitments/period.ts";
import { generateCode } from "../../../src/core/domain/invites.ts";
import { defaultBotAccountId, type Locale, type Platform } from "../../../src/core/types.ts";
import type { PrismaStore } from "../../../src/infra/prisma/store.ts";

type Db = PrismaStore["db"];
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const ROLES = ["member", "secretary", "admin", "operator", "removed", "stranger"] as const;
export type Role = (typeof ROLES)[number];

export interface SeededBranch {
  branchId: string;
  /** The chat (user id) of each role; the operator's is the harness's OPERATOR. */
  chats: Record<Exclude<Role, "operator">, string>;
  inviteCode: string;
}

const DAY = 86_400_000;

const newId = () => `c${randomBytes(12).toString("hex")}`;

export async function seedBranch(db: Db, tag: string, platform: Platform, now: Date, locale: Locale): Promise<SeededBranch> {
  // One transaction: twice as fast as a commit per statement, and a case starts with all of it or nothing.
  return db.$transaction((tx) => seedIn(tx, tag, platform, now, locale));
}

async function seedIn(db: Tx, tag: string, platform: Platform, now: Date, locale: Locale): Promise<SeededBranch> {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const zone = "Asia/Ho_Chi_Minh";
  const branchId = newId();
  const chats = { member: `m${tag}`, secretary: `s${tag}`, admin: `a${tag}`, removed: `r${tag}`, stranger: `x${tag}` };
  const ids = { admin: newId(), secretary: newId(), member: newId(), other: newId(), removed: newId() };
  const meetings = { past: newId(), next: newId(), later: newId() };
  const inviteCode = generateCode();
  const period = yearPeriodId(branchId, 2026);
  const place = "Hội trường tầng 3, số 12 Lê Lợi";
  const topic = "Sơ kết công tác tháng 11; triển khai nhiệm vụ tháng 12";
  // Ids are chosen here so that everything goes in with a few statements.
  await db.branch.create({
    data: {
      id: branchId,
      name: `Chi bộ Khu phố ${tag}`,
      rule: { create: { kind: "DAY_OF_MONTH", dayOfMonth: 5, timeOfDay: 19 * 60 + 30, place: "Nhà văn hóa khu phố" } },
      offsets: { create: { minutesBefore: 1440 } },
      meetings: {
        createMany: {
          data: [
            { id: meetings.past, startsAt: at(-1), place, topic },
            { id: meetings.next, startsAt: at(3), place, topic },
            { id: meetings.later, kind: "THEMATIC", startsAt: at(33), place, topic },
          ],
        },
      },
      standards: { createMany: { data: [{ text: "Gương mẫu thực hiện nếp sống văn minh", position: 1 }, { text: "Giữ gìn đoàn kết nội bộ", position: 2 }] } },
      // This year's period, as the commitments feature names it, with registration still open so
      // that adding, editing and deleting items can be reached.
      periods: {
        create: {
          id: period,
          name: "2026",
          startsAt: DateTime.fromObject({ year: 2026 }, { zone }).toJSDate(),
          deadline: at(30),
          endsAt: DateTime.fromObject({ year: 2027 }, { zone }).toJSDate(),
        },
      },
      yearReviews: { create: { year: 2026, openedAt: at(-1), closesAt: at(20) } },
      invites: { create: { code: inviteCode, maxUses: 5, expiresAt: at(7) } },
    },
  });
  const member = (key: keyof typeof ids, fullName: string, extra: object = {}) => ({
    id: ids[key], branchId, fullName, preferredPlatform: platform, consentAt: at(-200), joinedAt: at(-200), ...(locale !== "vi" ? { locale } : {}), ...extra,
  });
  await db.member.createMany({
    data: [
      member("admin", "Nguyễn Văn An", { isAdmin: true }),
      member("secretary", "Trần Thị Bình", { isSecretary: true }),
      member("member", "Lê Hoàng Cường"),
      member("other", "Phạm Thị Dung", { partyStatus: "PROBATIONARY" }),
      member("removed", "Võ Văn Em", { status: "REMOVED", removedAt: at(-10) }),
    ],
  });
  // Each member's chat; the members with a role also have one on the other platform, so that
  // /lienket shows its menu. The stranger's chat exists already, to carry its language.
  const other: Platform = platform === "ZALO" ? "TELEGRAM" : "ZALO";
  const chat = (p: Platform, userId: string, memberId: string | null) => ({ platform: p, botAccountId: defaultBotAccountId(p), userId, chatId: userId, memberId, lastSeenAt: at(-200) });
  await db.identity.createMany({
    data: [
      chat(platform, chats.admin, ids.admin),
      chat(platform, chats.secretary, ids.secretary),
      chat(platform, chats.member, ids.member),
      chat(platform, `o${tag}`, ids.other),
      chat(platform, chats.removed, ids.removed),
      { ...chat(platform, chats.stranger, null), locale },
      ...(["member", "secretary", "admin"] as const).map((role) => chat(other, `${chats[role]}-2`, ids[role])),
    ],
  });
  await db.rsvp.createMany({
    data: [
      { meetingId: meetings.past, memberId: ids.member, answer: "ABSENT", reason: "Đi công tác", answeredAt: at(-2) },
      { meetingId: meetings.next, memberId: ids.other, answer: "ATTEND", answeredAt: at(-1) },
    ],
  });
  const texts: Array<[string, string]> = [
    [ids.member, "Giữ gìn vệ sinh đường phố trước nhà"],
    [ids.member, "Tham gia đầy đủ sinh hoạt tổ dân phố"],
    [ids.secretary, "Thăm hỏi gia đình đảng viên có hoàn cảnh khó khăn"],
  ];
  await db.commitment.createMany({
    data: texts.map(([memberId, text], i) => ({ periodId: period, memberId, text, position: i === 1 ? 2 : 1, status: "SUBMITTED" as const, submittedAt: at(-100) })),
  });
  return { branchId, chats, inviteCode: `${inviteCode.slice(0, 5)}-${inviteCode.slice(5)}` };
}

/** Every id in a branch's rows: forged buttons carry them into other branches' chats. */
export async function idsOf(db: Db, branchId: string): Promise<string[]> {
  const [members, meetings, commitments, invites, standards, periods] = await Promise.all([
    db.member.findMany({ where: { branchId }, select: { id: true } }),
    db.meeting.findMany({ where: { branchId }, select: { id: true } }),
    db.commitment.findMany({ where: { period: { branchId } }, select: { id: true } }),
    db.invite.findMany({ where: { branchId }, select: { id: true } }),
    db.ethicalStandard.findMany({ where: { branchId }, select: { id: true } }),
    db.commitmentPeriod.findMany({ where: { branchId }, select: { id: true } }),
  ]);
  return [branchId, ...[members, meetings, commitments, invites, standards, periods].flat().map((r) => r.id)];
}
