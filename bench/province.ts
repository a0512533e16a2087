// npm run bench:province — a province on PostgreSQL: 450,000 members in 15,000 branches, each branch
// on its own Zalo bot (Zalo's free plan: 15,000 bot accounts, webhook mode, tokens sealed with
// SECRET_KEY as `npm run bots -- add zalo` seals them), plus a few branches abroad on one Telegram bot.
// Two bot instances (separate processes, as deployed) share the database. Every branch has a meeting
// rule (so the first tick plans the coming months, as at the turn of a month) and one extra meeting
// whose three-day reminder falls due at a minute both instances tick. It measures the time from that
// minute to the last of the day's reminders queued, each instance's peak RSS, duplicates, the most
// messages any one account sent in one second (at the stand-ins), and how the sending leases split
// between the instances. PROVINCE_SCALE=0.05 runs a twentieth of it. See bench/README.md.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { monthsFrom } from "../src/core/domain/calendar/rule.ts";
import { PLAN_MONTHS } from "../src/core/features/meetings/planner.ts";
import { sleep } from "../src/core/services/rate-limit.ts";
import { createSecretBox, parseSecretKey } from "../src/infra/bots/secret-box.ts";
import { newWebhookSecret } from "../src/infra/bots/registry.ts";
import { projectRoot } from "../src/infra/paths.ts";
import { createTestDb, type TestDb } from "../test/helpers/db.ts";
import { FakeTelegramApi } from "../test/helpers/fake-telegram-api.ts";
import { FakeZaloApi } from "../test/helpers/fake-zalo-api.ts";
import { freePort } from "../test/helpers/loopback.ts";
import { buildBot, cpuMs, peakRssMb, PRODUCTION_ENV, PRODUCTION_NODE_ARGS, stopBot as stopProcess } from "./process.ts";

const SCALE = Number(process.env.PROVINCE_SCALE ?? 1);
const BRANCHES = Math.max(2, Math.round(15_000 * SCALE));
const PER_BRANCH = Number(process.env.PROVINCE_PER_BRANCH ?? 30);
/** Branches abroad, whose members use Telegram: one bot for all of them. */
const ABROAD = Math.max(1, Math.round(10 * SCALE));
const MEMBERS = (BRANCHES + ABROAD) * PER_BRANCH;
const INSTANCES = Number(process.env.PROVINCE_INSTANCES ?? 2);
/** How long the sends are watched after the reminders are queued (all of them at small scales). */
const SEND_S = Number(process.env.PROVINCE_SEND_S ?? (SCALE <= 0.1 ? 300 : 90));
const DEADLINE_S = Number(process.env.PROVINCE_DEADLINE_S ?? 40 * 60);
/**
 * Each account's limit at the stand-ins (Zalo publishes none; 5/s per bot is the figure this
 * benchmark holds the bot to), and Telegram's ~30/s. The sender's token buckets allow 1.5 messages
 * of slack on top of their pace, so they pace at the limit less 1.5 (as bench:broadcast does):
 * ZALO_RATE_PER_SECOND=3.5, TELEGRAM_RATE_PER_SECOND=25 (the default).
 */
const ZALO_LIMIT = 5;
const TELEGRAM_LIMIT = 30;
const ZALO_RATE = Number(process.env.ZALO_RATE_PER_SECOND ?? ZALO_LIMIT - 1.5);
const TELEGRAM_RATE = Number(process.env.TELEGRAM_RATE_PER_SECOND ?? 25);
const SECRET_KEY = Buffer.alloc(32, 23).toString("base64");
const TELEGRAM_SECRET = "province-telegram-webhook-secret";

const say = (line: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

// ---------------------------------------------------------------------------------------------
// The instances: the compiled bot with the production flags; log lines read one at a time.

interface Instance {
  name: string;
  child: ChildProcess;
  ready: Promise<number>;
  /** Log lines of interest (jobs, warnings, errors), parsed. */
  events: Array<Record<string, unknown>>;
  tail: string[];
}

const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

function spawnInstance(name: string, env: Record<string, string>): Instance {
  const { PATH, HOME } = process.env;
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...PRODUCTION_NODE_ARGS, "dist/src/main.js"], {
    cwd: projectRoot,
    env: { PATH, HOME, ...PRODUCTION_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  const events: Array<Record<string, unknown>> = [];
  const tail: string[] = [];
  let resolveReady!: (port: number) => void;
  let rejectReady!: (err: Error) => void;
  const ready = new Promise<number>((res, rej) => ((resolveReady = res), (rejectReady = rej)));
  const interesting = /"level":(40|50|60)|reminders queued|meetings planned|bot started|job failed|tick/;
  // PROVINCE_LOG_DIR=dir keeps every line of each instance's log there.
  const file = process.env.PROVINCE_LOG_DIR ? createWriteStream(path.join(process.env.PROVINCE_LOG_DIR, `${name.replace(/\W+/g, "-")}.log`)) : null;
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => {
      file?.write(`${line}\n`);
      if (process.env.BENCH_VERBOSE) process.stderr.write(`${name}: ${line}\n`);
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (!line.startsWith("{") || !interesting.test(line)) return;
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        events.push({ ...parsed, seenAt: Date.now() });
        if (parsed.msg === "bot started" && typeof parsed.port === "number") resolveReady(parsed.port);
      } catch {
        // not a log line
      }
    });
  }
  child.once("exit", (code) => rejectReady(new Error(`${name} exited with ${code}:\n${tail.join("\n")}`)));
  return { name, child, ready, events, tail };
}

/** An instance that died (out of memory, say) ends the run with the end of its log. */
function alive(instances: Instance[]): void {
  const dead = instances.find((i) => i.child.exitCode !== null || i.child.signalCode !== null);
  if (dead) throw new Error(`${dead.name} exited (${dead.child.exitCode ?? dead.child.signalCode}):\n${dead.tail.join("\n")}`);
}

function stopInstance(i: Instance): Promise<void> {
  return stopProcess(i.child, 30_000);
}

// ---------------------------------------------------------------------------------------------
// Seeding: set-based SQL (generate_series, json_to_recordset), never row by row through the ORM.

export async function seed(client: pg.Client, zaloTokens: Array<{ token: string; botId: string }>): Promise<void> {
  const box = createSecretBox(parseSecretKey(SECRET_KEY));
  await client.query(`SET TIME ZONE 'UTC'`);
  const t0 = performance.now();
  // Branches: b1…bN on Zalo, a1…aM abroad on Telegram. No quiet hours: the reminders go as planned.
  await client.query(
    `INSERT INTO "Branch" (id, name, "quietStart", "quietEnd", "updatedAt")
     SELECT 'b' || i, 'Chi bộ Khu phố ' || i, 0, 0, now() FROM generate_series(1, $1::int) i
     UNION ALL SELECT 'a' || i, 'Chi bộ ngoài nước ' || i, 0, 0, now() FROM generate_series(1, $2::int) i`,
    [BRANCHES, ABROAD],
  );
  // Bot accounts, sealed as the registry seals them: one Zalo bot per branch, on Zalo's free plan.
  const rows = zaloTokens.map((t, i) => ({
    id: `z${i + 1}`,
    label: `Bot Chi bộ Khu phố ${i + 1}`,
    tokenCipher: box.seal(t.token),
    tokenHash: box.fingerprint(t.token),
    secretCipher: box.seal(newWebhookSecret()),
    botUserId: t.botId,
    branchId: `b${i + 1}`,
  }));
  for (let i = 0; i < rows.length; i += 5_000) {
    await client.query(
      `INSERT INTO "BotAccount" (id, platform, label, "tokenCipher", "tokenHash", "secretCipher", "botUserId", mode, "branchId", "updatedAt")
       SELECT id, 'ZALO'::"Platform", label, "tokenCipher", "tokenHash", "secretCipher", "botUserId", 'WEBHOOK'::"BotMode", "branchId", now()
       FROM json_to_recordset($1::json) AS r(id text, label text, "tokenCipher" text, "tokenHash" text, "secretCipher" text, "botUserId" text, "branchId" text)`,
      [JSON.stringify(rows.slice(i, i + 5_000))],
    );
  }
  // Members: the first of each branch is its secretary.
  await client.query(
    `INSERT INTO "Member" (id, "branchId", "fullName", "isSecretary", "isAdmin", "consentAt", "preferredPlatform", "updatedAt")
     SELECT 'm' || b.p || b.i || '-' || j, b.p || b.i, 'Đảng viên ' || b.p || b.i || '-' || j, j = 1, j = 1, now(),
            (CASE WHEN b.p = 'b' THEN 'ZALO' ELSE 'TELEGRAM' END)::"Platform", now()
     FROM (SELECT 'b' AS p, i FROM generate_series(1, $1::int) i UNION ALL SELECT 'a', i FROM generate_series(1, $2::int) i) b,
          generate_series(1, $3::int) j`,
    [BRANCHES, ABROAD, PER_BRANCH],
  );
  // Their chats: on their branch's Zalo bot, or on the Telegram bot (numeric chat ids).
  await client.query(
    `INSERT INTO "Identity" (id, platform, "botAccountId", "userId", "chatId", "memberId", "lastSeenAt", "updatedAt")
     SELECT 'i' || i || '-' || j, 'ZALO'::"Platform", 'z' || i, 'zu' || i || '-' || j, 'zu' || i || '-' || j, 'mb' || i || '-' || j, now(), now()
     FROM generate_series(1, $1::int) i, generate_series(1, $3::int) j
     UNION ALL
     SELECT 'ia' || i || '-' || j, 'TELEGRAM'::"Platform", 'default-telegram', (700000000 + i * 1000 + j)::text, (700000000 + i * 1000 + j)::text, 'ma' || i || '-' || j, now(), now()
     FROM generate_series(1, $2::int) i, generate_series(1, $3::int) j`,
    [BRANCHES, ABROAD, PER_BRANCH],
  );
  // Every branch meets on a fixed day of the month at 19:00, about two weeks away: the first tick
  // plans the coming months for every branch (as at the turn of a month), with nothing yet due.
  const day = Math.min(28, new Date(Date.now() + 15 * 86_400_000).getUTCDate());
  await client.query(
    `INSERT INTO "MeetingRule" ("branchId", kind, "dayOfMonth", "timeOfDay", place, "updatedAt")
     SELECT id, 'DAY_OF_MONTH'::"RuleKind", $1::int, 1140, 'Nhà văn hóa', now() FROM "Branch"`,
    [day],
  );
  // The months before it are planned already: the first tick plans one month for every branch, as
  // at the turn of a month.
  const planned = monthsFrom(new Date(), "Asia/Ho_Chi_Minh", PLAN_MONTHS).slice(0, -1);
  for (const m of planned) {
    await client.query(
      `INSERT INTO "Meeting" (id, "branchId", kind, occurrence, "startsAt", place, "updatedAt")
       SELECT 'r' || $1 || id, id, 'REGULAR'::"MeetingKind", $1, $2::timestamp, 'Nhà văn hóa', now() FROM "Branch"`,
      [m.key, new Date(Date.UTC(m.year, m.month - 1, day, 12, 0)).toISOString().replace("Z", "")],
    );
  }
  // And one extra meeting per branch, far away for now: its start is moved three days past a
  // minute both instances tick, once they are up (see main).
  await client.query(
    `INSERT INTO "Meeting" (id, "branchId", kind, "startsAt", place, topic, "updatedAt")
     SELECT 'x' || id, id, 'THEMATIC'::"MeetingKind", now() + interval '40 days', 'Hội trường phường', 'Sinh hoạt chuyên đề', now() FROM "Branch"`,
  );
  await client.query(`ANALYZE`);
  say(`seeded ${BRANCHES + ABROAD} branches, ${MEMBERS} members, ${rows.length} Zalo bots in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------------
// What the stand-ins see: messages per account per second, and the same message twice to a chat.

class Arrivals {
  messages = 0;
  duplicates = 0;
  lastAt = 0;
  private readonly seen = new Set<string>();
  private readonly perSecond = new Map<string, { second: number; n: number }>();
  /** The most messages one account sent within one wall-clock second, by platform. */
  readonly maxPerSecond = { ZALO: 0, TELEGRAM: 0 };
  maxAccount = "";

  record(platform: "ZALO" | "TELEGRAM", account: string, chat: string, text: string): void {
    this.messages++;
    this.lastAt = performance.now();
    const key = `${account}\u0000${chat}\u0000${text}`;
    if (this.seen.has(key)) this.duplicates++;
    else this.seen.add(key);
    const second = Math.floor(Date.now() / 1000);
    const s = this.perSecond.get(account);
    if (!s || s.second !== second) this.perSecond.set(account, { second, n: 1 });
    else s.n++;
    const n = this.perSecond.get(account)!.n;
    if (n > this.maxPerSecond[platform]) {
      this.maxPerSecond[platform] = n;
      this.maxAccount = account;
    }
  }
}

// ---------------------------------------------------------------------------------------------

interface Result {
  planSeconds: number;
  queued: number;
  expected: number;
  perInstance: Array<{ name: string; rssMb: number; cpuS: number; queuedBy: number; tickMs: number[]; planMs: number[]; monthMs: string[] }>;
  monthPlanSeconds: number;
  meetingsPlanned: number;
  delivered: number;
  deliverSeconds: number;
  duplicates: number;
  outboxDuplicates: number;
  maxZalo: number;
  maxTelegram: number;
  telegram429: number;
  leases: string;
  problems: string[];
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    say(`bench:province did not finish within ${DEADLINE_S / 60} minutes; giving up`);
    process.exit(2);
  }, DEADLINE_S * 1000);
  watchdog.unref();
  buildBot();

  const zalo = await new FakeZaloApi().start();
  const telegram = await new FakeTelegramApi({ ratePerSecond: TELEGRAM_LIMIT }).start();
  const arrivals = new Arrivals();
  const zaloBots = Array.from({ length: BRANCHES }, () => zalo.addBot());
  zalo.onCall((bot, call) => {
    if (call.method === "sendMessage") arrivals.record("ZALO", bot.botId, String(call.payload.chat_id), String(call.payload.text ?? ""));
  });
  telegram.onCall((call) => {
    if (call.method === "sendMessage") arrivals.record("TELEGRAM", "telegram", String(call.payload.chat_id), String(call.payload.text ?? ""));
  });
  // The fake keeps every call of every bot; at this scale only the counts above are wanted.
  const trim = setInterval(() => {
    for (const b of zaloBots) b.calls.length = 0;
    telegram.calls.length = 0;
  }, 5_000);
  trim.unref();

  let db: TestDb | null = null;
  const instances: Instance[] = [];
  let client: pg.Client | null = null;
  try {
    db = await createTestDb("postgres");
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await seed(client, zaloBots.map((b) => ({ token: b.token, botId: b.botId })));

    // Both instances start together, as after a deployment.
    const started = performance.now();
    for (let n = 1; n <= INSTANCES; n++) {
      const port = await freePort();
      instances.push(
        spawnInstance(`instance ${n}`, {
          DATABASE_URL: db.url,
          INSTANCE_NAME: `instance-${n}`,
          SECRET_KEY,
          PORT: String(port),
          PUBLIC_URL: `http://127.0.0.1:${port}`,
          LOG_LEVEL: "info",
          ZALO_API_ROOT: zalo.apiRoot,
          TELEGRAM_BOT_TOKEN: telegram.token,
          TELEGRAM_API_ROOT: telegram.apiRoot,
          TELEGRAM_MODE: "webhook",
          TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
          ZALO_RATE_PER_SECOND: String(ZALO_RATE),
          TELEGRAM_RATE_PER_SECOND: String(TELEGRAM_RATE),
        }),
      );
    }
    await Promise.all(instances.map((i) => i.ready));
    const monthPlanSeconds = (performance.now() - started) / 1000;
    const meetingsPlanned = Number((await client.query(`SELECT count(*) FROM "Meeting" WHERE occurrence IS NOT NULL AND id NOT LIKE 'r%'`)).rows[0].count);
    say(`both instances up in ${monthPlanSeconds.toFixed(1)} s (${meetingsPlanned} meetings planned from the rules)`);
    // Every Zalo bot's webhook registered (by one instance or the other: the last one wins).
    await zalo.waitFor(() => zaloBots.every((b) => b.webhook), 600_000);
    say(`webhooks registered after ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // The extra meetings start three days after a minute boundary at least 10 s away: at that tick
    // the three-day reminder is due for every member of every branch, on both instances.
    const due = Math.ceil((Date.now() + 10_000) / 60_000) * 60_000;
    await client.query(`UPDATE "Meeting" SET "startsAt" = $1::timestamp WHERE kind = 'THEMATIC'`, [new Date(due + 3 * 86_400_000).toISOString().replace("Z", "")]);
    const expected = MEMBERS;
    say(`reminders due at ${new Date(due).toISOString().slice(11, 19)}; waiting`);
    await sleep(Math.max(0, due - Date.now()));
    const dueAt = performance.now();
    let queued = 0;
    while (queued < expected && performance.now() - dueAt < 20 * 60_000) {
      await sleep(250);
      alive(instances);
      queued = Number((await client.query(`SELECT count(*) FROM "Outbox" WHERE key LIKE 'reminder:%'`)).rows[0].count);
    }
    const planSeconds = (performance.now() - dueAt) / 1000;
    say(`${queued}/${expected} reminders queued in ${planSeconds.toFixed(1)} s`);

    // Sending: until everything is delivered, or for the window.
    const sendStart = performance.now();
    while (arrivals.messages < expected && performance.now() - sendStart < SEND_S * 1000) {
      await sleep(500);
      alive(instances);
    }
    const deliverSeconds = (arrivals.lastAt - dueAt) / 1000;

    // Leases held now, by holder and platform (an instance's own presence row is not a lease).
    const leasesRows = await client.query<{ holder: string | null; platform: string; n: number }>(
      `SELECT holder, platform::text, count(*)::int AS n FROM "SendLease"
       WHERE platform <> 'CONSOLE' AND "expiresAt" > now() AT TIME ZONE 'UTC' GROUP BY holder, platform ORDER BY holder, platform`,
    );
    const leases = leasesRows.rows.length ? leasesRows.rows.map((r) => `${r.holder} ${r.platform}: ${r.n.toLocaleString("en")}`).join("; ") : "no leases held";
    const outboxDuplicates = Number(
      (await client.query(`SELECT count(*) - count(DISTINCT ("memberId", "chatId", payload::text)) AS d FROM "Outbox" WHERE key LIKE 'reminder:%'`)).rows[0].d,
    );
    const perInstance = instances.map((i) => {
      const queuedBy = i.events.filter((e) => e.msg === "reminders queued").reduce((s, e) => s + Number(e.reminders ?? 0), 0);
      return {
        name: i.name,
        rssMb: peakRssMb(i.child.pid!),
        cpuS: cpuMs(i.child.pid!) / 1000,
        queuedBy,
        tickMs: i.events.filter((e) => e.msg === "tick").map((e) => Number(e.ms)),
        planMs: i.events.filter((e) => e.msg === "reminders queued").map((e) => Number(e.ms)),
        monthMs: i.events.filter((e) => e.msg === "meetings planned").map((e) => `${Number(e.created)} in ${(Number(e.ms) / 1000).toFixed(1)} s`),
      };
    });
    const problems = instances.flatMap((i) => i.events.filter((e) => Number(e.level) >= 50).map((e) => `${i.name}: ${String(e.msg)} ${JSON.stringify(e.err ?? "").slice(0, 300)}`));
    const result: Result = {
      planSeconds,
      queued,
      expected,
      perInstance,
      monthPlanSeconds,
      meetingsPlanned,
      delivered: arrivals.messages,
      deliverSeconds,
      duplicates: arrivals.duplicates,
      outboxDuplicates,
      maxZalo: arrivals.maxPerSecond.ZALO,
      maxTelegram: arrivals.maxPerSecond.TELEGRAM,
      telegram429: telegram.rateLimited,
      leases,
      problems,
    };
    report(result);
  } finally {
    clearInterval(trim);
    await Promise.all(instances.map(stopInstance));
    await client?.end().catch(() => {});
    await db?.drop();
    await zalo.stop();
    await telegram.stop();
  }
}

function report(r: Result): void {
  const yes = (ok: boolean) => (ok ? "met" : "MISSED");
  const lines = [
    "",
    `${BRANCHES.toLocaleString("en")} branches on ${BRANCHES.toLocaleString("en")} Zalo bots + ${ABROAD} abroad on one Telegram bot, ${PER_BRANCH} members each (${MEMBERS.toLocaleString("en")} members), PostgreSQL, ${INSTANCES} instances, webhook mode`,
    "",
    "| measure | result | target |",
    "|---|---|---|",
    `| plan + enqueue the day's reminders (from the due minute to the last one queued) | ${r.planSeconds.toFixed(1)} s (${r.queued.toLocaleString("en")}/${r.expected.toLocaleString("en")}) | < 60 s: ${yes(r.planSeconds < 60 && r.queued === r.expected)} |`,
    ...r.perInstance.map(
      (i) =>
        `| ${i.name}: peak RSS · CPU · reminders it queued · its reminder job (ms) | ${i.rssMb} MB · ${i.cpuS.toFixed(0)} s · ${i.queuedBy.toLocaleString("en")} · ${i.planMs.map((m) => m.toFixed(0)).join(", ") || "–"} | < 300 MB: ${yes(i.rssMb < 300)} |`,
    ),
    `| turn of a month: the first tick plans the new month's meeting for every branch (${r.meetingsPlanned.toLocaleString("en")} planned; each instance's job) | ${r.perInstance.map((i) => i.monthMs.join(", ") || "nothing").join(" · ")} | – |`,
    `| start of both instances (first tick, webhooks of every bot registered) | ${r.monthPlanSeconds.toFixed(1)} s | – |`,
    `| delivered to the stand-ins (s from the due minute to the last) | ${r.delivered.toLocaleString("en")} in ${r.deliverSeconds.toFixed(0)} s | all at this scale |`,
    `| duplicates (same message to the same chat twice; outbox rows) | ${r.duplicates} ; ${r.outboxDuplicates} | 0: ${yes(r.duplicates === 0 && r.outboxDuplicates === 0)} |`,
    `| most messages one Zalo account sent in one wall-clock second (sender paced at ${ZALO_RATE}/s) | ${r.maxZalo} | ≤ ${ZALO_LIMIT}: ${yes(r.maxZalo <= ZALO_LIMIT)} |`,
    `| most messages the Telegram bot sent in one second (sender paced at ${TELEGRAM_RATE}/s; 429s) | ${r.maxTelegram}; ${r.telegram429} | ≤ ${TELEGRAM_LIMIT}: ${yes(r.maxTelegram <= TELEGRAM_LIMIT)} |`,
    `| sending leases held, by instance | ${r.leases} | spread |`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
  if (r.problems.length) process.stdout.write(`\nerrors logged by the instances (${r.problems.length}):\n${[...new Set(r.problems)].slice(0, 15).join("\n")}\n`);
}

// Run as a script (not when imported for its seeding).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main().then(
  () => process.exit(0),
  (err: unknown) => {
    say(`bench:province failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
