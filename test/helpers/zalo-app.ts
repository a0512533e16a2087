// Talking to the whole app (createApp, as main.ts runs it) the way Zalo does: a user's text POSTed
// to a bot's webhook, then what the bot was asked to show that user because of it.
import type { App } from "../../src/app.ts";
import type { FakeZaloBot } from "./fake-zalo-api.ts";

/** Waits until nothing is due in the outbox any more (replies delivered, or waiting for a retry). */
export async function outboxSettled(app: App): Promise<void> {
  for (let quiet = 0; quiet < 3; ) {
    await new Promise((r) => setTimeout(r, 30));
    const due = await app.store.db.outbox.count({ where: { status: "PENDING", notBefore: { lte: app.core.services.clock.now() } } });
    quiet = due === 0 ? quiet + 1 : 0;
  }
}

/** `user` types `text` to `bot`; the texts (and photo captions) the bot sent them because of it. */
export async function sayTo(app: App, bot: FakeZaloBot, user: { id: string; name: string }, text: string): Promise<string[]> {
  const before = bot.sent(user.id).length;
  const res = await bot.postWebhook(bot.textEvent(user, text));
  if (res.status !== 200) throw new Error(`${user.id} → ${text}: webhook answered ${res.status} ${res.body}`);
  await outboxSettled(app);
  return bot.sent(user.id).slice(before).map((p) => p.text ?? p.caption ?? "");
}
