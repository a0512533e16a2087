// The whole core on a real database, with recording messengers instead of platforms. Tests talk
// to it as people do: send text, press a choice, read what came back.
import { randomBytes } from "node:crypto";
import type { Core } from "../../src/core/core.ts";
import type { Feature } from "../../src/core/engine/registry.ts";
import type { Sender } from "../../src/core/services/sender.ts";
import type { OutMessage, Platform } from "../../src/core/types.ts";
import { loadLocales } from "../../src/infra/i18n/fluent.ts";
import { localesDir } from "../../src/infra/paths.ts";
import type { PrismaStore } from "../../src/infra/prisma/store.ts";
import { createRenderer } from "../../src/infra/render/renderer.ts";
import { wireApp } from "../../src/wire.ts";
import { createTestStore, openTestStore, type DbKind } from "./db.ts";
import { memoryLogger, RecordingMessenger, TestClock } from "./fakes.ts";

export const OPERATOR = "op";

export interface HarnessOptions {
  db?: DbKind;
  clock?: TestClock;
  platform?: Platform;
  features?: Feature[];
  /**
   * Opens the core on an existing database (another harness's `databaseUrl`) instead of a fresh one:
   * a restarted bot, or a second instance. `close()` then leaves the database in place.
   */
  databaseUrl?: string;
  /**
   * Keep the Zalo bot's caps of the free plan (50 people, 3,000 messages a month). Off by default:
   * most tests are about other things than a bot filling up.
   */
  botCaps?: boolean;
  /** Count and enforce the bot accounts' monthly quotas, as the deployed bot does. */
  quota?: boolean;
  /** Send invites' QR codes, as the deployed bot does. Off by default: a picture after every invite. */
  inviteQrCodes?: boolean;
}

export interface Harness {
  core: Core;
  store: PrismaStore;
  /** The database this harness runs on, for a second harness to open. */
  databaseUrl: string;
  clock: TestClock;
  sender: Sender;
  messengers: Record<Platform, RecordingMessenger>;
  logs: Array<{ level: string; obj: unknown; msg?: string }>;
  /** Sends text as `user` and returns what that user received because of it. */
  send(user: string, text: string, opts?: { platform?: Platform; updateId?: string }): Promise<OutMessage[]>;
  /** Presses the choice labelled `label` on the last message `user` got that had choices. */
  press(user: string, label: string, opts?: { platform?: Platform }): Promise<OutMessage[]>;
  /** Sends a raw callback action, as a stale or forged button would. */
  action(user: string, action: string, opts?: { platform?: Platform }): Promise<OutMessage[]>;
  /** Runs the scheduler's jobs at the clock's time and delivers what they queued. */
  tick(): Promise<void>;
  inbox(user: string, platform?: Platform): OutMessage[];
  last(user: string, platform?: Platform): OutMessage | undefined;
  /** Operator creates a branch; returns its first invite code. */
  createBranch(name: string): Promise<string>;
  /** `user` joins with `code` as `fullName`, agreeing to the privacy notice. */
  join(user: string, code: string, fullName: string): Promise<OutMessage[]>;
  close(): Promise<void>;
}

export async function createHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const platform = opts.platform ?? "TELEGRAM";
  const { store, db, close } = opts.databaseUrl ? await openTestStore(opts.databaseUrl) : await createTestStore(opts.db ?? "sqlite");
  if (!opts.botCaps && !opts.databaseUrl) await store.db.botAccount.updateMany({ data: { usersCap: 0, monthlyCap: 0 } });
  const clock = opts.clock ?? new TestClock();
  const logs: Harness["logs"] = [];
  const logger = memoryLogger(logs);
  const { translator } = loadLocales(localesDir, { strict: true });
  const messengers = {
    TELEGRAM: new RecordingMessenger("TELEGRAM"),
    ZALO: new RecordingMessenger("ZALO"),
    CONSOLE: new RecordingMessenger("CONSOLE"),
  } satisfies Record<Platform, RecordingMessenger>;
  const wired = await wireApp({
    store,
    translator,
    clock,
    logger,
    renderer: createRenderer(),
    links: {
      inviteLinks: (code) => [{ platform: "TELEGRAM", url: `https://t.me/chibo_test_bot?start=${code}` }],
      platforms: () => ["TELEGRAM", "ZALO"],
    },
    settings: {
      operators: new Set([`telegram:${OPERATOR}`, `zalo:${OPERATOR}`, `console:${OPERATOR}`]),
      defaultTimezone: "Asia/Ho_Chi_Minh",
      defaultLocale: "vi",
      ...(opts.inviteQrCodes ? { inviteQrCodes: true } : {}),
    },
    ...(opts.features ? { features: opts.features } : {}),
    messengers: Object.values(messengers),
    ...(opts.quota ? { quota: { refreshMs: 0 } } : {}),
    sending: {
      owner: "test",
      limits: {
        TELEGRAM: { perSecond: 10_000, perChatPerSecond: 10_000, chatBurst: 10_000 },
        ZALO: { perSecond: 10_000, perChatPerSecond: 10_000, chatBurst: 10_000 },
        CONSOLE: { perSecond: 10_000, perChatPerSecond: 10_000, chatBurst: 10_000 },
      },
      backoffBaseMs: 10,
      backoffMaxMs: 50,
      // Rows are stamped with the wall clock (createdAt) while tests move the TestClock by weeks: a reply
      // without its own give-up time must not look three days old. Messages that set one still expire.
      giveUpAfterMs: 5 * 365 * 86_400_000,
    },
  });
  const { core, sender } = wired;
  // Update ids are unique across harnesses too: a restarted bot or a second instance on the same
  // database gets new updates, never ones the first has already processed.
  const run = randomBytes(3).toString("hex");
  let seq = 0;

  const deliver = async (user: string, p: Platform, fn: () => Promise<unknown>): Promise<OutMessage[]> => {
    const before = messengers[p].to(user).length;
    await fn();
    await sender.drain();
    return messengers[p].to(user).slice(before);
  };

  const h: Harness = {
    core,
    store,
    databaseUrl: db.url,
    clock,
    sender,
    messengers,
    logs,
    send: (user, text, o = {}) => {
      const p = o.platform ?? platform;
      return deliver(user, p, () =>
        core.engine.handle({ platform: p, updateId: o.updateId ?? `u${run}-${++seq}`, userId: user, chatId: user, text, receivedAt: clock.now() }),
      );
    },
    action: (user, action, o = {}) => {
      const p = o.platform ?? platform;
      return deliver(user, p, () =>
        core.engine.handle({ platform: p, updateId: `u${run}-${++seq}`, userId: user, chatId: user, choice: action, receivedAt: clock.now() }),
      );
    },
    press: (user, label, o = {}) => {
      const p = o.platform ?? platform;
      const withChoices = [...messengers[p].to(user)].reverse().find((m) => m.choices?.length);
      const choice = withChoices?.choices?.flat().find((c) => c.label === label);
      if (!choice) {
        const labels = withChoices?.choices?.flat().map((c) => c.label) ?? [];
        throw new Error(`${user} has no choice "${label}" (last choices: ${labels.join(", ") || "none"})`);
      }
      return h.action(user, choice.action, o);
    },
    tick: async () => {
      await core.tick(clock.now());
      await sender.drain();
    },
    inbox: (user, p = platform) => messengers[p].to(user),
    last: (user, p = platform) => messengers[p].to(user).at(-1),
    async createBranch(name) {
      await h.send(OPERATOR, "/taochibo");
      await h.send(OPERATOR, name);
      const [created] = await h.press(OPERATOR, "Xác nhận");
      const code = /Mã mời: ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(created?.text ?? "")?.[1];
      if (!code) throw new Error(`no invite code in: ${created?.text}`);
      return code;
    },
    async join(user, code, fullName) {
      await h.send(user, `/start ${code}`);
      await h.send(user, fullName);
      await h.press(user, "Đồng ý");
      return h.press(user, "Xác nhận");
    },
    close: async () => {
      await wired.stop();
      await close();
    },
  };
  return h;
}
