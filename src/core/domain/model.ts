// Domain records as the core sees them. They mirror prisma/models.prisma field for field, so the
// storage layer can hand its rows over unchanged; the core never imports the Prisma client.
import type { Platform } from "../types.ts";

export type MemberStatus = "ACTIVE" | "REMOVED" | "ERASED";
export type PartyStatus = "FULL" | "PROBATIONARY";
export type RuleKind = "DAY_OF_MONTH" | "NTH_WEEKDAY" | "LAST_WEEKDAY";
export type MeetingKind = "REGULAR" | "THEMATIC";
export type MeetingStatus = "SCHEDULED" | "CANCELLED";
export type RsvpAnswer = "ATTEND" | "ABSENT";
export type PeriodStatus = "OPEN" | "CLOSED";
export type CommitmentStatus = "DRAFT" | "SUBMITTED";
export type ReviewKind = "COMMENT" | "REVISION";
export type Progress = "DONE" | "IN_PROGRESS" | "NOT_YET";
export type EvaluationStatus = "DRAFT" | "SUBMITTED";
/** The year-end self-review form of Hướng dẫn 43-HD/BTCTW: Mẫu 2A, 2B or 2C. */
export type ReviewForm = "FORM_2A" | "FORM_2B" | "FORM_2C";
export type RatingLevel = "EXCELLENT" | "GOOD" | "COMPLETED" | "NOT_COMPLETED";
export type OutboxStatus = "PENDING" | "SENT" | "FAILED" | "HELD";
export type BotStatus = "ACTIVE" | "PAUSED" | "REMOVED";
export type BotMode = "WEBHOOK" | "POLLING";

export interface BranchSettings {
  quietStart: number;
  quietEnd: number;
  nudgeMax: number;
  nudgeIntervalHours: number;
  digestHoursBefore: number;
  selfEvalDaysBefore: number;
  commitmentMin: number;
  commitmentMax: number;
  commitmentReminderDays: number;
  retentionMonths: number;
  /** Minutes after local midnight of the chi ủy's daily notice of members' changes; null: none. */
  noticeMinute: number | null;
}

export interface Branch extends BranchSettings {
  id: string;
  name: string;
  timezone: string;
  locale: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface Member {
  id: string;
  branchId: string;
  fullName: string;
  /** Set by an admin to tell apart members of the same name ("sinh 1958"). */
  nameNote: string | null;
  isSecretary: boolean;
  /** With isSecretary: phó bí thư. */
  isDeputy: boolean;
  isAdmin: boolean;
  /** Null once the member erased their data: Party standing is sensitive (Decree 13/2023). */
  partyStatus: PartyStatus | null;
  exempted: boolean;
  exemptReason: string | null;
  /** The exemption ends then; null: until an admin lifts it. */
  exemptUntil: Date | null;
  reviewForm: ReviewForm | null;
  status: MemberStatus;
  locale: string | null;
  preferredPlatform: Platform | null;
  consentAt: Date | null;
  joinedAt: Date;
  removedAt: Date | null;
  updatedAt: Date;
}

export interface Identity {
  id: string;
  platform: Platform;
  botAccountId: string;
  userId: string;
  chatId: string;
  displayName: string | null;
  locale: string | null;
  memberId: string | null;
  active: boolean;
  inactiveReason: string | null;
  failedCodes: number;
  codeLockedUntil: Date | null;
  lastSeenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Invite {
  id: string;
  branchId: string;
  code: string;
  grantsSecretary: boolean;
  grantsDeputy: boolean;
  grantsAdmin: boolean;
  maxUses: number;
  uses: number;
  expiresAt: Date;
  createdById: string | null;
  botAccountId: string | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export interface FlowState {
  identityId: string;
  flow: string;
  step: string;
  data: unknown;
  token: string;
  expiresAt: Date;
  version: number;
  updatedAt: Date;
}

export interface OutboxItem {
  id: number;
  key: string;
  memberId: string | null;
  identityId: string | null;
  platform: Platform;
  botAccountId: string | null;
  chatId: string;
  payload: unknown;
  priority: number;
  /** The role the member was sent it as ("secretary", "admin"), checked again at sending. */
  audience: string | null;
  status: OutboxStatus;
  attempts: number;
  notBefore: Date;
  giveUpAt: Date | null;
  claimedBy: string | null;
  claimedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface AuditEntry {
  branchId: string | null;
  actorId: string | null;
  actorLabel: string;
  action: string;
  details?: Record<string, unknown>;
}

/** A bot account as the core sees it: never its token or webhook secret (those stay in infra). */
export interface BotAccount {
  id: string;
  platform: Platform;
  label: string;
  botUserId: string | null;
  username: string | null;
  link: string | null;
  mode: BotMode;
  branchId: string | null;
  usersCap: number;
  monthlyCap: number;
  status: BotStatus;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastUpdateAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface BotUsage {
  botAccountId: string;
  month: string;
  sent: number;
  warnedAt: Date | null;
  restrictedAt: Date | null;
  exhaustedAt: Date | null;
}

/** A question a person received and can answer by typing (see prisma/models.prisma). */
export interface OpenQuestion {
  identityId: string;
  topic: string;
  outboxId: number;
  title: string | null;
  text: string;
  choices: unknown;
  reply: boolean;
  deliveredAt: Date;
  expiresAt: Date;
}
