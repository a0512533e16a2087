// Who may do what. Roles are flags on the member (one person can be secretary and admin);
// operators are named by the environment, not stored.
import type { Branch, Member } from "../domain/model.ts";
import type { Identity } from "../domain/model.ts";
import type { Locale } from "../types.ts";

export type Access = "public" | "member" | "secretary" | "admin" | "operator";

/** The person behind an event, as far as the bot knows them. */
export interface Actor {
  identity: Identity;
  /** Only an ACTIVE member; removed and erased members act as strangers. */
  member: Member | null;
  branch: Branch | null;
  isOperator: boolean;
  locale: Locale;
  /** "telegram:123": written to the audit log. */
  label: string;
}

export function allows(actor: Actor, access: Access): boolean {
  switch (access) {
    case "public":
      return true;
    case "member":
      return actor.member !== null;
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
