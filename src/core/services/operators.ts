// Telling the operators (BOT_ADMINS) something only they can act on: a bot near its quota, a bot
// whose token is refused. Each is reached in their most recently seen chat that still works, in
// their language; a key per notice keeps it to once.
import type { Platform } from "../types.ts";
import type { Tx } from "../ports/store.ts";
import type { Messages, T } from "./messages.ts";
import { Priority } from "./priority.ts";

/** Queues `build`'s message to every operator with a known chat; returns the member ids reached (to skip them elsewhere). */
export async function tellOperators(tx: Tx, messages: Messages, operators: Iterable<string>, key: (label: string) => string, build: (t: T) => { text: string }, now: Date, skipMembers: ReadonlySet<string> = new Set()): Promise<number> {
  let told = 0;
  for (const label of operators) {
    const [platform, userId] = label.split(":");
    if (!platform || !userId) continue;
    const chats = await tx.identities.byPlatformUser(platform.toUpperCase() as Platform, userId);
    const chat = chats.find((c) => c.active);
    if (!chat || (chat.memberId && skipMembers.has(chat.memberId))) continue;
    const locale = messages.localeOf(null, null, chat);
    await messages.toIdentity(tx, chat, key(label), build(messages.bind(locale)), { notBefore: now, priority: Priority.notice });
    told++;
  }
  return told;
}
