// The one place names are produced for lists and notices (see domain/names.ts for the rule): every
// feature that shows a member to someone else asks here, so a namesake reads the same everywhere.
import { displayNames } from "../domain/names.ts";
import type { Member } from "../domain/model.ts";
import type { Tx } from "../ports/store.ts";

export interface Names {
  /** The member's name with its mark when the branch has a namesake. */
  of(member: Pick<Member, "id" | "fullName">): string;
  /** The branch's active and removed members the marks were computed from. */
  roster: Member[];
}

export function namesFrom(roster: Member[]): Names {
  const names = displayNames(roster);
  return { roster, of: (m) => names.get(m.id) ?? m.fullName };
}

/** Names of a branch's members (active and removed). */
export async function branchNames(tx: Tx, branchId: string): Promise<Names> {
  return namesFrom(await tx.members.listForAdmin(branchId));
}

/** One member's name as lists show it. */
export async function nameOf(tx: Tx, member: Member): Promise<string> {
  return (await branchNames(tx, member.branchId)).of(member);
}
