// Each bot account's monthly message quota (Zalo's free plan: 3,000 outbound messages a month per
// bot; over it the API answers 429 until the month turns). Every message actually sent is counted
// per account and calendar month, in the time zone of the branch the bot serves; a text split into
// pieces counts as several. At 80% the branch's secretaries and the operators are told, once; from
// 95% only replies and what the branch relies on (reminders, digests, notices of change) go out; at
// 100% everything waits for the first day of the next month, and the digest says what waits.
import type { BotAccount, OutboxItem } from "../domain/model.ts";
import { formatMonthKey, monthKey, monthStartOf, nextMonthStart } from "../domain/time.ts";
import type { Clock, Logger } from "../ports/runtime.ts";
import type { Store, Tx } from "../ports/store.ts";
import type { CoreSettings } from "../types.ts";
import type { Messages } from "./messages.ts";
import { tellOperators } from "./operators.ts";
import { Priority } from "./priority.ts";

export const QUOTA_WARN = 0.8;
export const QUOTA_RESTRICT = 0.95;

/** Where lastError marks a message held by the quota: "quota:2026-12". */
export const QUOTA_REASON_PREFIX = "quota:";

export type Admission = { ok: true } | { ok: false; until: Date; reason: string };

export interface Quota {
  /**
   * Before a send: may this item go out now? Admitted items hold a place (one message) until
   * sent() or unsent() says how it went, so sends running at once never overshoot the cap.
   */
  admit(item: OutboxItem, now: Date): Promise<Admission>;
  /** The item went out in `parts` API messages. */
  sent(item: OutboxItem, parts: number, now: Date): void;
  /** The item did not go out after all (failed, released). */
  unsent(item: OutboxItem, now: Date): void;
  /** Writes the counts gathered since the last call and sends each threshold's notice once. */
  flush(tx: Tx, now: Date): Promise<void>;
  /** Accounts whose messages are not to be claimed now (paused by an operator). */
  paused(): string[];
  /** Forgets what it knows about accounts (an operator changed one). */
  refresh(): void;
}

export interface QuotaDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  messages: Messages;
  settings: Pick<CoreSettings, "operators" | "defaultTimezone">;
  /** How long account settings are trusted before they are read again (default 15 s). */
  refreshMs?: number;
}

interface AccountInfo {
  account: BotAccount;
  zone: string;
}

interface Month {
  /** Counted in the database when it was read, plus what this process added since. */
  sent: number;
  /** Admitted, not yet known to be sent. */
  reserved: number;
  /** Sent since the last flush (to add to the database). */
  unflushed: number;
}

export function createQuota(deps: QuotaDeps): Quota {
  const log = deps.logger.child({ component: "quota" });
  const refreshMs = deps.refreshMs ?? 15_000;
  let accounts = new Map<string, AccountInfo>();
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;
  const months = new Map<string, Month>();
  /** The current month of each time zone, until it ends (luxon is too slow to ask per message). */
  const monthCache = new Map<string, { key: string; from: number; until: number }>();
  const monthKeyOf = (now: Date, zone: string): string => {
    const t = now.getTime();
    const hit = monthCache.get(zone);
    if (hit && t >= hit.from && t < hit.until) return hit.key;
    const key = monthKey(now, zone);
    const until = nextMonthStart(now, zone).getTime();
    monthCache.set(zone, { key, from: monthStartOf(now, zone), until });
    return key;
  };
  /** Accounts whose count moved since the last flush: thresholds to check. */
  const touched = new Set<string>();

  async function load(): Promise<void> {
    const list = await deps.store.tx(async (tx) => {
      const all = await tx.bots.list();
      const zones = await tx.branches.timezones(all.flatMap((a) => (a.branchId ? [a.branchId] : [])));
      return all.map((account) => ({ account, zone: (account.branchId && zones.get(account.branchId)) || deps.settings.defaultTimezone }));
    });
    accounts = new Map(list.map((i) => [i.account.id, i]));
    loadedAt = performance.now();
  }

  async function info(id: string | null): Promise<AccountInfo | null> {
    if (!id) return null;
    if (performance.now() - loadedAt > refreshMs) await (loading ??= load().finally(() => (loading = null)));
    return accounts.get(id) ?? null;
  }

  async function monthOf(id: string, month: string): Promise<Month> {
    const key = `${id}:${month}`;
    let m = months.get(key);
    if (!m) {
      const usage = await deps.store.tx((tx) => tx.bots.usage(id, month));
      // Read while other sends may have counted meanwhile: never go below what is known here.
      m = months.get(key) ?? { sent: usage?.sent ?? 0, reserved: 0, unflushed: 0 };
      months.set(key, m);
      if (months.size > 2_000) months.delete(months.keys().next().value!);
    }
    return m;
  }

  const cached = (item: OutboxItem, now: Date): { month: Month; info: AccountInfo } | null => {
    const i = item.botAccountId ? accounts.get(item.botAccountId) : undefined;
    if (!i || i.account.monthlyCap <= 0) return null;
    const m = months.get(`${i.account.id}:${monthKeyOf(now, i.zone)}`);
    return m ? { month: m, info: i } : null;
  };

  return {
    async admit(item, now) {
      const i = await info(item.botAccountId);
      const cap = i?.account.monthlyCap ?? 0;
      if (!i || cap <= 0) return { ok: true };
      const month = monthKeyOf(now, i.zone);
      const m = await monthOf(i.account.id, month);
      const used = m.sent + m.reserved;
      const full = used >= cap;
      const restricted = used >= Math.ceil(cap * QUOTA_RESTRICT);
      if (full || (restricted && item.priority >= Priority.optional)) {
        return { ok: false, until: nextMonthStart(now, i.zone), reason: `${QUOTA_REASON_PREFIX}${month}` };
      }
      m.reserved++;
      return { ok: true };
    },
    sent(item, parts, now) {
      const c = cached(item, now);
      if (!c) return;
      c.month.reserved = Math.max(0, c.month.reserved - 1);
      c.month.sent += parts;
      c.month.unflushed += parts;
      touched.add(c.info.account.id);
    },
    unsent(item, now) {
      const c = cached(item, now);
      if (c) c.month.reserved = Math.max(0, c.month.reserved - 1);
    },
    async flush(tx, now) {
      const ids = [...touched];
      touched.clear();
      for (const id of ids) {
        const i = accounts.get(id);
        if (!i) continue;
        const month = monthKeyOf(now, i.zone);
        const m = months.get(`${id}:${month}`);
        if (!m) continue;
        if (m.unflushed) {
          // Taken before the write: messages sent while it runs count towards the next flush. If
          // the write fails (its unit may run again), the count waits for the next try.
          const sent = m.unflushed;
          m.unflushed = 0;
          try {
            await tx.bots.addUsage([{ botAccountId: id, month, sent }]);
          } catch (err) {
            m.unflushed += sent;
            touched.add(id);
            throw err;
          }
        }
        await thresholds(tx, i, month, m.sent, now);
      }
    },
    paused: () => [...accounts.values()].filter((i) => i.account.status !== "ACTIVE").map((i) => i.account.id),
    refresh() {
      loadedAt = -Infinity;
    },
  };

  async function thresholds(tx: Tx, i: AccountInfo, month: string, sent: number, now: Date): Promise<void> {
    const cap = i.account.monthlyCap;
    if (sent >= Math.ceil(cap * QUOTA_RESTRICT)) await tx.bots.markThreshold(i.account.id, month, "restrictedAt", now);
    if (sent >= cap && (await tx.bots.markThreshold(i.account.id, month, "exhaustedAt", now))) {
      log.warn({ botAccountId: i.account.id, month, sent, cap }, "bot account used its monthly quota: messages wait for the next month");
    }
    if (sent < Math.ceil(cap * QUOTA_WARN) || !(await tx.bots.markThreshold(i.account.id, month, "warnedAt", now))) return;
    log.warn({ botAccountId: i.account.id, month, sent, cap }, "bot account at 80% of its monthly quota");
    await warn(tx, i.account, month, sent, now);
  }

  /** The 80% notice, to the secretaries of every branch the bot serves and to the operators. */
  async function warn(tx: Tx, account: BotAccount, month: string, sent: number, now: Date): Promise<void> {
    const args = { bot: account.label, sent, cap: account.monthlyCap, month: formatMonthKey(month) };
    const key = (who: string) => `quota:${account.id}:${month}:warn:${who}`;
    const build = (t: (k: string, a?: Record<string, string | number>) => string) => ({ text: t("quota-warning", args) });
    const told = new Set<string>();
    for (const branchId of await tx.bots.branchesServed(account.id)) {
      const branch = await tx.branches.byId(branchId);
      for (const s of await tx.members.listWithRole(branchId, "secretary")) {
        told.add(s.id);
        await deps.messages.toMember(tx, s, branch, key(s.id), build, { notBefore: now, priority: Priority.notice, audience: "secretary" });
      }
    }
    await tellOperators(tx, deps.messages, deps.settings.operators, key, build, now, told);
  }
}
