// The ceiling for bench/inbound.ts: a grammY bot with no database that answers every update at once,
// fed by the same webhook POSTs and talking to the same Bot API stand-in as the real bot. It replies
// with a keyboard so the load generator can walk its buttons the same way.
import { createServer } from "node:http";
import { Bot, webhookCallback } from "grammy";

const token = process.env.TELEGRAM_BOT_TOKEN!;
const secret = process.env.TELEGRAM_WEBHOOK_SECRET!;
const bot = new Bot(token, {
  client: { apiRoot: process.env.TELEGRAM_API_ROOT! },
  botInfo: { id: Number(token.split(":")[0]), is_bot: true, first_name: "Bare", username: "bare_bot" } as never,
});
const keyboard = { inline_keyboard: [[{ text: "Đồng ý", callback_data: "f:bare:yes" }, { text: "Xác nhận", callback_data: "f:bare:ok" }]] };

bot.on("callback_query:data", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.api.sendMessage(ctx.chat!.id, "ok", { reply_markup: keyboard });
});
bot.on("message:text", (ctx) => ctx.reply("ok", { reply_markup: keyboard }));
bot.catch((err) => process.stderr.write(`bare bot: ${String(err.error)}\n`));

const server = createServer(webhookCallback(bot, "http", { secretToken: secret }));
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ ready: true, port: typeof address === "object" ? address?.port : 0 })}\n`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
