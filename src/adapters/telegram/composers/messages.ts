// Private messages. Text (commands included: the core reads "/cmd@bot args" itself) goes to the core
// as typed; anything it cannot read (stickers, photos, voice, files …) goes as `unsupported`, and the
// core answers that it only reads text.
import { Composer } from "grammy";
import type { BotContext, ComposerDeps } from "../context.ts";
import { messageKind, toEvent } from "../events.ts";

export function messagesComposer(deps: ComposerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const direct = composer.chatType("private");
  direct.on("message:text", (ctx) => deps.dispatch(toEvent(ctx.update, ctx.from, ctx.chat.id, { text: ctx.message.text }, ctx.receivedAt)));
  direct.on("message", (ctx) => deps.dispatch(toEvent(ctx.update, ctx.from, ctx.chat.id, { unsupported: messageKind(ctx.message) }, ctx.receivedAt)));
  return composer;
}
