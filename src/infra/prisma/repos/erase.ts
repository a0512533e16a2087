// /xoadulieu in storage: what is theirs is deleted; what the branch keeps (messages sent to others,
// the audit log) has their name, their words and their chat ids taken out by the core's redactor;
// the member row stays, anonymous, so the branch's counts can say that someone erased their data.
import type { ErasePlan } from "../../../core/ports/member-data.ts";
import type { DbTx, Prisma } from "../client.ts";

/** Rows per IN list and per read: well under both databases' parameter limits. */
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function eraseMember(db: DbTx, memberId: string, plan: ErasePlan): Promise<Record<string, number>> {
  const member = await db.member.findFirstOrThrow({ where: { id: memberId } });
  const identities = await db.identity.findMany({ where: { memberId }, select: { id: true } });
  const identityIds = identities.map((i) => i.id);
  const counts: Record<string, number> = {};
  counts.rsvps = (await db.rsvp.deleteMany({ where: { memberId } })).count;
  counts.attendance = (await db.attendance.deleteMany({ where: { memberId } })).count;
  counts.reviewsWritten = (await db.commitmentReview.deleteMany({ where: { authorId: memberId } })).count;
  // Deleted ones too: a soft-deleted commitment is still their words.
  counts.commitments = (await db.commitment.deleteMany({ where: { memberId } })).count;
  counts.selfEvaluations = (await db.selfEvaluation.deleteMany({ where: { memberId } })).count;
  counts.ratings = (await db.yearEndRating.deleteMany({ where: { memberId } })).count;
  counts.linkCodes = (await db.linkCode.deleteMany({ where: { memberId } })).count;
  // Lines for the chi ủy's daily notice, to them or about them.
  counts.notices = (await db.notice.deleteMany({ where: { OR: [{ memberId }, { aboutId: memberId }] } })).count;
  // Messages to them, sent or not (their chats' unfinished conversations and open questions go
  // with the chats).
  counts.messages = (await db.outbox.deleteMany({ where: { OR: [{ memberId }, { identityId: { in: identityIds } }] } })).count;
  counts.chats = (await db.identity.deleteMany({ where: { id: { in: identityIds } } })).count;

  // What others received about them: digests naming them, notices of their answers, exports.
  const others = (await db.member.findMany({ where: { branchId: member.branchId, id: { not: memberId } }, select: { id: true } })).map((m) => m.id);
  counts.messagesRedacted = 0;
  const rewrite = async (rows: Array<{ id: number; payload: unknown }>) => {
    for (const row of rows) {
      const next = plan.redact.message(row.payload);
      if (next === null) continue;
      await db.outbox.update({ where: { id: row.id }, data: { payload: next as Prisma.InputJsonValue } });
      counts.messagesRedacted!++;
    }
  };
  for (const part of chunks(others)) {
    await rewrite(await db.outbox.findMany({ where: { memberId: { in: part } }, select: { id: true, payload: true } }));
  }
  for (const part of chunks(plan.extraIdentityIds)) {
    await rewrite(
      await db.outbox.findMany({ where: { identityId: { in: part }, memberId: null }, select: { id: true, payload: true } }),
    );
  }

  // Questions others have on their screens (a list of members to pick from) are asked again as stored.
  counts.questionsRedacted = 0;
  const otherChats = (await db.identity.findMany({ where: { memberId: { in: others } }, select: { id: true } })).map((i) => i.id);
  for (const part of chunks([...otherChats, ...plan.extraIdentityIds])) {
    for (const q of await db.openQuestion.findMany({ where: { identityId: { in: part } } })) {
      const next = plan.redact.value({ text: q.text, title: q.title, choices: q.choices }) as { text: string; title: string | null; choices: unknown } | null;
      if (next === null) continue;
      await db.openQuestion.update({
        where: { identityId_topic: { identityId: q.identityId, topic: q.topic } },
        data: { text: next.text, title: next.title, choices: next.choices as Prisma.InputJsonValue },
      });
      counts.questionsRedacted++;
    }
  }

  // The audit log keeps what was done, not who they were: their entries take a pseudonym, and
  // their name and words leave the details of the branch's entries.
  counts.auditRedacted = 0;
  const labels = new Set(plan.actorLabels);
  const audit = await db.auditLog.findMany({
    where: { OR: [{ actorId: memberId }, { actorLabel: { in: plan.actorLabels } }, { branchId: member.branchId }] },
    select: { id: true, actorId: true, actorLabel: true, details: true },
  });
  for (const entry of audit) {
    const theirs = entry.actorId === memberId || labels.has(entry.actorLabel);
    const details = plan.redact.value(entry.details);
    if (!theirs && details === null) continue;
    await db.auditLog.update({
      where: { id: entry.id },
      data: { ...(theirs ? { actorLabel: plan.pseudonym } : {}), ...(details !== null ? { details: details as Prisma.InputJsonValue } : {}) },
    });
    counts.auditRedacted++;
  }

  await db.member.update({
    where: { id: memberId },
    data: {
      fullName: plan.placeholderName,
      status: "ERASED",
      isAdmin: false,
      isSecretary: false,
      isDeputy: false,
      // What an admin wrote about them goes too: a note may carry a birth year, a reason their health.
      nameNote: null,
      // Party standing is sensitive data (Decree 13/2023).
      partyStatus: null,
      exempted: false,
      exemptReason: null,
      exemptUntil: null,
      reviewForm: null,
      locale: null,
      preferredPlatform: null,
      consentAt: null,
      // When they left the roll: removed by an admin earlier, or now. The digests count them for the
      // span they were on it.
      removedAt: member.removedAt ?? plan.at,
    },
  });
  return counts;
}
