// What a member may ask about their own data: a full export, and erasure (Decree 13/2023/NĐ-CP).
import type { ErasePlan, MemberData } from "./member-data.ts";

export type { ErasePlan, MemberData, Redactor } from "./member-data.ts";

export interface PrivacyRepo {
  /** Everything stored about the member; null when there is no such member. */
  exportMember(memberId: string): Promise<MemberData | null>;
  /**
   * Deletes the member's answers, chats and messages, takes them out of the messages and audit
   * entries kept for others (plan.redact), and anonymises the member row (kept so the branch's
   * past counts can say someone erased their data). Returns how many rows went or changed, per kind.
   */
  eraseMember(memberId: string, plan: ErasePlan): Promise<Record<string, number>>;
}
