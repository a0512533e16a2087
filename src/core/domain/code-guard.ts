// Guessing of codes typed in a chat. Invite codes and link codes are counted apart, and a success of
// one kind never wipes the other's count; a lookup that merely found a valid code wipes nothing
// (only joining, or linking, does). On top of that every chat has an hourly budget of attempts of
// any kind, right or wrong, so that spacing guesses out past each lockout still gets nowhere fast.
import { lockoutMinutes } from "./invites.ts";

export type CodeKind = "invite" | "link";

export interface GuardState {
  failures: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
  /** The hour being counted ("any" row only). */
  windowStart: Date | null;
  attempts: number;
}

export const EMPTY_GUARD: GuardState = { failures: 0, lastFailureAt: null, lockedUntil: null, windowStart: null, attempts: 0 };

/** Code attempts a chat may make in an hour, of every kind together. */
export const CODE_ATTEMPTS_PER_HOUR = 20;
const HOUR_MS = 3_600_000;
/** Wrong codes this long ago no longer count: a person who mistyped last week starts afresh. */
export const FAILURES_FORGOTTEN_MS = 24 * HOUR_MS;

const minutesUntil = (at: Date, now: Date) => Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));

/** Minutes this kind is still locked for, or 0. */
export function lockedMinutes(state: GuardState, now: Date): number {
  return state.lockedUntil && state.lockedUntil > now ? minutesUntil(state.lockedUntil, now) : 0;
}

/** A wrong code: one more failure in a row (unless the last was long ago), and the wait it earns. */
export function afterFailure(state: GuardState, now: Date): GuardState & { waitMinutes: number } {
  const stale = state.lastFailureAt !== null && now.getTime() - state.lastFailureAt.getTime() > FAILURES_FORGOTTEN_MS;
  const failures = (stale ? 0 : state.failures) + 1;
  const waitMinutes = lockoutMinutes(failures);
  return { ...state, failures, lastFailureAt: now, lockedUntil: waitMinutes ? new Date(now.getTime() + waitMinutes * 60_000) : null, waitMinutes };
}

/** Joined, or linked: this kind's count starts afresh. */
export function afterSuccess(state: GuardState): GuardState {
  return { ...state, failures: 0, lastFailureAt: null, lockedUntil: null };
}

/**
 * Counts one attempt in the chat's hour; `waitMinutes` > 0 when the hour's budget is spent. On the
 * "any" row `lockedUntil` marks an hour whose budget ran out (so that is audited once).
 */
export function countAttempt(state: GuardState, now: Date): { state: GuardState; waitMinutes: number; windowEnd: Date } {
  const fresh = !state.windowStart || now.getTime() - state.windowStart.getTime() >= HOUR_MS;
  const current: GuardState = fresh ? { ...state, windowStart: now, attempts: 0, lockedUntil: null } : state;
  const windowEnd = new Date(current.windowStart!.getTime() + HOUR_MS);
  if (current.attempts >= CODE_ATTEMPTS_PER_HOUR) return { state: current, waitMinutes: minutesUntil(windowEnd, now), windowEnd };
  return { state: { ...current, attempts: current.attempts + 1 }, waitMinutes: 0, windowEnd };
}
