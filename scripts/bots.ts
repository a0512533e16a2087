// Bot accounts of a deployment, for operators:
//   npm run bots -- add zalo --name "<label>" [--branch <id or name>] [--link <url>] [--polling]
//                                     the token is read from standard input (never from the command line)
//   npm run bots -- list             status, mode, people/cap, messages this month/quota, last update, last error
//   npm run bots -- pause|resume|remove <id>
//   npm run bots -- check <id>       asks Zalo whether the stored token still works
// DATABASE_URL, SECRET_KEY, ZALO_API_ROOT and PUBLIC_URL come from the environment, as for the bot.
// A running bot picks up what changed here within a few seconds.
import { createInterface } from "node:readline";
import { checkZaloToken, createBotAdmin } from "../src/bot-admin.ts";
import { ConfigError, loadConfig, type Config } from "../src/config.ts";
import type { BotAccount, Branch } from "../src/core/domain/model.ts";
import { formatMonthKey, monthKey } from "../src/core/domain/time.ts";
import { fold } from "../src/core/text.ts";
import { createBotRegistry, RegistryError } from "../src/infra/bots/registry.ts";
import { parseSecretKey } from "../src/infra/bots/secret-box.ts";
import { deployMigrationsIsolated } from "../src/infra/prisma/migrate.ts";
import { checkDatabaseUrl } from "../src/infra/prisma/preflight.ts";
import { createPrismaStore, type PrismaStore } from "../src/infra/prisma/store.ts";

const USAGE = `usage:
  npm run bots -- add zalo --name "<label>" [--branch <branch id or name>] [--link <url>] [--polling]
      (the token is read from standard input, e.g.: npm run bots -- add zalo --name "Bot Chi bộ 3" < token.txt)
  npm run bots -- list
  npm run bots -- pause <id> | resume <id> | remove <id> | check <id>`;

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith("--")) throw new UsageError(`${name} needs a value`);
  return value;
}

/** The token from standard input: piped, or typed at a prompt that does not show it. */
async function readToken(): Promise<string> {
  const input = process.stdin;
  if (input.isTTY) process.stderr.write("Paste the bot token (from the Zalo message you got when creating the bot), then press Enter: ");
  const rl = createInterface({ input, terminal: false });
  let token = "";
  for await (const line of rl) {
    token = line.trim();
    if (token) break;
  }
  rl.close();
  if (input.isTTY) process.stderr.write("\n");
  return token;
}

async function findBranch(store: PrismaStore, query: string): Promise<Branch> {
  const branches = await store.tx((tx) => tx.branches.list());
  const byId = branches.find((b) => b.id === query);
  if (byId) return byId;
  const matches = branches.filter((b) => fold(b.name) === fold(query));
  const partial = matches.length ? matches : branches.filter((b) => fold(b.name).includes(fold(query)));
  if (partial.length === 1) return partial[0]!;
  if (!partial.length) throw new UsageError(`no branch matches "${query}" (give its id or its name)`);
  throw new UsageError(`"${query}" matches ${partial.length} branches; give the id of one:\n${partial.map((b) => `  ${b.id}  ${b.name}`).join("\n")}`);
}

async function add(config: Config, store: PrismaStore, args: string[]): Promise<number> {
  const [platform] = args;
  if (platform !== "zalo") throw new UsageError(platform === "telegram" ? "Telegram uses TELEGRAM_BOT_TOKEN; only Zalo bots are added here" : "add which platform? (zalo)");
  if (args.some((a) => a.startsWith("--token"))) throw new UsageError("the token is read from standard input, never from the command line (it would stay in the shell history)");
  const label = option(args, "--name")?.trim();
  if (!label) throw new UsageError('--name "<label>" is required');
  const branchQuery = option(args, "--branch");
  const link = option(args, "--link");
  if (link && !/^https:\/\/\S+$/.test(link)) throw new UsageError("--link must be an https:// link (where people open a chat with the bot)");
  if (!config.SECRET_KEY) {
    console.error("SECRET_KEY is not set: bot tokens are stored encrypted and need it.\nGenerate one with `openssl rand -base64 32`, set SECRET_KEY in the bot's environment (and here), then try again.");
    return 1;
  }
  const branch = branchQuery ? await findBranch(store, branchQuery) : null;
  const token = await readToken();
  if (!token) throw new UsageError("no token on standard input");
  const registry = createBotRegistry(store.db, parseSecretKey(config.SECRET_KEY));
  const admin = createBotAdmin({ registry, zaloApiRoot: config.ZALO_API_ROOT, publicUrl: config.PUBLIC_URL ?? null });
  const result = await admin.add({ platform: "ZALO", label, token, branchId: branch?.id ?? null, link: link ?? null, ...(args.includes("--polling") ? { mode: "POLLING" as const } : {}) });
  if (!result.ok) {
    const why = {
      "no-secret-key": "SECRET_KEY is not set",
      "token-rejected": `Zalo refused the token (${result.detail}). Check it in the message Zalo Bot Creator sent you.`,
      unreachable: `Zalo could not be reached to check the token (${result.detail}). Nothing was stored; try again.`,
      duplicate: `this bot is already registered, as ${result.detail}`,
    }[result.reason];
    console.error(`Not added: ${why}`);
    return 1;
  }
  const { account } = result;
  const mode = account.mode;
  console.log(`Added the Zalo bot "${account.label}"${account.username ? ` (${account.username})` : ""}.
  id:       ${account.id}
  receives: ${mode === "WEBHOOK" ? `webhook ${result.webhookUrl}` : "long polling (no PUBLIC_URL, or --polling)"}
  branch:   ${branch ? `${branch.name} (${branch.id})` : "shared by every branch that needs room"}
  limits:   ${account.usersCap} people, ${account.monthlyCap} messages a month (Zalo's free plan)

Next:
  - The running bot starts this one within a few seconds${mode === "WEBHOOK" ? " and registers the webhook above with Zalo" : ""}; or start the bot: npm start
  - ${branch ? `The admins of ${branch.name}` : "A branch's admins"} make invites for it with /moi; members type the code to this bot.
  - Check it any time: npm run bots -- check ${account.id}`);
  return 0;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n");
}

async function list(config: Config, store: PrismaStore): Promise<number> {
  const now = new Date();
  const rows = await store.tx(async (tx) => {
    const bots = await tx.bots.list();
    const load = await tx.bots.load(bots.map((b) => b.id), now);
    const out: string[][] = [["id", "platform", "label", "status", "mode", "people/cap", "sent this month/quota", "branch", "last update", "last error"]];
    for (const b of bots) {
      const branch = b.branchId ? await tx.branches.byId(b.branchId) : null;
      const month = monthKey(now, branch?.timezone ?? config.DEFAULT_TIMEZONE);
      const sent = (await tx.bots.usage(b.id, month))?.sent ?? 0;
      const l = load.get(b.id) ?? { users: 0, reserved: 0 };
      out.push([
        b.id,
        b.platform.toLowerCase(),
        b.label,
        b.status.toLowerCase(),
        b.mode.toLowerCase(),
        `${l.users}${l.reserved ? `+${l.reserved}` : ""}/${b.usersCap || "∞"}`,
        `${sent}/${b.monthlyCap || "∞"} (${formatMonthKey(month)})`,
        branch?.name ?? "shared",
        b.lastUpdateAt?.toISOString().slice(0, 16).replace("T", " ") ?? "-",
        (b.lastError ?? "-").slice(0, 60),
      ]);
    }
    return out;
  });
  console.log(rows.length > 1 ? table(rows) : "No bot accounts yet. Add one: npm run bots -- add zalo --name \"<label>\"");
  return 0;
}

async function account(store: PrismaStore, id: string | undefined): Promise<BotAccount> {
  if (!id) throw new UsageError("which account? give its id (npm run bots -- list)");
  const found = await store.tx((tx) => tx.bots.byId(id));
  if (!found || found.status === "REMOVED") throw new UsageError(`no bot account ${id} (npm run bots -- list)`);
  return found;
}

async function setStatus(store: PrismaStore, id: string | undefined, status: "ACTIVE" | "PAUSED"): Promise<number> {
  const found = await account(store, id);
  if (found.id.startsWith("default-")) throw new UsageError(`${found.id} is the token in the environment: change or unset that variable instead`);
  await store.tx(async (tx) => {
    await tx.bots.update(found.id, { status });
    await tx.audit.add({ branchId: null, actorId: null, actorLabel: "operator:cli", action: status === "PAUSED" ? "bot.paused" : "bot.resumed", details: { botAccountId: found.id } }, new Date());
  });
  console.log(status === "PAUSED" ? `Paused ${found.label}: it stops receiving and sending within a few seconds; its messages wait.` : `Resumed ${found.label}.`);
  return 0;
}

async function remove(store: PrismaStore, config: Config, id: string | undefined): Promise<number> {
  const found = await account(store, id);
  const registry = createBotRegistry(store.db, config.SECRET_KEY ? parseSecretKey(config.SECRET_KEY) : null);
  try {
    await registry.remove(found.id);
  } catch (err) {
    if (err instanceof RegistryError) throw new UsageError(`${found.id} is the token in the environment: unset that variable instead`);
    throw err;
  }
  await store.tx((tx) => tx.audit.add({ branchId: null, actorId: null, actorLabel: "operator:cli", action: "bot.removed", details: { botAccountId: found.id } }, new Date()));
  console.log(`Removed ${found.label}: its token is erased; the running bot stops it and unregisters its webhook. Its members' chats stay on record; they can join again through another bot.`);
  return 0;
}

async function check(store: PrismaStore, config: Config, id: string | undefined): Promise<number> {
  const found = await account(store, id);
  const registry = createBotRegistry(store.db, config.SECRET_KEY ? parseSecretKey(config.SECRET_KEY) : null);
  const { bots, unreadable } = await registry.driven(found.platform);
  const problem = unreadable.find((u) => u.id === found.id);
  if (problem) {
    console.error(`Cannot read the token of ${found.id}: ${problem.reason}`);
    return 1;
  }
  const token = bots.find((b) => b.id === found.id)?.token ?? (found.id === "default-zalo" ? config.ZALO_BOT_TOKEN : undefined);
  if (!token || found.platform !== "ZALO") throw new UsageError(`${found.id} has no Zalo token to check`);
  const result = await checkZaloToken(config.ZALO_API_ROOT, token);
  await store.tx((tx) => tx.bots.update(found.id, result.ok ? { lastError: null } : { lastError: result.detail.slice(0, 500), lastErrorAt: new Date() }));
  if (!result.ok) {
    console.error(`${found.label}: ${result.reason === "token-rejected" ? "Zalo refuses the token" : "Zalo cannot be reached"} (${result.detail})`);
    return 1;
  }
  console.log(`${found.label}: the token works (${result.info.account_name ?? result.info.id}, ${result.info.account_type ?? "plan unknown"}).`);
  return 0;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  await checkDatabaseUrl(config.DATABASE_URL);
  await deployMigrationsIsolated(config.DATABASE_URL);
  const store = await createPrismaStore(config.DATABASE_URL);
  try {
    switch (command) {
      case "add":
        return await add(config, store, args);
      case "list":
        return await list(config, store);
      case "pause":
        return await setStatus(store, args[0], "PAUSED");
      case "resume":
        return await setStatus(store, args[0], "ACTIVE");
      case "remove":
        return await remove(store, config, args[0]);
      case "check":
        return await check(store, config, args[0]);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bots: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
