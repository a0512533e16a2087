// Groups and channels: the bot works with one person at a time, in a private chat, because answers
// about a member (absences, self-evaluations) must not be seen by others. In a group it answers a
// command, or being added, with a short pointer to the private chat, and otherwise keeps quiet.
// The pointer is a courtesy: where the bot may not post (403, no right to send), it is left unsaid
// and the update counts as handled, so such a group cannot hold up everyone else's updates.
import { Composer } from "grammy";
import type { BotContext, ComposerDeps } from "../context.ts";
import { localeFromHint } from "../events.ts";

export function privateOnlyComposer(deps: ComposerDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const notShared = composer.drop((ctx) => ctx.chat === undefined || ctx.chat.type === "private");

  const explain = async (ctx: BotContext) => {
    const locale = localeFromHint(ctx.from?.language_code) ?? deps.defaultLocale;
    const link = `https://t.me/${ctx.me.username}`;
    try {
      await ctx.reply(deps.t(locale, "telegram-private-only", { link }), { link_preview_options: { is_disabled: true } });
    } catch (err) {
      ctx.log.info({ err, chatId: ctx.chat?.id }, "could not post the pointer to the private chat in a shared chat");
    }
  };

  notShared.on("message::bot_command", async (ctx) => {
    // Only a command at the start of the message is addressed to a bot.
    if (ctx.message.entities?.some((e) => e.type === "bot_command" && e.offset === 0)) await explain(ctx);
  });
  notShared.on("my_chat_member", async (ctx) => {
    const now = ctx.myChatMember.new_chat_member.status;
    if (ctx.chat.type !== "channel" && (now === "member" || now === "administrator")) await explain(ctx);
  });
  notShared.on("callback_query", (ctx) => ctx.answerCallbackQuery().catch((err: unknown) => ctx.log.info({ err }, "could not answer a button press in a shared chat")));
  // Everything else said in a group is not for the bot.
  notShared.use((ctx) => ctx.log.debug({ chatType: ctx.chat?.type }, "update from a shared chat ignored"));
  return composer;
}
