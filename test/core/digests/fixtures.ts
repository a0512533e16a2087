// Branch pictures for the digest tests, built as rows (what the repository returns), so the model and
// its rendering can be checked exactly without a database.
import { readFileSync } from "node:fs";
import type { Meeting, Rsvp } from "../../../src/core/domain/meetings.ts";
import type { Branch, Member, Progress } from "../../../src/core/domain/model.ts";
import type { AttendanceRow, CommitmentRow, DigestSource, EvaluationRow } from "../../../src/core/ports/digests.ts";

export const sample = JSON.parse(readFileSync(new URL("../../fixtures/vi-sample.json", import.meta.url), "utf8")) as {
  names: string[];
  commitments: string[];
  absence_reasons: string[];
  reflections: string[];
};

export const ZONE = "Asia/Ho_Chi_Minh";
/** Sinh hoạt chi bộ định kỳ, 14:00 Thursday 03/12/2026 in Hà Nội. */
export const MEETING_AT = new Date("2026-12-03T07:00:00Z");
export const BEFORE_NOW = new Date("2026-12-02T07:00:00Z");
export const JOINED = new Date("2025-01-10T02:00:00Z");

export function branch(overrides: Partial<Branch> = {}): Branch {
  return {
    id: "b1",
    name: "Chi bộ Khoa Ngữ văn",
    timezone: ZONE,
    locale: "vi",
    quietStart: 1260,
    quietEnd: 420,
    nudgeMax: 2,
    nudgeIntervalHours: 24,
    digestHoursBefore: 24,
    selfEvalDaysBefore: 7,
    commitmentMin: 1,
    commitmentMax: 5,
    commitmentReminderDays: 14,
    retentionMonths: 36,
    noticeMinute: 1080,
    createdAt: JOINED,
    updatedAt: JOINED,
    ...overrides,
  };
}

const FAMILIES = ["Trương", "Lưu", "Huỳnh", "Phùng", "Triệu", "Doãn", "Khúc", "Lại", "Từ", "Kim"];

/** Member i (0-based) with a distinct Vietnamese name; past the sample's 40, other family names. */
export function member(i: number, overrides: Partial<Member> = {}): Member {
  const base = sample.names[i % sample.names.length]!;
  const round = Math.floor(i / sample.names.length);
  return {
    id: `m${String(i).padStart(2, "0")}`,
    branchId: "b1",
    fullName: round === 0 ? base : `${FAMILIES[(i + round) % FAMILIES.length]} ${base.split(" ").slice(1).join(" ")}`,
    nameNote: null,
    isSecretary: i === 0,
    isDeputy: false,
    isAdmin: i === 0,
    partyStatus: "FULL",
    exempted: false,
    exemptReason: null,
    exemptUntil: null,
    reviewForm: null,
    status: "ACTIVE",
    locale: null,
    preferredPlatform: "TELEGRAM",
    consentAt: JOINED,
    joinedAt: JOINED,
    removedAt: null,
    updatedAt: JOINED,
    ...overrides,
  };
}

export function meeting(id: string, startsAt: Date, overrides: Partial<Meeting> = {}): Meeting {
  return {
    id,
    branchId: "b1",
    kind: "REGULAR",
    status: "SCHEDULED",
    occurrence: null,
    startsAt,
    place: "Phòng họp tầng 2, nhà A1",
    topic: "Sơ kết công tác tháng 11, triển khai nhiệm vụ tháng 12",
    cancelReason: null,
    createdAt: JOINED,
    updatedAt: JOINED,
    ...overrides,
  };
}

export const rsvp = (meetingId: string, memberId: string, answer: "ATTEND" | "ABSENT", reason: string | null = null): Rsvp => ({
  id: `r-${meetingId}-${memberId}`,
  meetingId,
  memberId,
  answer,
  reason,
  answeredAt: new Date(MEETING_AT.getTime() - 3 * 86_400_000),
});

export const attendance = (meetingId: string, memberId: string, present: boolean): AttendanceRow => ({
  meetingId,
  memberId,
  present,
  reason: null,
  recordedById: "m00",
  recordedAt: MEETING_AT,
});

export const commitment = (memberId: string, n: number, overrides: Partial<CommitmentRow> = {}): CommitmentRow => ({
  id: `c-${memberId}-${n}`,
  periodId: "p2026",
  memberId,
  text: sample.commitments[(Number(memberId.slice(1)) + n) % sample.commitments.length]!,
  position: n,
  status: "SUBMITTED",
  submittedAt: new Date("2026-01-20T03:00:00Z"),
  changedAt: null,
  deletedAt: null,
  ...overrides,
});

export function evaluation(meetingId: string, memberId: string, items: Array<[commitmentId: string, progress: Progress, text?: string]>, status: "DRAFT" | "SUBMITTED" = "SUBMITTED"): EvaluationRow {
  return {
    id: `e-${meetingId}-${memberId}`,
    memberId,
    meetingId,
    status,
    reflection: sample.reflections[0]!,
    submittedAt: status === "SUBMITTED" ? new Date(MEETING_AT.getTime() - 2 * 86_400_000) : null,
    items: items.map(([commitmentId, progress, text]) => ({ commitmentId, commitmentText: text ?? commitmentId, progress, note: null })),
  };
}

export const PERIOD = {
  id: "p2026",
  name: "2026",
  startsAt: new Date("2025-12-31T17:00:00Z"),
  deadline: new Date("2026-01-31T16:59:00Z"),
  endsAt: new Date("2026-12-31T17:00:00Z"),
  status: "OPEN" as const,
};

/** A source with members and nothing else: no answers, no commitments, every chat reachable. */
export function emptySource(members: Member[]): DigestSource {
  return {
    members,
    rsvps: [],
    attendance: [],
    period: PERIOD,
    commitments: [],
    evaluations: [],
    previous: null,
    history: { meetings: [], rsvps: [], attendance: [], members },
    chats: members.map((m) => ({ memberId: m.id, platform: "TELEGRAM" as const, active: true })),
    undelivered: [],
    quotaHeld: [],
    lastDigestAt: null,
  };
}
