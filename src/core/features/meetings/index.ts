// Meetings: the rule and single meetings (/lichhop), reminders with Tham dự / Vắng mặt (/nhacnho for
// their timing), one's answer (/hop), and the scheduler's jobs that plan meetings and send reminders.
import type { Feature } from "../../engine/registry.ts";
import { PLAN_MONTHS, planBranch } from "./planner.ts";
import { queueDueReminders, workOrder } from "./reminders.ts";
import { offsetsFlow, remindersAction, remindersCommand } from "./reminders-menu.ts";
import { absenceFlow, hopCommand, laterMeetingAction, rsvpActionDef } from "./rsvp.ts";
import { scheduleCommand, scheduleFlow } from "./schedule.ts";
import { monthsFrom } from "../../domain/calendar/rule.ts";
import type { JobContext } from "../../engine/jobs.ts";
import type { MeetingRule } from "../../domain/meetings.ts";

/**
 * The zone whose calendar is the furthest behind (UTC−12). Checking the horizon there means a branch
 * far east gets its third month planned up to a day late, which is harmless (it is two months out),
 * and no branch is re-examined at every tick around the turn of a month.
 */
const LATEST_ZONE = "Etc/GMT+12";

export const meetingsFeature: Feature = {
  name: "meetings",
  commands: [hopCommand, scheduleCommand, remindersCommand],
  flows: [absenceFlow, scheduleFlow, offsetsFlow],
  actions: [rsvpActionDef, laterMeetingAction, remindersAction],
  jobs: [
    {
      // Keeps the coming months planned from each rule. Cheap when nothing is missing: two reads.
      name: "plan-meetings",
      run: async (job) => {
        await planMissingMonths(job);
      },
    },
    {
      name: "meeting-reminders",
      run: async (job) => {
        await queueDueReminders(job);
      },
    },
  ],
};

/**
 * Branches planned per unit of work. At the turn of a month every branch of a province (15,000)
 * needs its new month in the same tick: one transaction per branch was 15,000 commits per instance.
 */
const BRANCHES_PER_TX = 25;
/** Units of work under way at once. */
const PLAN_UNITS_IN_FLIGHT = 2;

/** The rules whose branch lacks a month of the horizon get it, a group of branches per transaction. */
export async function planMissingMonths({ now, store, messages, log }: JobContext): Promise<number> {
  const began = performance.now();
  const { rules, last } = await store.tx(async (tx) => ({ rules: await tx.meetings.rules(), last: await tx.meetings.lastOccurrences() }));
  const horizon = monthsFrom(now, LATEST_ZONE, PLAN_MONTHS).at(-1)!.key;
  const missing = rules.filter((rule) => (last.get(rule.branchId) ?? "") < horizon);
  const groups: MeetingRule[][] = [];
  for (let i = 0; i < missing.length; i += BRANCHES_PER_TX) groups.push(missing.slice(i, i + BRANCHES_PER_TX));
  // Instances ticking together start at different places (see workOrder) and mostly plan different
  // branches; where they meet, the unique (branch, month) refuses the second meeting.
  const order = workOrder(groups.length);
  let created = 0;
  let next = 0;
  let failure: unknown = null;
  const planGroup = (group: MeetingRule[]) =>
    store.tx(async (tx) => {
      let n = 0;
      for (const rule of group) {
        const branch = await tx.branches.byId(rule.branchId);
        if (!branch) continue;
        const plan = await planBranch({ tx, messages, now }, branch, rule, { replan: false, notifyShifted: true });
        n += plan.created.length;
      }
      return n;
    });
  await Promise.all(
    Array.from({ length: Math.min(PLAN_UNITS_IN_FLIGHT, groups.length) }, async () => {
      while (next < order.length) {
        const group = groups[order[next++]!]!;
        try {
          created += await planGroup(group);
        } catch (err) {
          // Most likely another instance planned one of these branches meanwhile: the group again,
          // which now finds that month in place. Failing twice is the job's failure, after the rest.
          log.debug({ err }, "planning a group of branches again");
          created += await planGroup(group).catch((again: unknown) => {
            failure ??= again;
            return 0;
          });
        }
      }
    }),
  );
  if (failure) throw failure;
  if (created) log.info({ created, branches: missing.length, ms: Math.round(performance.now() - began) }, "meetings planned");
  return created;
}
