// Two instances of the bot on one database, both in long-polling mode on the same Telegram bot:
// only the holder of the bot's send lease polls (Telegram answers a second poller with 409), and
// when it stops, the other takes the lease and polls in its place.
import { afterEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.ts";
import { loadConfig } from "../../../src/config.ts";
import { sleep } from "../../../src/core/services/rate-limit.ts";
import { DB_KINDS, type TestDb } from "../../helpers/db.ts";
import { daytimeClock } from "../../helpers/daytime-clock.ts";
import { FakeTelegramApi } from "../../helpers/fake-telegram-api.ts";
import { eventually } from "../../helpers/eventually.ts";
import { botEnv, talk, type Person } from "./live.ts";

const OPERATOR: Person = { id: 7101, firstName: "Vận hành" };

describe.each(DB_KINDS)("two instances polling one Telegram bot on %s", (db) => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  it("only the lease holder polls; when it stops, the other takes over and answers", async () => {
    const fake = await new FakeTelegramApi({ maxPollMs: 200 }).start();
    let testDb: TestDb;
    let env: Record<string, string>;
    ({ env, db: testDb } = await botEnv(fake, db, OPERATOR.id, { LEASE_TTL_SECONDS: "2", LEASE_RENEW_SECONDS: "0.5" }));
    closers.push(() => testDb.drop(), () => fake.stop());
    const open = async (name: string): Promise<App> => {
      const app = await createApp({ config: loadConfig({ ...env, INSTANCE_NAME: name, TELEGRAM_API_ROOT: `${fake.apiRoot}/${name}` }), clock: daytimeClock() });
      await app.start();
      return app;
    };
    const a = await open("a");
    const b = await open("b");
    let aRunning = true;
    closers.unshift(async () => {
      if (aRunning) await a.stop();
      await b.stop();
    });
    const chat = talk(fake);

    expect(chat.text(await chat.say(OPERATOR, "/trogiup"))).toContain("/taochibo");
    // Several lease rounds: the second instance keeps out.
    await sleep(1_500);
    expect(fake.polls.get("a") ?? 0).toBeGreaterThan(0);
    expect(fake.polls.get("b") ?? 0).toBe(0);

    await a.stop();
    aRunning = false;
    const pollsOfA = fake.polls.get("a");
    await eventually(() => (fake.polls.get("b") ?? 0) > 0, "the second instance to poll");
    expect(chat.text(await chat.say(OPERATOR, "/trogiup"))).toContain("/taochibo");
    expect(fake.polls.get("a")).toBe(pollsOfA);
  });
});
