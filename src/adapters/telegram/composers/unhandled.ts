// Last in the chain: updates no composer took (edited messages, a person blocking or unblocking the
// bot, reactions …). Nothing to answer; a blocked chat is noticed by the sender at its next message.
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";

export function unhandledComposer(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use((ctx) => {
    const kind = Object.keys(ctx.update).find((k) => k !== "update_id") ?? "unknown";
    ctx.log.debug({ kind }, "update not handled");
  });
  return composer;
}
