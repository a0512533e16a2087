// One-time codes that link a second chat to a member: created in a chat that already belongs to
// the member, typed in the new one.

export interface LinkCode {
  code: string;
  memberId: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

export interface LinkCodeRepo {
  create(input: { code: string; memberId: string; expiresAt: Date; createdAt: Date }): Promise<LinkCode>;
  byCode(code: string): Promise<LinkCode | null>;
  /** Marks the code used if it is still unused and unexpired; false when it no longer is. */
  use(code: string, now: Date): Promise<boolean>;
  /** Drops the member's unused codes: only the newest code works. */
  revokeUnused(memberId: string): Promise<number>;
  /** Forgets codes that expired or were used before `before`. */
  prune(before: Date): Promise<number>;
  /**
   * Takes a chat away from its member (/lienket → Bỏ liên kết): the chat is a stranger's again, its
   * flow and open questions go, and whatever was still waiting to be sent to it is withdrawn
   * (a lost phone must not keep receiving the member's messages). Returns the messages withdrawn.
   */
  unlink(identityId: string): Promise<number>;
}
