// npm run bench:inbound — 1,000 members each walk the five steps of joining (/start <code>, full name,
// Đồng ý, Xác nhận, /trogiup): 5,000 updates POSTed to the bot's webhook exactly as Telegram would,
// with at most 32 in flight, the bot talking to the Bot API stand-in on 127.0.0.1. The real bot
// (`node --import tsx src/main.ts`, its own process) runs on SQLite and on PostgreSQL; a bare grammY
// bot with no database, fed the same way, is the ceiling. Latency runs from the webhook POST to the
// stand-in receiving the sendMessage for that chat. See bench/README.md.
import { performance } from "node:perf_hooks";
import { Pool } from "undici";
import { generateCode } from "../src/core/domain/invites.ts";
import { createPrismaStore } from "../src/infra/prisma/store.ts";
import { createTestDb, type DbKind, type TestDb } from "../test/helpers/db.ts";
import { FakeTelegramApi } from "../test/helpers/fake-telegram-api.ts";
import { buildBot, cpuMs, peakRssMb, percentile, spawnBot, stopBot } from "./process.ts";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);
const STEPS = 5;
/** Updates in flight at once (Telegram's webhook default is up to 40 connections). */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WARMUP = 200;
const SECRET = "bench-secret-0123456789";
const REPLY_TIMEOUT_MS = 30_000;
/** The whole run stops by itself after this, whatever happens. */
const DEADLINE_MS = 15 * 60_000;
const KINDS = (process.env.BENCH_KINDS ?? "bare,sqlite,postgres").split(",") as Array<"bare" | DbKind>;
const GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Linh", "Minh", "Nam", "Ngọc", "Phúc", "Quân", "Thảo", "Trang", "Tuấn", "Yến"];
const FAMILY = ["Nguyễn Văn", "Trần Thị", "Lê Minh", "Phạm Đức", "Hoàng Thu", "Vũ Quốc", "Đặng Thanh", "Bùi Ngọc"];

interface Result {
  name: string;
  updates: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  rssMb: number;
  /** p50 / p99 ms of each step. */
  steps: string[];
  /** CPU time of the bot process per update, ms (user + system). */
  cpuPerUpdate: number;
  check: string;
}

type Sent = Record<string, any>;

/** Replies by chat, timed on arrival at the stand-in. */
class Replies {
  private readonly waiting = new Map<string, (reply: { at: number; payload: Sent }) => void>();
  constructor(fake: FakeTelegramApi) {
    fake.onCall((call) => {
      if (call.method !== "sendMessage") return;
      const chat = String(call.payload.chat_id);
      const resolve = this.waiting.get(chat);
      if (!resolve) return;
      this.waiting.delete(chat);
      resolve({ at: performance.now(), payload: call.payload });
    });
  }
  next(chat: number): Promise<{ at: number; payload: Sent }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to chat ${chat} within ${REPLY_TIMEOUT_MS} ms`)), REPLY_TIMEOUT_MS);
      this.waiting.set(String(chat), (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }
}

/**
 * A branch and one single-use invite per member, as an admin's /moi would make them. (One shared
 * invite would do on SQLite, but on PostgreSQL concurrent joins on the same invite currently fail
 * spuriously: see bench/README.md.)
 */
async function seed(db: TestDb, members: number[]): Promise<Map<number, string>> {
  const store = await createPrismaStore(db.url);
  const codes = new Map(members.map((m) => [m, generateCode()]));
  await store.tx(async (tx) => {
    const branch = await tx.branches.create({ name: "Chi bộ Khu phố 7", timezone: "Asia/Ho_Chi_Minh", locale: "vi" });
    const expiresAt = new Date(Date.now() + 86_400_000);
    for (const code of codes.values()) {
      await tx.invites.create({ branchId: branch.id, code, grantsSecretary: false, grantsAdmin: false, maxUses: 1, expiresAt, createdById: null });
    }
  });
  await store.close();
  return codes;
}

/** One bot on its own stand-in and database, all of it removed afterwards whatever happens. */
async function runOne(kind: "bare" | DbKind): Promise<Result> {
  const fake = await new FakeTelegramApi().start();
  let db: TestDb | null = null;
  let bot: ReturnType<typeof spawnBot> | null = null;
  try {
    db = kind === "bare" ? null : await createTestDb(kind);
    const replies = new Replies(fake);
    const members = Array.from({ length: MEMBERS }, (_, i) => 100_000 + i);
    const codes = db ? await seed(db, members) : new Map<number, string>();
    const env: Record<string, string> = {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      // Only registered with the stand-in; nothing ever calls it.
      PUBLIC_URL: "http://127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      // The stand-in has no limits: measure the bot, not Telegram's quotas.
      TELEGRAM_RATE_PER_SECOND: "100000",
      TELEGRAM_CHAT_RATE_PER_SECOND: "1000",
      ...(db ? { DATABASE_URL: db.url } : {}),
    };
    bot = spawnBot(kind, env);
    const port = await bot.port;
    const pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONCURRENCY, pipelining: 1 });
    let updateId = 1;
    const last = new Map<number, Sent>();

    const post = async (update: Record<string, unknown>) => {
      const res = await pool.request({
        path: "/telegram/webhook",
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify({ update_id: updateId++, ...update }),
      });
      await res.body.dump();
      if (res.statusCode !== 200) throw new Error(`webhook answered ${res.statusCode}`);
    };

    const stepUpdate = (chat: number, step: number): Record<string, unknown> => {
      const button = (label: string) => {
        const keyboard = (last.get(chat)?.reply_markup?.inline_keyboard ?? []).flat() as Array<{ text: string; callback_data: string }>;
        const b = keyboard.find((k) => k.text === label) ?? keyboard[0];
        if (!b) throw new Error(`chat ${chat} has no button ${label}: ${String(last.get(chat)?.text).slice(0, 200)}`);
        return fake.callbackUpdate(chat, b.callback_data);
      };
      switch (step) {
        case 0:
          return fake.textUpdate(chat, `/start ${codes.get(chat) ?? "BARE"}`);
        case 1:
          return fake.textUpdate(chat, `${FAMILY[chat % FAMILY.length]} ${GIVEN[chat % GIVEN.length]}`);
        case 2:
          return button("Đồng ý");
        case 3:
          return button("Xác nhận");
        default:
          return fake.textUpdate(chat, "/trogiup");
      }
    };

    /** One update and the wait for its reply; returns the latency in ms. */
    const exchange = async (chat: number, update: Record<string, unknown>): Promise<number> => {
      const reply = replies.next(chat);
      const t0 = performance.now();
      await post(update);
      const { at, payload } = await reply;
      last.set(chat, payload);
      return at - t0;
    };

    const pooled = async (items: number[], fn: (item: number) => Promise<void>) => {
      let i = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (i < items.length) await fn(items[i++]!);
        }),
      );
    };

    // Warm-up (not measured): strangers asking for help, the same for every bot.
    await pooled(
      Array.from({ length: WARMUP }, (_, i) => 900_000 + i),
      async (chat) => void (await exchange(chat, fake.textUpdate(chat, "/trogiup"))),
    );

    const latencies: number[] = [];
    const perStep: number[][] = Array.from({ length: STEPS }, () => []);
    const cpuBefore = cpuMs(bot.child.pid!);
    const started = performance.now();
    // Step by step across all members, as a branch answering its invite over a morning would.
    for (let step = 0; step < STEPS; step++) {
      await pooled(members, async (chat) => {
        const ms = await exchange(chat, stepUpdate(chat, step));
        latencies.push(ms);
        perStep[step]!.push(ms);
      });
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuPerUpdate = (cpuMs(bot.child.pid!) - cpuBefore) / latencies.length;
    const rssMb = peakRssMb(bot.child.pid!);
    await pool.close();
    await stopBot(bot.child);

    let check = "answered every update";
    if (db) {
      const store = await createPrismaStore(db.url);
      const joined = await store.db.member.count();
      await store.close();
      check = `${joined}/${MEMBERS} members joined`;
      if (joined !== MEMBERS) throw new Error(`only ${joined} of ${MEMBERS} members joined:\n${bot.log().slice(-3000)}`);
    }
    latencies.sort((a, b) => a - b);
    for (const l of perStep) l.sort((a, b) => a - b);
    return {
      name: kind === "bare" ? "bare grammY bot (no database)" : `Trợ lý Chi bộ, ${kind === "sqlite" ? "SQLite" : "PostgreSQL"}`,
      updates: latencies.length,
      seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? 0,
      steps: perStep.map((l) => `${percentile(l, 50).toFixed(0)} / ${percentile(l, 99).toFixed(0)}`),
      rssMb,
      cpuPerUpdate,
      check,
    };
  } finally {
    if (bot) await stopBot(bot.child);
    await db?.drop();
    await fake.stop();
  }
}

const STEP_NAMES = ["/start <code>", "full name", "Đồng ý", "Xác nhận", "/trogiup"];

function stepTable(results: Result[]): string {
  return [
    `| latency p50 / p99 ms | ${STEP_NAMES.join(" | ")} |`,
    `|---|${STEP_NAMES.map(() => "---:").join("|")}|`,
    ...results.map((r) => `| ${r.name} | ${r.steps.join(" | ")} |`),
  ].join("\n");
}

function table(results: Result[]): string {
  const bare = results.find((r) => r.name.startsWith("bare"));
  const rows = results.map((r) => {
    const rate = r.updates / r.seconds;
    const share = bare ? `${Math.round((rate / (bare.updates / bare.seconds)) * 100)} %` : "–";
    return `| ${r.name} | ${r.updates} | ${rate.toFixed(0)} | ${share} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.cpuPerUpdate.toFixed(2)} | ${r.rssMb} | ${r.check} |`;
  });
  return [
    "| bot | updates | updates/s | of bare | p50 ms | p99 ms | max ms | bot CPU ms/update | peak RSS MB | check |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...rows,
  ].join("\n");
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench:inbound did not finish within ${DEADLINE_MS / 60_000} minutes; giving up\n`);
    process.exit(2);
  }, DEADLINE_MS);
  watchdog.unref();
  const results: Result[] = [];
  if (KINDS.some((k) => k !== "bare")) buildBot();
  for (const kind of KINDS) {
    process.stderr.write(`running ${kind} …\n`);
    results.push(await runOne(kind));
  }
  process.stdout.write(`\n${MEMBERS} members × ${STEPS} steps, ${CONCURRENCY} updates in flight, webhook POSTs, Bot API stand-in on 127.0.0.1\n\n`);
  process.stdout.write(`${table(results)}\n\n${stepTable(results)}\n`);
  const sqlite = results.find((r) => r.name.endsWith("SQLite"));
  const bare = results.find((r) => r.name.startsWith("bare"));
  if (sqlite && bare) {
    const ratio = sqlite.updates / sqlite.seconds / (bare.updates / bare.seconds);
    process.stdout.write(
      `\ntargets: SQLite ≥ 50 % of bare: ${ratio >= 0.5 ? "met" : "MISSED"}; p99 < 100 ms: ${results.every((r) => r.p99 < 100) ? "met" : "MISSED"}; peak RSS < 200 MB: ${results.every((r) => r.rssMb < 200) ? "met" : "MISSED"}\n`,
    );
  }
  clearTimeout(watchdog);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench:inbound failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
