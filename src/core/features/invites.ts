// /moi (admins): invite codes and links for a role, with an expiry and a use limit, a preview and a
// confirmation; the branch's open invites, and revoking one. Every change goes to the audit log.
import { formatCode, generateCode, inviteProblem } from "../domain/invites.ts";
import type { Invite } from "../domain/model.ts";
import { formatDateTime } from "../domain/time.ts";
import { zoneOf, type Ctx } from "../engine/context.ts";
import { cancelChoice, confirmRow } from "../engine/controls.ts";
import { end, go, invalid, type FlowDef, type Next, type StepDef } from "../engine/flow.ts";
import type { Feature } from "../engine/registry.ts";
import { fold } from "../text.ts";
import { replyWithInviteQr } from "./invite-qr.ts";
import { inviteInstructions } from "./invite-text.ts";
import { nearFull, pickBot, zaloBotsFor, type BotRoom } from "./bots/capacity.ts";
import { nameOf } from "./names.ts";
import { pageNav, pageOf, pagePosition, parsePageValue } from "./paging.ts";
import { roleNames } from "./roles.ts";

export const INVITE_DAY_CHOICES = [1, 7, 30] as const;
export const INVITE_MAX_DAYS = 90;
export const INVITE_USE_CHOICES = [1, 10, 50] as const;
export const INVITE_MAX_USES = 200;
/** More live codes than this is a leak waiting to happen, not a need. */
export const MAX_OPEN_INVITES = 50;

interface InviteDraft {
  isSecretary?: boolean;
  isDeputy?: boolean;
  isAdmin?: boolean;
  days?: number;
  uses?: number;
  /** The page of the open-invite list, and the invite picked from it. */
  page?: number;
  inviteId?: string;
}

// The role an invite grants; an admin may hand out both flags, as the branch's first invite does.
const ROLES = {
  m: { isSecretary: false, isDeputy: false, isAdmin: false },
  s: { isSecretary: true, isDeputy: false, isAdmin: false },
  d: { isSecretary: true, isDeputy: true, isAdmin: false },
  a: { isSecretary: false, isDeputy: false, isAdmin: true },
  sa: { isSecretary: true, isDeputy: false, isAdmin: true },
} as const;
type RoleValue = keyof typeof ROLES;

const DAY_UNITS = ["ngay", "day", "days", "d"];
const USE_UNITS = ["lan", "luot", "nguoi", "use", "uses", "time", "times"];

/** "14", "14 ngày", "14 days" → 14; anything else (words, signs, decimals) → null. */
export function parseCount(text: string, units: string[]): number | null {
  const m = /^(\d{1,6})\s*([a-z]*)$/.exec(fold(text));
  if (!m || (m[2] && !units.includes(m[2]))) return null;
  return Number(m[1]);
}

const roleOf = (d: InviteDraft) => ({ isSecretary: d.isSecretary === true, isDeputy: d.isSecretary === true && d.isDeputy === true, isAdmin: d.isAdmin === true });
const grants = (i: Invite) => ({ isSecretary: i.grantsSecretary, isDeputy: i.grantsSecretary && i.grantsDeputy, isAdmin: i.grantsAdmin });

/** An invite of the admin's own branch; anything else reads as not found. */
async function findInvite(ctx: Ctx, id: string | undefined): Promise<Invite | null> {
  if (!id) return null;
  const invite = await ctx.tx.invites.byId(id);
  return invite && invite.branchId === ctx.actor.branch?.id ? invite : null;
}

const isOpen = (ctx: Ctx, invite: Invite | null): invite is Invite => inviteProblem(invite, ctx.now) === null;
const zaloOn = (ctx: Ctx) => ctx.services.links.platforms().includes("ZALO");

/**
 * The Zalo bot a new invite for `uses` people goes to (null where Zalo is not used), or, when every
 * bot of the branch is full, the reason in the admin's words.
 */
async function botFor(ctx: Ctx, uses: number): Promise<{ room: BotRoom | null } | { full: string }> {
  if (!zaloOn(ctx)) return { room: null };
  const branch = ctx.actor.branch!;
  const rooms = await zaloBotsFor(ctx.tx, branch.id, ctx.now);
  const room = pickBot(rooms, uses);
  if (room) return { room };
  const detail = rooms.map((r) => ctx.t("invites-bot-full-item", { bot: r.bot.label, users: r.users + r.reserved, cap: r.cap })).join(", ") || "–";
  return { full: ctx.t("invites-bot-full", { detail, branch: branch.name, branchId: branch.id }) };
}

/** The bot line of a preview, and a warning when the invite fills the bot up. */
function botLines(ctx: Ctx, room: BotRoom | null, uses: number): string[] {
  if (!room || room.cap <= 0) return [];
  const lines = [ctx.t("invites-bot-line", { bot: room.bot.label, users: room.users, cap: room.cap })];
  if (nearFull(room, uses)) lines.push(nearFullText(ctx, room, uses));
  return lines;
}

const nearFullText = (ctx: Ctx, room: BotRoom, uses: number) =>
  ctx.t("invites-bot-near-full", { bot: room.bot.label, count: room.users + room.reserved + uses, cap: room.cap });
const expiryFor = (ctx: Ctx, days: number) => new Date(ctx.now.getTime() + days * 86_400_000);

/**
 * A step asking for a count (days of validity, number of uses): three presets as choices, or a number
 * typed with its unit ("14 ngày", "25 lần") within 1..max. Keys: invites-ask-<field>, invites-<field>
 * (the preset label), invites-<field>-invalid, invites-<field>-range.
 */
function countStep(o: { field: "days" | "uses"; presets: readonly number[]; units: string[]; max: number; next: string }): StepDef<InviteDraft> {
  const accept = (d: InviteDraft, n: number) => go(o.next, { ...d, [o.field]: n });
  return {
    prompt: (ctx) => ({
      text: ctx.t(`invites-ask-${o.field}`, { max: o.max }),
      choices: [o.presets.map((n) => ({ label: ctx.t(`invites-${o.field}`, { count: n }), value: String(n) }))],
    }),
    choice: (_ctx, d, value) => (o.presets.includes(Number(value)) ? accept(d, Number(value)) : invalid("input-pick-a-choice")),
    text: (_ctx, d, text) => {
      const n = parseCount(text, o.units);
      if (n === null) return invalid(`invites-${o.field}-invalid`);
      if (n < 1 || n > o.max) return invalid(`invites-${o.field}-range`, { max: o.max });
      return accept(d, n);
    },
  };
}

const inviteFlow: FlowDef<InviteDraft> = {
  name: "invite",
  access: "admin",
  steps: {
    role: {
      prompt: async (ctx) => {
        const open = (await ctx.tx.invites.listOpen(ctx.actor.branch!.id, ctx.now)).length;
        return {
          text: ctx.t("invites-ask-role"),
          choices: [
            [
              { label: ctx.t("invites-role-member"), value: "m" },
              { label: ctx.t("invites-role-secretary"), value: "s" },
              { label: ctx.t("invites-role-deputy"), value: "d" },
            ],
            [
              { label: ctx.t("invites-role-admin"), value: "a" },
              { label: ctx.t("invites-role-both"), value: "sa" },
            ],
            ...(open ? [[{ label: ctx.t("invites-open-button", { count: open }), value: "list" }]] : []),
            [cancelChoice(ctx.t)],
          ],
        };
      },
      choice: (ctx, d, value) => {
        if (value === "list") return go("list", { page: 0 });
        if (value === "cancel") return end(ctx.t("cancel-done"));
        if (!Object.hasOwn(ROLES, value)) return invalid("input-pick-a-choice");
        return go("days", { ...d, ...ROLES[value as RoleValue] });
      },
    },
    days: countStep({ field: "days", presets: INVITE_DAY_CHOICES, units: DAY_UNITS, max: INVITE_MAX_DAYS, next: "uses" }),
    uses: countStep({ field: "uses", presets: INVITE_USE_CHOICES, units: USE_UNITS, max: INVITE_MAX_USES, next: "preview" }),
    preview: {
      prompt: async (ctx, d) => {
        const role = roleOf(d);
        const bot = await botFor(ctx, d.uses ?? 1);
        const lines = [
          ctx.t("invites-preview", {
            branch: ctx.actor.branch?.name ?? "",
            role: roleNames(ctx.t, role),
            days: d.days ?? 0,
            expires: formatDateTime(expiryFor(ctx, d.days ?? 0), zoneOf(ctx), ctx.actor.locale),
            uses: d.uses ?? 0,
          }),
        ];
        // A code that makes its holder secretary or admin is a key to the branch: say so before it is made.
        if (role.isSecretary) lines.push("", ctx.t("invites-warn-secretary", { role: roleNames(ctx.t, { ...role, isAdmin: false }) }));
        if ((role.isAdmin || role.isSecretary) && (d.uses ?? 0) > 1) lines.push("", ctx.t("invites-warn-role-uses", { role: roleNames(ctx.t, role) }));
        if ("full" in bot) lines.push("", bot.full);
        else if (bot.room) lines.push(...botLines(ctx, bot.room, d.uses ?? 1));
        return { text: lines.join("\n"), choices: [confirmRow(ctx.t)] };
      },
      choice: (ctx, d, value) => {
        if (value === "edit") return go("role", {});
        if (value === "cancel") return end(ctx.t("cancel-done"));
        if (value !== "ok") return invalid("input-pick-a-choice");
        return createInvite(ctx, d);
      },
    },
    list: {
      prompt: async (ctx, d) => {
        const open = await ctx.tx.invites.listOpen(ctx.actor.branch!.id, ctx.now);
        const close = [
          { label: ctx.t("invites-new"), value: "new" },
          { label: ctx.t("invites-close"), value: "close" },
        ];
        if (!open.length) return { text: ctx.t("invites-list-empty"), choices: [close] };
        const page = pageOf(open, d.page ?? 0);
        const text = [ctx.t("invites-list-header", { count: open.length }), pagePosition(ctx.t, page), ctx.t("invites-list-hint")].filter(Boolean);
        const nav = pageNav(ctx.t, page);
        return {
          text: text.join("\n"),
          choices: [
            ...page.items.map((i) => [
              { label: ctx.t("invites-item", { code: formatCode(i.code), role: roleNames(ctx.t, grants(i)), uses: i.uses, max: i.maxUses }), value: `i:${i.id}` },
            ]),
            ...(nav.length ? [nav] : []),
            close,
          ],
        };
      },
      choice: async (ctx, d, value) => {
        if (value === "new") return go("role", {});
        if (value === "close") return end(ctx.t("invites-closed"));
        const page = parsePageValue(value);
        if (page !== null) return go("list", { ...d, page });
        if (!value.startsWith("i:")) return invalid("input-pick-a-choice");
        const invite = await findInvite(ctx, value.slice(2));
        if (!isOpen(ctx, invite)) return invalid("invites-not-open");
        return go("detail", { ...d, inviteId: invite.id });
      },
    },
    detail: {
      prompt: async (ctx, d) => {
        const invite = await findInvite(ctx, d.inviteId);
        const back = [
          { label: ctx.t("invites-back"), value: "list" },
          { label: ctx.t("invites-close"), value: "close" },
        ];
        if (!isOpen(ctx, invite)) return { text: ctx.t("invites-not-open"), choices: [back] };
        const creator = invite.createdById ? await ctx.tx.members.byId(invite.createdById) : null;
        const bot = invite.botAccountId ? await ctx.tx.bots.byId(invite.botAccountId) : null;
        const text = [
          ctx.t("invites-detail", {
            role: roleNames(ctx.t, grants(invite)),
            uses: invite.uses,
            max: invite.maxUses,
            created: formatDateTime(invite.createdAt, zoneOf(ctx), ctx.actor.locale),
            by: creator ? await nameOf(ctx.tx, creator) : ctx.t("invites-by-operator"),
          }),
          inviteInstructions(ctx, invite, zoneOf(ctx), bot),
        ];
        return { text: text.join("\n"), choices: [[{ label: ctx.t("invites-revoke"), value: "revoke" }], back] };
      },
      choice: async (ctx, d, value) => {
        if (value === "list") return go("list", { page: d.page ?? 0 });
        if (value === "close") return end(ctx.t("invites-closed"));
        if (value !== "revoke") return invalid("input-pick-a-choice");
        if (!isOpen(ctx, await findInvite(ctx, d.inviteId))) return go("list", { page: d.page ?? 0 }, ctx.t("invites-not-open"));
        return go("revoke", d);
      },
    },
    revoke: {
      prompt: async (ctx, d) => {
        const invite = await findInvite(ctx, d.inviteId);
        return {
          text: ctx.t("invites-revoke-confirm", { code: invite ? formatCode(invite.code) : "", uses: invite?.uses ?? 0 }),
          choices: [confirmRow(ctx.t, false)],
        };
      },
      choice: (ctx, d, value) => {
        if (value === "cancel") return go("detail", d);
        if (value !== "ok") return invalid("input-pick-a-choice");
        return revokeInvite(ctx, d);
      },
    },
  },
};

async function createInvite(ctx: Ctx, d: InviteDraft): Promise<Next<InviteDraft>> {
  const branch = ctx.actor.branch!;
  if (!d.days || !d.uses) return go("role", {});
  const open = await ctx.tx.invites.listOpen(branch.id, ctx.now);
  if (open.length >= MAX_OPEN_INVITES) return end(ctx.t("invites-too-many", { max: MAX_OPEN_INVITES }));
  const role = roleOf(d);
  const bot = await botFor(ctx, d.uses);
  if ("full" in bot) return end(bot.full);
  const invite = await ctx.tx.invites.create({
    branchId: branch.id,
    code: generateCode(),
    grantsSecretary: role.isSecretary,
    grantsDeputy: role.isDeputy,
    grantsAdmin: role.isAdmin,
    maxUses: d.uses,
    expiresAt: expiryFor(ctx, d.days),
    createdById: ctx.actor.member?.id ?? null,
    botAccountId: bot.room?.bot.id ?? null,
  });
  // The code itself stays out of the log: it is a key to the branch until it expires.
  await ctx.audit("invite.created", {
    inviteId: invite.id,
    secretary: invite.grantsSecretary,
    deputy: invite.grantsDeputy,
    admin: invite.grantsAdmin,
    maxUses: invite.maxUses,
    expiresAt: invite.expiresAt.toISOString(),
    botAccountId: invite.botAccountId,
  });
  const lines = [ctx.t("invites-created", { role: roleNames(ctx.t, role) }), "", inviteInstructions(ctx, invite, branch.timezone, bot.room?.bot ?? null)];
  // Said again once made: the admin may have skipped the preview's warning.
  if (bot.room && nearFull(bot.room, d.uses)) lines.push("", nearFullText(ctx, bot.room, d.uses));
  replyWithInviteQr(ctx, invite, branch, bot.room?.bot ?? null);
  return end(lines.join("\n"));
}

async function revokeInvite(ctx: Ctx, d: InviteDraft): Promise<Next<InviteDraft>> {
  const invite = await findInvite(ctx, d.inviteId);
  const back: InviteDraft = { page: d.page ?? 0 };
  if (!isOpen(ctx, invite)) return go("list", back, ctx.t("invites-not-open"));
  await ctx.tx.invites.revoke(invite.id, ctx.now);
  await ctx.audit("invite.revoked", { inviteId: invite.id, uses: invite.uses, maxUses: invite.maxUses });
  return go("list", back, ctx.t("invites-revoked", { code: formatCode(invite.code) }));
}

const LIST_WORDS = new Set(["ds", "danhsach", "danh sach", "list"]);

export const invitesFeature: Feature = {
  name: "invites",
  flows: [inviteFlow],
  commands: [
    {
      name: "moi",
      alias: "invite",
      access: "admin",
      description: "invites-description",
      // "/moi ds" goes straight to the open invites.
      run: async (ctx, args) => (LIST_WORDS.has(fold(args)) ? ctx.startFlow(inviteFlow, { page: 0 }, "list") : ctx.startFlow(inviteFlow, {})),
    },
  ],
};
