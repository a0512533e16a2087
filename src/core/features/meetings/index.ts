// Meetings: the rule and single meetings (/lichhop), reminders with Tham dự / Vắng mặt (/nhacnho for
// their timing), one's answer (/hop), and the scheduler's jobs that plan meetings and send reminders.
import type { Feature } from "../../engine/registry.ts";
import { PLAN_MONTHS, planBranch } from "./planner.ts";
import { queueDueReminders } from "./reminders.ts";
import { offsetsFlow, remindersAction, remindersCommand } from "./reminders-menu.ts";
import { absenceFlow, hopCommand, laterMeetingAction, rsvpActionDef } from "./rsvp.ts";
import { scheduleCommand, scheduleFlow } from "./schedule.ts";
import { monthsFrom } from "../../domain/calendar/rule.ts";

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
      run: async ({ now, store, messages, log }) => {
        const began = performance.now();
        const { rules, last } = await store.tx(async (tx) => ({ rules: await tx.meetings.rules(), last: await tx.meetings.lastOccurrences() }));
        const horizon = monthsFrom(now, LATEST_ZONE, PLAN_MONTHS).at(-1)!.key;
        let created = 0;
        for (const rule of rules) {
          if ((last.get(rule.branchId) ?? "") >= horizon) continue;
          created += await store.tx(async (tx) => {
            const branch = await tx.branches.byId(rule.branchId);
            if (!branch) return 0;
            const plan = await planBranch({ tx, messages, now }, branch, rule, { replan: false, notifyShifted: true });
            return plan.created.length;
          });
        }
        if (created) log.info({ created, ms: Math.round(performance.now() - began) }, "meetings planned");
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
