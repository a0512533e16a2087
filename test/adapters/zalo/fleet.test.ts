// Two Zalo bots on one deployment, through the real composition root: no ZALO_BOT_TOKEN, the bots
// stored in the database (tokens sealed with SECRET_KEY), each on its own webhook path with its own
// secret. Two branches, each served by its bot; the same Zalo user id through both bots is two
// people; a forged secret on one bot's path changes nothing; a 429 storm on one bot leaves the other
// untouched; the tokens cannot be read in the database; everything still works after a restart.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../src/app.ts";
import { createBotAdmin } from "../../../src/bot-admin.ts";
import { loadConfig, type Config } from "../../../src/config.ts";
import { createBotRegistry } from "../../../src/infra/bots/registry.ts";
import { parseSecretKey } from "../../../src/infra/bots/secret-box.ts";
import { createPrismaStore } from "../../../src/infra/prisma/store.ts";
import { createTestDb, DB_KINDS, type TestDb } from "../../helpers/db.ts";
import { FakeZaloApi, ZALO_ERRORS, type FakeZaloBot } from "../../helpers/fake-zalo-api.ts";
import { freePort } from "../../helpers/loopback.ts";
import { sayTo } from "../../helpers/zalo-app.ts";
import { daytimeClock } from "../../helpers/daytime-clock.ts";

const SECRET_KEY = Buffer.alloc(32, 7).toString("base64");
const OP = { id: "op", name: "Người vận hành" };
const LAN = { id: "lan", name: "Nguyễn Thị Lan" };
const MINH = { id: "minh", name: "Trần Văn Minh" };
const HOA = { id: "u-common", name: "Hoa" };

describe.each(DB_KINDS)("two Zalo bots on one deployment (%s)", (kind) => {
  let db: TestDb;
  let fake: FakeZaloApi;
  let botA: FakeZaloBot;
  let botB: FakeZaloBot;
  let config: Config;
  let app: App;
  let idA: string;
  let idB: string;
  const codes: Record<string, string> = {};

  const say = (bot: FakeZaloBot, user: { id: string; name: string }, text: string) => sayTo(app, bot, user, text);

  const codeIn = (texts: string[]) => /Mã mời: ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(texts.join("\n"))?.[1] ?? "";

  async function start(): Promise<App> {
    const a = await createApp({ config, logger: pino({ level: "silent" }), clock: daytimeClock() });
    await a.start();
    return a;
  }

  beforeAll(async () => {
    fake = await new FakeZaloApi().start();
    botA = fake.addBot();
    botB = fake.addBot();
    db = await createTestDb(kind);
    const port = await freePort();
    config = loadConfig({
      DATABASE_URL: db.url,
      ZALO_API_ROOT: fake.apiRoot,
      SECRET_KEY,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      BOT_ADMINS: `zalo:${OP.id}`,
      // People here answer faster than anyone on a phone: no pause of a second between replies.
      ZALO_CHAT_RATE_PER_SECOND: "100",
    });
    // The operator registers both bots, as `npm run bots -- add zalo` does.
    const store = await createPrismaStore(db.url);
    const admin = createBotAdmin({ registry: createBotRegistry(store.db, parseSecretKey(SECRET_KEY)), zaloApiRoot: fake.apiRoot, publicUrl: config.PUBLIC_URL! });
    const a = await admin.add({ platform: "ZALO", label: "Bot Khu phố 3", token: botA.token, branchId: null });
    const b = await admin.add({ platform: "ZALO", label: "Bot Tổ dân phố 7", token: botB.token, branchId: null });
    if (!a.ok || !b.ok) throw new Error("could not add the bots");
    idA = a.account.id;
    idB = b.account.id;
    await store.close();
    app = await start();
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await db?.drop();
  });

  it("each bot registers its own webhook path with its own secret", () => {
    expect(botA.webhook?.url).toBe(`${config.PUBLIC_URL}/zalo/${idA}/webhook`);
    expect(botB.webhook?.url).toBe(`${config.PUBLIC_URL}/zalo/${idB}/webhook`);
    expect(botA.webhook?.secret).toHaveLength(43);
    expect(botA.webhook?.secret).not.toBe(botB.webhook?.secret);
  });

  it("the operator creates two branches and gives each its own bot", async () => {
    await say(botA, OP, "/taochibo");
    await say(botA, OP, "Chi bộ Khu phố 3");
    const created = await say(botA, OP, "1");
    codes.lan = codeIn(created);
    expect(created.join("\n")).toContain("Trên Zalo: mở bot “Bot Khu phố 3” rồi gửi mã");
    // The invite as a QR code too, by photo URL with its caption.
    const qr = botA.calls.filter((c) => c.method === "sendPhoto" && c.payload.chat_id === OP.id);
    expect(qr).toHaveLength(1);
    expect(String(qr[0]!.payload.caption)).toContain("Mã QR mời vào Chi bộ Khu phố 3");
    expect(String(qr[0]!.payload.photo)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\?k=/);

    await say(botA, OP, "/kenh");
    await say(botA, OP, "1"); // Bot Khu phố 3
    await say(botA, OP, "Giao cho chi bộ");
    expect((await say(botA, OP, "khu pho 3")).join("\n")).toContain("Đã giao bot “Bot Khu phố 3” cho Chi bộ Khu phố 3");
    await say(botA, OP, "/huy");

    await say(botA, OP, "/taochibo");
    await say(botA, OP, "Chi bộ Tổ dân phố 7");
    const second = await say(botA, OP, "1");
    codes.minh = codeIn(second);
    // Bot Khu phố 3 now serves its own branch: the new branch's first invite goes to the other bot.
    expect(second.join("\n")).toContain("Trên Zalo: mở bot “Bot Tổ dân phố 7” rồi gửi mã");
    await say(botA, OP, "/kenh");
    await say(botA, OP, "2");
    await say(botA, OP, "1");
    expect((await say(botA, OP, "Tổ dân phố 7")).join("\n")).toContain("cho Chi bộ Tổ dân phố 7");
    await say(botA, OP, "thoát");
  });

  it("a code typed to the wrong bot says which bot it belongs to, and counts no wrong guess", async () => {
    const texts = await say(botA, MINH, `start ${codes.minh}`);
    expect(texts.join("\n")).toContain("Mã mời này dùng cho bot Zalo khác của chi bộ. Vui lòng mở bot “Bot Tổ dân phố 7”");
    const identity = await app.store.db.identity.findUniqueOrThrow({ where: { botAccountId_userId: { botAccountId: idA, userId: MINH.id } } });
    expect(identity.failedCodes).toBe(0);
  });

  it("each branch's secretary joins through its own bot", async () => {
    for (const [bot, person, code, name] of [
      [botA, LAN, codes.lan, "Nguyễn Thị Lan"],
      [botB, MINH, codes.minh, "Trần Văn Minh"],
    ] as const) {
      await say(bot, person, `start ${code}`);
      await say(bot, person, name);
      await say(bot, person, "1");
      expect((await say(bot, person, "1")).join("\n")).toContain("Chào mừng đồng chí");
    }
  });

  it("the same Zalo user id through two bots is two people, each seeing only their own branch", async () => {
    await say(botA, LAN, "/moi");
    await say(botA, LAN, "Đảng viên");
    await say(botA, LAN, "7 ngày");
    await say(botA, LAN, "1 lần");
    const x = codeIn(await say(botA, LAN, "Xác nhận"));
    await say(botA, HOA, `start ${x}`);
    await say(botA, HOA, "Đỗ Thị Hoa");
    await say(botA, HOA, "đồng ý");
    await say(botA, HOA, "có");

    // Through the other bot the same user id is a stranger until they join there too.
    expect((await say(botB, HOA, "xin chào")).join("\n")).toContain("Chào bạn! Đây là Trợ lý Chi bộ");
    await say(botB, MINH, "/moi");
    await say(botB, MINH, "1");
    await say(botB, MINH, "7 ngày");
    await say(botB, MINH, "1 lần");
    const y = codeIn(await say(botB, MINH, "1"));
    await say(botB, HOA, `start ${y}`);
    await say(botB, HOA, "Đỗ Thị Hoa");
    await say(botB, HOA, "1");
    await say(botB, HOA, "1");

    const identities = await app.store.db.identity.findMany({ where: { userId: HOA.id }, include: { member: { include: { branch: true } } }, orderBy: { botAccountId: "asc" } });
    expect(identities).toHaveLength(2);
    expect(new Set(identities.map((i) => i.memberId)).size).toBe(2);
    expect(identities.map((i) => [i.botAccountId, i.member?.branch.name]).sort()).toEqual(
      [
        [idA, "Chi bộ Khu phố 3"],
        [idB, "Chi bộ Tổ dân phố 7"],
      ].sort(),
    );
    expect((await say(botA, HOA, "/start")).join("\n")).toContain("Chi bộ Khu phố 3");
    expect((await say(botB, HOA, "/start")).join("\n")).toContain("Chi bộ Tổ dân phố 7");
    // And the replies to each went through its own bot only.
    expect(botA.sent(HOA.id).map((p) => p.text).join("\n")).not.toContain("Tổ dân phố 7");
  });

  it("a forged or wrong secret on bot B's path is refused and changes nothing", async () => {
    const before = { updates: await app.store.db.processedUpdate.count(), outbox: await app.store.db.outbox.count() };
    const forged = await botB.postWebhook(botB.textEvent(MINH, "/moi"), { secret: botA.webhook!.secret });
    expect(forged.status).toBe(403);
    expect((await botB.postWebhook(botB.textEvent(MINH, "/moi"), { secret: null })).status).toBe(403);
    const unknown = await fetch(`${config.PUBLIC_URL}/zalo/no-such-bot/webhook`, { method: "POST", headers: { "x-bot-api-secret-token": botB.webhook!.secret }, body: "{}" });
    expect(unknown.status).toBe(404);
    expect({ updates: await app.store.db.processedUpdate.count(), outbox: await app.store.db.outbox.count() }).toEqual(before);
  });

  it("a 429 storm on bot A leaves bot B's delivery untouched, and A catches up afterwards", async () => {
    botA.storm(ZALO_ERRORS.quota);
    const sentBefore = botA.sent(LAN.id).length;
    // Lan writes to A; her answer cannot go out while Zalo refuses A.
    const res = await botA.postWebhook(botA.textEvent(LAN, "/trogiup"));
    expect(res.status).toBe(200);
    await fake.waitFor(() => botA.stormHits > 0);
    // Meanwhile B serves its people at once, many times over.
    for (let i = 0; i < 5; i++) expect((await say(botB, MINH, "/hop")).length).toBeGreaterThan(0);
    expect(botA.sent(LAN.id).length).toBe(sentBefore);
    botA.storm(null);
    // Nothing was lost: A delivers Lan's answer once Zalo lets it (after its back-off).
    await fake.waitFor(() => botA.sent(LAN.id).length > sentBefore, 20_000);
    expect(botA.sent(LAN.id).slice(sentBefore).map((p) => p.text).join("\n")).toContain("Các lệnh");
  });

  it("the tokens cannot be read in the database", async () => {
    const rows = kind === "postgres" ? await app.store.db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "BotAccount"`) : await app.store.db.$queryRawUnsafe<unknown[]>(`SELECT * FROM BotAccount`);
    const dump = JSON.stringify(rows);
    for (const secret of [botA.token, botB.token, botA.token.split(":")[1]!, botB.token.split(":")[1]!, botA.webhook!.secret, botB.webhook!.secret]) {
      expect(dump).not.toContain(secret);
    }
    expect(dump).toContain('"tokenCipher":"v1.');
  });

  it("the bots and everyone on them come back after a restart", async () => {
    await app.stop();
    for (const bot of [botA, botB]) bot.webhook = null;
    app = await start();
    expect(botA.webhook?.url).toBe(`${config.PUBLIC_URL}/zalo/${idA}/webhook`);
    expect(botB.webhook?.url).toBe(`${config.PUBLIC_URL}/zalo/${idB}/webhook`);
    expect((await say(botA, HOA, "/start")).join("\n")).toContain("Chi bộ Khu phố 3");
    expect((await say(botB, HOA, "/start")).join("\n")).toContain("Chi bộ Tổ dân phố 7");
  });
});
