// Lines for the chi ủy's daily notice: members' changes the secretaries hear about in one message a
// day rather than one message each (Branch.noticeMinute).
export interface Notice {
  id: string;
  key: string;
  /** The secretary it is for. */
  memberId: string;
  /** The member it is about. */
  aboutId: string | null;
  /** Already worded in the secretary's language. */
  text: string;
  expiresAt: Date | null;
  createdAt: Date;
  sentAt: Date | null;
}

export type NewNotice = Omit<Notice, "id" | "sentAt">;

export interface NoticeRepo {
  /** Notes lines; a key that exists already is skipped (a retried unit of work notes once). */
  add(notices: NewNotice[]): Promise<number>;
  /** Unsent lines, oldest first. */
  pending(): Promise<Notice[]>;
  /** Lines that went out in a notice (or were dropped) are not sent again. */
  markSent(ids: string[], at: Date): Promise<void>;
}
