// Which commitment period a member registers in, and which one a meeting evaluates. Periods are
// years; the current year's is created the first time anyone needs it, so a new branch needs no
// set-up before members can register.
import type { CommitmentPeriod } from "../../domain/commitments/model.ts";
import { firstRegistrationYear, yearPeriodId, yearSpan } from "../../domain/commitments/period.ts";
import type { Branch } from "../../domain/model.ts";
import type { Tx } from "../../ports/store.ts";
import type { T } from "../../services/messages.ts";

/** Creates the period of `year` unless the branch has it already. */
export async function ensureYearPeriod(tx: Tx, branch: Branch, year: number, now: Date): Promise<CommitmentPeriod> {
  const id = yearPeriodId(branch.id, year);
  const existing = await tx.commitments.periodById(id);
  if (existing) return existing;
  return tx.commitments.createPeriod({ id, branchId: branch.id, name: String(year), ...yearSpan(year, branch.timezone, now) });
}

/**
 * The period members register in now: a period the admin opened ahead (next year's, in December)
 * comes first; otherwise the open period `now` falls in, created for the current year if missing
 * (for the coming year when too little of this one is left: a branch created in December).
 * Null when the admin has closed the current period and opened none after it.
 */
export async function registrationPeriod(tx: Tx, branch: Branch, now: Date): Promise<CommitmentPeriod | null> {
  const periods = await tx.commitments.periods(branch.id);
  const open = periods.filter((p) => p.status === "OPEN" && p.endsAt > now);
  const ahead = open.filter((p) => p.startsAt > now).at(-1);
  if (ahead) return ahead;
  const current = open.filter((p) => p.startsAt <= now).at(-1);
  if (current) return current;
  if (periods.some((p) => p.startsAt <= now && now < p.endsAt)) return null;
  return ensureYearPeriod(tx, branch, firstRegistrationYear(now, branch.timezone), now);
}

/** The period a moment falls in (what a meeting's self-evaluation is about), whatever its status. */
export async function periodAt(tx: Tx, branchId: string, at: Date): Promise<CommitmentPeriod | null> {
  const periods = await tx.commitments.periods(branchId);
  return periods.filter((p) => p.startsAt <= at && at < p.endsAt).at(-1) ?? null;
}

export const isRegistrationOpen = (period: CommitmentPeriod, now: Date): boolean => period.status === "OPEN" && now < period.deadline;

/** "năm 2026": year periods are named by their year. */
export function periodName(t: T, period: Pick<CommitmentPeriod, "name">): string {
  return /^\d{4}$/.test(period.name) ? t("commitment-period-year", { year: period.name }) : period.name;
}
