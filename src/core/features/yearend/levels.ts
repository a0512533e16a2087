// The four levels a member proposes for themselves at the year-end review, in the exact wording of
// Quy định 366-QĐ/TW, and the short values their buttons carry.
import type { RatingLevel } from "../../domain/model.ts";
import type { T } from "../../services/messages.ts";

const LEVEL_KEYS: Record<RatingLevel, string> = {
  EXCELLENT: "yearend-level-excellent",
  GOOD: "yearend-level-good",
  COMPLETED: "yearend-level-completed",
  NOT_COMPLETED: "yearend-level-not-completed",
};
const LEVEL_VALUES: Record<string, RatingLevel> = { ex: "EXCELLENT", go: "GOOD", co: "COMPLETED", nc: "NOT_COMPLETED" };

/** The exact wording of Quy định 366-QĐ/TW (in Vietnamese). */
export const levelLabel = (t: T, level: RatingLevel): string => t(LEVEL_KEYS[level]);
export const levelOf = (value: string): RatingLevel | null => LEVEL_VALUES[value] ?? null;
export const levelValues = (): Array<[string, RatingLevel]> => Object.entries(LEVEL_VALUES);
