// What a member may ask about their own data: a full export, and erasure (Decree 13/2023/NĐ-CP).

/** Everything stored about one member, as plain data ready to serialise. */
export type MemberDataExport = Record<string, unknown>;

export interface PrivacyRepo {
  exportMember(memberId: string): Promise<MemberDataExport>;
  /**
   * Deletes the member's answers, chats and messages and anonymises the member row (kept so the
   * branch's past counts stay consistent). Returns how many rows went, per kind.
   */
  eraseMember(memberId: string, at: Date, placeholderName: string): Promise<Record<string, number>>;
}
