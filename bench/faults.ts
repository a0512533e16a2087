// npm run bench:faults — the faults a trusted messaging system survives, on PostgreSQL, each counted
// at the Bot API stand-in (test/helpers/fake-telegram-api.ts) as messages lost, duplicated and
// delivered per (chat, text):
//   kill      kill -9 of the sending instance in the middle of a broadcast of reminders, then a restart;
//   outage    the Bot API answering 5xx, then not answering at all (timeouts), for FAULTS_OUTAGE_S;
//   postgres  PostgreSQL restarted mid-run (pg_ctlcluster … restart); the bot is not restarted;
//   two       two instances on one database, webhook mode: duplicates, and the most messages the
//             stand-in received in any one second against the account's limit;
//   twice     every update delivered to both of two instances at once: one state change each.
// The bot runs as its own process (`node --import tsx src/main.ts`, configured by environment only,
// the production node flags), each row on a fresh database that is dropped afterwards. Reminders are
// real: members with a meeting three days away, planned by the instances' own scheduler tick at start.
// See bench/README.md. Everything stops by itself (FAULTS_DEADLINE_S).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { generateCode } from "../src/core/domain/invites.ts";
import { sleep } from "../src/core/services/rate-limit.ts";
import { projectRoot } from "../src/infra/paths.ts";
import { createPrismaStore } from "../src/infra/prisma/store.ts";
import { createTestDb, type TestDb } from "../test/helpers/db.ts";
import { FakeTelegramApi, type ApiCall } from "../test/helpers/fake-telegram-api.ts";
import { PRODUCTION_ENV, PRODUCTION_NODE_ARGS, stopBot as stopProcess } from "./process.ts";

const MESSAGES = Number(process.env.FAULTS_MESSAGES ?? 10_000);
const OUTAGE_S = Number(process.env.FAULTS_OUTAGE_S ?? 120);
/** The sender's rate in the single-instance rows (the stand-in has no limit there). */
const SEND_RATE = Number(process.env.FAULTS_SEND_RATE ?? 500);
/** The bot account's limit in the two-instance row. */
const LIMIT = Number(process.env.FAULTS_LIMIT ?? 100);
/**
 * Each instance's TELEGRAM_RATE_PER_SECOND there, as a share of the limit: 0.95 as in
 * bench:broadcast (28.6 against 30); deployed, it is 25 against Telegram's ~30.
 */
const PACE = Number(process.env.FAULTS_PACE ?? 0.95);
/** Updates each delivered to both instances in the last row. */
const TWICE = Number(process.env.FAULTS_UPDATES ?? 500);
const ROWS = (process.env.FAULTS_ROWS ?? "kill,outage,postgres,two,twice").split(",").map((s) => s.trim());
/** How long a row may take to deliver everything after its fault before it counts the rest as lost. */
const SETTLE_S = Number(process.env.FAULTS_SETTLE_S ?? 900);
const DEADLINE_S = Number(process.env.FAULTS_DEADLINE_S ?? 60 * 60);
const PER_BRANCH = 50;
const SECRET = "faults-secret-0123456789";
const FIRST_CHAT = 1_000_000;
const CLUSTER = process.env.FAULTS_PG_CLUSTER ?? "main";

const deadline = setTimeout(() => {
  console.error(`bench: stopped after ${DEADLINE_S} s`);
  process.exit(2);
}, DEADLINE_S * 1000);
deadline.unref();

const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

interface Row {
  fault: string;
  expected: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** The most duplicates allowed (messages in flight at the fault), or 0. */
  bound: number;
  /** What else the row shows. */
  notes: string;
  ok: boolean;
}

// ── the bot as a process ───────────────────────────────────────────────────────────────────────

/** Bot processes still running: killed if the bench ends early, so nothing is left listening. */
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

interface Instance {
  child: ChildProcess;
  /** Its INSTANCE_NAME: the holder of its send leases and the owner of its outbox claims. */
  name: string;
  pid: number;
  port: number;
  /** The last lines it logged (for an error message). */
  tail(): string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** Starts `src/main.ts` in webhook mode against the stand-in; resolves once it answers /healthz. */
let started = 0;

async function startBot(name: string, db: TestDb, fake: FakeTelegramApi, env: Record<string, string> = {}, opts: { healthy?: boolean } = {}): Promise<Instance> {
  const port = await freePort();
  // A restart is another instance: a name of its own, as a new container or process would have.
  const instanceName = `faults-${name}-${process.pid}-${++started}`;
  const { PATH, HOME } = process.env;
  const child = spawn(process.execPath, [...PRODUCTION_NODE_ARGS, "--import", "tsx", "src/main.ts"], {
    cwd: projectRoot,
    env: {
      PATH,
      HOME,
      ...PRODUCTION_ENV,
      DATABASE_URL: db.url,
      TELEGRAM_BOT_TOKEN: fake.token,
      // Its own path prefix: the stand-in tells the instances apart by it.
      TELEGRAM_API_ROOT: `${fake.apiRoot}/${name}`,
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      // Only registered with the stand-in; nothing calls it.
      PUBLIC_URL: "http://127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? "warn",
      INSTANCE_NAME: instanceName,
      TELEGRAM_RATE_PER_SECOND: String(SEND_RATE),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
    lines.push(chunk.toString("utf8"));
    if (lines.length > 50) lines.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const tail = () => lines.join("").slice(-3000);
  // The rows that hurt an instance mid-broadcast watch the stand-in instead: it starts sending at once.
  if (opts.healthy === false) return { child, name: instanceName, pid: child.pid!, port, tail };
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}):\n${tail()}`);
    if (Date.now() > until) throw new Error(`${name} did not start within 120 s:\n${tail()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      await res.body?.cancel();
      // Listening comes before the first tick; "bot started" after the adapters. 200 once the tick ran.
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return { child, name: instanceName, pid: child.pid!, port, tail };
}

function stopBot(i: Instance): Promise<void> {
  return stopProcess(i.child, 30_000);
}

async function kill9(i: Instance): Promise<void> {
  const exited = new Promise<void>((resolve) => i.child.once("exit", () => resolve()));
  i.child.kill("SIGKILL");
  await exited;
}

const alive = (i: Instance) => i.child.exitCode === null && i.child.signalCode === null;

// ── the database ───────────────────────────────────────────────────────────────────────────────

/** One query on a connection of its own: it works again as soon as the server does. */
async function query<T extends pg.QueryResultRow>(db: TestDb, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: db.url });
  try {
    await c.connect();
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end().catch(() => {});
  }
}

/**
 * `count` members, each with a Telegram chat, in branches of 50 whose meeting is three days away:
 * the three-day reminder of every one of them came due a minute ago.
 */
async function seedReminders(db: TestDb, count: number): Promise<void> {
  const store = await createPrismaStore(db.url);
  try {
    const startsAt = new Date(Date.now() + 3 * 86_400_000 - 60_000);
    const branches = Math.ceil(count / PER_BRANCH);
    for (let b0 = 0; b0 < branches; b0 += 100) {
      const ids = Array.from({ length: Math.min(100, branches - b0) }, (_, i) => b0 + i);
      // No quiet hours: the bench must not depend on the hour it runs at.
      await store.db.branch.createMany({ data: ids.map((b) => ({ id: `b${b}`, name: `Chi bộ ${b + 1}`, quietStart: 0, quietEnd: 0 })) });
      await store.db.meeting.createMany({ data: ids.map((b) => ({ id: `m${b}`, branchId: `b${b}`, occurrence: "2026-12", startsAt, place: "Hội trường", topic: "Sinh hoạt chi bộ định kỳ" })) });
      const members = ids.flatMap((b) =>
        Array.from({ length: Math.max(0, Math.min(PER_BRANCH, count - b * PER_BRANCH)) }, (_, j) => {
          const n = b * PER_BRANCH + j;
          return { id: `p${n}`, branchId: `b${b}`, fullName: `Đảng viên ${n}`, consentAt: new Date(), preferredPlatform: "TELEGRAM" as const };
        }),
      );
      await store.db.member.createMany({ data: members });
      await store.db.identity.createMany({
        data: members.map((m) => {
          const chat = String(FIRST_CHAT + Number(m.id.slice(1)));
          return { platform: "TELEGRAM" as const, botAccountId: "default-telegram", userId: chat, chatId: chat, memberId: m.id, lastSeenAt: new Date() };
        }),
      });
    }
  } finally {
    await store.close();
  }
}

/** Reminder rows queued, and those not yet sent. */
async function reminderRows(db: TestDb): Promise<{ total: number; open: number }> {
  const [r] = await query<{ total: string; open: string }>(db, `SELECT count(*) AS total, count(*) FILTER (WHERE "status" <> 'SENT') AS open FROM "Outbox" WHERE "key" LIKE 'reminder:%'`);
  return { total: Number(r?.total ?? 0), open: Number(r?.open ?? 0) };
}

/** The chats of rows an instance has claimed and not recorded as sent: what it may have sent without a record. */
async function claimedBy(db: TestDb, owner: string): Promise<string[]> {
  const rows = await query<{ chatId: string }>(db, `SELECT "chatId" FROM "Outbox" WHERE "status" = 'PENDING' AND "claimedBy" = $1`, [owner]);
  return rows.map((r) => r.chatId);
}

/** Rows claimed by anyone and not recorded as sent. */
async function claimedByAnyone(db: TestDb): Promise<number> {
  const [r] = await query<{ n: string }>(db, `SELECT count(*) AS n FROM "Outbox" WHERE "status" = 'PENDING' AND "claimedBy" IS NOT NULL`);
  return Number(r?.n ?? 0);
}

// ── counting at the stand-in ───────────────────────────────────────────────────────────────────

const reminderChats = (count: number) => new Set(Array.from({ length: count }, (_, i) => String(FIRST_CHAT + i)));

/** Messages the stand-in accepted per (chat, text), for the chats that expect exactly one. */
function tally(fake: FakeTelegramApi, chats: Set<string>): { delivered: number; lost: number; duplicated: number; total: number } {
  const perChat = new Map<string, Map<string, number>>();
  let total = 0;
  for (const c of fake.calls) {
    if (c.method !== "sendMessage") continue;
    const chat = String(c.payload.chat_id);
    if (!chats.has(chat)) continue;
    total++;
    const texts = perChat.get(chat) ?? new Map<string, number>();
    texts.set(String(c.payload.text), (texts.get(String(c.payload.text)) ?? 0) + 1);
    perChat.set(chat, texts);
  }
  let delivered = 0;
  let duplicated = 0;
  for (const texts of perChat.values()) {
    delivered += texts.size;
    for (const n of texts.values()) duplicated += n - 1;
  }
  // One message is expected per chat: a chat with none lost it.
  return { delivered, lost: chats.size - perChat.size, duplicated, total };
}

const sentCount = (fake: FakeTelegramApi) => fake.calls.reduce((n, c) => n + (c.method === "sendMessage" ? 1 : 0), 0);

/** Waits until every reminder row is queued and sent, or SETTLE_S passed; answers the seconds it took. */
async function settle(db: TestDb, expected: number, instances: Instance[]): Promise<number> {
  const t = performance.now();
  const until = Date.now() + SETTLE_S * 1000;
  let last = "";
  for (;;) {
    try {
      const rows = await reminderRows(db);
      if (rows.total >= expected && rows.open === 0) break;
      const now = `${rows.total - rows.open}/${expected} sent`;
      if (now !== last && Math.round((performance.now() - t) / 1000) % 15 === 0) log(`  … ${now}`);
      last = now;
    } catch {
      // the database is away (restarting)
    }
    for (const i of instances) if (!alive(i)) throw new Error(`an instance died:\n${i.tail()}`);
    if (Date.now() > until) break;
    await sleep(1000);
  }
  // A message sent just now and recorded later would still arrive: give the last ones a moment.
  await sleep(2000);
  return (performance.now() - t) / 1000;
}

async function waitForSent(fake: FakeTelegramApi, n: number, instance: Instance): Promise<void> {
  const until = Date.now() + SETTLE_S * 1000;
  while (sentCount(fake) < n) {
    if (!alive(instance)) throw new Error(`the instance died:\n${instance.tail()}`);
    if (Date.now() > until) throw new Error(`fewer than ${n} messages sent within ${SETTLE_S} s`);
    await sleep(20);
  }
}

/** A fresh database and stand-in for one row, both removed afterwards whatever happens. */
async function withRig<T>(fn: (db: TestDb, fake: FakeTelegramApi, instances: Instance[]) => Promise<T>): Promise<T> {
  const db = await createTestDb("postgres");
  const fake = await new FakeTelegramApi().start();
  const instances: Instance[] = [];
  try {
    return await fn(db, fake, instances);
  } finally {
    for (const i of instances) await stopBot(i).catch(() => {});
    await fake.stop();
    await db.drop().catch((err: unknown) => console.error("could not drop the row's database:", err));
  }
}

function rowOf(fault: string, expected: number, t: ReturnType<typeof tally>, bound: number, notes: string, extraOk = true): Row {
  return { fault, expected, delivered: t.delivered, lost: t.lost, duplicated: t.duplicated, bound, notes, ok: t.lost === 0 && t.duplicated <= bound && extraOk };
}

// ── the rows ───────────────────────────────────────────────────────────────────────────────────

async function killRow(): Promise<Row> {
  return withRig(async (db, fake, instances) => {
    await seedReminders(db, MESSAGES);
    const chats = reminderChats(MESSAGES);
    const first = await startBot("a", db, fake, {}, { healthy: false });
    instances.push(first);
    log(`kill: instance ${first.pid} planning and sending ${MESSAGES} reminders at ${SEND_RATE}/s`);
    await waitForSent(fake, Math.floor(MESSAGES / 2), first);
    await kill9(first);
    const atKill = sentCount(fake);
    // Claimed and not recorded as sent: sent or about to be, at the kill. Nothing else can come twice.
    const claimed = await claimedBy(db, first.name);
    const inFlight = claimed.length;
    // Of those, the ones the stand-in already has: exactly what the restart will send again.
    const reached = new Set(fake.sent().map((p) => String(p.chat_id)));
    const unrecorded = claimed.filter((c) => reached.has(c)).length;
    log(`kill: kill -9 after ${atKill} messages; ${inFlight} claimed and not recorded as sent, ${unrecorded} of them already delivered`);
    const second = await startBot("b", db, fake);
    instances.push(second);
    log(`kill: restarted as ${second.pid}`);
    const seconds = await settle(db, MESSAGES, [second]);
    const t = tally(fake, chats);
    return rowOf(
      "kill -9 of the sending instance mid-broadcast, restart",
      MESSAGES,
      t,
      inFlight,
      `killed after ${atKill} sent; at the kill ${inFlight} claimed and not recorded as sent, ${unrecorded} of them delivered already; all delivered ${seconds.toFixed(0)} s after the restart`,
    );
  });
}

async function outageRow(): Promise<Row> {
  return withRig(async (db, fake, instances) => {
    await seedReminders(db, MESSAGES);
    const chats = reminderChats(MESSAGES);
    // The outage begins with the send after the first tenth went through: first half 5xx answers,
    // second half no answer at all, the connection held open (a timeout), then back.
    const from = Math.floor(MESSAGES / 10);
    const half = (OUTAGE_S * 1000) / 2;
    const statuses = [500, 502, 503, 504];
    let started = 0;
    let answered5xx = 0;
    let hung = 0;
    fake.fail = (method) => {
      if (method !== "sendMessage") return null;
      if (!started) {
        if (sentCount(fake) < from) return null;
        started = Date.now();
      }
      if (Date.now() - started < half) return { status: statuses[answered5xx++ % statuses.length]!, description: "Internal Server Error" };
      hung++;
      return "hang";
    };
    const bot = await startBot("a", db, fake, {}, { healthy: false });
    instances.push(bot);
    while (!started) {
      if (!alive(bot)) throw new Error(`the instance died:\n${bot.tail()}`);
      await sleep(20);
    }
    log(`outage: the Bot API fails after ${sentCount(fake)} messages, for ${OUTAGE_S} s`);
    await sleep(started + OUTAGE_S * 1000 - Date.now());
    fake.fail = null;
    const dropped = fake.releaseHung();
    log(`outage: back (${answered5xx} answered 5xx, ${hung} not answered, ${dropped} of them still open and dropped)`);
    const seconds = await settle(db, MESSAGES, instances);
    const t = tally(fake, chats);
    return rowOf(`Bot API 5xx (${OUTAGE_S / 2} s), then no answer (${OUTAGE_S / 2} s), then back`, MESSAGES, t, 0, `${answered5xx} calls answered 5xx, ${hung} left unanswered; all delivered ${seconds.toFixed(0)} s after it came back; same process throughout: ${alive(bot) ? "yes" : "NO"}`, alive(bot));
  });
}

function pgRestart(): { ok: boolean; seconds: number; output: string } {
  const version = spawnSync("ls", ["/etc/postgresql"], { encoding: "utf8" }).stdout.trim().split("\n")[0] ?? "";
  const t = performance.now();
  const r = spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, CLUSTER, "restart"], { encoding: "utf8" });
  return { ok: r.status === 0, seconds: (performance.now() - t) / 1000, output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error?.message ?? ""}` };
}

/** Starts the cluster if it is not running (after a restart that failed half way). */
function ensurePgRunning(): void {
  const version = spawnSync("ls", ["/etc/postgresql"], { encoding: "utf8" }).stdout.trim().split("\n")[0] ?? "";
  const status = spawnSync("pg_ctlcluster", [version, CLUSTER, "status"], { encoding: "utf8" });
  if (status.status === 0) return;
  console.error("PostgreSQL is not running after the restart: starting it");
  spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, CLUSTER, "start"], { stdio: "inherit" });
}

async function postgresRow(): Promise<Row> {
  return withRig(async (db, fake, instances) => {
    await seedReminders(db, MESSAGES);
    const chats = reminderChats(MESSAGES);
    const bot = await startBot("a", db, fake, {}, { healthy: false });
    instances.push(bot);
    await waitForSent(fake, Math.floor(MESSAGES * 0.3), bot);
    const inFlight = await claimedByAnyone(db);
    const before = sentCount(fake);
    let restart: ReturnType<typeof pgRestart>;
    try {
      restart = pgRestart();
    } finally {
      ensurePgRunning();
    }
    if (!restart.ok) throw new Error(`pg_ctlcluster restart failed: ${restart.output}`);
    log(`postgres: restarted in ${restart.seconds.toFixed(1)} s after ${before} messages (${inFlight} claimed and not recorded just before)`);
    const seconds = await settle(db, MESSAGES, instances);
    const t = tally(fake, chats);
    return rowOf(
      "PostgreSQL restarted mid-run (pg_ctlcluster restart)",
      MESSAGES,
      t,
      inFlight,
      `restart took ${restart.seconds.toFixed(1)} s, after ${before} sent; all delivered ${seconds.toFixed(0)} s later; same process throughout: ${alive(bot) ? "yes" : "NO"}`,
      alive(bot),
    );
  });
}

/** The most messages the stand-in accepted in one calendar second, and the seconds above `limit`. */
function perSecond(calls: ApiCall[], limit: number): { max: number; over: number; byVia: Map<string, number> } {
  const seconds = new Map<number, number>();
  const byVia = new Map<string, number>();
  for (const c of calls) {
    if (c.method !== "sendMessage") continue;
    const s = Math.floor(c.at / 1000);
    seconds.set(s, (seconds.get(s) ?? 0) + 1);
    byVia.set(c.via ?? "?", (byVia.get(c.via ?? "?") ?? 0) + 1);
  }
  const counts = [...seconds.values()];
  return { max: Math.max(0, ...counts), over: counts.filter((n) => n > limit).length, byVia };
}

async function twoRow(): Promise<Row> {
  return withRig(async (db, fake, instances) => {
    await seedReminders(db, MESSAGES);
    const chats = reminderChats(MESSAGES);
    // Each instance paced under the account's limit, as one instance is in bench:broadcast.
    const env = { TELEGRAM_RATE_PER_SECOND: String(Math.round(LIMIT * PACE * 10) / 10) };
    const both = await Promise.all([startBot("a", db, fake, env), startBot("b", db, fake, env)]);
    instances.push(...both);
    log(`two: instances ${both.map((i) => i.pid).join(" and ")} on one database, account limit ${LIMIT}/s`);
    const seconds = await settle(db, MESSAGES, instances);
    const t = tally(fake, chats);
    const rate = perSecond(fake.calls, LIMIT);
    const split = [...rate.byVia].map(([via, n]) => `${via}: ${n}`).join(", ");
    return rowOf(
      `two instances, one database, webhook mode, limit ${LIMIT}/s, each paced at ${Math.round(LIMIT * PACE * 10) / 10}/s`,
      MESSAGES,
      t,
      0,
      `max ${rate.max} in one second; ${rate.over} seconds above ${LIMIT}; sent by instance ${split}; ${seconds.toFixed(0)} s`,
      rate.over === 0,
    );
  });
}

async function twiceRow(): Promise<Row> {
  return withRig(async (db, fake, instances) => {
    // A branch and one single-use invite per person: a second handling of /start would answer again.
    const store = await createPrismaStore(db.url);
    const users = Array.from({ length: TWICE }, (_, i) => FIRST_CHAT + i);
    const codes = new Map(users.map((u) => [u, generateCode()]));
    try {
      await store.tx(async (tx) => {
        const branch = await tx.branches.create({ name: "Chi bộ Khu phố 7", timezone: "Asia/Ho_Chi_Minh", locale: "vi" });
        const expiresAt = new Date(Date.now() + 86_400_000);
        for (const code of codes.values()) await tx.invites.create({ branchId: branch.id, code, grantsSecretary: false, grantsAdmin: false, maxUses: 1, expiresAt, createdById: null });
      });
    } finally {
      await store.close();
    }
    const both = await Promise.all([startBot("a", db, fake), startBot("b", db, fake)]);
    instances.push(...both);
    log(`twice: ${TWICE} updates, each POSTed to both instances at once`);
    let refused = 0;
    const post = async (port: number, body: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body });
      await res.body?.cancel();
      if (res.status !== 200) refused++;
    };
    for (let i = 0; i < users.length; i += 16) {
      await Promise.all(
        users.slice(i, i + 16).map((u, j) => {
          const body = JSON.stringify({ update_id: 500_000 + i + j, ...fake.textUpdate(u, `/start ${codes.get(u)}`) });
          return Promise.all([post(both[0]!.port, body), post(both[1]!.port, body)]);
        }),
      );
    }
    const chats = new Set(users.map(String));
    // Every chat answered, nothing left to send; then a moment for a second answer that should not come.
    const until = Date.now() + 120_000;
    while (tally(fake, chats).lost > 0 && Date.now() < until) await sleep(200);
    await sleep(3000);
    const t = tally(fake, chats);
    const [processed] = await query<{ n: string }>(db, `SELECT count(*) AS n FROM "ProcessedUpdate" WHERE "platform" = 'TELEGRAM'`);
    const [flows] = await query<{ n: string }>(db, `SELECT count(*) AS n FROM "FlowState"`);
    return {
      fault: "the same update delivered to two instances at once",
      expected: TWICE,
      delivered: t.delivered,
      lost: t.lost,
      duplicated: t.duplicated,
      bound: 0,
      notes: `${TWICE * 2} webhook calls (${refused} not answered 200); ${processed?.n} updates recorded, ${flows?.n} conversations started, ${t.total} replies`,
      ok: t.lost === 0 && t.duplicated === 0 && Number(processed?.n) === TWICE && Number(flows?.n) === TWICE && refused === 0,
    };
  });
}

const ALL: Record<string, () => Promise<Row>> = { kill: killRow, outage: outageRow, postgres: postgresRow, two: twoRow, twice: twiceRow };

async function main(): Promise<void> {
  const rows: Row[] = [];
  const started = performance.now();
  for (const name of ROWS) {
    const run = ALL[name];
    if (!run) throw new Error(`no row "${name}" (FAULTS_ROWS: ${Object.keys(ALL).join(",")})`);
    const t = performance.now();
    log(`${name}: start`);
    try {
      rows.push(await run());
    } catch (err) {
      console.error(err);
      rows.push({ fault: name, expected: 0, delivered: 0, lost: 0, duplicated: 0, bound: 0, notes: `FAILED: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`, ok: false });
    }
    log(`${name}: done in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
  console.log("");
  console.log(`Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), ${mb(totalmem())} RAM, Node ${process.version}; PostgreSQL on 127.0.0.1`);
  console.log(`Workload: ${MESSAGES} reminders per row (FAULTS_MESSAGES); outage ${OUTAGE_S} s (FAULTS_OUTAGE_S); sender ${SEND_RATE}/s alone (FAULTS_SEND_RATE); account limit ${LIMIT}/s with two instances (FAULTS_LIMIT); ${TWICE} updates twice (FAULTS_UPDATES); ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
  console.log("");
  console.log("| fault | expected | delivered | lost | duplicated | duplicates allowed (in flight at the fault) | ok | notes |");
  console.log("|---|---:|---:|---:|---:|---:|---|---|");
  for (const r of rows) console.log(`| ${r.fault} | ${r.expected} | ${r.delivered} | ${r.lost} | ${r.duplicated} | ${r.bound} | ${r.ok ? "yes" : "NO"} | ${r.notes} |`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
