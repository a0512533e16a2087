// Retention: what is deleted, and when (Decree 13/2023/NĐ-CP: personal data is kept only as long as
// its purpose needs). The periods are the core's (features/retention.ts, where each is explained);
// the store applies them.

export interface RetentionPolicy {
  /**
   * Messages that are done (sent, failed, withdrawn), lines of the chi ủy's daily notice, and invites
   * that expired or were revoked: deleted this long after they went (or ended).
   */
  doneAfterMs: number;
  /** A queued message with no give-up time of its own that is still not sent this long after it was due is dropped. */
  unsentAfterMs: number;
  /** Any message older than this goes, whatever its state: the shortest retention a branch may set. */
  messageMaxMonths: number;
  /** Audit entries without a branch (operators' actions, codes guessed by strangers). */
  branchlessAuditMonths: number;
  /** Chats of no member (never joined, or unlinked) that have not written for this long. */
  strangerChatAfterMs: number;
  /** A chat's guard against guessed codes once nothing in it counts any more (failures are forgotten after this). */
  codeGuardAfterMs: number;
  /** Operators' chats ("telegram:123", BOT_ADMINS): kept, they are how operators are told things. */
  keepChats: ReadonlySet<string>;
}

export interface RetentionRepo {
  /**
   * Deletes what each branch's retention period and the policy no longer allow to keep, and strips
   * the bytes of files from messages that are done. Returns rows removed (or changed) per kind.
   */
  applyRetention(now: Date, policy: RetentionPolicy): Promise<Record<string, number>>;
}
