// Meetings for the coming months, from the branch's rule. The scheduler keeps the horizon filled;
// a rule change (or a new time zone) re-plans the future meetings nobody has been reminded of yet.
// The table's unique (branch, month) means a month never gets two rule meetings, whoever plans.
import type { Branch } from "../../domain/model.ts";
import type { Meeting, MeetingRule } from "../../domain/meetings.ts";
import { monthsFrom, occurrenceIn, type Occurrence } from "../../domain/calendar/rule.ts";
import { changeMeeting, type MeetingDeps } from "./changes.ts";
import type { T } from "../../services/messages.ts";
import type { Locale } from "../../types.ts";
import { formatDay, holidayName, meetingFacts } from "./format.ts";
import { noticeTime, shiftedKey, timelineOf } from "./keys.ts";

/** The current month and the three after it: always at least three meetings ahead. */
export const PLAN_MONTHS = 4;

export interface PlanResult {
  created: Meeting[];
  /** Future meetings moved to follow a changed rule. */
  updated: Meeting[];
  /** Future meetings that differ from the rule but were kept: their reminders have started. */
  kept: Meeting[];
  /** Meetings placed on the next working day because the rule's day is a holiday. */
  shifted: Array<{ meeting: Meeting; occurrence: Occurrence }>;
  /** Members told about a moved meeting. */
  told: number;
}

export async function planBranch(deps: MeetingDeps, branch: Branch, rule: MeetingRule, opts: { replan: boolean; notifyShifted: boolean }): Promise<PlanResult> {
  const { tx, now } = deps;
  const zone = branch.timezone;
  const months = monthsFrom(now, zone, PLAN_MONTHS);
  const existing = new Map((await tx.meetings.byOccurrences(branch.id, months.map((m) => m.key))).map((m) => [m.occurrence!, m]));
  const offsets = opts.replan ? await tx.meetings.offsets(branch.id) : [];
  const result: PlanResult = { created: [], updated: [], kept: [], shifted: [], told: 0 };

  for (const { year, month, key } of months) {
    const occ = occurrenceIn(rule, year, month, zone);
    const current = existing.get(key);
    if (!current) {
      if (occ.startsAt <= now) continue;
      const meeting = await tx.meetings.create({ branchId: branch.id, kind: "REGULAR", occurrence: key, startsAt: occ.startsAt, place: rule.place, topic: rule.topic });
      result.created.push(meeting);
      if (occ.shifted) result.shifted.push({ meeting, occurrence: occ });
      continue;
    }
    if (!opts.replan || current.status !== "SCHEDULED" || current.startsAt <= now) continue;
    const same = current.startsAt.getTime() === occ.startsAt.getTime() && current.place === rule.place && current.topic === rule.topic;
    if (same) continue;
    const reminded = (timelineOf(current, branch, offsets)[0]?.at ?? current.startsAt) <= now;
    if (reminded || occ.startsAt <= now) {
      result.kept.push(current);
      continue;
    }
    const { meeting, told } = await changeMeeting(deps, branch, current, { startsAt: occ.startsAt, place: rule.place, topic: rule.topic });
    result.updated.push(meeting);
    result.told += told;
    if (occ.shifted) result.shifted.push({ meeting, occurrence: occ });
  }
  if (opts.notifyShifted && result.shifted.length) await tellAdminsAboutShifts(deps, branch, result.shifted);
  return result;
}

/** The admins learn that a meeting was moved off a holiday, and how to undo it. */
async function tellAdminsAboutShifts(deps: MeetingDeps, branch: Branch, shifted: PlanResult["shifted"]): Promise<void> {
  const admins = (await deps.tx.members.listActive(branch.id)).filter((m) => m.isAdmin);
  await deps.messages.toMembers(
    deps.tx,
    branch,
    shifted.flatMap(({ meeting, occurrence }) =>
      admins.map((admin) => ({
        member: admin,
        key: shiftedKey(meeting.id, admin.id),
        notBefore: noticeTime(deps.now, branch, meeting.startsAt),
        build: (t: T, locale: Locale) => ({
          text: t("meeting-shifted-notice", {
            holiday: occurrence.holiday ? holidayName(t, occurrence.holiday) : "",
            original: formatDay(locale, occurrence.ruleDate),
            facts: meetingFacts(t, locale, meeting, branch.timezone),
          }),
        }),
      })),
    ),
  );
}
