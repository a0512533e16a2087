// /kenh (/bots), for operators: the deployment's bot accounts with how full they are (people on each
// against its users cap, messages this month against its quota), assigning a bot to a branch,
// pausing and resuming one, and adding a Zalo bot by its token. Adding by chat is allowed, with a
// warning: the token stays in the chat's history. The token is handed to the BotAdmin port straight
// from the message that carries it and never written into the flow's stored draft.
import type { BotAccount, Branch } from "../../domain/model.ts";
import { formatDateTime, monthKey, formatMonthKey } from "../../domain/time.ts";
import type { Ctx } from "../../engine/context.ts";
import { end, go, invalid, type FlowDef, type Next, type StepChoice } from "../../engine/flow.ts";
import type { Feature } from "../../engine/registry.ts";
import { fold } from "../../text.ts";
import { pageNav, pageOf, pagePosition, parsePageValue } from "../paging.ts";

interface BotsDraft {
  page?: number;
  botId?: string;
  /** The branches that matched the operator's search, to pick from. */
  matches?: string[];
  label?: string;
}

const LABEL_MAX = 60;
/** A Zalo bot token: "<bot id>:<secret>". */
const ZALO_TOKEN = /^\d{3,20}:[A-Za-z0-9_-]{8,200}$/;
const MAX_MATCHES = 8;

const close = (ctx: Ctx): StepChoice => ({ label: ctx.t("bots-close"), value: "close" });

async function findBot(ctx: Ctx, id: string | undefined): Promise<BotAccount | null> {
  return id ? ctx.tx.bots.byId(id) : null;
}

/** The running bots and quotas read the accounts again, once this unit of work has committed. */
function changed(ctx: Ctx): void {
  ctx.replyLater(async () => {
    ctx.services.bots?.changed();
    return [];
  });
}

async function zoneOfBot(ctx: Ctx, bot: BotAccount): Promise<{ zone: string; branch: Branch | null }> {
  const branch = bot.branchId ? await ctx.tx.branches.byId(bot.branchId) : null;
  return { zone: branch?.timezone ?? ctx.services.settings.defaultTimezone, branch };
}

async function detailText(ctx: Ctx, bot: BotAccount): Promise<string> {
  const { zone, branch } = await zoneOfBot(ctx, bot);
  const month = monthKey(ctx.now, zone);
  const usage = await ctx.tx.bots.usage(bot.id, month);
  const load = (await ctx.tx.bots.load([bot.id], ctx.now)).get(bot.id) ?? { users: 0, reserved: 0 };
  const unlimited = ctx.t("bots-unlimited");
  return ctx.t("bots-detail", {
    label: bot.label,
    platform: ctx.t(`bots-platform-${bot.platform.toLowerCase()}`),
    mode: ctx.t(bot.mode === "WEBHOOK" ? "bots-mode-webhook" : "bots-mode-polling"),
    id: bot.id,
    status: ctx.t(bot.status === "ACTIVE" ? "bots-status-active" : "bots-status-paused"),
    users: load.users,
    reserved: load.reserved,
    cap: bot.usersCap > 0 ? bot.usersCap : unlimited,
    sent: usage?.sent ?? 0,
    quota: bot.monthlyCap > 0 ? bot.monthlyCap : unlimited,
    month: formatMonthKey(month),
    branch: branch?.name ?? ctx.t("bots-shared"),
    lastUpdate: bot.lastUpdateAt ? formatDateTime(bot.lastUpdateAt, zone, ctx.actor.locale) : ctx.t("bots-none"),
    lastError: bot.lastError ?? ctx.t("bots-none"),
  });
}

const botsFlow: FlowDef<BotsDraft> = {
  name: "bots",
  access: "operator",
  ttlHours: 2,
  steps: {
    list: {
      prompt: async (ctx, d) => {
        const all = await ctx.tx.bots.list();
        const page = pageOf(all, d.page ?? 0);
        const text = [ctx.t("bots-list-header", { count: all.length }), pagePosition(ctx.t, page)].filter(Boolean).join("\n");
        const nav = pageNav(ctx.t, page);
        return {
          text,
          choices: [
            ...page.items.map((b) => [
              {
                label: ctx.t("bots-item", { label: b.label, platform: ctx.t(`bots-platform-${b.platform.toLowerCase()}`), status: ctx.t(b.status === "ACTIVE" ? "bots-status-active" : "bots-status-paused") }),
                value: `b:${b.id}`,
              },
            ]),
            ...(nav.length ? [nav] : []),
            [{ label: ctx.t("bots-add"), value: "add" }, close(ctx)],
          ],
        };
      },
      choice: async (ctx, d, value) => {
        if (value === "close") return end(ctx.t("bots-closed"));
        if (value === "add") return startAdding(ctx);
        const page = parsePageValue(value);
        if (page !== null) return go("list", { ...d, page });
        if (!value.startsWith("b:") || !(await findBot(ctx, value.slice(2)))) return invalid("input-pick-a-choice");
        return go("detail", { page: d.page ?? 0, botId: value.slice(2) });
      },
    },
    detail: {
      prompt: async (ctx, d) => {
        const bot = await findBot(ctx, d.botId);
        if (!bot) return { text: ctx.t("bots-gone"), choices: [[{ label: ctx.t("bots-back"), value: "back" }, close(ctx)]] };
        const defaultAccount = bot.id.startsWith("default-");
        return {
          text: await detailText(ctx, bot),
          choices: [
            ...(bot.platform === "ZALO" ? [[{ label: ctx.t("bots-assign"), value: "assign" }]] : []),
            // The accounts of the environment's tokens are configured there, not paused from chat.
            ...(defaultAccount ? [] : [[{ label: ctx.t(bot.status === "ACTIVE" ? "bots-pause" : "bots-resume"), value: bot.status === "ACTIVE" ? "pause" : "resume" }]]),
            [{ label: ctx.t("bots-back"), value: "back" }, close(ctx)],
          ],
        };
      },
      choice: async (ctx, d, value) => {
        if (value === "close") return end(ctx.t("bots-closed"));
        if (value === "back") return go("list", { page: d.page ?? 0 });
        const bot = await findBot(ctx, d.botId);
        if (!bot) return go("list", { page: 0 }, ctx.t("bots-gone"));
        if (value === "assign" && bot.platform === "ZALO") return go("assign", d);
        if ((value === "pause" || value === "resume") && !bot.id.startsWith("default-")) {
          const status = value === "pause" ? "PAUSED" : "ACTIVE";
          await ctx.tx.bots.update(bot.id, { status });
          await ctx.audit(`bot.${value === "pause" ? "paused" : "resumed"}`, { botAccountId: bot.id }, null);
          changed(ctx);
          return go("detail", d, ctx.t(value === "pause" ? "bots-paused" : "bots-resumed", { label: bot.label }));
        }
        return invalid("input-pick-a-choice");
      },
    },
    assign: {
      prompt: async (ctx, d) => {
        const bot = await findBot(ctx, d.botId);
        const matches = await Promise.all((d.matches ?? []).map((id) => ctx.tx.branches.byId(id)));
        const found = matches.filter((b): b is Branch => !!b);
        return {
          text: found.length ? ctx.t("bots-assign-matches", { count: found.length }) : ctx.t("bots-assign-ask", { label: bot?.label ?? "" }),
          choices: [
            ...found.map((b) => [{ label: b.name, value: `br:${b.id}` }]),
            [{ label: ctx.t("bots-assign-shared"), value: "shared" }],
            [{ label: ctx.t("bots-back"), value: "back" }],
          ],
        };
      },
      text: async (ctx, d, text) => {
        const query = fold(text);
        if (query.length < 2) return invalid("bots-assign-short");
        const branches = await ctx.tx.branches.list();
        const exact = branches.find((b) => b.id === text.trim());
        const found = exact ? [exact] : branches.filter((b) => fold(b.name).includes(query));
        if (!found.length) return invalid("bots-assign-none", { query: text.trim().slice(0, 60) });
        if (found.length === 1) return assign(ctx, d, found[0]!);
        const more = found.length > MAX_MATCHES ? [ctx.t("bots-assign-many", { count: found.length, shown: MAX_MATCHES })] : [];
        return go("assign", { ...d, matches: found.slice(0, MAX_MATCHES).map((b) => b.id) }, ...more);
      },
      choice: async (ctx, d, value) => {
        if (value === "back") return go("detail", { page: d.page ?? 0, botId: d.botId! });
        if (value === "shared") return assign(ctx, d, null);
        if (!value.startsWith("br:") || !(d.matches ?? []).includes(value.slice(3))) return invalid("input-pick-a-choice");
        const branch = await ctx.tx.branches.byId(value.slice(3));
        return branch ? assign(ctx, d, branch) : invalid("input-pick-a-choice");
      },
    },
    label: {
      prompt: (ctx) => ({ text: ctx.t("bots-add-ask-label", { max: LABEL_MAX }), choices: [[{ label: ctx.t("bots-back"), value: "back" }]] }),
      text: (ctx, d, text) => {
        const label = text.replace(/\s+/g, " ").trim();
        if (label.length < 3 || label.length > LABEL_MAX || !/\p{L}/u.test(label)) return invalid("bots-add-label-invalid", { max: LABEL_MAX });
        return go("token", { ...d, label });
      },
      choice: (_ctx, _d, value) => (value === "back" ? go("list", { page: 0 }) : invalid("input-pick-a-choice")),
    },
    token: {
      prompt: (ctx, d) => ({ text: ctx.t("bots-add-ask-token", { label: d.label ?? "" }), choices: [[{ label: ctx.t("bots-back"), value: "back" }]] }),
      // The token goes from this message to the port; nothing of it is kept in the flow.
      text: (ctx, d, text) => addBot(ctx, d, text.trim()),
      choice: (_ctx, _d, value) => (value === "back" ? go("list", { page: 0 }) : invalid("input-pick-a-choice")),
    },
  },
};

function startAdding(ctx: Ctx): Next<BotsDraft> {
  const admin = ctx.services.bots;
  if (!admin) return end(ctx.t("bots-add-unavailable"));
  if (!admin.canStore()) return end(ctx.t("bots-no-secret-key"));
  return go("label", {}, ctx.t("bots-add-warning"));
}

async function addBot(ctx: Ctx, d: BotsDraft, token: string): Promise<Next<BotsDraft>> {
  const admin = ctx.services.bots;
  if (!admin) return end(ctx.t("bots-add-unavailable"));
  if (!ZALO_TOKEN.test(token)) return invalid("bots-add-token-invalid");
  const result = await admin.add({ platform: "ZALO", label: d.label ?? "Zalo", token, branchId: null });
  if (!result.ok) {
    if (result.reason === "token-rejected") return invalid("bots-add-rejected", { detail: result.detail ?? "" });
    if (result.reason === "unreachable") return invalid("bots-add-unreachable", { detail: result.detail ?? "" });
    if (result.reason === "duplicate") return go("detail", { page: 0, botId: result.detail ?? "" }, ctx.t("bots-add-duplicate", { id: result.detail ?? "" }));
    return end(ctx.t("bots-no-secret-key"));
  }
  const { account } = result;
  await ctx.audit("bot.added", { botAccountId: account.id, platform: account.platform, label: account.label }, null);
  const how = result.webhookUrl ? ctx.t("bots-added-webhook", { url: result.webhookUrl }) : ctx.t("bots-added-polling");
  // Next: the bot serves a branch; the admins then invite with /moi.
  return go("assign", { page: 0, botId: account.id }, ctx.t("bots-added", { label: account.label, id: account.id, how }));
}

async function assign(ctx: Ctx, d: BotsDraft, branch: Branch | null): Promise<Next<BotsDraft>> {
  const bot = await findBot(ctx, d.botId);
  if (!bot) return go("list", { page: 0 }, ctx.t("bots-gone"));
  await ctx.tx.bots.update(bot.id, { branchId: branch?.id ?? null });
  await ctx.audit("bot.assigned", { botAccountId: bot.id, branchId: branch?.id ?? null }, branch?.id ?? null);
  changed(ctx);
  const said = branch ? ctx.t("bots-assigned", { label: bot.label, branch: branch.name }) : ctx.t("bots-assigned-shared", { label: bot.label });
  return go("detail", { page: d.page ?? 0, botId: bot.id }, said);
}

export const botsFeature: Feature = {
  name: "bots",
  flows: [botsFlow],
  commands: [
    {
      name: "kenh",
      alias: "bots",
      access: "operator",
      description: "bots-description",
      run: (ctx) => ctx.startFlow(botsFlow, { page: 0 }),
    },
  ],
};
