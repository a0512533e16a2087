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

/** An active member with their branch: what member, secretary and admin access promise a handler. */
export interface MemberActor extends Actor {
  member: Member;
  branch: Branch;
}

/**
 * The actor a handler declared for `A` is given, once the engine has checked it with allows():
 * member, secretary and admin handlers need no `!` on member and branch. The role flags stay
 * booleans: a handler may change them (an admin stepping down) without leaving its type.
 */
export type ActorFor<A extends Access> = A extends "member" | "secretary" | "admin" ? MemberActor : Actor;

/** Whether the actor has `access`; where it does, they are the actor a handler declared for it is given. */
export function allows<A extends Access>(actor: Actor, access: A): actor is ActorFor<A>;
export function allows(actor: Actor, access: Access): boolean {
  // An active member always has their branch (a member belongs to one); checked so the type says so.
  const member = actor.branch ? actor.member : null;
  switch (access) {
    case "public":
      return true;
    case "member":
      return member !== null;
    case "self":
      return actor.member !== null || Boolean(actor.removed);
    case "secretary":
      return member?.isSecretary === true;
    case "admin":
      return member?.isAdmin === true;
    case "operator":
      return actor.isOperator;
  }
}

/** The key of the refusal a person gets when a command is not theirs to use. */
export function refusalKey(access: Access): string {
  return `access-denied-${access}`;
}
