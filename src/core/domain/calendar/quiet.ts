// Quiet hours (giờ yên tĩnh): a span of the local day in which the bot sends nothing it can send later.
// The span may run past midnight (21:00–07:00); equal ends mean there are none.
import { DateTime } from "luxon";

export interface QuietHours {
  /** Minutes after local midnight. */
  start: number;
  end: number;
}

export function hasQuietHours(q: QuietHours): boolean {
  return q.start !== q.end;
}

export function inQuietHours(minuteOfDay: number, q: QuietHours): boolean {
  if (!hasQuietHours(q)) return false;
  return q.start < q.end ? minuteOfDay >= q.start && minuteOfDay < q.end : minuteOfDay >= q.start || minuteOfDay < q.end;
}

/** `at` itself when it is outside quiet hours, else the moment they end (in the branch's zone). */
export function afterQuietHours(at: Date, zone: string, q: QuietHours): Date {
  if (!hasQuietHours(q)) return at;
  const local = DateTime.fromJSDate(at, { zone });
  if (!inQuietHours(local.hour * 60 + local.minute, q)) return at;
  let end = local.set({ hour: Math.floor(q.end / 60), minute: q.end % 60, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}

/**
 * When a message that is not a reply to the person may go. It was planned for `planned` (in the past
 * when it is late or caught up after downtime, so it would go `now`); it waits for the end of quiet
 * hours unless that is no earlier than `giveUpAt` (a reminder for a meeting held early in the
 * morning), in which case it keeps its time rather than be lost.
 */
export function outsideQuietHours(planned: Date, now: Date, zone: string, q: QuietHours, giveUpAt?: Date | null): Date {
  const base = planned > now ? planned : now;
  const moved = afterQuietHours(base, zone, q);
  return giveUpAt && moved >= giveUpAt ? base : moved;
}
