// Everything stored about one member, read for /dulieu (and, before erasure, to know which of
// their words to look for in what is kept for others).
import { chatLabel } from "../../../core/engine/access.ts";
import type { MemberData } from "../../../core/ports/member-data.ts";
import type { DbTx } from "../client.ts";

/** The text and the names of the files of a stored outbox payload. */
function payloadParts(payload: unknown): { text: string; files: string[] } {
  const p = (payload ?? {}) as { text?: unknown; files?: Array<{ name?: unknown }> };
  const files = Array.isArray(p.files) ? p.files.map((f) => String(f?.name ?? "")) : [];
  return { text: typeof p.text === "string" ? p.text : "", files };
}

export async function readMemberData(db: DbTx, memberId: string): Promise<MemberData | null> {
  const found = await db.member.findFirst({ where: { id: memberId }, include: { branch: { select: { name: true, timezone: true } } } });
  if (!found) return null;
  const { branch, ...member } = found;
  const identities = await db.identity.findMany({
    where: { memberId },
    include: { bot: { select: { label: true } }, flow: true },
    orderBy: { createdAt: "asc" },
  });
  const identityIds = identities.map((i) => i.id);
  const labels = new Set(identities.map((i) => chatLabel(i.platform, i.userId)));

  const rsvps = await db.rsvp.findMany({ where: { memberId }, include: { meeting: { select: { startsAt: true, topic: true, kind: true } } } });
  const attendance = await db.attendance.findMany({ where: { memberId }, include: { meeting: { select: { startsAt: true } } } });
  const commitments = await db.commitment.findMany({
    where: { memberId },
    include: {
      period: { select: { name: true, startsAt: true } },
      standard: { select: { text: true } },
      reviews: { select: { kind: true, text: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const written = await db.commitmentReview.findMany({ where: { authorId: memberId }, select: { kind: true, text: true, createdAt: true }, orderBy: { createdAt: "asc" } });
  const evaluations = await db.selfEvaluation.findMany({
    where: { memberId },
    include: { meeting: { select: { startsAt: true } }, items: { include: { commitment: { select: { text: true, position: true } } } } },
  });
  const ratings = await db.yearEndRating.findMany({ where: { memberId }, orderBy: { year: "asc" } });

  // Entries they made (also from their chats before they joined), and the branch's entries about
  // them: details name members by id, read here rather than by a JSON filter both databases share.
  const audit = await db.auditLog.findMany({
    where: { OR: [{ actorId: memberId }, { actorLabel: { in: [...labels] } }, { branchId: member.branchId }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const aboutThem = (details: unknown) => (details as { memberId?: unknown } | null)?.memberId === memberId;

  const pending = await db.outbox.findMany({
    where: { OR: [{ memberId }, ...(identityIds.length ? [{ identityId: { in: identityIds } }] : [])], status: { in: ["PENDING", "HELD"] } },
    orderBy: { id: "asc" },
  });
  const notices = await db.notice.findMany({ where: { aboutId: memberId, sentAt: null }, orderBy: { createdAt: "asc" } });

  const byTime = <R>(at: (r: R) => Date) => (a: R, b: R) => at(a).getTime() - at(b).getTime();
  return {
    member,
    branch,
    chats: identities.map((i) => ({
      platform: i.platform,
      bot: i.bot.label,
      userId: i.userId,
      chatId: i.chatId,
      displayName: i.displayName,
      locale: i.locale,
      active: i.active,
      inactiveReason: i.inactiveReason,
      createdAt: i.createdAt,
      lastSeenAt: i.lastSeenAt,
    })),
    answers: rsvps
      .map((r) => ({ meetingAt: r.meeting.startsAt, kind: r.meeting.kind, topic: r.meeting.topic, answer: r.answer, reason: r.reason, answeredAt: r.answeredAt }))
      .sort(byTime((r) => r.meetingAt)),
    attendance: attendance.map((a) => ({ meetingAt: a.meeting.startsAt, present: a.present, reason: a.reason, recordedAt: a.recordedAt })).sort(byTime((a) => a.meetingAt)),
    commitments: commitments
      .sort((a, b) => a.period.startsAt.getTime() - b.period.startsAt.getTime() || a.position - b.position)
      .map((c) => ({
        period: { name: c.period.name },
        position: c.position,
        text: c.text,
        standard: c.standard?.text ?? null,
        status: c.status,
        createdAt: c.createdAt,
        submittedAt: c.submittedAt,
        changedAt: c.changedAt,
        deletedAt: c.deletedAt,
        comments: c.reviews,
      })),
    commentsWritten: written,
    evaluations: evaluations
      .map((e) => ({
        meetingAt: e.meeting.startsAt,
        status: e.status,
        reflection: e.reflection,
        submittedAt: e.submittedAt,
        items: [...e.items].sort((a, b) => a.commitment.position - b.commitment.position).map((i) => ({ commitment: i.commitment.text, progress: i.progress, note: i.note })),
      }))
      .sort(byTime((e) => e.meetingAt)),
    ratings: ratings.map((r) => ({ year: r.year, level: r.level, reason: r.reason, submittedAt: r.submittedAt })),
    audit: audit
      .filter((a) => a.actorId === memberId || labels.has(a.actorLabel) || aboutThem(a.details))
      .map((a) => ({ at: a.createdAt, action: a.action, byThem: a.actorId === memberId || labels.has(a.actorLabel), actorLabel: a.actorLabel, details: a.details })),
    pendingMessages: pending.map((o) => ({ createdAt: o.createdAt, notBefore: o.notBefore, status: o.status, platform: o.platform, ...payloadParts(o.payload) })),
    pendingNotices: notices.map((n) => ({ createdAt: n.createdAt, text: n.text })),
    drafts: identities.flatMap((i) => (i.flow ? [{ flow: i.flow.flow, step: i.flow.step, data: i.flow.data, updatedAt: i.flow.updatedAt, expiresAt: i.flow.expiresAt }] : [])),
  };
}
