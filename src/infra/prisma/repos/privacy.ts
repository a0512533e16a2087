import type { PrivacyRepo } from "../../../core/ports/privacy.ts";
import type { DbTx } from "../client.ts";
import { eraseMember } from "./erase.ts";
import { readMemberData } from "./member-data.ts";

/** Sent messages hold texts with names in them; they are kept only as long as delivery needs. */
const SENT_MESSAGE_DAYS = 30;

export function privacyRepo(db: DbTx): PrivacyRepo {
  return {
    exportMember: (memberId) => readMemberData(db, memberId),

    eraseMember: (memberId, plan) => eraseMember(db, memberId, plan),

    async applyRetention(now) {
      const counts: Record<string, number> = { meetings: 0, periods: 0, audit: 0, messages: 0 };
      for (const b of await db.branch.findMany({ select: { id: true, retentionMonths: true } })) {
        const before = new Date(now);
        before.setUTCMonth(before.getUTCMonth() - b.retentionMonths);
        // Meetings take their answers, attendance and self-evaluations with them.
        counts.meetings! += (await db.meeting.deleteMany({ where: { branchId: b.id, startsAt: { lt: before } } })).count;
        counts.periods! += (await db.commitmentPeriod.deleteMany({ where: { branchId: b.id, endsAt: { lt: before } } })).count;
        counts.audit! += (await db.auditLog.deleteMany({ where: { branchId: b.id, createdAt: { lt: before } } })).count;
      }
      const sentBefore = new Date(now.getTime() - SENT_MESSAGE_DAYS * 86_400_000);
      counts.messages = (await db.outbox.deleteMany({ where: { status: { in: ["SENT", "FAILED"] }, createdAt: { lt: sentBefore } } })).count;
      counts.notices = (await db.notice.deleteMany({ where: { OR: [{ sentAt: { lt: sentBefore } }, { expiresAt: { lt: sentBefore } }] } })).count;
      return counts;
    },
  };
}
