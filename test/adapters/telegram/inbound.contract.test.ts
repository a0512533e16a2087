// The Telegram adapter through the inbound contract, both ways updates come in: handed to the bot
// (bot.handleUpdate, as the long poller does) and POSTed to the webhook with its secret. Updates are
// built as Telegram sends them: an invite link opened is "/start <payload>" with a bot_command
// entity, a choice is a button press carrying the choice's callback data.
import { SECRET_HEADER, WEBHOOK_PATH } from "../../../src/adapters/telegram/webhook.ts";
import { createHttpServer, type HttpServer } from "../../../src/infra/http/server.ts";
import { memoryLogger } from "../../helpers/fakes.ts";
import { inboundContract, type Person } from "../inbound-contract.ts";
import { createKit, shown, type Kit } from "./kit.ts";

const SECRET = "inbound-contract_secret-0123456789";
/** Telegram user ids of the people in the contract (private chats: the chat id is the user id). */
const IDS: Record<string, number> = { an: 7001 };

for (const way of ["handleUpdate", "webhook"] as const) {
  inboundContract({
    name: `Telegram (${way})`,
    platform: "TELEGRAM",
    async create() {
      const kit: Kit = await createKit("sqlite", way === "webhook" ? { TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_SECRET: SECRET, PUBLIC_URL: "https://bot.example.org" } : {});
      let http: HttpServer | null = null;
      let port = 0;
      if (way === "webhook") {
        http = createHttpServer(memoryLogger());
        kit.adapter.mount(http);
        port = await http.listen(0, "127.0.0.1");
      }
      let nextUpdate = 900_000;
      let nextMessage = 1;
      let last: { p: Person; update: Record<string, unknown> } | null = null;
      const idOf = (p: Person) => IDS[p.key]!;
      const from = (p: Person) => ({ id: idOf(p), is_bot: false, first_name: p.name, language_code: "vi" });
      const chat = (p: Person) => ({ id: idOf(p), type: "private", first_name: p.name });
      const date = () => Math.floor(Date.now() / 1000);

      /** Delivers an update the way this run receives them; returns what the person was shown because of it. */
      async function deliver(p: Person, update: Record<string, unknown>): Promise<string[]> {
        last = { p, update };
        const before = kit.sentTo(idOf(p)).length;
        if (way === "webhook") {
          const res = await fetch(`http://127.0.0.1:${port}${WEBHOOK_PATH}`, {
            method: "POST",
            headers: { "content-type": "application/json", [SECRET_HEADER]: SECRET },
            body: JSON.stringify(update),
          });
          if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
          await kit.sender.drain();
          await kit.adapter.menus.settle();
        } else {
          await kit.update(update);
        }
        return kit.sentTo(idOf(p)).slice(before).map((call) => shown(String(call.payload.text ?? call.payload.caption ?? "")));
      }
      const message = (p: Person, body: Record<string, unknown>) => ({ update_id: nextUpdate++, message: { message_id: nextMessage++, date: date(), chat: chat(p), from: from(p), ...body } });
      const text = (p: Person, t: string) => {
        const command = /^\/\S+/.exec(t)?.[0];
        return deliver(p, message(p, { text: t, ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] } : {}) }));
      };

      return {
        core: kit.core,
        store: kit.store,
        now: () => kit.clock.now(),
        idsOf: (p) => ({ userId: String(idOf(p)), chatId: String(idOf(p)) }),
        carriesNames: true,
        type: text,
        async pick(p, label) {
          const withKeyboard = [...kit.sentTo(idOf(p))].reverse().find((c) => c.payload.reply_markup?.inline_keyboard);
          const button = (withKeyboard?.payload.reply_markup.inline_keyboard.flat() as Array<{ text: string; callback_data: string }> | undefined)?.find((b) => b.text === label);
          if (!button) throw new Error(`${p.key} has no button "${label}"`);
          return deliver(p, {
            update_id: nextUpdate++,
            callback_query: {
              id: `cb${nextMessage}`,
              from: from(p),
              chat_instance: `ci${idOf(p)}`,
              data: button.callback_data,
              message: { message_id: withKeyboard!.payload.message_id ?? nextMessage++, date: date(), chat: chat(p), text: "…" },
            },
          });
        },
        openInvite(p, code) {
          // Opening t.me/<bot>?start=<payload> makes the person's app send "/start <payload>".
          const payload = new URL(kit.adapter.inviteLink(code)!).searchParams.get("start");
          return text(p, `/start ${payload}`);
        },
        sendOther(p, kind) {
          const file = { file_id: `AgAC${nextMessage}`, file_unique_id: `AQAD${nextMessage}` };
          const body =
            kind === "sticker"
              ? { sticker: { ...file, type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "👍" } }
              : { photo: [{ ...file, width: 90, height: 90 }, { ...file, file_unique_id: `${file.file_unique_id}x`, width: 800, height: 800 }] };
          return deliver(p, message(p, body));
        },
        redeliverLast: () => deliver(last!.p, last!.update),
        async close() {
          await http?.close();
          await kit.close();
        },
      };
    },
  });
}
