// Retention (Decree 13/2023/NĐ-CP: personal data is kept no longer than its purpose needs). Once an
// hour every kind of personal row is checked against its rule; README.md → Privacy has the table.
// The branch's setting (/caidat, 12–120 months, default 36) governs what the branch's work produced;
// the fixed periods below govern what only delivery or safety needs.
import { FAILURES_FORGOTTEN_MS } from "../domain/code-guard.ts";
import type { Feature } from "../engine/registry.ts";
import type { RetentionPolicy } from "../ports/retention.ts";
import { MIN_RETENTION_MONTHS } from "./digests/settings.ts";

const DAY_MS = 86_400_000;

/** The minute of each hour the job runs: deleting what is months old needs no more. */
export const RETENTION_MINUTE = 17;

export const RETENTION_POLICY: Omit<RetentionPolicy, "keepChats"> = {
  // A sent message's copy only answers "did it go?" (and keeps its key from being queued twice):
  // a month covers any question about a reminder or a digest, and every re-planning window.
  doneAfterMs: 30 * DAY_MS,
  // The sender gives up on a message three days after it was due unless it says otherwise; a month
  // later it is certain nobody will send it (a platform removed, a bot paused for good).
  unsentAfterMs: 30 * DAY_MS,
  // Nothing in the outbox is legitimately a year old: this holds within every branch's setting.
  messageMaxMonths: MIN_RETENTION_MONTHS,
  // Operators' actions (bots added, paused, assigned) and strangers' locked-out codes concern no
  // branch, so no branch's setting applies. Two years: twice the shortest period a branch may
  // choose, enough to look into a bot or an incident at the next year-end review, and shorter than
  // the default three years since most of it is about people who never joined.
  branchlessAuditMonths: 24,
  // A chat that never joined (or was unlinked) holds someone's user id and name without their
  // consent. Invite and link codes last days; a month of silence means the attempt is over.
  strangerChatAfterMs: 30 * DAY_MS,
  // Wrong codes older than this no longer count (domain/code-guard.ts): the row then changes nothing.
  codeGuardAfterMs: FAILURES_FORGOTTEN_MS,
};

export const retentionFeature: Feature = {
  name: "retention",
  jobs: [
    {
      name: "retention",
      run: async ({ now, store, log, operators }) => {
        if (now.getUTCMinutes() !== RETENTION_MINUTE) return;
        const policy: RetentionPolicy = { ...RETENTION_POLICY, keepChats: operators ?? new Set() };
        const removed = await store.tx((tx) => tx.retention.applyRetention(now, policy));
        if (Object.values(removed).some((n) => n > 0)) log.info({ removed }, "old data removed under the retention rules");
      },
    },
  ],
};
