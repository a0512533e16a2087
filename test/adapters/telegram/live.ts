// People talking to the bot through the local Bot API stand-in: an update goes into getUpdates (or a
// webhook POST) and the test waits for what the bot sends back to that chat.
import { createTestDb, type DbKind, type TestDb } from "../../helpers/db.ts";
import type { FakeTelegramApi } from "../../helpers/fake-telegram-api.ts";
import { shown } from "./kit.ts";

export type Sent = Record<string, any>;

export interface Person {
  id: number;
  firstName?: string;
  languageCode?: string;
}

export function talk(fake: FakeTelegramApi) {
  const text = (sent: Sent | undefined) => shown(String(sent?.text ?? ""));
  return {
    text,
    /** `who` types `message`; resolves with the first message the bot sends back. */
    async say(who: Person, message: string): Promise<Sent> {
      const reply = fake.nextSent(who.id);
      fake.push(fake.textUpdate(who.id, message, who));
      return reply;
    },
    /** `who` presses the button labelled `label` on the last keyboard they got. */
    async press(who: Person, label: string): Promise<Sent> {
      const withKeyboard = [...fake.sent(who.id)].reverse().find((s) => (s as Sent).reply_markup?.inline_keyboard) as Sent | undefined;
      const button = withKeyboard?.reply_markup.inline_keyboard.flat().find((b: { text: string }) => b.text === label);
      if (!button) throw new Error(`${who.id} has no button "${label}" (last: ${text(withKeyboard)})`);
      const reply = fake.nextSent(who.id);
      fake.push(fake.callbackUpdate(who.id, button.callback_data));
      return reply;
    },
  };
}

/** The environment of a bot process pointed at the stand-in, on a fresh database. */
export async function botEnv(fake: FakeTelegramApi, db: DbKind, operator: number, extra: Record<string, string> = {}): Promise<{ env: Record<string, string>; db: TestDb }> {
  const testDb = await createTestDb(db);
  return {
    db: testDb,
    env: {
      DATABASE_URL: testDb.url,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      BOT_ADMINS: `telegram:${operator}`,
      PORT: "0",
      LOG_LEVEL: "silent",
      // The stand-in has no limits; the sender's pacing is tested in the core.
      TELEGRAM_RATE_PER_SECOND: "1000",
      ...extra,
    },
  };
}
