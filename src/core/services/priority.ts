// How much a message matters when a bot account runs short of its monthly quota (Zalo's free plan:
// 3,000 messages a month per bot). At 95% only the first two kinds go out; at 100% all wait.
export const Priority = {
  /** The answer to what the person just wrote: they are waiting for it. */
  reply: 0,
  /** Reminders, digests, notices of a change: what the branch relies on. */
  notice: 1,
  /** Nudges and optional notices: useful, but the first to wait. */
  optional: 2,
} as const;

export type PriorityLevel = (typeof Priority)[keyof typeof Priority];
