// The bot as it is deployed: `node --import tsx src/main.ts` in its own process, configured only by
// the environment, polling the Bot API stand-in; it answers, and SIGTERM stops it cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../../src/infra/paths.ts";
import { DB_KINDS, type TestDb } from "../../helpers/db.ts";
import { FakeTelegramApi } from "../../helpers/fake-telegram-api.ts";
import { eventually } from "../../helpers/eventually.ts";
import { botEnv, talk } from "./live.ts";

const OPERATOR = { id: 6001, firstName: "Vận hành" };

describe.each(DB_KINDS)("the bot process on %s", (db) => {
  let fake: FakeTelegramApi;
  let testDb: TestDb;
  let child: ChildProcess;
  let stderr = "";
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  beforeAll(async () => {
    fake = await new FakeTelegramApi().start();
    const made = await botEnv(fake, db, OPERATOR.id, { LOG_LEVEL: "info" });
    testDb = made.db;
    const { PATH, HOME } = process.env;
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: projectRoot, env: { PATH, HOME, ...made.env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    exit = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    await eventually(() => stderr.includes('"msg":"bot started"'), "the bot to start", 30_000);
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    await fake.stop();
    await testDb.drop();
  });

  it("answers the operator and creates a branch", async () => {
    const chat = talk(fake);
    expect(chat.text(await chat.say(OPERATOR, "/taochibo Chi bộ Thôn Đông"))).toContain("Tên: Chi bộ Thôn Đông");
    expect(chat.text(await chat.press(OPERATOR, "Xác nhận"))).toMatch(/https:\/\/t\.me\/chibo_test_bot\?start=/);
    // The button is answered alongside the reply; wait for it rather than assume an order.
    await fake.waitFor(() => fake.callsTo("answerCallbackQuery").length > 0);
    expect(fake.callsTo("answerCallbackQuery")).toHaveLength(1);
  });

  it("stops cleanly on SIGTERM, confirming what it handled", async () => {
    child.kill("SIGTERM");
    const { code } = await exit;
    expect(code).toBe(0);
    expect(stderr).toContain('"msg":"bot stopped"');
    expect(stderr).not.toMatch(/"level":(50|60)/);
    // Nothing will be handed out again at the next start: every update was confirmed.
    expect(fake.unconfirmed).toBe(0);
  });
});
