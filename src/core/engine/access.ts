// Who may do what. Roles are flags on the member (one person can be secretary and admin);
// operators are named by the environment, not stored.
import type { Branch, Member } from "../domain/model.ts";
import type { Identity } from "../domain/model.ts";
import type { Locale, Platform } from "../types.ts";

/**
 * "self": one's own data (/dulieu, /xoadulieu). Members, and members an admin removed from the
 * list: Decree 13/2023/NĐ-CP gives them the same rights over what is still stored about them.
 */
export type Access = "public" | "member" | "self" | "secretary" | "admin" | "operator";

/** The person behind an event, as far as the bot knows them. */
export interface Actor {
  identity: Identity;
  /** Only an ACTIVE member; removed and erased members act as strangers. */
  member: Member | null;
  branch: Branch | null;
  /**
   * A member an admin removed, writing from one of their chats, with their branch: they may still
   * see and erase their data (access "self"), nothing else.
   */
  removed?: { member: Member; branch: Branch } | null;
  isOperator: boolean;
  locale: Locale;
  /** "telegram:123": written to the audit log. */
  label: string;
}

/** How the audit log names a chat's person: "telegram:123". */
export function chatLabel(platform: Platform, userId: string): string {
  return `${platform.toLowerCase()}:${userId}`;
}

export function allows(actor: Actor, access: Access): boolean {
  switch (access) {
    case "public":
      return true;
    case "member":
      return actor.member !== null;
    case "self":
      return actor.member !== null || Boolean(actor.removed);
    case "secretary":
      return actor.member?.isSecretary === true;
    case "admin":
      return actor.member?.isAdmin === true;
    case "operator":
      return actor.isOperator;
  }
}

/** The key of the refusal a person gets when a command is not theirs to use. */
export function refusalKey(access: Access): string {
  return `access-denied-${access}`;
}
