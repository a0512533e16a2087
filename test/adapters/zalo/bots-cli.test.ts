// The operator's way to add a Zalo bot, end to end: `npm run bots -- add zalo` (the token on standard
// input) while the bot runs; the running bot starts the new one; the branch's admin makes an invite
// that goes to it; a member joins through it by typing the code and answers the reminder by typing.
// Also: the token never appears on the command line or in the output, and list/pause/check work.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.ts";
import { loadConfig, type Config } from "../../../src/config.ts";
import { createTestDb, DB_KINDS, type TestDb } from "../../helpers/db.ts";
import { FakeZaloApi, type FakeZaloBot } from "../../helpers/fake-zalo-api.ts";
import { freePort } from "../../helpers/loopback.ts";
import { outboxSettled, sayTo } from "../../helpers/zalo-app.ts";
import { daytimeClock } from "../../helpers/daytime-clock.ts";
import { run, type Ran } from "../../helpers/run.ts";

const SECRET_KEY = Buffer.alloc(32, 3).toString("hex");
const OP = { id: "op", name: "Người vận hành" };
const AN = { id: "an", name: "An" };
const TU = { id: "tu", name: "Tư" };

describe.each(DB_KINDS)("npm run bots (%s)", (kind) => {
  let db: TestDb;
  let fake: FakeZaloApi;
  let second: FakeZaloBot;
  let config: Config;
  let env: Record<string, string>;
  let app: App;
  const clock = daytimeClock();
  let secondId = "";

  /**
   * The command as the operator types it (`npm run bots -- …`) when `viaNpm`; otherwise its script
   * alone, which is the same program without npm's start and the client check (seconds each).
   */
  function bots(args: string[], input = "", viaNpm = false): Promise<Ran> {
    const [command, argv] = viaNpm ? ["npm", ["run", "--silent", "bots", "--", ...args]] : [process.execPath, ["--import", "tsx", "scripts/bots.ts", ...args]];
    return run(command as string, argv as string[], env, input);
  }

  const say = async (bot: FakeZaloBot, user: { id: string; name: string }, text: string) => (await sayTo(app, bot, user, text)).join("\n");

  beforeAll(async () => {
    fake = await new FakeZaloApi().start();
    second = fake.addBot();
    db = await createTestDb(kind);
    const port = await freePort();
    env = { DATABASE_URL: db.url, SECRET_KEY, ZALO_API_ROOT: fake.apiRoot, PUBLIC_URL: `http://127.0.0.1:${port}` };
    config = loadConfig({
      ...env,
      ZALO_BOT_TOKEN: fake.token,
      ZALO_MODE: "webhook",
      ZALO_WEBHOOK_SECRET: "secret-of-the-first-bot",
      PORT: String(port),
      BOT_ADMINS: `zalo:${OP.id}`,
      ZALO_CHAT_RATE_PER_SECOND: "100",
    });
    app = await createApp({ config, logger: pino({ level: "silent" }), clock });
    await app.start();
    // A branch on the deployment's first bot, with its secretary and admin.
    await say(fake, OP, "/taochibo");
    await say(fake, OP, "Chi bộ Khu phố 3");
    const code = /Mã mời: ([A-Z0-9-]{11})/.exec(await say(fake, OP, "1"))![1]!;
    await say(fake, AN, `start ${code}`);
    await say(fake, AN, "Nguyễn Văn An");
    await say(fake, AN, "1");
    await say(fake, AN, "1");
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await db?.drop();
  });

  it("refuses a token on the command line and a missing SECRET_KEY, storing nothing", async () => {
    const onLine = await bots(["add", "zalo", "--name", "Bot 2", "--token", second.token]);
    expect(onLine.code).toBe(2);
    expect(onLine.err).toContain("never from the command line");
    const saved = env.SECRET_KEY!;
    delete env.SECRET_KEY;
    const noKey = await bots(["add", "zalo", "--name", "Bot 2"], `${second.token}\n`);
    env.SECRET_KEY = saved;
    expect(noKey.code).toBe(1);
    expect(noKey.err).toContain("SECRET_KEY is not set");
    expect(await app.store.db.botAccount.count({ where: { tokenCipher: { not: null } } })).toBe(0);
  });

  it("adds the second bot for the branch from standard input and prints what to do next", async () => {
    const res = await bots(["add", "zalo", "--name", "Bot Chi bộ Khu phố 3", "--branch", "khu pho 3"], `${second.token}\n`, true);
    expect(res.code, res.err).toBe(0);
    secondId = /id: +(\S+)/.exec(res.out)![1]!;
    expect(res.out).toContain(`receives: webhook ${env.PUBLIC_URL}/zalo/${secondId}/webhook`);
    expect(res.out).toContain("branch:   Chi bộ Khu phố 3");
    expect(res.out).toContain("/moi");
    expect(res.out + res.err).not.toContain(second.token);
    // The running bot starts it within a few seconds and registers its webhook.
    await fake.waitFor(() => second.webhook?.url === `${env.PUBLIC_URL}/zalo/${secondId}/webhook`, 15_000);
    const again = await bots(["add", "zalo", "--name", "Again"], `${second.token}\n`);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`already registered, as ${secondId}`);
  });

  it("the admin's invite goes to the branch's new bot; a member joins there by typing the code and answers the reminder", async () => {
    await say(fake, AN, "/moi");
    await say(fake, AN, "1");
    await say(fake, AN, "7 ngày");
    await say(fake, AN, "10 lần");
    const created = await say(fake, AN, "có");
    expect(created).toContain("Trên Zalo: mở bot “Bot Chi bộ Khu phố 3” rồi gửi mã");
    const code = /Mã mời: ([A-Z0-9-]{11})/.exec(created)![1]!;

    expect(await say(second, TU, code.toLowerCase().replace("-", " "))).toContain("họ và tên");
    await say(second, TU, "Đặng Văn Tư");
    await say(second, TU, "đồng ý");
    expect(await say(second, TU, "1")).toContain("Chào mừng đồng chí");

    const branch = await app.store.db.branch.findFirstOrThrow();
    const meeting = await app.store.db.meeting.create({ data: { branchId: branch.id, occurrence: "2026-12", startsAt: new Date(clock.now().getTime() + 3 * 86_400_000 - 60_000), place: "Nhà văn hóa" } });
    await app.core.tick();
    await outboxSettled(app);
    expect(second.sent(TU.id).at(-1)?.text).toContain("Nhắc lịch sinh hoạt chi bộ");
    await say(second, TU, "1");
    expect(await app.store.db.rsvp.findFirst({ where: { meetingId: meeting.id } })).toMatchObject({ answer: "ATTEND" });
  });

  it("lists the bots with people and messages, pauses one, and checks a token", async () => {
    const list = await bots(["list"]);
    expect(list.code, list.err).toBe(0);
    const row = list.out.split("\n").find((l) => l.startsWith(secondId))!;
    expect(row).toMatch(/zalo\s+Bot Chi bộ Khu phố 3\s+active\s+webhook\s+1\+9\/50\s+\d+\/3000 \(\d\d\/\d{4}\)\s+Chi bộ Khu phố 3/);
    const check = await bots(["check", secondId]);
    expect(check.code, check.err).toBe(0);
    expect(check.out).toContain("the token works");
    const paused = await bots(["pause", secondId]);
    expect(paused.code).toBe(0);
    // The running bot stops it within a few seconds: its webhook answers 503 (Zalo delivers again later).
    const url = `${env.PUBLIC_URL}/zalo/${secondId}/webhook`;
    for (let i = 0; i < 200; i++) {
      const res = await fetch(url, { method: "POST", headers: { "x-bot-api-secret-token": second.webhook!.secret }, body: "{}" });
      if (res.status === 503) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await fetch(url, { method: "POST", headers: { "x-bot-api-secret-token": second.webhook!.secret }, body: "{}" })).status).toBe(503);
    expect((await bots(["resume", secondId])).code).toBe(0);
  });
});
