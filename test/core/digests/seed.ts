// Branch data written straight into the tables, as the meetings, commitments and self-evaluation
// flows would leave it, so the digest tests do not depend on those flows.
import { DateTime } from "luxon";
import { yearPeriodId } from "../../../src/core/domain/commitments/period.ts";
import type { Platform } from "../../../src/core/types.ts";
import type { PrismaStore } from "../../../src/infra/prisma/store.ts";

type Db = PrismaStore["db"];

export interface Seeded {
  branchId: string;
  ids: Record<string, string>;
}

export interface SeedMember {
  key: string;
  fullName: string;
  /** The chat's user id; none: the member has no chat. */
  chat?: string;
  chatActive?: boolean;
  partyStatus?: "FULL" | "PROBATIONARY";
  exempted?: boolean;
  isSecretary?: boolean;
  isAdmin?: boolean;
}

export async function addMembers(db: Db, branchId: string, members: SeedMember[], platform: Platform, joinedAt: Date): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const m of members) {
    const row = await db.member.create({
      data: {
        branchId,
        fullName: m.fullName,
        partyStatus: m.partyStatus ?? "FULL",
        exempted: m.exempted ?? false,
        isSecretary: m.isSecretary ?? false,
        isAdmin: m.isAdmin ?? false,
        preferredPlatform: platform,
        consentAt: joinedAt,
        joinedAt,
      },
    });
    ids[m.key] = row.id;
    if (m.chat) {
      await db.identity.create({
        data: { platform, botAccountId: `default-${platform.toLowerCase()}`, userId: m.chat, chatId: m.chat, memberId: row.id, active: m.chatActive ?? true, lastSeenAt: joinedAt, ...(m.chatActive === false ? { inactiveReason: "403: Forbidden: bot was blocked by the user" } : {}) },
      });
    }
  }
  return ids;
}

export async function addMeeting(db: Db, branchId: string, startsAt: Date, kind: "REGULAR" | "THEMATIC" = "REGULAR"): Promise<string> {
  const m = await db.meeting.create({
    data: { branchId, kind, startsAt, place: "Hội trường tầng 3, số 12 Lê Lợi", topic: "Sơ kết công tác tháng 11; triển khai nhiệm vụ tháng 12" },
  });
  return m.id;
}

export async function answer(db: Db, meetingId: string, memberId: string, answer: "ATTEND" | "ABSENT", reason: string | null, at: Date): Promise<void> {
  await db.rsvp.create({ data: { meetingId, memberId, answer, reason, answeredAt: at } });
}

/** The year's period, as the commitments feature creates it (same id, so it finds it). */
export async function addYearPeriod(db: Db, branchId: string, year: number, zone: string): Promise<string> {
  const startsAt = DateTime.fromObject({ year }, { zone }).toJSDate();
  const endsAt = DateTime.fromObject({ year: year + 1 }, { zone }).toJSDate();
  const deadline = DateTime.fromObject({ year, month: 3 }, { zone }).endOf("month").toJSDate();
  const p = await db.commitmentPeriod.create({ data: { id: yearPeriodId(branchId, year), branchId, name: String(year), startsAt, deadline, endsAt } });
  return p.id;
}

export async function commit(db: Db, periodId: string, memberId: string, texts: string[], submittedAt: Date): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, text] of texts.entries()) {
    const c = await db.commitment.create({ data: { periodId, memberId, text, position: i + 1, status: "SUBMITTED", submittedAt } });
    ids.push(c.id);
  }
  return ids;
}

export async function selfEvaluate(
  db: Db,
  meetingId: string,
  memberId: string,
  items: Array<{ commitmentId: string; progress: "DONE" | "IN_PROGRESS" | "NOT_YET"; note?: string }>,
  reflection: string,
  submittedAt: Date | null,
): Promise<void> {
  await db.selfEvaluation.create({
    data: {
      memberId,
      meetingId,
      status: submittedAt ? "SUBMITTED" : "DRAFT",
      reflection,
      submittedAt,
      items: { create: items.map((i) => ({ commitmentId: i.commitmentId, progress: i.progress, note: i.note ?? null })) },
    },
  });
}

/** The width and height a PNG declares in its IHDR chunk, after checking its signature. */
export function pngSize(data: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!data.subarray(0, 8).equals(signature)) throw new Error("not a PNG");
  if (data.toString("ascii", 12, 16) !== "IHDR") throw new Error("PNG without IHDR first");
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** The rows of a CSV text as a spreadsheet reads them (BOM, quoted fields, CRLF). */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
