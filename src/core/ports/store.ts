// The data-access port. The core states what it needs; src/infra/prisma implements it.
// Everything runs inside `store.tx`: a unit of work that commits or rolls back as one, so a state
// change and the messages it causes are never separated.
import type { Audience, Platform } from "../types.ts";
import type { AuditEntry, BotAccount, BotUsage, Branch, BranchSettings, FlowState, Identity, Invite, Member, OpenQuestion, OutboxItem, OutboxStatus } from "../domain/model.ts";
import type { CodeGuardRepo } from "./code-guards.ts";
import type { CommitmentRepo } from "./commitments.ts";
import type { DigestRepo } from "./digests.ts";
import type { LinkCodeRepo } from "./link-codes.ts";
import type { MeetingRepo } from "./meetings.ts";
import type { NoticeRepo } from "./notices.ts";
import type { PrivacyRepo } from "./privacy.ts";
import type { RetentionRepo } from "./retention.ts";

export interface UpdateRepo {
  /** Records an update as processed; false when it was processed before (a duplicate). */
  markProcessed(platform: Platform, updateId: string, at: Date): Promise<boolean>;
  /** Forgets processed updates older than `before` (they can no longer be redelivered). */
  prune(before: Date): Promise<number>;
}

export interface SeenIdentity {
  platform: Platform;
  botAccountId: string;
  userId: string;
  chatId: string;
  displayName?: string;
  locale?: string;
  at: Date;
}

/** Everything the engine needs about a chat, read in one go on every update. */
export interface SeenContext {
  identity: Identity;
  member: Member | null;
  branch: Branch | null;
  flow: FlowState | null;
}

export interface IdentityRepo {
  /** Creates the identity on first contact or refreshes its chat id and last-seen time. */
  seen(input: SeenIdentity): Promise<SeenContext>;
  byId(id: string): Promise<Identity | null>;
  /** The chats of one platform user id, one per bot account it wrote to, most recently seen first. */
  byPlatformUser(platform: Platform, userId: string): Promise<Identity[]>;
  listForMember(memberId: string): Promise<Identity[]>;
  listForMembers(memberIds: string[]): Promise<Identity[]>;
  update(id: string, patch: Partial<Pick<Identity, "locale" | "memberId" | "active" | "inactiveReason" | "failedCodes" | "codeLockedUntil">>): Promise<void>;
}

export interface NewMember {
  branchId: string;
  fullName: string;
  isSecretary: boolean;
  /** With isSecretary: phó bí thư (default false). */
  isDeputy?: boolean;
  isAdmin: boolean;
  locale: string | null;
  preferredPlatform: Platform | null;
  consentAt: Date;
}

export interface MemberRepo {
  create(input: NewMember): Promise<Member>;
  byId(id: string): Promise<Member | null>;
  listActive(branchId: string): Promise<Member[]>;
  /** The branch's active admins or secretaries, without reading every member. */
  listWithRole(branchId: string, role: "admin" | "secretary"): Promise<Member[]>;
  /** Active and removed members of a branch (erased ones are gone for good), for the admin's list. */
  listForAdmin(branchId: string): Promise<Member[]>;
  /** Active admins of a branch: a branch must never be left without one. */
  countActiveAdmins(branchId: string): Promise<number>;
  /**
   * Holds the branch until the unit of work ends, so that changes which could take away its last
   * admin run one after the other: two admins stepping down at the same moment are never both let through.
   */
  lockAdmins(branchId: string): Promise<void>;
  update(id: string, patch: Partial<Omit<Member, "id" | "branchId" | "joinedAt" | "updatedAt">>): Promise<Member>;
  /**
   * Marks the member REMOVED and withdraws what was still queued for them (reminders planned ahead),
   * so their chats stop receiving. Their answers stay with the branch.
   */
  remove(id: string, at: Date): Promise<Member>;
  /** Undoes remove(): active again, and the messages withdrawn then may be planned anew. */
  restore(id: string): Promise<Member>;
  /** Active members whose miễn sinh hoạt period ended by `now` (every branch). */
  exemptionsEnded(now: Date): Promise<Member[]>;
}

export interface NewBranch {
  name: string;
  timezone: string;
  locale: string;
}

export interface BranchRepo {
  create(input: NewBranch): Promise<Branch>;
  byId(id: string): Promise<Branch | null>;
  list(): Promise<Branch[]>;
  /** The time zones of these branches, in one go (a bot's month is counted in its branch's zone). */
  timezones(ids: string[]): Promise<Map<string, string>>;
  update(id: string, patch: Partial<BranchSettings & Pick<Branch, "name" | "timezone" | "locale">>): Promise<Branch>;
}

export interface NewInvite {
  branchId: string;
  code: string;
  grantsSecretary: boolean;
  /** With grantsSecretary: the holder becomes phó bí thư (default false). */
  grantsDeputy?: boolean;
  grantsAdmin: boolean;
  maxUses: number;
  expiresAt: Date;
  createdById: string | null;
  botAccountId?: string | null;
}

export interface InviteRepo {
  create(input: NewInvite): Promise<Invite>;
  byCode(code: string): Promise<Invite | null>;
  byId(id: string): Promise<Invite | null>;
  /** Counts one use if the invite still has one left; false when it was used up meanwhile. */
  use(id: string, now: Date): Promise<boolean>;
  /** Invites that can still be used (not revoked, not expired, uses left), newest first. */
  listOpen(branchId: string, now: Date): Promise<Invite[]>;
  revoke(id: string, at: Date): Promise<void>;
}

export interface FlowRepo {
  get(identityId: string): Promise<FlowState | null>;
  /**
   * Writes the state. `expectedVersion` is the version read earlier (null for a new flow); when
   * another instance wrote in between, this throws ConflictError and the unit of work is retried.
   */
  save(state: Omit<FlowState, "version" | "updatedAt">, expectedVersion: number | null): Promise<void>;
  delete(identityId: string): Promise<void>;
  /** Removes flows whose expiry has passed; returns them so their owners can be told. */
  expired(now: Date, limit: number): Promise<FlowState[]>;
}

export interface NewOutboxItem extends Pick<OutboxItem, "key" | "memberId" | "identityId" | "platform" | "chatId" | "payload" | "notBefore" | "giveUpAt"> {
  /** The bot account that sends it; the platform's default account when absent. */
  botAccountId?: string | null;
  /** 0 reply, 1 reminder/digest/notice (default), 2 nudge or optional notice: see Priority. */
  priority?: number;
  /** Sent to the member as a holder of this role: withdrawn if they no longer hold it (see Audience). */
  audience?: Audience | null;
  /** Written as already failed: the member has no chat that can receive it (reported, never sent). */
  undeliverable?: string;
}

export interface OutboxRepo {
  /** Queues the items whose key is new (the insert skips the others itself). */
  enqueue(items: NewOutboxItem[]): Promise<void>;
  /**
   * The bulk path (reminders to whole branches): inserts in large batches, skipping keys that exist
   * (also when another instance inserts them at the same moment), and returns the keys it inserted.
   */
  insertNew(items: NewOutboxItem[]): Promise<string[]>;
  /** Items not sent yet under these keys will not be (a meeting was cancelled or moved). */
  withdraw(keys: string[], reason: string): Promise<number>;
  /** Items not sent yet to this member as holder of `audience` will not be: they no longer hold it. */
  withdrawAudience(memberId: string, audience: Audience): Promise<number>;
  /**
   * Leases up to `limit` due items to `owner` until `leaseUntil`; safe when instances race. Items of
   * the bot accounts in `skipAccounts` (paused, or told by the platform to wait) stay where they are.
   * `leased`: only items of bot accounts whose send lease `owner` holds, unexpired (several instances).
   */
  claim(owner: string, now: Date, leaseMs: number, limit: number, platforms: Platform[], skipAccounts?: string[], leased?: boolean): Promise<OutboxItem[]>;
  /**
   * Extends `owner`'s claims on these items by `leaseMs` (on the database's clock); returns the ids it
   * still holds. An item whose lease ran out may have been claimed by another instance meanwhile.
   */
  extend(ids: number[], owner: string, leaseMs: number): Promise<number[]>;
  /** The results below are recorded only where `owner` still holds the claim. */
  markSent(ids: number[], at: Date, owner: string): Promise<void>;
  /**
   * Drops the bytes of the files these messages carried, where they are done (sent): the record keeps
   * each file's name, type and size. Exports of personal data must not linger in the outbox.
   */
  dropFiles(ids: number[]): Promise<void>;
  /**
   * Puts claimed items back until `notBefore` without counting an attempt, noting why (a bot's
   * monthly quota is used up: they wait for the next month).
   */
  defer(ids: number[], notBefore: Date, reason: string, owner: string): Promise<void>;
  retryLater(id: number, notBefore: Date, error: string, owner: string): Promise<void>;
  markFailed(id: number, error: string, owner: string): Promise<void>;
  /** Releases the lease without counting an attempt (rate limited, shutting down). */
  release(ids: number[], notBefore: Date, owner: string): Promise<void>;
  /** Items for a chat that went inactive are held back until the member writes again. */
  holdForIdentity(identityId: string, error: string): Promise<number>;
  resumeForIdentity(identityId: string): Promise<number>;
  backlog(now: Date): Promise<{ pending: number; due: number; failed: number }>;
  byKey(key: string): Promise<OutboxItem | null>;
  existingKeys(keys: string[]): Promise<Set<string>>;
  /**
   * The queued items among these keys: their status, and when each went (sentAt) or is to go
   * (notBefore). Jobs use it so that a nudge never follows another message too closely.
   */
  timesOf(keys: string[]): Promise<Map<string, { status: OutboxStatus; at: Date }>>;
}

export interface BotAccountPatch {
  label?: string;
  branchId?: string | null;
  status?: BotAccount["status"];
  usersCap?: number;
  monthlyCap?: number;
  link?: string | null;
  lastError?: string | null;
  lastErrorAt?: Date | null;
  lastUpdateAt?: Date | null;
}

export interface BotAccountRepo {
  byId(id: string): Promise<BotAccount | null>;
  /** Every account not removed (and removed ones too when asked), oldest first. */
  list(opts?: { platform?: Platform; includeRemoved?: boolean }): Promise<BotAccount[]>;
  update(id: string, patch: BotAccountPatch): Promise<BotAccount>;
  /**
   * How full each account is: people on it (chats of active members) and places promised by open
   * invites to it (uses left), which together must stay under its users cap.
   */
  load(ids: string[], now: Date): Promise<Map<string, { users: number; reserved: number }>>;
  /** The branches the account serves: its own, or those whose members write to it. */
  branchesServed(id: string): Promise<string[]>;
  usage(id: string, month: string): Promise<BotUsage | null>;
  /** Adds messages sent to each account's month. */
  addUsage(entries: Array<{ botAccountId: string; month: string; sent: number }>): Promise<void>;
  /** Marks a quota threshold as crossed; true only for the call that marked it (notices go out once). */
  markThreshold(id: string, month: string, field: "warnedAt" | "restrictedAt" | "exhaustedAt", at: Date): Promise<boolean>;
}

export interface QuestionRepo {
  /** The questions this chat can still answer by typing, the last delivered first. */
  open(identityId: string, now: Date): Promise<OpenQuestion[]>;
  /** Records delivered questions: each replaces the chat's earlier one of the same topic. */
  record(questions: OpenQuestion[]): Promise<void>;
  close(identityId: string, topics: string[]): Promise<void>;
  prune(now: Date): Promise<number>;
}

/** A bot account whose sending (and, for a polling bot, receiving) one instance holds at a time. */
export interface LeaseKey {
  platform: Platform;
  botAccountId: string;
}

export interface HeldLease extends LeaseKey {
  /** Grows at every change of holder: the same holder with another epoch lost it in between. */
  epoch: number;
}

/**
 * Send leases (issue 12): which instance sends for which bot account. Every statement works on a
 * batch and every time is the database's clock, so instances whose clocks disagree still agree on
 * whose lease has run out.
 */
export interface LeaseRepo {
  /**
   * Adds the missing lease rows (free) for every bot account and the platforms' default accounts, and
   * marks `holder` present (a row of its own that lives as long as its leases), so that an instance
   * holding nothing yet still counts in everyone's fair share. Presence rows of dead instances go.
   */
  ensure(holder: string, ttlMs: number): Promise<void>;
  /** Marks `holder` alive for `ttlMs` (its presence row only); clears presence rows of dead instances. */
  present(holder: string, ttlMs: number): Promise<void>;
  /** Extends every unexpired lease `holder` has; returns them (one statement). */
  renew(holder: string, ttlMs: number): Promise<HeldLease[]>;
  /** Takes up to `limit` leases of these platforms that are free or ran out; returns them (one statement). */
  take(holder: string, ttlMs: number, limit: number, platforms: Platform[]): Promise<HeldLease[]>;
  /** Ends these leases of `holder` now (or all of them, its presence too), so another instance takes them at once. */
  release(holder: string, leases: LeaseKey[] | "all"): Promise<void>;
  /** How many accounts of these platforms there are to share, and how many instances are alive. */
  census(platforms: Platform[]): Promise<{ accounts: number; holders: number }>;
}

export interface AuditRepo {
  add(entry: AuditEntry, at: Date): Promise<void>;
}

/** The repositories, bound to one unit of work. */
export interface Tx {
  updates: UpdateRepo;
  identities: IdentityRepo;
  members: MemberRepo;
  branches: BranchRepo;
  invites: InviteRepo;
  flows: FlowRepo;
  outbox: OutboxRepo;
  audit: AuditRepo;
  bots: BotAccountRepo;
  questions: QuestionRepo;
  linkCodes: LinkCodeRepo;
  codeGuards: CodeGuardRepo;
  meetings: MeetingRepo;
  commitments: CommitmentRepo;
  digests: DigestRepo;
  privacy: PrivacyRepo;
  notices: NoticeRepo;
  retention: RetentionRepo;
  leases: LeaseRepo;
}

export interface Store {
  /** Runs `fn` as one unit of work; retried from the start when another instance conflicted. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
  readonly provider: "sqlite" | "postgres";
}
