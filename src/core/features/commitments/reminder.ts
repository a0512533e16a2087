// The registration reminder: `commitmentReminderDays` before the deadline, each active member who
// has sent nothing yet gets one message (keyed per member and period, so once), out of quiet hours.
// The job also makes sure every branch has its current year's period, so the deadline and this
// reminder apply even if nobody has opened /dangky yet, and when a new year's period begins it tells
// the members that its registration is open (unless the admin opened it early and told them then).
import type { CommitmentPeriod } from "../../domain/commitments/model.ts";
import { firstRegistrationYear, localYear, yearPeriodId } from "../../domain/commitments/period.ts";
import { sendTime } from "../../domain/commitments/window.ts";
import type { Branch } from "../../domain/model.ts";
import { formatDate } from "../../domain/time.ts";
import type { JobContext } from "../../engine/jobs.ts";
import type { Tx } from "../../ports/store.ts";
import { Priority, type PriorityLevel } from "../../services/priority.ts";
import type { Recipient, T } from "../../services/messages.ts";
import type { Locale } from "../../types.ts";
import { ensureYearPeriod, periodName } from "./periods.ts";

const DAY_MS = 86_400_000;
const BRANCHES_PER_TX = 100;

export const reminderKey = (periodId: string, memberId: string): string => `commit-remind:${periodId}:${memberId}`;
/** The same key as the admin's early opening (admin.ts): members told then are not told again. */
export const openedKey = (periodId: string, memberId: string): string => `commit-period:${periodId}:${memberId}`;
/** A new year's opening is announced during its first weeks only (a restart in March stays quiet). */
const ANNOUNCE_DAYS = 31;

/** A branch whose members are to hear about a period, and when. */
interface Due {
  branch: Branch;
  period: CommitmentPeriod;
  at: Date;
}

/** Among a branch's open periods still taking registrations, the one /dangky registers in. */
function registering(periods: CommitmentPeriod[], now: Date): CommitmentPeriod | undefined {
  const sorted = [...periods].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return sorted.filter((p) => p.startsAt > now).at(-1) ?? sorted.filter((p) => p.startsAt <= now).at(-1);
}

export async function queueRegistrationReminders({ now, store, messages, log }: JobContext): Promise<number> {
  const branches = await store.tx((tx) => tx.branches.list());
  let queued = 0;
  for (let i = 0; i < branches.length; i += BRANCHES_PER_TX) {
    queued += await store.tx((tx) => remindBatch(tx, branches.slice(i, i + BRANCHES_PER_TX)));
  }
  if (queued) log.info({ queued }, "registration reminders queued");
  return queued;

  async function remindBatch(tx: Tx, batch: Branch[]): Promise<number> {
    const ids = batch.map((b) => yearPeriodId(b.id, localYear(now, b.timezone)));
    const existing = new Set((await tx.commitments.periodsByIds(ids)).map((p) => p.id));
    // A branch created in December starts with the coming year.
    for (const [i, b] of batch.entries()) if (!existing.has(ids[i]!)) await ensureYearPeriod(tx, b, firstRegistrationYear(now, b.timezone), now);

    const byBranch = new Map<string, CommitmentPeriod[]>();
    const wantedIds = new Set(batch.map((b) => b.id));
    for (const p of await tx.commitments.openPeriodsBefore(now)) {
      if (wantedIds.has(p.branchId)) byBranch.set(p.branchId, [...(byBranch.get(p.branchId) ?? []), p]);
    }
    const announced = await announceNewYear(tx, batch, byBranch);
    const due: Due[] = [];
    for (const branch of batch) {
      const period = registering(byBranch.get(branch.id) ?? [], now);
      if (!period || now.getTime() < period.deadline.getTime() - branch.commitmentReminderDays * DAY_MS) continue;
      const at = sendTime(now, branch, period.deadline);
      if (at) due.push({ branch, period, at });
    }
    const reminded = await toUnregistered(tx, due, reminderKey, Priority.optional, (t, { branch, period }, locale) =>
      t("commitment-reminder", { period: periodName(t, period), date: formatDate(period.deadline, branch.timezone, locale), min: branch.commitmentMin }),
    );
    return reminded + announced;
  }

  /**
   * The first weeks of a year's period: every active member who has not registered in it yet hears
   * that its registration is open, once, out of quiet hours. Branches created after the period
   * began are left out: their members joined knowing.
   */
  async function announceNewYear(tx: Tx, batch: Branch[], byBranch: Map<string, CommitmentPeriod[]>): Promise<number> {
    const fresh: Due[] = [];
    for (const branch of batch) {
      const period = (byBranch.get(branch.id) ?? []).find(
        (p) => p.startsAt <= now && now.getTime() - p.startsAt.getTime() < ANNOUNCE_DAYS * DAY_MS && branch.createdAt < p.startsAt,
      );
      const at = period && sendTime(now, branch, period.deadline);
      if (period && at) fresh.push({ branch, period, at });
    }
    return toUnregistered(tx, fresh, openedKey, Priority.notice, (t, { branch, period }, locale) =>
      t("commitment-period-opened", { period: periodName(t, period), date: formatDate(period.deadline, branch.timezone, locale) }),
    );
  }

  /**
   * One message, with Đăng ký ngay, to each active member not exempted who has sent nothing in the
   * period yet: once per `keyOf`, out of quiet hours, useless after the deadline.
   */
  async function toUnregistered(tx: Tx, due: Due[], keyOf: (periodId: string, memberId: string) => string, priority: PriorityLevel, text: (t: T, d: Due, locale: Locale) => string): Promise<number> {
    if (!due.length) return 0;
    const registered = new Set((await tx.commitments.submittedCounts(due.map((d) => d.period.id))).map((r) => `${r.periodId}:${r.memberId}`));
    const members = await tx.meetings.activeMembersOf(due.map((d) => d.branch.id));
    let count = 0;
    for (const d of due) {
      const { branch, period, at } = d;
      const pending = members.filter((m) => m.branchId === branch.id && !m.exempted && !registered.has(`${period.id}:${m.id}`));
      const sent = await tx.outbox.existingKeys(pending.map((m) => keyOf(period.id, m.id)));
      const recipients: Recipient[] = pending
        .filter((m) => !sent.has(keyOf(period.id, m.id)))
        .map((member) => ({
          member,
          key: keyOf(period.id, member.id),
          build: (t, locale) => ({ text: text(t, d, locale), choices: [[{ label: t("commitment-register-now"), action: "cm:o" }]] }),
        }));
      count += (await messages.toMembers(tx, branch, recipients, { notBefore: at, giveUpAt: period.deadline, priority })).inserted.length;
    }
    return count;
  }
}
