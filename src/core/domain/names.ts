// Members' names as every list and notice shows them. Two members of a branch whose names read the
// same (diacritics and case aside: "Tran Van An" is "Trần Văn An" typed in a hurry) each get a mark:
// the short note an admin set ("sinh 1958", "tổ 5"), or else their place in joining order, "(1)",
// "(2)". A name alone in the branch is shown as it is. The marks come from the whole roster (active
// and removed members), so the same person reads the same in /baocao, the export and /thanhvien.
import { cleanName, fold } from "../text.ts";
import type { Member } from "./model.ts";

export type Named = Pick<Member, "id" | "fullName" | "nameNote" | "joinedAt" | "status">;

/** A note short enough to sit beside a name on a phone's button. */
export const NAME_NOTE_MAX = 30;

/** Longest name search accepted (a full name is at most 80 characters). */
export const SEARCH_MAX = 80;

// Vietnamese lists go by given name (the last word), then by the whole name; removed members last.
const collator = new Intl.Collator("vi", { sensitivity: "base" });
const givenName = (m: Member) => m.fullName.trim().split(/\s+/).at(-1) ?? "";
export function sortMembers(members: Member[]): Member[] {
  return [...members].sort(
    (a, b) =>
      Number(a.status !== "ACTIVE") - Number(b.status !== "ACTIVE") ||
      collator.compare(givenName(a), givenName(b)) ||
      collator.compare(a.fullName, b.fullName) ||
      a.joinedAt.getTime() - b.joinedAt.getTime(),
  );
}

/** Display names by member id for everyone in `roster` (erased members keep their placeholder). */
export function displayNames(roster: readonly Named[]): Map<string, string> {
  const groups = new Map<string, Named[]>();
  for (const m of roster) {
    if (m.status === "ERASED") continue;
    const key = fold(m.fullName);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const out = new Map<string, string>();
  for (const m of roster) out.set(m.id, m.fullName);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ordered = [...group].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.id.localeCompare(b.id));
    const notes = new Map<string, number>();
    for (const m of ordered) if (m.nameNote) notes.set(fold(m.nameNote), (notes.get(fold(m.nameNote)) ?? 0) + 1);
    ordered.forEach((m, i) => {
      const note = m.nameNote?.trim();
      // A note two of them share tells nothing apart: the number goes with it.
      const mark = note ? (notes.get(fold(note))! > 1 ? `${note}, ${i + 1}` : note) : String(i + 1);
      out.set(m.id, `${m.fullName} (${mark})`);
    });
  }
  return out;
}

/** Is another member of the roster named the same as `member`? */
export function hasNamesake(member: Named, roster: readonly Named[]): boolean {
  const key = fold(member.fullName);
  return roster.some((m) => m.id !== member.id && m.status !== "ERASED" && fold(m.fullName) === key);
}

/** What an admin may type as a note: one short line with at least a letter or a digit. */
export function parseNameNote(text: string): { note: string } | { problem: "too-long" | "invalid" } {
  const note = cleanName(text).replace(/^\((.*)\)$/, "$1").trim();
  if ([...note].length > NAME_NOTE_MAX) return { problem: "too-long" };
  if (!/[\p{L}\p{N}]/u.test(note) || /[()]/.test(note)) return { problem: "invalid" };
  return { note };
}
