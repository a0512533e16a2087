// How full a branch's Zalo bots are. A free Zalo bot serves 50 people, so every invite belongs to a
// bot with room for it: the people already on the bot and the places its open invites promise
// must stay under its users cap. The branch's own bots come first, then the shared ones.
import type { BotAccount } from "../../domain/model.ts";
import type { Tx } from "../../ports/store.ts";

/** At this share of a bot's users cap the admin is told the branch will soon need another bot. */
export const NEAR_FULL = 0.9;

export interface BotRoom {
  bot: BotAccount;
  /** People on the bot now (chats of active members). */
  users: number;
  /** Places promised by its open invites (uses left). */
  reserved: number;
  /** Its users cap; 0 means no cap. */
  cap: number;
  /** Places left for new invites (Infinity without a cap). */
  room: number;
}

/** The active Zalo bots that can serve a branch, its own first, each with how full it is. */
export async function zaloBotsFor(tx: Tx, branchId: string, now: Date): Promise<BotRoom[]> {
  const bots = (await tx.bots.list({ platform: "ZALO" })).filter((b) => b.status === "ACTIVE" && (b.branchId === branchId || b.branchId === null));
  bots.sort((a, b) => Number(b.branchId === branchId) - Number(a.branchId === branchId));
  const load = await tx.bots.load(bots.map((b) => b.id), now);
  return bots.map((bot) => {
    const { users, reserved } = load.get(bot.id) ?? { users: 0, reserved: 0 };
    const cap = bot.usersCap;
    return { bot, users, reserved, cap, room: cap > 0 ? Math.max(0, cap - users - reserved) : Infinity };
  });
}

/** The first bot with room for `uses` more people, or null when the branch needs another bot. */
export function pickBot(rooms: BotRoom[], uses: number): BotRoom | null {
  return rooms.find((r) => r.room >= uses) ?? null;
}

/** Whether a bot is filling up once `adding` more places are promised. */
export function nearFull(r: BotRoom, adding: number): boolean {
  return r.cap > 0 && r.users + r.reserved + adding >= Math.ceil(r.cap * NEAR_FULL);
}
