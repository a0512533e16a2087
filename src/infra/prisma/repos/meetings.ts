import { DEFAULT_REMINDER_OFFSETS } from "../../../core/domain/meetings.ts";
import type { MeetingRepo, Stamp } from "../../../core/ports/meetings.ts";
import type { Meeting, Rsvp } from "../../../core/domain/meetings.ts";
import type { DbTx } from "../client.ts";
import type { HotPath } from "../hot/statements.ts";

/** Rows per IN list: well under both databases' parameter limits. */
const CHUNK = 1000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const ACTIVE_ORDER = [{ fullName: "asc" as const }, { joinedAt: "asc" as const }];

export function meetingRepo(db: DbTx, hot: HotPath): MeetingRepo {
  const offsetsFor = async (branchIds: string[]): Promise<Map<string, number[]>> => {
    const out = new Map<string, number[]>();
    for (const ids of chunks([...new Set(branchIds)])) {
      const rows = await db.reminderOffset.findMany({ where: { branchId: { in: ids } }, select: { branchId: true, minutesBefore: true } });
      for (const r of rows) out.set(r.branchId, [...(out.get(r.branchId) ?? []), r.minutesBefore]);
    }
    for (const id of branchIds) out.set(id, (out.get(id) ?? [...DEFAULT_REMINDER_OFFSETS]).sort((a, b) => b - a));
    return out;
  };

  return {
    rule: (branchId) => db.meetingRule.findFirst({ where: { branchId } }),
    saveRule: (rule) => db.meetingRule.upsert({ where: { branchId: rule.branchId }, create: rule, update: rule }),
    rules: () => db.meetingRule.findMany({ orderBy: { branchId: "asc" } }),

    async offsets(branchId) {
      return (await offsetsFor([branchId])).get(branchId)!;
    },
    offsetsFor,
    async setOffsets(branchId, minutes) {
      await db.reminderOffset.deleteMany({ where: { branchId } });
      await db.reminderOffset.createMany({ data: [...new Set(minutes)].map((minutesBefore) => ({ branchId, minutesBefore })) });
    },
    async ensureDefaultOffsets(branchId) {
      if (await db.reminderOffset.count({ where: { branchId } })) return;
      await db.reminderOffset.createMany({ data: DEFAULT_REMINDER_OFFSETS.map((minutesBefore) => ({ branchId, minutesBefore })) });
    },

    create: (input) => db.meeting.create({ data: input }),
    // A typed answer to a reminder reads the meeting and the member's answer and writes the new one.
    byId: (id) => hot.meeting(id),
    update: (id, patch) => db.meeting.update({ where: { id }, data: patch }),
    byOccurrences: (branchId, occurrences) =>
      db.meeting.findMany({ where: { branchId, occurrence: { in: occurrences } }, orderBy: { startsAt: "asc" } }),
    async lastOccurrences() {
      const rows = await db.meeting.groupBy({ by: ["branchId"], where: { occurrence: { not: null } }, _max: { occurrence: true } });
      return new Map(rows.flatMap((r) => (r._max.occurrence ? [[r.branchId, r._max.occurrence] as const] : [])));
    },
    next: (branchId, after) =>
      db.meeting.findFirst({ where: { branchId, status: "SCHEDULED", startsAt: { gt: after } }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] }),
    inRange: (branchId, from, to, opts = {}) =>
      db.meeting.findMany({
        where: { branchId, startsAt: { gte: from, lt: to }, status: { in: opts.status ?? ["SCHEDULED"] } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      }),
    async scheduledBetween(from, to) {
      const rows = await db.meeting.findMany({
        where: { status: "SCHEDULED", startsAt: { gt: from, lte: to } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        include: { branch: true },
      });
      return rows.map(({ branch, ...meeting }) => ({ meeting, branch }));
    },

    rsvp: (meetingId, memberId) => hot.rsvp(meetingId, memberId),
    setRsvp: (input) => hot.setRsvp(input),
    rsvps: (meetingId) => db.rsvp.findMany({ where: { meetingId }, orderBy: { answeredAt: "asc" } }),
    async rsvpsFor(meetingIds) {
      const out = [];
      for (const ids of chunks([...new Set(meetingIds)])) out.push(...(await db.rsvp.findMany({ where: { meetingId: { in: ids } } })));
      return out;
    },
    async clearRsvps(meetingId) {
      const { count } = await db.rsvp.deleteMany({ where: { meetingId } });
      return count;
    },

    async audienceStamps(branchIds, meetingIds) {
      const members = new Map<string, Stamp>();
      const answers = new Map<string, Stamp>();
      for (const ids of chunks([...new Set(branchIds)])) {
        const rows = await db.member.groupBy({ by: ["branchId"], where: { branchId: { in: ids }, status: "ACTIVE" }, _count: { _all: true }, _max: { updatedAt: true } });
        for (const r of rows) members.set(r.branchId, { count: r._count._all, at: r._max.updatedAt?.getTime() ?? 0 });
      }
      for (const ids of chunks([...new Set(meetingIds)])) {
        const rows = await db.rsvp.groupBy({ by: ["meetingId"], where: { meetingId: { in: ids } }, _count: { _all: true }, _max: { answeredAt: true } });
        for (const r of rows) answers.set(r.meetingId, { count: r._count._all, at: r._max.answeredAt?.getTime() ?? 0 });
      }
      return { members, answers };
    },

    async activeMembersOf(branchIds) {
      const out = [];
      for (const ids of chunks([...new Set(branchIds)])) {
        out.push(...(await db.member.findMany({ where: { branchId: { in: ids }, status: "ACTIVE" }, orderBy: ACTIVE_ORDER })));
      }
      return out;
    },
  };
}
