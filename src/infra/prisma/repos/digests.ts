import { DIGEST_SENT_ACTION, type AttendanceRow, type DigestRepo, type DigestSource, type EvaluationRow, type MeetingHistory, type PeriodRow } from "../../../core/ports/digests.ts";
import type { Rsvp } from "../../../core/domain/meetings.ts";
import { reviewedAt } from "../../../core/domain/commitments/period.ts";
import { QUOTA_REASON_PREFIX } from "../../../core/services/quota.ts";
import type { DbTx, Prisma } from "../client.ts";

/** Rows per IN list: well under both databases' parameter limits. */
const CHUNK = 1000;
/** Undelivered messages older than this no longer say much about a chat. */
const UNDELIVERED_DAYS = 30;

async function chunked<I, R>(items: I[], fn: (part: I[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  const unique = [...new Set(items)];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await fn(unique.slice(i, i + CHUNK))));
  return out;
}

const MEETING_ORDER = [{ startsAt: "asc" as const }, { id: "asc" as const }];
const PERIOD_SELECT = { id: true, name: true, startsAt: true, deadline: true, endsAt: true, status: true } as const;
const COMMITMENT_SELECT = { id: true, periodId: true, memberId: true, text: true, position: true, status: true, submittedAt: true, changedAt: true, deletedAt: true } as const;
const EVALUATION_INCLUDE = { items: { include: { commitment: { select: { text: true, position: true } } } } } as const;

type EvaluationWithItems = Prisma.SelfEvaluationGetPayload<{ include: typeof EVALUATION_INCLUDE }>;

function toEvaluation(e: EvaluationWithItems): EvaluationRow {
  const items = [...e.items].sort((a, b) => a.commitment.position - b.commitment.position);
  return {
    id: e.id,
    memberId: e.memberId,
    meetingId: e.meetingId,
    status: e.status,
    reflection: e.reflection,
    submittedAt: e.submittedAt,
    items: items.map((i) => ({ commitmentId: i.commitmentId, commitmentText: i.commitment.text, progress: i.progress, note: i.note })),
  };
}

/** Messages to these members that wait for a bot's monthly quota (see services/quota.ts), by priority. */
async function quotaHeld(db: DbTx, memberIds: string[]): Promise<Array<{ priority: number; count: number }>> {
  const rows = await chunked(memberIds, async (part) =>
    (
      await db.outbox.groupBy({
        by: ["priority"],
        where: { memberId: { in: part }, status: "PENDING", lastError: { startsWith: QUOTA_REASON_PREFIX } },
        _count: { _all: true },
      })
    ).map((r) => ({ priority: r.priority, count: r._count._all })),
  );
  const merged = new Map<number, number>();
  for (const r of rows) merged.set(r.priority, (merged.get(r.priority) ?? 0) + r.count);
  return [...merged].map(([priority, count]) => ({ priority, count })).sort((a, b) => a.priority - b.priority);
}

export function digestRepo(db: DbTx): DigestRepo {
  const evaluationsOf = async (meetingId: string, status?: EvaluationRow["status"]): Promise<EvaluationRow[]> =>
    (await db.selfEvaluation.findMany({ where: { meetingId, ...(status ? { status } : {}) }, include: EVALUATION_INCLUDE })).map(toEvaluation);

  const history = async (branchId: string, from: Date, to: Date): Promise<MeetingHistory> => {
    const meetings = await db.meeting.findMany({ where: { branchId, status: "SCHEDULED", startsAt: { gte: from, lte: to } }, orderBy: MEETING_ORDER });
    const ids = meetings.map((m) => m.id);
    // One after another: queries of one interactive transaction share its connection.
    const rsvps = await chunked(ids, (part) => db.rsvp.findMany({ where: { meetingId: { in: part } } }));
    const attendance = await chunked(ids, (part) => db.attendance.findMany({ where: { meetingId: { in: part } } }));
    const members = await db.member.findMany({ where: { branchId }, orderBy: [{ fullName: "asc" }, { joinedAt: "asc" }] });
    return { meetings, rsvps, attendance, members };
  };

  /**
   * The period a moment falls in (what that meeting's self-evaluations are about, whatever its
   * status; the latest when several cover it), else the latest open one.
   */
  const periodAt = async (branchId: string, at: Date): Promise<PeriodRow | null> => {
    const periods = await db.commitmentPeriod.findMany({ where: { branchId }, orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }], select: PERIOD_SELECT });
    return periods.filter((p) => p.startsAt <= at && at < p.endsAt).at(-1) ?? periods.filter((p) => p.status === "OPEN").at(-1) ?? null;
  };

  return {
    async meetingsStarting(from, to) {
      const rows = await db.meeting.findMany({ where: { status: "SCHEDULED", startsAt: { gte: from, lt: to } }, orderBy: MEETING_ORDER, include: { branch: true } });
      return rows.map(({ branch, ...meeting }) => ({ meeting, branch }));
    },

    secretaries: (branchIds) =>
      chunked(branchIds, (part) =>
        db.member.findMany({ where: { branchId: { in: part }, status: "ACTIVE", isSecretary: true }, orderBy: [{ fullName: "asc" }, { id: "asc" }] }),
      ),

    meeting: (branchId, meetingId) => db.meeting.findFirst({ where: { id: meetingId, branchId } }),

    nextMeeting: (branchId, after) => db.meeting.findFirst({ where: { branchId, status: "SCHEDULED", startsAt: { gt: after } }, orderBy: MEETING_ORDER }),

    startedMeetings: (branchId, at, limit) =>
      db.meeting.findMany({ where: { branchId, status: "SCHEDULED", startsAt: { lte: at } }, orderBy: [{ startsAt: "desc" }, { id: "desc" }], take: limit }),

    async source(branchId, meeting, now, historyFrom) {
      const members = await db.member.findMany({ where: { branchId, status: "ACTIVE" }, orderBy: [{ fullName: "asc" }, { joinedAt: "asc" }] });
      const memberIds = members.map((m) => m.id);
      // A meeting's self-evaluations are about the month it reviews (January's: December, and so
      // the year that just ended).
      const period = await periodAt(branchId, meeting ? reviewedAt(meeting.startsAt) : now);
      const commitments = period
        ? await db.commitment.findMany({
            where: { periodId: period.id },
            orderBy: [{ memberId: "asc" }, { position: "asc" }],
            select: COMMITMENT_SELECT,
          })
        : [];
      let rsvps: Rsvp[] = [];
      let attendance: AttendanceRow[] = [];
      let evaluations: EvaluationRow[] = [];
      let previous: DigestSource["previous"] = null;
      if (meeting) {
        rsvps = await db.rsvp.findMany({ where: { meetingId: meeting.id }, orderBy: { answeredAt: "asc" } });
        attendance = await db.attendance.findMany({ where: { meetingId: meeting.id } });
        evaluations = await evaluationsOf(meeting.id);
        const before = await db.selfEvaluation.findFirst({
          where: { meeting: { branchId, startsAt: { lt: meeting.startsAt } } },
          orderBy: { meeting: { startsAt: "desc" } },
          select: { meeting: true },
        });
        if (before) previous = { meeting: before.meeting, evaluations: await evaluationsOf(before.meeting.id, "SUBMITTED") };
      }
      const chats = await chunked(memberIds, (part) =>
        db.identity.findMany({ where: { memberId: { in: part } }, select: { memberId: true, platform: true, active: true } }),
      );
      const since = new Date(now.getTime() - UNDELIVERED_DAYS * 86_400_000);
      const undelivered = await chunked(memberIds, async (part) =>
        (
          await db.outbox.groupBy({
            by: ["memberId"],
            where: {
              memberId: { in: part },
              createdAt: { gte: since },
              OR: [{ status: "HELD" }, { status: "FAILED", lastError: { in: ["no-chat", "chat-inactive"] } }],
            },
            _count: { _all: true },
          })
        ).map((r) => ({ memberId: r.memberId!, count: r._count._all })),
      );
      const last = await db.auditLog.findFirst({
        where: { branchId, action: DIGEST_SENT_ACTION, createdAt: { lt: now } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      });
      return {
        members,
        rsvps,
        attendance,
        period,
        commitments,
        evaluations,
        previous,
        history: await history(branchId, historyFrom, now),
        chats: chats.flatMap((c) => (c.memberId ? [{ memberId: c.memberId, platform: c.platform, active: c.active }] : [])),
        undelivered,
        quotaHeld: await quotaHeld(db, memberIds),
        lastDigestAt: last?.createdAt ?? null,
      };
    },

    history,

    attendance: (meetingId) => db.attendance.findMany({ where: { meetingId } }),

    async saveAttendance(meetingId, entries, recordedById, at) {
      for (const e of entries) {
        await db.attendance.upsert({
          where: { meetingId_memberId: { meetingId, memberId: e.memberId } },
          create: { meetingId, memberId: e.memberId, present: e.present, reason: e.present ? null : e.reason, recordedById, recordedAt: at },
          update: { present: e.present, reason: e.present ? null : e.reason, recordedById, recordedAt: at },
        });
      }
    },

    periods: (branchId, limit) => db.commitmentPeriod.findMany({ where: { branchId }, orderBy: [{ startsAt: "desc" }, { createdAt: "desc" }], take: limit, select: PERIOD_SELECT }),

    async exportData(branchId, range) {
      const meetings = await db.meeting.findMany({ where: { branchId, status: "SCHEDULED", startsAt: { gte: range.from, lt: range.to } }, orderBy: MEETING_ORDER });
      const ids = meetings.map((m) => m.id);
      const periods = await db.commitmentPeriod.findMany({
        where: range.periodIds ? { branchId, id: { in: range.periodIds } } : { branchId, startsAt: { lt: range.to }, endsAt: { gt: range.from } },
        orderBy: { startsAt: "asc" },
        select: PERIOD_SELECT,
      });
      const members = await db.member.findMany({ where: { branchId, status: { not: "ERASED" } }, orderBy: [{ fullName: "asc" }, { joinedAt: "asc" }] });
      const rsvps = await chunked(ids, (part) => db.rsvp.findMany({ where: { meetingId: { in: part } }, orderBy: { answeredAt: "asc" } }));
      const attendance = await chunked(ids, (part) => db.attendance.findMany({ where: { meetingId: { in: part } } }));
      const commitments = await db.commitment.findMany({
          where: { periodId: { in: periods.map((p) => p.id) }, status: "SUBMITTED", deletedAt: null },
          orderBy: [{ periodId: "asc" }, { memberId: "asc" }, { position: "asc" }],
          select: COMMITMENT_SELECT,
      });
      const evaluations = await chunked(ids, async (part) =>
        (await db.selfEvaluation.findMany({ where: { meetingId: { in: part }, status: "SUBMITTED" }, include: EVALUATION_INCLUDE })).map(toEvaluation),
      );
      const erased = await db.member.count({
        where: { branchId, status: "ERASED", joinedAt: { lt: range.to }, OR: [{ removedAt: null }, { removedAt: { gte: range.from } }] },
      });
      return { meetings, members, rsvps, attendance, periods, commitments, evaluations, erased };
    },
  };
}
