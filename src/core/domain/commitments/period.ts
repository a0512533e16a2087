// Commitment periods are calendar years in the branch's time zone. Each has a registration deadline:
// by default the end of March (members register early in the year), or a month from the moment
// the period is created when that is later, so a branch that starts in November still has time.
import { DateTime } from "luxon";

/** How long members have at least when a period is created late. */
export const MIN_REGISTRATION_DAYS = 30;
/** Registration closes at the end of this month by default. */
export const DEFAULT_DEADLINE_MONTH = 3;

export interface PeriodSpan {
  startsAt: Date;
  endsAt: Date;
  deadline: Date;
}

/**
 * One period per branch and year: the id is derived from both, so two units of work creating the
 * same period at once collide on the primary key and one of them retries and finds it.
 */
export function yearPeriodId(branchId: string, year: number): string {
  return `${branchId}-${year}`;
}

/** The year `at` falls in, in the branch's zone. */
export function localYear(at: Date, zone: string): number {
  return DateTime.fromJSDate(at, { zone }).year;
}

export function yearSpan(year: number, zone: string, now: Date): PeriodSpan {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone });
  const end = start.plus({ years: 1 });
  const usual = DateTime.fromObject({ year, month: DEFAULT_DEADLINE_MONTH, day: 1 }, { zone }).endOf("month");
  const soonest = DateTime.fromJSDate(now, { zone }).plus({ days: MIN_REGISTRATION_DAYS }).endOf("day");
  let deadline = usual < soonest ? soonest : usual;
  if (deadline >= end) deadline = end.minus({ milliseconds: 1 });
  return { startsAt: start.toJSDate(), endsAt: end.toJSDate(), deadline: deadline.toJSDate() };
}

/**
 * The year a branch that has no period yet registers for: this one, or the coming one when too
 * little of this year is left to register and act (a branch created in December).
 */
export function firstRegistrationYear(now: Date, zone: string): number {
  const local = DateTime.fromJSDate(now, { zone });
  return local.endOf("year").diff(local, "days").days < MIN_REGISTRATION_DAYS ? local.year + 1 : local.year;
}

/**
 * A regular meeting reviews the work since the one before: the month around the middle of that
 * stretch. A meeting on 05/12 reviews November, one on 08/01/2027 reviews December 2026 (against
 * the 2026 commitments), one on 28/11 reviews November.
 */
export const REVIEW_LOOKBACK_DAYS = 15;

/** The moment whose month (and commitment year) a meeting's self-evaluation is about. */
export function reviewedAt(meetingStartsAt: Date): Date {
  return new Date(meetingStartsAt.getTime() - REVIEW_LOOKBACK_DAYS * 86_400_000);
}

/** "12/2026": the month a meeting's self-evaluation is about. */
export function evaluationMonth(meetingStartsAt: Date, zone: string): string {
  return DateTime.fromJSDate(reviewedAt(meetingStartsAt), { zone }).toFormat("MM/yyyy");
}

/** The commitment year a meeting's self-evaluation is about. */
export function evaluatedYear(meetingStartsAt: Date, zone: string): number {
  return localYear(reviewedAt(meetingStartsAt), zone);
}

/** The end of a local day as a deadline: registration is open all of that day. */
export function endOfLocalDay(date: { year: number; month: number; day: number }, zone: string): Date {
  return DateTime.fromObject(date, { zone }).endOf("day").toJSDate();
}
