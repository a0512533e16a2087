import type { PrivacyRepo } from "../../../core/ports/privacy.ts";
import type { DbTx } from "../client.ts";

export function privacyRepo(db: DbTx): PrivacyRepo {
  return {
    async exportMember(memberId) {
      const member = await db.member.findUnique({
        where: { id: memberId },
        include: {
          branch: { select: { name: true } },
          identities: { select: { platform: true, displayName: true, locale: true, active: true, createdAt: true, lastSeenAt: true } },
          rsvps: { include: { meeting: { select: { startsAt: true, topic: true, kind: true } } }, orderBy: { answeredAt: "asc" } },
          attendances: { include: { meeting: { select: { startsAt: true } } }, orderBy: { recordedAt: "asc" } },
          commitments: {
            where: { deletedAt: null },
            include: { period: { select: { name: true } }, standard: { select: { text: true } }, reviews: { select: { kind: true, text: true, createdAt: true } } },
            orderBy: [{ periodId: "asc" }, { position: "asc" }],
          },
          evaluations: {
            include: { meeting: { select: { startsAt: true } }, items: { include: { commitment: { select: { text: true } } } } },
            orderBy: { createdAt: "asc" },
          },
          ratings: { orderBy: { year: "asc" } },
        },
      });
      if (!member) return {};
      return {
        member: {
          fullName: member.fullName,
          nameNote: member.nameNote,
          branch: member.branch.name,
          roles: { secretary: member.isSecretary, deputySecretary: member.isSecretary && member.isDeputy, admin: member.isAdmin },
          partyStatus: member.partyStatus,
          exempted: member.exempted,
          exemptReason: member.exemptReason,
          exemptUntil: member.exemptUntil,
          reviewForm: member.reviewForm,
          status: member.status,
          locale: member.locale,
          preferredPlatform: member.preferredPlatform,
          consentAt: member.consentAt,
          joinedAt: member.joinedAt,
        },
        chats: member.identities,
        meetingAnswers: member.rsvps.map((r) => ({ meeting: r.meeting.startsAt, topic: r.meeting.topic, answer: r.answer, reason: r.reason, answeredAt: r.answeredAt })),
        attendance: member.attendances.map((a) => ({ meeting: a.meeting.startsAt, present: a.present, recordedAt: a.recordedAt })),
        commitments: member.commitments.map((c) => ({
          period: c.period.name,
          text: c.text,
          standard: c.standard?.text ?? null,
          status: c.status,
          submittedAt: c.submittedAt,
          comments: c.reviews,
        })),
        selfEvaluations: member.evaluations.map((e) => ({
          meeting: e.meeting.startsAt,
          status: e.status,
          reflection: e.reflection,
          submittedAt: e.submittedAt,
          items: e.items.map((i) => ({ commitment: i.commitment.text, progress: i.progress, note: i.note })),
        })),
        yearEndRatings: member.ratings.map((r) => ({ year: r.year, level: r.level, reason: r.reason, submittedAt: r.submittedAt })),
      };
    },

    async eraseMember(memberId, at, placeholderName) {
      const identities = await db.identity.findMany({ where: { memberId }, select: { id: true } });
      const identityIds = identities.map((i) => i.id);
      const counts: Record<string, number> = {};
      counts.rsvps = (await db.rsvp.deleteMany({ where: { memberId } })).count;
      counts.attendance = (await db.attendance.deleteMany({ where: { memberId } })).count;
      counts.reviewsWritten = (await db.commitmentReview.deleteMany({ where: { authorId: memberId } })).count;
      counts.commitments = (await db.commitment.deleteMany({ where: { memberId } })).count;
      counts.selfEvaluations = (await db.selfEvaluation.deleteMany({ where: { memberId } })).count;
      counts.ratings = (await db.yearEndRating.deleteMany({ where: { memberId } })).count;
      counts.linkCodes = (await db.linkCode.deleteMany({ where: { memberId } })).count;
      // Lines for the chi ủy's daily notice, to them or about them.
      counts.notices = (await db.notice.deleteMany({ where: { OR: [{ memberId }, { aboutId: memberId }] } })).count;
      // Messages to or about them that have not gone out, and copies of those that have.
      counts.messages = (await db.outbox.deleteMany({ where: { OR: [{ memberId }, { identityId: { in: identityIds } }] } })).count;
      counts.chats = (await db.identity.deleteMany({ where: { id: { in: identityIds } } })).count;
      await db.member.update({
        where: { id: memberId },
        data: {
          fullName: placeholderName,
          status: "ERASED",
          isAdmin: false,
          isSecretary: false,
          isDeputy: false,
          // What an admin wrote about them goes too: a note may carry a birth year, a reason their health.
          nameNote: null,
          exempted: false,
          exemptReason: null,
          exemptUntil: null,
          reviewForm: null,
          locale: null,
          preferredPlatform: null,
          consentAt: null,
          removedAt: at,
        },
      });
      return counts;
    },
  };
}
