// Drains the outbox through the Messenger ports: rate limits per bot account and per chat (a token
// per API call, not per message), messages to one chat in order, 429 honoured (pausing the one chat
// or the bot account it concerns), only for the bot accounts whose send lease this instance holds
// when several instances share the outbox, 5xx and network
// errors retried with backoff, permanent failures recorded, a chat that blocked the bot held until it
// writes again, each bot account's monthly quota respected. What a delivered message asks becomes an
// open question of its chat, so a typed "1" answers what the person actually received.
import { DeliveryError } from "../errors.ts";
import type { Member, OpenQuestion, OutboxItem } from "../domain/model.ts";
import { isFlowTopic, topicOfAction } from "../domain/topics.ts";
import { KeyedLock } from "./keyed-lock.ts";
import type { Clock, Logger, Messenger } from "../ports/runtime.ts";
import type { Store, Tx } from "../ports/store.ts";
import { defaultBotAccountId, type Audience, type OutMessage, type Platform } from "../types.ts";
import { Priority } from "./priority.ts";
import type { LeaseKeeper } from "./leases.ts";
import type { Quota } from "./quota.ts";
import { acquire, backoffDelay, Semaphore, sleep, SlidingWindow, TokenBucket } from "./rate-limit.ts";

export interface PlatformLimit {
  /**
   * Messages per second for one bot account of the platform (Telegram ~30, Zalo unpublished): paced
   * evenly, and never more than this (rounded down) in any one second.
   */
  perSecond: number;
  /** Messages per second to one chat, with a small burst (Telegram: ~1/s). */
  perChatPerSecond: number;
  chatBurst: number;
}

export interface SenderOptions {
  store: Store;
  messengers: Messenger[];
  clock: Clock;
  logger: Logger;
  /** This instance's name in claims, so several instances can share the outbox. */
  owner: string;
  /**
   * Send leases (several instances): only messages of bot accounts this instance holds are claimed
   * and sent. Its owner must be `owner`. Without it every account is this instance's (one instance).
   */
  leases?: Pick<LeaseKeeper, "owner" | "holds" | "onChange">;
  limits?: Partial<Record<Platform, Partial<PlatformLimit>>>;
  /** Monthly quotas of the bot accounts; without it nothing is counted. */
  quota?: Quota;
  /** Items claimed but not yet sent, at most. */
  maxInFlight?: number;
  /** Sends running at once. */
  concurrency?: number;
  /** How long a claim lasts; must exceed the longest wait behind the rate limits. */
  leaseMs?: number;
  /**
   * A bot account the platform refuses (its token revoked or rotated): its messages wait, and this
   * is told once, until a message goes through that bot again, so the operators hear of it.
   */
  onAccountRefused?(botAccountId: string, platform: Platform, error: string): Promise<void>;
  /** How long a bot whose token is refused waits before it is tried again (default 5 minutes). */
  refusedPauseMs?: number;
  /** Poll interval when idle (kick() wakes it sooner). */
  idleMs?: number;
  /**
   * After a kick, how long to let more queued messages gather before claiming them: one claim for a
   * handful of replies instead of one each (default 5 ms).
   */
  batchWindowMs?: number;
  /** Sent messages are recorded in batches at most this long after sending (default 25 ms). */
  recordSentAfterMs?: number;
  /** Give up on a message this long after it was queued, unless it says otherwise. */
  giveUpAfterMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface SenderStats {
  sent: number;
  retried: number;
  failed: number;
  rateLimited: number;
  /** Held for a bot account's monthly quota. */
  deferred: number;
  /** API calls that took a rate-limit token (a message in several parts takes one per part). */
  calls: number;
}

export interface Sender {
  start(): void;
  /** Stops claiming, finishes sends under way, releases what was claimed but not sent. */
  stop(): Promise<void>;
  /** Something was queued: look now rather than at the next poll. */
  kick(): void;
  /** Sends everything due now and returns when nothing due is left (tests, the console). */
  drain(): Promise<void>;
  readonly stats: SenderStats;
}

const GLOBAL_BURST = 1.5;
const DEFAULT_LIMIT: PlatformLimit = { perSecond: 25, perChatPerSecond: 1, chatBurst: 3 };
/** A bot account told to wait longer than this gives its claimed messages back instead of holding them. */
const HOLD_PAUSE_MS = 1_000;
/** How long past its retry time a chat still waits for its earlier message (another instance may send it). */
const ORDER_GRACE_MS = 60_000;
/** Questions without a time of their own (a give-up time) stay answerable this long. */
const QUESTION_TTL_MS = 30 * 86_400_000;
/**
 * A menu or a button shown in answer to the person's own message is answered there and then: after
 * this it no longer competes with what arrived since (a reminder typed "1" to days later).
 */
const MENU_TTL_MS = 2 * 3_600_000;

const accountOf = (item: Pick<OutboxItem, "botAccountId" | "platform">): string => item.botAccountId ?? defaultBotAccountId(item.platform);

/** Whether a member still holds the role a message was addressed to them as. */
export function holds(member: Pick<Member, "status" | "isSecretary" | "isAdmin"> | null, audience: Audience): boolean {
  if (!member || member.status !== "ACTIVE") return false;
  return audience === "secretary" ? member.isSecretary : member.isAdmin;
}

/**
 * What a delivered message asks, as its chat's open question: one with choices, or a flow's step
 * (its free-text question is the conversation the person is in). Null for anything else.
 */
export function questionOf(item: OutboxItem, message: OutMessage, at: Date): OpenQuestion | null {
  const choices = (message.choices ?? []).flat();
  if (!item.identityId || (!choices.length && !(message.question && isFlowTopic(message.question.topic)))) return null;
  return {
    identityId: item.identityId,
    topic: message.question?.topic ?? topicOfAction(choices[0]!.action),
    outboxId: item.id,
    title: message.question?.title ?? null,
    text: message.text,
    choices,
    reply: item.priority === Priority.reply,
    deliveredAt: at,
    expiresAt: expiryOf(item, message, at),
  };
}

function expiryOf(item: OutboxItem, message: OutMessage, at: Date): Date {
  const until = message.question?.until ? new Date(message.question.until) : null;
  if (until && until > at) return until;
  if (item.giveUpAt && item.giveUpAt > at) return item.giveUpAt;
  return new Date(at.getTime() + (item.priority === Priority.reply ? MENU_TTL_MS : QUESTION_TTL_MS));
}

export function createSender(opts: SenderOptions): Sender {
  const log = opts.logger.child({ component: "sender" });
  const messengers = new Map(opts.messengers.map((m) => [m.platform, m]));
  const platforms = [...messengers.keys()];
  const limits = new Map<Platform, PlatformLimit>(platforms.map((p) => [p, { ...DEFAULT_LIMIT, ...opts.limits?.[p] }]));
  // One bucket per bot account, evenly paced with half a message of slack for timer jitter: the
  // platforms count messages over any one second, so a second's worth sent at once on top of the
  // steady rate is answered with 429. The bucket's slack alone would let perSecond + 1.5 through in
  // a second; the account's sliding window, stamped as each call goes out, holds it to perSecond.
  const accountBuckets = new Map<string, TokenBucket>();
  const accountWindows = new Map<string, SlidingWindow>();
  /** Bot accounts the platform told to wait (429), until when (performance.now() time). */
  const pausedAccounts = new Map<string, number>();
  const chatBuckets = new Map<string, TokenBucket>();
  const maxInFlight = opts.maxInFlight ?? 500;
  const concurrency = opts.concurrency ?? 16;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const idleMs = opts.idleMs ?? 1_000;
  const batchWindowMs = opts.batchWindowMs ?? 5;
  const recordSentAfterMs = opts.recordSentAfterMs ?? 25;
  const giveUpAfterMs = opts.giveUpAfterMs ?? 72 * 3_600_000;
  const refusedPauseMs = opts.refusedPauseMs ?? 5 * 60_000;
  const backoffBase = opts.backoffBaseMs ?? 2_000;
  const backoffMax = opts.backoffMaxMs ?? 15 * 60_000;
  const stats: SenderStats = { sent: 0, retried: 0, failed: 0, rateLimited: 0, deferred: 0, calls: 0 };
  const quota = opts.quota;
  const leases = opts.leases ?? null;
  if (leases && leases.owner !== opts.owner) throw new Error("the sender and its lease keeper must have the same owner");
  /** Whether this instance may send for the item's bot account now. */
  const mine = (item: OutboxItem) => !leases || leases.holds(item.platform, accountOf(item));
  // A lease gained: its account's messages are this instance's to send now.
  leases?.onChange((gained) => {
    if (gained.length) poke();
  });

  const chats = new KeyedLock();
  let inFlight = 0;
  let running = false;
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let kicked = false;
  /** The last claim filled the in-flight room: a finished send should look for more at once. */
  let starved = false;
  let sentTimer: NodeJS.Timeout | null = null;
  /** Bot accounts whose token was refused and not yet accepted again: the operators hear of it once. */
  const refusedAccounts = new Set<string>();
  /** When each item in flight was claimed (performance.now()): one that waited long renews its lease. */
  const claimedAt = new Map<number, number>();
  const slots = new Semaphore(concurrency);
  const toRelease: number[] = [];
  let sentBuffer: number[] = [];
  /** Of those, the ones that carried files: their bytes leave the outbox once recorded as sent. */
  let filesBuffer: number[] = [];
  let questionBuffer: OpenQuestion[] = [];
  let deferBuffer: Array<{ id: number; until: Date; reason: string }> = [];
  let flushing: Promise<void> = Promise.resolve();
  /** Chats whose earlier message waits for a retry (until then, by the clock): later ones must not overtake it. */
  /**
   * Chats whose earlier message (`id`) waits for a retry (until `until`, by the clock): later ones must
   * not overtake it, until it has gone (or failed for good), or for ORDER_GRACE_MS past its time
   * should another instance have taken it meanwhile.
   */
  const blockedChats = new Map<string, { until: Date; id: number }>();
  /** Sent, but not yet recorded as sent: a crash now sends them again, so they count against maxInFlight. */
  let unrecorded = 0;
  /** Chats found unreachable, with the claim batch in which that happened: that batch's later items are already held. */
  const unreachableChats = new Map<string, number>();
  let batch = 0;

  const accountBucket = (item: OutboxItem): TokenBucket => {
    const key = `${item.platform}:${accountOf(item)}`;
    let b = accountBuckets.get(key);
    if (!b) {
      b = new TokenBucket(limits.get(item.platform)!.perSecond, GLOBAL_BURST);
      accountBuckets.set(key, b);
    }
    return b;
  };

  const accountWindow = (item: OutboxItem): SlidingWindow => {
    const key = `${item.platform}:${accountOf(item)}`;
    let w = accountWindows.get(key);
    if (!w) {
      w = new SlidingWindow(limits.get(item.platform)!.perSecond);
      accountWindows.set(key, w);
    }
    return w;
  };

  /** Until when (performance.now() time) the platform asked this item's bot account to wait; 0 if not. */
  const accountPause = (item: OutboxItem): number => {
    const until = pausedAccounts.get(accountOf(item)) ?? 0;
    if (until && until <= performance.now()) pausedAccounts.delete(accountOf(item));
    return until > performance.now() ? until : 0;
  };

  const chatBucket = (platform: Platform, chatId: string): TokenBucket => {
    const key = `${platform}:${chatId}`;
    let b = chatBuckets.get(key);
    if (!b) {
      const l = limits.get(platform)!;
      b = new TokenBucket(l.perChatPerSecond, l.chatBurst);
      chatBuckets.set(key, b);
      if (chatBuckets.size > 50_000) chatBuckets.delete(chatBuckets.keys().next().value!);
    }
    return b;
  };

  function flushSent(): Promise<void> {
    if (sentTimer) {
      clearTimeout(sentTimer);
      sentTimer = null;
    }
    if (!sentBuffer.length && !deferBuffer.length) return flushing;
    const ids = sentBuffer;
    const withFiles = filesBuffer;
    const questions = questionBuffer;
    const deferred = deferBuffer;
    sentBuffer = [];
    filesBuffer = [];
    questionBuffer = [];
    deferBuffer = [];
    const at = opts.clock.now();
    flushing = flushing.then(() =>
      opts.store
        .tx(async (tx: Tx) => {
          await tx.outbox.markSent(ids, at, opts.owner);
          // The whole message went (every part of it): its files are not needed again.
          await tx.outbox.dropFiles(withFiles);
          // Delivered in this order: a chat's later question of the same topic replaces the earlier.
          await tx.questions.record(questions);
          for (const d of deferred) await tx.outbox.defer([d.id], d.until, d.reason, opts.owner);
          await quota?.flush(tx, at);
        })
        .catch((err: unknown) => {
          // The messages went out; if this write is lost they may be sent again after the lease.
          log.error({ err, count: ids.length }, "could not record sent messages");
        })
        .finally(() => {
          unrecorded -= ids.length;
          if (starved && inFlight + unrecorded < maxInFlight / 2) {
            starved = false;
            poke();
          }
        }),
    );
    return flushing;
  }

  function scheduleFlush(): void {
    // One write for many sent messages; a crash in between can only mean a message sent twice.
    if (sentBuffer.length + deferBuffer.length >= 100) void flushSent();
    else sentTimer ??= setTimeout(() => void flushSent(), recordSentAfterMs);
  }

  async function record(fn: Parameters<Store["tx"]>[0]): Promise<void> {
    try {
      await opts.store.tx(fn);
    } catch (err) {
      log.error({ err }, "could not record a delivery result");
    }
  }

  async function sendOne(item: OutboxItem, itemBatch: number): Promise<void> {
    const chatKey = `${item.platform}:${accountOf(item)}:${item.chatId}`;
    let admitted = false;
    let counted = false;
    try {
      if (stopping) {
        toRelease.push(item.id);
        return;
      }
      // The account's lease went to another instance since the claim: give the message back now, for
      // the holder to send (the claim would otherwise keep it from them until it runs out).
      if (!mine(item)) {
        await record((tx) => tx.outbox.release([item.id], opts.clock.now(), opts.owner));
        return;
      }
      // Held in the database when its chat turned out unreachable; nothing to do here.
      if ((unreachableChats.get(chatKey) ?? -1) >= itemBatch) return;
      const block = blockedChats.get(chatKey);
      if (block && item.id > block.id && opts.clock.now().getTime() < block.until.getTime() + ORDER_GRACE_MS) {
        // An earlier message to this chat failed and waits for a retry: keep the order.
        // Past its time it has not gone yet (being claimed again, or by another instance): look again in a second.
        const now = opts.clock.now().getTime();
        const until = new Date(block.until.getTime() > now ? block.until.getTime() : now + 1_000);
        await record((tx) => tx.outbox.release([item.id], until, opts.owner));
        return;
      }
      const now = opts.clock.now();
      // Counted from when it was due (queued for later, or queued now by the core's clock).
      const dueAt = Math.max(item.createdAt.getTime(), item.notBefore.getTime());
      const giveUpAt = item.giveUpAt ?? new Date(dueAt + giveUpAfterMs);
      if (giveUpAt <= now) {
        stats.failed++;
        log.warn({ id: item.id, key: item.key }, "message expired before it could be delivered");
        unblock(chatKey, item.id);
        await record((tx) => tx.outbox.markFailed(item.id, "expired", opts.owner));
        return;
      }
      // The platform told this bot to wait a while: give the item back rather than hold a place.
      const pausedUntil = accountPause(item);
      if (pausedUntil - performance.now() > HOLD_PAUSE_MS) {
        await record((tx) => tx.outbox.release([item.id], new Date(now.getTime() + (pausedUntil - performance.now())), opts.owner));
        return;
      }
      const admission = quota ? await quota.admit(item, now) : ({ ok: true } as const);
      if (!admission.ok) {
        stats.deferred++;
        deferBuffer.push({ id: item.id, until: admission.until, reason: admission.reason });
        scheduleFlush();
        return;
      }
      admitted = true;
      // Addressed by role (a digest to a secretary): not to someone who has stepped down or left since.
      if (item.audience && !(await stillHolds(item))) {
        stats.failed++;
        await record((tx) => tx.outbox.markFailed(item.id, `no-longer-${item.audience}`, opts.owner));
        return;
      }
      const messenger = messengers.get(item.platform)!;
      // Waiting behind the rate limit ends at shutdown: the item goes back to the outbox unsent.
      const isStopping = () => stopping;
      if (!(await acquire(chatBucket(item.platform, item.chatId), isStopping)) || !(await acquire(accountBucket(item), isStopping))) {
        toRelease.push(item.id);
        return;
      }
      // A claim that waited long (behind a rate limit, a pause) is renewed first; if it ran out and
      // another instance took the message meanwhile, that instance sends it, not this one.
      if (performance.now() - (claimedAt.get(item.id) ?? 0) > leaseMs / 3 && !(await renew(item))) return;
      const message = item.payload as OutMessage;
      // One token per API call: the first call's were taken just above (so a message stopped there
      // goes back untouched); a messenger that makes more calls for it (a long text in parts, a
      // picture and its text) asks for each of the others here.
      let calls = 0;
      const beforeCall = async (): Promise<void> => {
        if (calls++ === 0) return;
        if (
          !(await acquire(chatBucket(item.platform, item.chatId), isStopping)) ||
          !(await acquire(accountBucket(item), isStopping)) ||
          !(await acquire(accountWindow(item), isStopping))
        ) {
          throw new DeliveryError("stopped between the parts of a message", { aborted: true });
        }
        stats.calls++;
        if (!mine(item)) throw new DeliveryError("send lease lost between the parts of a message", { aborted: true });
        if (performance.now() - (claimedAt.get(item.id) ?? 0) > leaseMs / 3 && !(await renew(item))) {
          throw new DeliveryError("claim lost between the parts of a message", { aborted: true });
        }
      };
      await slots.acquire();
      let receipt;
      let unsent: "lease lost" | "stopping" | null = null;
      try {
        // The lease may have moved while this waited: then its new holder sends it. Otherwise the
        // call is counted in the account's window now, as it goes out (a place is held meanwhile,
        // so the window counts calls made, not tokens taken a while before).
        if (!mine(item)) unsent = "lease lost";
        else if (!(await acquire(accountWindow(item), isStopping))) unsent = "stopping";
        else {
          stats.calls++;
          receipt = await messenger.send(item.chatId, message, { botAccountId: accountOf(item), beforeCall });
        }
      } finally {
        slots.release();
      }
      if (unsent === "stopping") toRelease.push(item.id);
      if (unsent === "lease lost") await record((tx) => tx.outbox.release([item.id], opts.clock.now(), opts.owner));
      if (unsent) return;
      const at = opts.clock.now();
      counted = true;
      refusedAccounts.delete(accountOf(item));
      quota?.sent(item, receipt?.parts ?? 1, at);
      stats.sent++;
      unblock(chatKey, item.id);
      unrecorded++;
      sentBuffer.push(item.id);
      if (message.files?.length) filesBuffer.push(item.id);
      const question = questionOf(item, message, at);
      if (question) questionBuffer.push(question);
      scheduleFlush();
    } catch (err) {
      await failed(item, chatKey, err, itemBatch);
    } finally {
      claimedAt.delete(item.id);
      if (admitted && !counted) quota?.unsent(item, opts.clock.now());
      inFlight--;
      if (starved && inFlight < maxInFlight / 2) {
        starved = false;
        poke();
      }
    }
  }

  /** The chat's waiting message went, or will never go: its later messages may go now. */
  function unblock(chatKey: string, id: number): void {
    if (blockedChats.get(chatKey)?.id === id) blockedChats.delete(chatKey);
  }

  async function stillHolds(item: OutboxItem): Promise<boolean> {
    const member = item.memberId ? await opts.store.tx((tx) => tx.members.byId(item.memberId!)) : null;
    return holds(member, item.audience as Audience);
  }

  async function renew(item: OutboxItem): Promise<boolean> {
    const kept = await opts.store.tx((tx) => tx.outbox.extend([item.id], opts.owner, leaseMs));
    if (kept.length) {
      claimedAt.set(item.id, performance.now());
      return true;
    }
    log.warn({ id: item.id, key: item.key }, "claim ran out while waiting; another instance has the message");
    return false;
  }

  async function failed(item: OutboxItem, chatKey: string, err: unknown, itemBatch: number): Promise<void> {
    const now = opts.clock.now();
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof DeliveryError && err.opts.aborted) {
      // Stopped by this sender between two calls (the parts already sent are remembered by the
      // messenger): back to the outbox as it is, for this instance or the lease's new holder.
      if (stopping) toRelease.push(item.id);
      else await record((tx) => tx.outbox.release([item.id], now, opts.owner));
      return;
    }
    if (err instanceof DeliveryError && err.opts.accountRefused) {
      // The token was revoked or rotated: nothing through this bot can go out until an operator
      // fixes it. Its messages wait (no attempt counted) instead of all failing, and the account pauses.
      const account = accountOf(item);
      const already = refusedAccounts.has(account);
      refusedAccounts.add(account);
      pausedAccounts.set(account, performance.now() + refusedPauseMs);
      accountBucket(item).pause(refusedPauseMs);
      await record((tx) => tx.outbox.release([item.id], new Date(now.getTime() + refusedPauseMs), opts.owner));
      if (!already) {
        log.error({ botAccountId: account, platform: item.platform, error: message }, "the platform refuses this bot's token: its messages wait until it is fixed");
        await opts.onAccountRefused?.(account, item.platform, message).catch((e: unknown) => log.error({ err: e }, "could not report a refused bot token"));
      }
      return;
    }
    if (err instanceof DeliveryError && err.opts.unreachable) {
      stats.failed++;
      unreachableChats.set(chatKey, itemBatch);
      if (unreachableChats.size > 10_000) unreachableChats.delete(unreachableChats.keys().next().value!);
      log.warn({ id: item.id, platform: item.platform, error: message }, "chat unreachable; holding its messages");
      unblock(chatKey, item.id);
      // Messages to this chat that went out just before are recorded first: holding them as unsent
      // would send them again when the person writes back.
      await flushSent();
      await record(async (tx) => {
        await tx.outbox.markFailed(item.id, message, opts.owner);
        if (item.identityId) {
          await tx.identities.update(item.identityId, { active: false, inactiveReason: message.slice(0, 200) });
          await tx.outbox.holdForIdentity(item.identityId, message);
        }
      });
      return;
    }
    if (err instanceof DeliveryError && err.opts.permanent) {
      stats.failed++;
      log.warn({ id: item.id, platform: item.platform, error: message }, "message rejected permanently");
      unblock(chatKey, item.id);
      await record((tx) => tx.outbox.markFailed(item.id, message, opts.owner));
      return;
    }
    let waitMs: number;
    if (err instanceof DeliveryError && err.opts.retryAfterMs !== undefined) {
      stats.rateLimited++;
      waitMs = err.opts.retryAfterMs;
      if (err.opts.scope === "chat") {
        // Only this chat waits (its later messages stay behind this one, below); the bot's other
        // chats keep flowing.
        chatBucket(item.platform, item.chatId).pause(waitMs);
      } else {
        // The bot account waits, and only it: the platform limits each bot on its own.
        accountBucket(item).pause(waitMs);
        pausedAccounts.set(accountOf(item), Math.max(pausedAccounts.get(accountOf(item)) ?? 0, performance.now() + waitMs));
      }
    } else {
      waitMs = backoffDelay(item.attempts, { baseMs: backoffBase, maxMs: backoffMax, jitter: 0.25 });
    }
    stats.retried++;
    const notBefore = new Date(now.getTime() + waitMs);
    // The earliest message waiting wins, unless its block is over (another instance sent it).
    const earlier = blockedChats.get(chatKey);
    const current = earlier && now.getTime() < earlier.until.getTime() + ORDER_GRACE_MS ? earlier : null;
    blockedChats.set(chatKey, { until: notBefore, id: Math.min(item.id, current?.id ?? item.id) });
    if (blockedChats.size > 10_000) blockedChats.delete(blockedChats.keys().next().value!);
    log.info({ id: item.id, platform: item.platform, waitMs, error: message }, "delivery will be retried");
    await record((tx) => tx.outbox.retryLater(item.id, notBefore, message, opts.owner));
  }

  /** Claims what is due (up to the in-flight limit) and queues each item behind its chat. */
  async function pump(): Promise<number> {
    // Kicks until now are answered by this claim; only later ones call for another.
    kicked = false;
    if (!platforms.length || stopping) return 0;
    const room = maxInFlight - inFlight - unrecorded;
    if (room <= 0) {
      // Full of messages sent but not yet recorded: record them now rather than at the usual pace.
      if (sentBuffer.length) void flushSent();
      starved = true;
      return 0;
    }
    const now = opts.clock.now();
    const skip = [...(quota?.paused() ?? []), ...[...pausedAccounts].filter(([, until]) => until - performance.now() > HOLD_PAUSE_MS).map(([id]) => id)];
    const items = await opts.store.tx((tx) => tx.outbox.claim(opts.owner, now, leaseMs, room, platforms, skip, !!leases));
    const at = performance.now();
    for (const item of items) claimedAt.set(item.id, at);
    inFlight += items.length;
    starved = items.length >= room;
    const current = ++batch;
    for (const item of items) void chats.run(`${item.platform}:${item.chatId}`, () => sendOne(item, current));
    return items.length;
  }

  function poke(): void {
    kicked = true;
    wake?.();
  }

  /** Waits for a kick or `ms`; true when kicked. */
  async function idle(ms: number): Promise<boolean> {
    if (kicked) return true;
    const woken = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
    wake = null;
    return woken;
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        await pump();
      } catch (err) {
        log.error({ err }, "outbox claim failed");
        await idle(idleMs * 5);
        continue;
      }
      // A full claim may have left more behind; otherwise wait to be kicked (or for the next poll),
      // then give other messages queued at about the same moment a chance to join the claim.
      if (starved && inFlight + unrecorded < maxInFlight) continue;
      const woken = await idle(idleMs);
      if (woken && batchWindowMs > 0 && running) await sleep(batchWindowMs);
    }
  }

  async function settle(): Promise<void> {
    while (inFlight > 0) await sleep(5);
    await flushSent();
    await flushing;
  }

  return {
    stats,
    start() {
      if (running) return;
      running = true;
      stopping = false;
      loop = run();
    },
    async stop() {
      running = false;
      stopping = true;
      poke();
      await loop;
      await settle();
      if (toRelease.length) {
        const ids = toRelease.splice(0);
        await record((tx) => tx.outbox.release(ids, opts.clock.now(), opts.owner));
      }
    },
    kick: poke,
    async drain() {
      for (;;) {
        const n = await pump();
        await settle();
        if (n === 0) return;
      }
    },
  };
}
