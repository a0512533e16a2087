// npm run bench:zalo — a ward's worth of Zalo bots in one deployment: 200 Zalo bots × 30 members
// (6,000 members), each bot serving its own branch, webhook mode. Every member gets the meeting
// reminder (sent through their own bot) and answers it by typing "1" to that bot's webhook path; the
// latency of an answer runs from the webhook POST to the fake Zalo platform receiving the reply. The
// same 6,000 members on one bot run in the same way, in the same run, as the yardstick: many bots must
// cost little more than one. The bot runs as deployed (its own process, the compiled build, the
// production node flags); the fake Zalo platform and the members are this process. See bench/README.md.
import { performance } from "node:perf_hooks";
import { Pool } from "undici";
import { createBotRegistry } from "../src/infra/bots/registry.ts";
import { parseSecretKey } from "../src/infra/bots/secret-box.ts";
import { createPrismaStore } from "../src/infra/prisma/store.ts";
import { createTestDb, type DbKind, type TestDb } from "../test/helpers/db.ts";
import { FakeZaloApi, type FakeZaloBot } from "../test/helpers/fake-zalo-api.ts";
import { freePort } from "../test/helpers/loopback.ts";
import { buildBot, cpuMs, peakRssMb, percentile, spawnBot, stopBot } from "./process.ts";

const BOTS = Number(process.env.BENCH_BOTS ?? 200);
const PER_BOT = Number(process.env.BENCH_PER_BOT ?? 30);
const MEMBERS = BOTS * PER_BOT;
/** Answers in flight at once (Zalo's webhook delivers concurrently; its parallelism is unpublished). */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const KINDS = (process.env.BENCH_KINDS ?? "sqlite").split(",") as DbKind[];
const SECRET_KEY = Buffer.alloc(32, 11).toString("base64");
const DEADLINE_MS = 20 * 60_000;
const REPLY_TIMEOUT_MS = 60_000;

interface Result {
  name: string;
  bots: number;
  reminders: number;
  reminderSeconds: number;
  answers: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  cpuPerAnswer: number;
  rssMb: number;
  check: string;
}

/** Sends by bot and chat, timed on arrival at the fake platform. */
class Arrivals {
  private readonly waiting = new Map<string, (at: number) => void>();
  reminders = 0;
  constructor(fake: FakeZaloApi) {
    fake.onCall((bot, call) => {
      if (call.method !== "sendMessage") return;
      const text = String(call.payload.text ?? "");
      if (text.startsWith("Nhắc lịch")) this.reminders++;
      const key = `${bot.botId}:${String(call.payload.chat_id)}`;
      const resolve = this.waiting.get(key);
      if (!resolve) return;
      this.waiting.delete(key);
      resolve(performance.now());
    });
  }
  next(bot: FakeZaloBot, chat: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to ${chat} on bot ${bot.botId} within ${REPLY_TIMEOUT_MS} ms`)), REPLY_TIMEOUT_MS);
      this.waiting.set(`${bot.botId}:${chat}`, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}

/**
 * Branches, members and their Zalo chats, and one meeting per branch whose three-day reminder is due
 * as the bot starts. `bots` bot accounts are registered as `npm run bots -- add zalo` would: branch i
 * is served by bot i % bots. Caps are lifted: the benchmark measures the bot, not Zalo's plan.
 */
async function seed(db: TestDb, fakeBots: FakeZaloBot[], branches: number): Promise<Map<string, { bot: FakeZaloBot; accountId: string }>> {
  const store = await createPrismaStore(db.url);
  const registry = createBotRegistry(store.db, parseSecretKey(SECRET_KEY));
  const accounts: string[] = [];
  for (const [i, bot] of fakeBots.entries()) {
    const account = await registry.register({ platform: "ZALO", label: `Bot chi bộ ${i + 1}`, token: bot.token, botUserId: bot.botId, mode: "WEBHOOK" });
    accounts.push(account.id);
  }
  await store.db.botAccount.updateMany({ data: { usersCap: 0, monthlyCap: 0 } });
  // Reminders 3 days, 1 day and 2 hours ahead; the meeting starts three days from now (less a minute).
  const startsAt = new Date(Date.now() + 3 * 86_400_000 - 60_000);
  const chats = new Map<string, { bot: FakeZaloBot; accountId: string }>();
  for (let b = 0; b < branches; b++) {
    const accountId = accounts[b % accounts.length]!;
    const bot = fakeBots[b % fakeBots.length]!;
    const branch = await store.db.branch.create({ data: { name: `Chi bộ Khu phố ${b + 1}`, quietStart: 0, quietEnd: 0 } });
    await store.db.botAccount.update({ where: { id: accountId }, data: { branchId: accounts.length === branches ? branch.id : null } });
    await store.db.meeting.create({ data: { branchId: branch.id, occurrence: "2026-12", startsAt, place: "Nhà văn hóa" } });
    const members = Array.from({ length: PER_BOT }, (_, j) => ({ id: `m${b}-${j}`, branchId: branch.id, fullName: `Đảng viên ${b * PER_BOT + j}`, consentAt: new Date(), preferredPlatform: "ZALO" as const }));
    await store.db.member.createMany({ data: members });
    await store.db.identity.createMany({
      data: members.map((m) => ({ platform: "ZALO" as const, botAccountId: accountId, userId: `z${m.id}`, chatId: `z${m.id}`, memberId: m.id, lastSeenAt: new Date() })),
    });
    for (const m of members) chats.set(`z${m.id}`, { bot, accountId });
  }
  await store.close();
  return chats;
}

async function runOne(kind: DbKind, bots: number): Promise<Result> {
  const fake = await new FakeZaloApi().start();
  const fakeBots = Array.from({ length: bots }, () => fake.addBot());
  const arrivals = new Arrivals(fake);
  let db: TestDb | null = null;
  let bot: ReturnType<typeof spawnBot> | null = null;
  try {
    db = await createTestDb(kind);
    const chats = await seed(db, fakeBots, BOTS);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const started = performance.now();
    bot = spawnBot(kind, {
      DATABASE_URL: db.url,
      SECRET_KEY,
      ZALO_API_ROOT: fake.apiRoot,
      PUBLIC_URL: base,
      PORT: String(port),
      LOG_LEVEL: "info",
      // The fake platform has no limits: measure the bot, not Zalo's.
      ZALO_RATE_PER_SECOND: "100000",
      ZALO_CHAT_RATE_PER_SECOND: "1000",
    });
    await bot.port;
    // Every bot's webhook registered, and every member reminded (the start's tick queues them).
    await fake.waitFor(() => fakeBots.every((b) => b.webhook), 120_000);
    await fake.waitFor(() => arrivals.reminders >= MEMBERS, 300_000);
    const reminderSeconds = (performance.now() - started) / 1000;

    const pool = new Pool(base, { connections: CONCURRENCY, pipelining: 1 });
    const post = async (target: FakeZaloBot, accountId: string, update: Record<string, unknown>) => {
      const res = await pool.request({
        path: `/zalo/${accountId}/webhook`,
        method: "POST",
        headers: { "content-type": "application/json", "x-bot-api-secret-token": target.webhook!.secret },
        body: JSON.stringify({ ok: true, result: update }),
      });
      await res.body.dump();
      if (res.statusCode !== 200) throw new Error(`webhook answered ${res.statusCode}`);
    };

    const members = [...chats.entries()];
    const latencies: number[] = [];
    const cpuBefore = cpuMs(bot.child.pid!);
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < members.length) {
          const [chat, { bot: target, accountId }] = members[next++]!;
          const reply = arrivals.next(target, chat);
          const sentAt = performance.now();
          // Typed, as on Zalo: "1" is Tham dự on the reminder they received.
          await post(target, accountId, target.textEvent({ id: chat, name: chat }, "1"));
          latencies.push((await reply) - sentAt);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpuPerAnswer = (cpuMs(bot.child.pid!) - cpuBefore) / latencies.length;
    const rssMb = peakRssMb(bot.child.pid!);
    await pool.close();
    await stopBot(bot.child);

    const store = await createPrismaStore(db.url);
    const answered = await store.db.rsvp.count({ where: { answer: "ATTEND" } });
    await store.close();
    if (answered !== MEMBERS) throw new Error(`only ${answered} of ${MEMBERS} answers were recorded:\n${bot.log().slice(-3000)}`);
    latencies.sort((a, b) => a - b);
    return {
      name: `${bots === 1 ? "one Zalo bot" : `${bots} Zalo bots`}, ${kind === "sqlite" ? "SQLite" : "PostgreSQL"}`,
      bots,
      reminders: arrivals.reminders,
      reminderSeconds,
      answers: latencies.length,
      seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? 0,
      cpuPerAnswer,
      rssMb,
      check: `${answered}/${MEMBERS} answers recorded`,
    };
  } finally {
    if (bot) await stopBot(bot.child);
    await db?.drop();
    await fake.stop();
  }
}

function table(results: Result[]): string {
  return [
    "| deployment | members | reminders sent (s from start) | answers/s | of one bot | p50 ms | p99 ms | max ms | bot CPU ms/answer | peak RSS MB | check |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...results.map((r) => {
      const one = results.find((x) => x.bots === 1 && x.name.endsWith(r.name.split(", ")[1]!));
      const rate = r.answers / r.seconds;
      const share = one ? `${Math.round((rate / (one.answers / one.seconds)) * 100)} %` : "–";
      return `| ${r.name} | ${MEMBERS} | ${r.reminders} (${r.reminderSeconds.toFixed(1)}) | ${rate.toFixed(0)} | ${share} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.cpuPerAnswer.toFixed(2)} | ${r.rssMb} | ${r.check} |`;
    }),
  ].join("\n");
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench:zalo did not finish within ${DEADLINE_MS / 60_000} minutes; giving up\n`);
    process.exit(2);
  }, DEADLINE_MS);
  watchdog.unref();
  buildBot();
  const results: Result[] = [];
  for (const kind of KINDS) {
    for (const bots of [BOTS, 1]) {
      process.stderr.write(`running ${bots} bot(s) on ${kind} …\n`);
      results.push(await runOne(kind, bots));
    }
  }
  process.stdout.write(`\n${BOTS} branches × ${PER_BOT} members, webhook mode, every member answers the reminder by typing "1", ${CONCURRENCY} answers in flight\n\n${table(results)}\n`);
  const verdicts = KINDS.map((kind) => {
    const many = results.find((r) => r.bots === BOTS && r.name.endsWith(kind === "sqlite" ? "SQLite" : "PostgreSQL"))!;
    const one = results.find((r) => r.bots === 1 && r.name.endsWith(kind === "sqlite" ? "SQLite" : "PostgreSQL"))!;
    const ratio = many.answers / many.seconds / (one.answers / one.seconds);
    return `${kind}: peak RSS < 300 MB: ${many.rssMb < 300 ? "met" : "MISSED"}; p99 < 150 ms: ${many.p99 < 150 ? "met" : "MISSED"}; within 80 % of one bot: ${ratio >= 0.8 ? "met" : "MISSED"} (${Math.round(ratio * 100)} %)`;
  });
  process.stdout.write(`\ntargets (${BOTS} bots): ${verdicts.join("; ")}\n`);
  clearTimeout(watchdog);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench:zalo failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
