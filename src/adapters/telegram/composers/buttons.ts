// A pressed inline button: its callback data is the choice's action. The query is always answered,
// at once and whatever happens next, so the phone stops showing the spinner; the core's reply (or
// its "this choice has expired" notice for a stale button) arrives as a message.
import { Composer } from "grammy";
import type { BotContext, ComposerDeps } from "../context.ts";
import { toEvent } from "../events.ts";

export function buttonsComposer(deps: ComposerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("callback_query", async (ctx) => {
    const answered = ctx.answerCallbackQuery().catch((err: unknown) => ctx.log.warn({ err }, "could not answer a button press"));
    try {
      const query = ctx.callbackQuery;
      // Buttons of games or inline messages carry no data for us.
      if (query.data === undefined) return;
      const chatId = query.message?.chat.id ?? query.from.id;
      await deps.dispatch(toEvent(ctx.update, query.from, chatId, { choice: query.data }, ctx.receivedAt));
    } finally {
      await answered;
    }
  });
  return composer;
}
