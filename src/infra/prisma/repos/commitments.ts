import type { CommitmentRepo, EvaluationWithItems } from "../../../core/ports/commitments.ts";
import type { DbTx } from "../client.ts";

const LIVE = { deletedAt: null };
const BY_POSITION = [{ position: "asc" as const }, { createdAt: "asc" as const }];
const WITH_ITEMS = { items: { orderBy: { id: "asc" as const } }, meeting: { select: { startsAt: true } } };

type EvaluationRow = Omit<EvaluationWithItems, "meetingStartsAt"> & { meeting: { startsAt: Date } };

function withStart(row: EvaluationRow): EvaluationWithItems {
  const { meeting, ...rest } = row;
  return { ...rest, meetingStartsAt: meeting.startsAt };
}

export function commitmentRepo(db: DbTx): CommitmentRepo {
  return {
    periods: (branchId) => db.commitmentPeriod.findMany({ where: { branchId }, orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }] }),
    periodById: (id) => db.commitmentPeriod.findFirst({ where: { id } }),
    periodsByIds: (ids) => (ids.length ? db.commitmentPeriod.findMany({ where: { id: { in: [...new Set(ids)] } } }) : Promise.resolve([])),
    createPeriod: (input) => db.commitmentPeriod.create({ data: input }),
    updatePeriod: (id, patch) => db.commitmentPeriod.update({ where: { id }, data: patch }),
    openPeriodsBefore: (now) => db.commitmentPeriod.findMany({ where: { status: "OPEN", deadline: { gt: now } }, orderBy: { deadline: "asc" } }),

    standards: (branchId) => db.ethicalStandard.findMany({ where: { branchId, archivedAt: null }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    standardById: (id) => db.ethicalStandard.findFirst({ where: { id } }),
    async addStandard(branchId, text) {
      const last = await db.ethicalStandard.aggregate({ where: { branchId }, _max: { position: true } });
      return db.ethicalStandard.create({ data: { branchId, text, position: (last._max.position ?? 0) + 1 } });
    },
    updateStandard: (id, text) => db.ethicalStandard.update({ where: { id }, data: { text } }),
    async archiveStandard(id, at) {
      await db.ethicalStandard.update({ where: { id }, data: { archivedAt: at } });
    },

    commitmentById: (id) => db.commitment.findFirst({ where: { id, ...LIVE } }),
    commitmentsOf: (memberId, periodId) => db.commitment.findMany({ where: { memberId, periodId, ...LIVE }, orderBy: BY_POSITION }),
    commitmentsIn: (periodId) => db.commitment.findMany({ where: { periodId, ...LIVE }, orderBy: [{ memberId: "asc" }, ...BY_POSITION] }),
    async submittedCounts(periodIds) {
      if (!periodIds.length) return [];
      const rows = await db.commitment.groupBy({
        by: ["periodId", "memberId"],
        where: { periodId: { in: [...new Set(periodIds)] }, status: "SUBMITTED", ...LIVE },
        _count: { _all: true },
      });
      return rows.map((r) => ({ periodId: r.periodId, memberId: r.memberId, count: r._count._all }));
    },
    async addCommitment({ periodId, memberId, text, standardId, at }) {
      const last = await db.commitment.aggregate({ where: { periodId, memberId, ...LIVE }, _max: { position: true } });
      return db.commitment.create({
        data: { periodId, memberId, text, standardId, position: (last._max.position ?? 0) + 1, createdAt: at },
      });
    },
    updateCommitment: (id, patch) => db.commitment.update({ where: { id }, data: patch }),
    async deleteCommitment(id, at) {
      await db.commitment.update({ where: { id }, data: { deletedAt: at } });
    },
    async reorder(ids) {
      for (const [i, id] of ids.entries()) await db.commitment.update({ where: { id }, data: { position: i + 1 } });
    },
    async submit(memberId, periodId, at) {
      const { count } = await db.commitment.updateMany({
        where: { memberId, periodId, status: "DRAFT", ...LIVE },
        data: { status: "SUBMITTED", submittedAt: at },
      });
      return count;
    },

    addReview: ({ commitmentId, authorId, kind, text, at }) => db.commitmentReview.create({ data: { commitmentId, authorId, kind, text, createdAt: at } }),
    reviewsOf: (commitmentIds) =>
      commitmentIds.length
        ? db.commitmentReview.findMany({ where: { commitmentId: { in: [...new Set(commitmentIds)] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })
        : Promise.resolve([]),

    async evaluation(memberId, meetingId) {
      const row = await db.selfEvaluation.findFirst({ where: { memberId, meetingId }, include: WITH_ITEMS });
      return row ? withStart(row) : null;
    },
    async saveEvaluation({ memberId, meetingId, status, reflection, items, at }) {
      const submittedAt = status === "SUBMITTED" ? at : null;
      const saved = await db.selfEvaluation.upsert({
        where: { memberId_meetingId: { memberId, meetingId } },
        create: { memberId, meetingId, status, reflection, submittedAt, createdAt: at },
        update: { status, reflection, submittedAt },
      });
      await db.selfEvaluationItem.deleteMany({ where: { evaluationId: saved.id } });
      if (items.length) await db.selfEvaluationItem.createMany({ data: items.map((i) => ({ ...i, evaluationId: saved.id })) });
      return withStart(await db.selfEvaluation.findFirstOrThrow({ where: { id: saved.id }, include: WITH_ITEMS }));
    },
    evaluationsOfMeetings: (meetingIds) =>
      meetingIds.length ? db.selfEvaluation.findMany({ where: { meetingId: { in: [...new Set(meetingIds)] } } }) : Promise.resolve([]),
    async evaluationsOfMember(memberId, from, to) {
      const rows = await db.selfEvaluation.findMany({
        where: { memberId, meeting: { startsAt: { gte: from, lt: to } } },
        include: WITH_ITEMS,
        orderBy: { meeting: { startsAt: "asc" } },
      });
      return rows.map(withStart);
    },

    yearReview: (branchId, year) => db.yearEndReview.findFirst({ where: { branchId, year } }),
    yearReviewById: (id) => db.yearEndReview.findFirst({ where: { id } }),
    openYearReview: ({ branchId, year, closesAt, openedById, at }) =>
      db.yearEndReview.upsert({
        where: { branchId_year: { branchId, year } },
        create: { branchId, year, closesAt, openedById, openedAt: at },
        update: { closesAt, openedById, openedAt: at },
      }),
    updateYearReview: (id, patch) => db.yearEndReview.update({ where: { id }, data: patch }),
    rating: (memberId, year) => db.yearEndRating.findFirst({ where: { memberId, year } }),
    saveRating: ({ memberId, year, level, reason, at }) =>
      db.yearEndRating.upsert({
        where: { memberId_year: { memberId, year } },
        create: { memberId, year, level, reason, submittedAt: at },
        update: { level, reason, submittedAt: at },
      }),

    ratingsOf: (memberIds, year) =>
      memberIds.length ? db.yearEndRating.findMany({ where: { year, memberId: { in: [...new Set(memberIds)] } }, orderBy: { submittedAt: "asc" } }) : Promise.resolve([]),

    flowsNamed: (flow) => db.flowState.findMany({ where: { flow }, orderBy: { updatedAt: "asc" } }),
  };
}
