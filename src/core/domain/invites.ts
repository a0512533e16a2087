// Invite codes: unguessable, easy to read aloud and type on a phone, valid in a Telegram deep link.
import { randomInt } from "node:crypto";
import type { Invite } from "./model.ts";

// No 0/O, 1/I/L: codes are read from paper and typed by older members.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const DIGITS = "23456789";
export const CODE_LENGTH = 10;

/**
 * 10 characters from 31 (about 2^49 codes), shown as ABCDE-FGH2K, with at least one digit (so a
 * typed name is never taken for a code) and one letter (so it is never taken for a link code).
 */
export function generateCode(): string {
  for (;;) {
    const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]!);
    const digits = chars.filter((c) => DIGITS.includes(c)).length;
    if (digits > 0 && digits < CODE_LENGTH) return chars.join("");
  }
}

export function formatCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Whatever was typed or carried by a deep link, in the stored form (uppercase, no separators). */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s_-]+/g, "");
}

export type InviteProblem = "invite-unknown" | "invite-revoked" | "invite-expired" | "invite-used-up";

export function inviteProblem(invite: Invite | null, now: Date): InviteProblem | null {
  if (!invite) return "invite-unknown";
  // Said as it is: whoever holds a revoked code typed it right and should ask for a new one.
  if (invite.revokedAt) return "invite-revoked";
  if (invite.expiresAt <= now) return "invite-expired";
  if (invite.uses >= invite.maxUses) return "invite-used-up";
  return null;
}

/** After this many wrong codes in a row, each further try waits longer (1, 2, 4 … 60 minutes); see code-guard.ts. */
export const FREE_CODE_ATTEMPTS = 5;

export function lockoutMinutes(failedCodes: number): number {
  if (failedCodes < FREE_CODE_ATTEMPTS) return 0;
  return Math.min(60, 2 ** (failedCodes - FREE_CODE_ATTEMPTS));
}
