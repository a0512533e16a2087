// The retention policy on the database: every kind of personal row has a rule (see
// core/features/retention.ts for the periods and why). One pass, in the retention job's unit of work.
import { DateTime } from "luxon";
import type { RetentionRepo } from "../../../core/ports/retention.ts";
import type { Platform } from "../../../core/types.ts";
import type { DbTx } from "../client.ts";
import type { Provider } from "../migrate.ts";
import { doneWithFileBytes, dropFileBytes } from "./outbox-files.ts";

/** Messages whose files are stripped in one pass; the rest wait for the next. */
const STRIP_BATCH = 500;
/** A claim this much past its lease was left by an instance that stopped: the message is nobody's. */
const STALE_CLAIM_MS = 86_400_000;
const PLATFORMS = new Set<string>(["TELEGRAM", "ZALO", "CONSOLE"]);

/** `months` before `now` on the calendar of `zone` (the /caidat preview counts the same way). */
function monthsBefore(now: Date, months: number, zone = "UTC"): DateTime {
  const local = DateTime.fromJSDate(now, { zone });
  return (local.isValid ? local : DateTime.fromJSDate(now, { zone: "UTC" })).minus({ months });
}

export function retentionRepo(db: DbTx, provider: Provider): RetentionRepo {
  return {
    async applyRetention(now, policy) {
      const counts: Record<string, number> = {};
      const add = (kind: string, n: number) => {
        counts[kind] = (counts[kind] ?? 0) + n;
      };

      // Each branch by its own setting.
      for (const b of await db.branch.findMany({ select: { id: true, retentionMonths: true, timezone: true } })) {
        const cutoff = monthsBefore(now, b.retentionMonths, b.timezone);
        const before = cutoff.toJSDate();
        // Meetings take their answers, attendance and self-evaluations with them; periods their
        // commitments, comments and self-evaluation items.
        add("meetings", (await db.meeting.deleteMany({ where: { branchId: b.id, startsAt: { lt: before } } })).count);
        add("periods", (await db.commitmentPeriod.deleteMany({ where: { branchId: b.id, endsAt: { lt: before } } })).count);
        // A year's ratings (and the review that collected them) once that year ended before the cutoff.
        add("ratings", (await db.yearEndRating.deleteMany({ where: { year: { lt: cutoff.year }, member: { branchId: b.id } } })).count);
        add("yearReviews", (await db.yearEndReview.deleteMany({ where: { branchId: b.id, year: { lt: cutoff.year } } })).count);
        add("audit", (await db.auditLog.deleteMany({ where: { branchId: b.id, createdAt: { lt: before } } })).count);
        // Removed (or erased) before the cutoff: everything they took part in is already gone by the
        // rules above, so what is left of them (name, notes, chats) has no purpose any more.
        const gone = (await db.member.findMany({ where: { branchId: b.id, status: { in: ["REMOVED", "ERASED"] }, removedAt: { lt: before } }, select: { id: true } })).map((m) => m.id);
        if (gone.length) {
          const chats = (await db.identity.findMany({ where: { memberId: { in: gone } }, select: { id: true } })).map((i) => i.id);
          await db.outbox.deleteMany({ where: { OR: [{ memberId: { in: gone } }, { identityId: { in: chats } }] } });
          add("chats", (await db.identity.deleteMany({ where: { id: { in: chats } } })).count);
          add("members", (await db.member.deleteMany({ where: { id: { in: gone } } })).count);
        }
      }

      // Operators' actions and strangers' guessed codes belong to no branch.
      const auditBefore = monthsBefore(now, policy.branchlessAuditMonths).toJSDate();
      add("audit", (await db.auditLog.deleteMany({ where: { branchId: null, createdAt: { lt: auditBefore } } })).count);

      // The outbox. Queued messages that can no longer go out are given up, as the sender would when it
      // next met them (a chat that blocked the bot may never write again; a platform may be gone).
      const doneBefore = new Date(now.getTime() - policy.doneAfterMs);
      const unsentBefore = new Date(now.getTime() - policy.unsentAfterMs);
      add(
        "messagesGivenUp",
        (
          await db.outbox.updateMany({
            where: {
              status: { in: ["PENDING", "HELD"] },
              OR: [{ claimedBy: null }, { claimedUntil: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } }],
              AND: [{ OR: [{ giveUpAt: { lte: now } }, { giveUpAt: null, createdAt: { lt: unsentBefore }, notBefore: { lt: unsentBefore } }] }],
            },
            data: { status: "FAILED", lastError: "expired", claimedBy: null, claimedUntil: null },
          })
        ).count,
      );
      add("filesStripped", await dropFileBytes(db, await doneWithFileBytes(db, provider, STRIP_BATCH)));
      add(
        "messages",
        (
          await db.outbox.deleteMany({
            where: { status: { in: ["SENT", "FAILED"] }, createdAt: { lt: doneBefore }, notBefore: { lt: doneBefore }, OR: [{ sentAt: null }, { sentAt: { lt: doneBefore } }] },
          })
        ).count,
      );
      const messagesBefore = monthsBefore(now, policy.messageMaxMonths).toJSDate();
      add("messages", (await db.outbox.deleteMany({ where: { createdAt: { lt: messagesBefore } } })).count);

      add("notices", (await db.notice.deleteMany({ where: { OR: [{ sentAt: { lt: doneBefore } }, { expiresAt: { lt: doneBefore } }, { createdAt: { lt: doneBefore } }] } })).count);
      add("questions", (await db.openQuestion.deleteMany({ where: { expiresAt: { lte: now } } })).count);
      add("invites", (await db.invite.deleteMany({ where: { OR: [{ expiresAt: { lt: doneBefore } }, { revokedAt: { lt: doneBefore } }] } })).count);

      const guardBefore = new Date(now.getTime() - policy.codeGuardAfterMs);
      add(
        "codeGuards",
        (
          await db.codeGuard.deleteMany({
            where: {
              AND: [
                { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
                { OR: [{ lastFailureAt: null }, { lastFailureAt: { lt: guardBefore } }] },
                { OR: [{ windowStart: null }, { windowStart: { lt: guardBefore } }] },
              ],
            },
          })
        ).count,
      );

      // Chats of nobody: a user id and a display name of someone who never agreed to anything.
      const strangerBefore = new Date(now.getTime() - policy.strangerChatAfterMs);
      const operators = [...policy.keepChats].flatMap((label) => {
        const [platform, userId] = label.split(":");
        const p = platform?.toUpperCase() ?? "";
        return PLATFORMS.has(p) && userId ? [{ platform: p as Platform, userId }] : [];
      });
      add(
        "chats",
        (
          await db.identity.deleteMany({
            where: {
              memberId: null,
              OR: [{ lastSeenAt: { lt: strangerBefore } }, { lastSeenAt: null, createdAt: { lt: strangerBefore } }],
              ...(operators.length ? { NOT: operators } : {}),
            },
          })
        ).count,
      );
      return counts;
    },
  };
}
