// What a feature's setting of /caidat is. Each setting says which Branch columns it writes, how its
// current value reads, and how typed text becomes a new value (or why it cannot). Features declare
// their own settings and the settings feature lists them (features/settings/catalog.ts); the flow
// there needs no change for a new one.
import type { Parsed } from "../domain/calendar/parse.ts";
import type { Branch, BranchSettings } from "../domain/model.ts";
import type { T } from "../services/messages.ts";
import type { Locale } from "../types.ts";
import type { Ctx } from "./context.ts";

export type BranchPatch = Partial<BranchSettings & Pick<Branch, "timezone" | "locale">>;

export interface SettingDef {
  /** ASCII, short: it travels in a choice ("f:<token>:<key>"). */
  key: string;
  /** Locale key of the setting's name in the menu and in the audit log's reader. */
  label: string;
  /** Locale key of the question; gets `current` (the value as it reads now). */
  prompt: string;
  /** The Branch columns this setting writes; nothing else is written. */
  columns: ReadonlyArray<keyof BranchPatch>;
  show(branch: Branch, t: T, locale: Locale): string;
  parse(text: string, branch: Branch): Parsed<BranchPatch>;
  /** Common answers offered as buttons; each stands for the text it would take to type it. */
  suggestions?(t: T, branch: Branch): Array<{ label: string; text: string }>;
  /** A line shown before Xác nhận with the new value in effect (the next meeting's reminders, the time there). */
  preview?(ctx: Ctx, after: Branch): Promise<string | null>;
  /** What must follow the change (meetings re-planned in a new time zone); may return a line for the admin. */
  afterChange?(ctx: Ctx, before: Branch, after: Branch): Promise<string | null>;
}

/** The Branch columns that hold a plain number. */
type NumberColumn = { [K in keyof BranchSettings]-?: BranchSettings[K] extends number ? K : never }[keyof BranchSettings];

/**
 * A setting that is one number in one column ("3", "3 ngày", "24 giờ"), as most are: `read` turns
 * the typed text into the number, or says what is wrong with it.
 */
export function countSetting(def: Omit<SettingDef, "columns" | "parse"> & { column: NumberColumn; read(text: string): Parsed<number> }): SettingDef {
  const { column, read, ...rest } = def;
  return {
    ...rest,
    columns: [column],
    parse(text) {
      const n = read(text);
      return n.ok ? { ok: true, value: { [column]: n.value } } : n;
    },
  };
}
