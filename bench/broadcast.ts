// npm run bench:broadcast — 1,000 branches of 30 members (30,000 members, each with a Telegram chat),
// every branch's meeting three days away so that every reminder is due in the same minute.
// For each database it measures:
//   1. planning: the scheduler's reminder job finding and queueing all 30,000 reminders, and the same
//      job at the next tick, when everything is already queued (the cost of every later minute);
//   2. delivery at 30/s: the real outbox sender and the real Telegram messenger (grammY) against the
//      Bot API stand-in on 127.0.0.1 that accepts 30 messages/s and answers 429 above it, over a
//      bounded window (BENCH_WINDOW_S, 60 s): the steady rate, and the 429s after the first second;
//   3. the sender's raw rate: the rest of the 30,000 through a second stand-in with no limit, the
//      sender's limits off;
//   4. exactly once: every reminder key unique, every chat got exactly one message over 2 and 3.
// Peak RSS is sampled every 100 ms. Everything stops by itself (BENCH_DEADLINE_S, 15 min).
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { performance } from "node:perf_hooks";
import { Api } from "grammy";
import { createTelegramMessenger } from "../src/adapters/telegram/messenger.ts";
import { queueDueReminders } from "../src/core/features/meetings/reminders.ts";
import type { Logger } from "../src/core/ports/runtime.ts";
import type { PlatformLimit } from "../src/core/services/sender.ts";
import { sleep } from "../src/core/services/rate-limit.ts";
import { loadLocales } from "../src/infra/i18n/fluent.ts";
import { localesDir } from "../src/infra/paths.ts";
import { sqlitePath } from "../src/infra/prisma/migrate.ts";
import { createPrismaStore, type PrismaStore } from "../src/infra/prisma/store.ts";
import { createRenderer } from "../src/infra/render/renderer.ts";
import { wireApp, type SendingParts } from "../src/wire.ts";
import { createTestDb, PG_ADMIN_URL, type DbKind } from "../test/helpers/db.ts";
import { FakeTelegramApi } from "../test/helpers/fake-telegram-api.ts";

const BRANCHES = Number(process.env.BENCH_BRANCHES ?? 1000);
const PER_BRANCH = Number(process.env.BENCH_MEMBERS_PER_BRANCH ?? 30);
const TOTAL = BRANCHES * PER_BRANCH;
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 60);
const API_RATE = 30;
/** The sender's global Telegram rate (TELEGRAM_RATE_PER_SECOND) for the 30/s run. */
const SENDER_RATE = Number(process.env.BENCH_SENDER_RATE ?? 28.6);
const DBS = (process.env.BENCH_DBS ?? "sqlite,postgres").split(",") as DbKind[];
const DEADLINE_S = Number(process.env.BENCH_DEADLINE_S ?? 15 * 60);

const deadline = setTimeout(() => {
  console.error(`bench: stopped after ${DEADLINE_S} s`);
  process.exit(2);
}, DEADLINE_S * 1000);
deadline.unref();

let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
rssTimer.unref();
/** The kernel's own peak (VmHWM) where there is one; the sampled peak elsewhere. */
function peakRssBytes(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kb) return Math.max(peakRss, Number(kb) * 1024);
  } catch {
    // not Linux
  }
  return peakRss;
}

const rssMb = () => {
  const u = process.memoryUsage();
  const m = (b: number) => Math.round(b / 1048576);
  return `${m(u.rss)} MB (heap ${m(u.heapUsed)}/${m(u.heapTotal)}, external ${m(u.external)}, buffers ${m(u.arrayBuffers)})`;
};
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const clock = { now: () => new Date() };
const { translator } = loadLocales(localesDir);

interface Row {
  db: DbKind;
  planS: number;
  replanS: number;
  rate30: number;
  windowSent: number;
  late429: number;
  first429: number;
  rawRate: number;
  rawSent: number;
  exactlyOnce: string;
}

async function seed(store: PrismaStore): Promise<void> {
  const db = store.db;
  const startsAt = new Date(Date.now() + 3 * 86_400_000 - 60_000); // the three-day reminder came due a minute ago
  for (let b0 = 0; b0 < BRANCHES; b0 += 100) {
    const count = Math.min(100, BRANCHES - b0);
    // No quiet hours: the bench must not depend on the hour it runs at.
    await db.branch.createMany({ data: Array.from({ length: count }, (_, i) => ({ id: `b${b0 + i}`, name: `Chi bộ ${b0 + i + 1}`, quietStart: 0, quietEnd: 0 })) });
    await db.meeting.createMany({
      data: Array.from({ length: count }, (_, i) => ({ id: `m${b0 + i}`, branchId: `b${b0 + i}`, occurrence: "2026-12", startsAt, place: "Hội trường", topic: "Sinh hoạt chi bộ định kỳ" })),
    });
    const members = Array.from({ length: count * PER_BRANCH }, (_, j) => {
      const n = b0 * PER_BRANCH + j;
      return { id: `p${n}`, branchId: `b${b0 + Math.floor(j / PER_BRANCH)}`, fullName: `Đảng viên ${n}`, consentAt: new Date(), preferredPlatform: "TELEGRAM" as const };
    });
    await db.member.createMany({ data: members });
    await db.identity.createMany({
      data: members.map((m, j) => ({ platform: "TELEGRAM" as const, botAccountId: "default-telegram", userId: String(1_000_000 + b0 * PER_BRANCH + j), chatId: String(1_000_000 + b0 * PER_BRANCH + j), memberId: m.id, lastSeenAt: new Date() })),
    });
  }
}

/**
 * Creates, migrates and seeds the database in a child process, and answers its URL: neither the
 * seeding's garbage nor Prisma's migration engine (loaded once at start, never released) is then
 * counted in the memory of the process that measures the bot's work.
 */
function prepareInChild(kind: DbKind): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = [...process.execArgv.filter((a) => !a.startsWith("--max-old-space-size")), fileURLToPath(import.meta.url), "--prepare", kind];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const url = /^URL (\S+)$/m.exec(out)?.[1];
      return code === 0 && url ? resolve(url) : reject(new Error(`preparing the database failed (${code})`));
    });
  });
}

/** Removes a database the child made. */
async function dropDb(url: string): Promise<void> {
  if (url.startsWith("file:")) return rmSync(path.dirname(sqlitePath(url)), { recursive: true, force: true });
  const name = new URL(url).pathname.slice(1);
  if (!/^chibo_test_[a-z0-9_]+$/.test(name)) throw new Error(`not a benchmark database: ${name}`);
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

async function runOne(kind: DbKind): Promise<Row> {
  process.stdout.write(`${kind}: preparing ${BRANCHES} branches × ${PER_BRANCH} members… `);
  const prepStart = performance.now();
  const url = await prepareInChild(kind);
  console.log(`${((performance.now() - prepStart) / 1000).toFixed(1)} s; RSS ${rssMb()}`);
  const store = await createPrismaStore(url);
  const fakes: FakeTelegramApi[] = [];
  // The bot as wireApp builds it, sending through the real Telegram messenger to one stand-in.
  const messengerFor = (fake: FakeTelegramApi) => createTelegramMessenger(new Api(fake.token, { apiRoot: fake.apiRoot }));
  const wire = (fake: FakeTelegramApi, sending: SendingParts) =>
    wireApp({
      store,
      translator,
      clock,
      logger: silent,
      renderer: createRenderer(),
      links: { inviteLinks: () => [], platforms: () => ["TELEGRAM"] },
      settings: { operators: new Set(), defaultTimezone: "Asia/Ho_Chi_Minh", defaultLocale: "vi" },
      messengers: [messengerFor(fake)],
      sending,
    });
  const limit = (perSecond: number): Partial<Record<"TELEGRAM", Partial<PlatformLimit>>> => ({ TELEGRAM: { perSecond, perChatPerSecond: 1, chatBurst: 3 } });
  try {
    // The stand-in that allows 30/s, idle until step 2.
    const limited = await new FakeTelegramApi({ ratePerSecond: API_RATE }).start();
    fakes.push(limited);
    const { core, sender: slow } = await wire(limited, { owner: "bench-30", limits: limit(SENDER_RATE) });

    // 1. Planning.
    const job = () => queueDueReminders({ now: new Date(), store, messages: core.messages, render: core.services.render, log: silent });
    let t = performance.now();
    const planned = await job();
    const planS = (performance.now() - t) / 1000;
    t = performance.now();
    const again = await job();
    const replanS = (performance.now() - t) / 1000;
    if (planned.reminders !== TOTAL || again.reminders !== 0) throw new Error(`planned ${planned.reminders}, then ${again.reminders}`);
    console.log(`${kind}: planned ${planned.reminders} in ${planS.toFixed(2)} s; next tick ${replanS.toFixed(2)} s; RSS ${rssMb()}`);

    // 2. Delivery through the real sender and messenger, against the stand-in that allows 30/s.
    const started = performance.now();
    slow.start();
    await sleep(1000);
    const first429 = limited.rateLimited;
    await sleep((WINDOW_S + 1) * 1000);
    await slow.stop();
    // The steady rate: messages the stand-in accepted from the 2nd second to the end of the window.
    const from = Date.now() - (performance.now() - started) + 2000;
    const windowSent = limited.sent().length;
    const steady = limited.calls.filter((c) => c.method === "sendMessage" && c.at >= from && c.at < from + WINDOW_S * 1000).length;
    const rate30 = steady / WINDOW_S;
    const late429 = limited.rateLimited - first429;
    console.log(`${kind}: ${windowSent} sent at ${rate30.toFixed(1)}/s; 429: ${first429} in the first second, ${late429} after`);

    // 3. The rest with the limits off, through a stand-in with no limit.
    const open = await new FakeTelegramApi().start();
    fakes.push(open);
    const { sender: fast } = await wire(open, { owner: "bench-raw", limits: limit(1_000_000), concurrency: 32 });
    t = performance.now();
    for (let i = 0; i < 50; i++) {
      await fast.drain();
      const { pending } = await store.tx((tx) => tx.outbox.backlog(new Date()));
      if (pending === 0) break;
      await sleep(200); // a few items wait for a retry_after from the limited run
    }
    const rawS = (performance.now() - t) / 1000;
    await fast.stop();
    const rawSent = open.sent().length;
    console.log(`${kind}: ${rawSent} more in ${rawS.toFixed(1)} s (${(rawSent / rawS).toFixed(0)}/s)`);

    // 4. Exactly once.
    const chats = [...limited.sent(), ...open.sent()].map((p) => String(p.chat_id));
    const distinctChats = new Set(chats).size;
    const rows = await store.db.outbox.findMany({ where: { key: { startsWith: "reminder:" } }, select: { key: true, status: true } });
    const distinctKeys = new Set(rows.map((r) => r.key)).size;
    const sentRows = rows.filter((r) => r.status === "SENT").length;
    const ok = chats.length === TOTAL && distinctChats === TOTAL && rows.length === TOTAL && distinctKeys === TOTAL && sentRows === TOTAL;
    const exactlyOnce = `${ok ? "yes" : "NO"}: ${chats.length} messages to ${distinctChats} chats, ${distinctKeys}/${rows.length} keys unique, ${sentRows} SENT`;
    console.log(`${kind}: exactly once ${exactlyOnce}`);
    return { db: kind, planS, replanS, rate30, windowSent, late429, first429, rawRate: rawSent / rawS, rawSent, exactlyOnce };
  } finally {
    for (const f of fakes) await f.stop();
    await store.close();
    await dropDb(url);
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === "--prepare") {
    const testDb = await createTestDb(process.argv[3] as DbKind);
    const store = await createPrismaStore(testDb.url);
    await seed(store);
    await store.close();
    console.log(`URL ${testDb.url}`);
    return;
  }
  const idleRss = process.memoryUsage().rss;
  const rows: Row[] = [];
  for (const kind of DBS) rows.push(await runOne(kind));
  const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
  console.log("");
  console.log(`Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), ${mb(totalmem())} RAM, Node ${process.version}`);
  console.log(`Workload: ${BRANCHES} branches × ${PER_BRANCH} members = ${TOTAL} reminders due in the same minute; delivery window ${WINDOW_S} s; sender at ${SENDER_RATE}/s against a ${API_RATE}/s stand-in`);
  console.log("");
  console.log("| database | plan + enqueue 30,000 | next tick (all queued) | delivery rate, limit 30/s | 429 after 1st s | raw sender rate (no limit) | exactly once |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.db} | ${r.planS.toFixed(2)} s | ${r.replanS.toFixed(2)} s | ${r.rate30.toFixed(1)}/s (${((r.rate30 / API_RATE) * 100).toFixed(0)} %; ${r.windowSent} sent in the run) | ${r.late429} (first second: ${r.first429}) | ${r.rawRate.toFixed(0)}/s (${r.rawSent} msgs) | ${r.exactlyOnce} |`,
    );
  }
  console.log(
    `\nPeak RSS (VmHWM) of the bench process over all runs: ${mb(peakRssBytes())}; ${mb(idleRss)} of it before any work (Node, tsx, both Prisma clients; migrations run in the child that prepares the database). ` +
      "The process holds the bot's core, the scheduler job, the outbox sender, the Telegram messenger and the two stand-ins; seeding runs in a child process.",
  );
}

main()
  .then(() => process.exit(0))
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
