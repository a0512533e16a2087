// The chi ủy's daily notice. Members' changes the secretaries should hear about before the next
// digest (commitments sent or edited, answers changed close to a meeting) are noted as lines, each
// worded in the secretary's language, and go out together once a day at the branch's chosen time
// (/caidat), never as one message per change. The setting "tắt" notes nothing: the digest still
// lists commitments changed since the last one and the final answers.
import { DateTime } from "luxon";
import { formatMinutes } from "../domain/time.ts";
import type { Branch, Member } from "../domain/model.ts";
import { parseTime, type Parsed } from "../domain/calendar/parse.ts";
import type { Feature } from "../engine/registry.ts";
import type { JobContext } from "../engine/jobs.ts";
import type { BranchPatch, SettingDef } from "../engine/settings.ts";
import { fold } from "../text.ts";
import type { Notice } from "../ports/notices.ts";
import type { Tx } from "../ports/store.ts";
import type { Messages, T } from "../services/messages.ts";
import type { Locale } from "../types.ts";

export interface NoteInput {
  /** The key of one secretary's line: the change it is about and the secretary. */
  key: (secretaryId: string) => string;
  /** The member the change is about (their erasure removes the line). */
  about: string | null;
  /** A secretary who made the change themself is not told about it. */
  except: string | null;
  /** After this the line is not worth sending (an answer about a meeting that has begun). */
  expiresAt?: Date | null;
  now: Date;
  build: (t: T, locale: Locale) => string;
}

/** Notes a line for each active secretary of the branch; returns how many were noted. */
export async function noteForSecretaries(tx: Tx, messages: Messages, branch: Branch, input: NoteInput): Promise<number> {
  if (branch.noticeMinute === null) return 0;
  const secretaries = (await tx.members.listWithRole(branch.id, "secretary")).filter((s) => s.id !== input.except);
  const notices = [];
  for (const s of secretaries) {
    const locale = messages.localeOf(s, branch, messages.preferredIdentity(s, await tx.identities.listForMember(s.id)));
    notices.push({ key: input.key(s.id), memberId: s.id, aboutId: input.about, text: input.build(messages.bind(locale), locale), expiresAt: input.expiresAt ?? null, createdAt: input.now });
  }
  return tx.notices.add(notices);
}

/** Today's notice time in the branch's zone, as an instant. */
function noticeTimeOn(now: Date, branch: Branch & { noticeMinute: number }): { at: Date; day: string } {
  const local = DateTime.fromJSDate(now, { zone: branch.timezone });
  const at = local.startOf("day").plus({ minutes: branch.noticeMinute });
  return { at: at.toJSDate(), day: local.toISODate()! };
}

export const noticeKey = (memberId: string, day: string): string => `notice:${memberId}:${day}`;

/**
 * At each tick: for every secretary with lines waiting, once today's notice time has come, the lines
 * noted before it go out as one message (keyed per secretary and day, so at most one a day).
 * Lines noted after it wait for tomorrow's.
 */
export async function sendDueNotices({ now, store, messages, log }: JobContext): Promise<number> {
  const sent = await store.tx(async (tx) => {
    const pending = await tx.notices.pending();
    if (!pending.length) return 0;
    const byMember = new Map<string, Notice[]>();
    for (const n of pending) byMember.set(n.memberId, [...(byMember.get(n.memberId) ?? []), n]);
    let count = 0;
    for (const [memberId, lines] of byMember) {
      const member = await tx.members.byId(memberId);
      const branch = member ? await tx.branches.byId(member.branchId) : null;
      const stale = lines.filter((l) => l.expiresAt && l.expiresAt <= now);
      if (!member || !branch || !isSecretary(member) || branch.noticeMinute === null) {
        // No longer a secretary, or the branch turned the notice off: the lines are dropped.
        await tx.notices.markSent(lines.map((l) => l.id), now);
        continue;
      }
      if (stale.length) await tx.notices.markSent(stale.map((l) => l.id), now);
      const today = noticeTimeOn(now, { ...branch, noticeMinute: branch.noticeMinute });
      const due = lines.filter((l) => !stale.includes(l) && l.createdAt < today.at);
      if (now < today.at || !due.length) continue;
      const key = noticeKey(member.id, today.day);
      if ((await tx.outbox.existingKeys([key])).size) continue;
      await messages.toMember(tx, member, branch, key, (t) => ({
        text: [t("notice-title", { branch: branch.name, count: due.length }), ...due.map((l) => `• ${l.text}`)].join("\n\n"),
      }));
      await tx.notices.markSent(due.map((l) => l.id), now);
      count++;
    }
    return count;
  });
  if (sent) log.info({ sent }, "daily notices queued");
  return sent;
}

const isSecretary = (m: Member) => m.status === "ACTIVE" && m.isSecretary;

const OFF_WORDS = new Set(["tat", "khong", "off", "none", "no"]);

/** /caidat: when the daily notice goes, or "tắt". */
export const noticeSetting: SettingDef = {
  key: "notice",
  label: "notice-setting-label",
  prompt: "notice-setting-prompt",
  columns: ["noticeMinute"],
  show: (b, t) => (b.noticeMinute === null ? t("notice-setting-off") : t("notice-setting-value", { time: formatMinutes(b.noticeMinute) })),
  parse(text): Parsed<BranchPatch> {
    if (OFF_WORDS.has(fold(text.replace(/["“”]/g, "")))) return { ok: true, value: { noticeMinute: null } };
    const time = parseTime(text);
    return time.ok ? { ok: true, value: { noticeMinute: time.value } } : time;
  },
  suggestions: (t) => [
    { label: t("notice-setting-value", { time: "18:00" }), text: "18:00" },
    { label: t("notice-setting-value", { time: "07:30" }), text: "07:30" },
    { label: t("notice-setting-off"), text: "tắt" },
  ],
};

export const noticesFeature: Feature = {
  name: "notices",
  jobs: [{ name: "secretary-notices", run: async (job) => void (await sendDueNotices(job)) }],
};
