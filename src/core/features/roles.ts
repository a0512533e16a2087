// How a member's roles read in a sentence: "đảng viên", "bí thư, quản trị", "phó bí thư".
import type { T } from "../services/messages.ts";

export interface RoleFlags {
  isSecretary: boolean;
  /** With isSecretary: phó bí thư. */
  isDeputy?: boolean;
  isAdmin: boolean;
}

export function roleNames(t: T, flags: RoleFlags): string {
  const names: string[] = [];
  if (flags.isSecretary) names.push(t(flags.isDeputy ? "role-deputy" : "role-secretary"));
  if (flags.isAdmin) names.push(t("role-admin"));
  return names.length ? names.join(", ") : t("role-member");
}

/** "bí thư chi bộ", "phó bí thư chi bộ", or "chi ủy" for someone who no longer holds the role. */
export function secretaryTitle(t: T, flags: Pick<RoleFlags, "isSecretary" | "isDeputy">): string {
  if (!flags.isSecretary) return t("role-committee");
  return t(flags.isDeputy ? "role-deputy-title" : "role-secretary-title");
}
