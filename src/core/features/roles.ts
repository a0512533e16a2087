// How a member's roles read in a sentence: "đảng viên", "bí thư, quản trị".
import type { T } from "../services/messages.ts";

export function roleNames(t: T, flags: { isSecretary: boolean; isAdmin: boolean }): string {
  const names: string[] = [];
  if (flags.isSecretary) names.push(t("role-secretary"));
  if (flags.isAdmin) names.push(t("role-admin"));
  return names.length ? names.join(", ") : t("role-member");
}
