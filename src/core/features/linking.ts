// /lienket: one person, one member, on Telegram and Zalo. A chat that already belongs to the member
// gets a one-time code; typed in the other chat ("lienket 4829 1375"), it links that chat to the
// same member. The member then picks where the bot's messages go (Member.preferredPlatform), and can
// unlink a chat again (a phone lost or handed on), as long as one chat stays theirs.
import { randomInt } from "node:crypto";
import type { Identity, Member } from "../domain/model.ts";
import type { Ctx } from "../engine/context.ts";
import { end, go, invalid, type FlowDef, type Next, type StepChoice } from "../engine/flow.ts";
import type { Feature } from "../engine/registry.ts";
import { fold } from "../text.ts";
import type { T } from "../services/messages.ts";
import type { Platform } from "../types.ts";
import { admitCode, codeFailed, codeSucceeded } from "./code-guard.ts";

export const LINK_CODE_MINUTES = 15;
export const LINK_CODE_DIGITS = 8;
/** Used and expired codes are kept this long (for support questions), then forgotten. */
const LINK_CODE_KEEP_MS = 7 * 86_400_000;

interface LinkDraft {
  /** The chat the member chose to unlink. */
  identityId?: string;
}

const platformName = (t: T, p: Platform): string => t(`link-platform-${p.toLowerCase()}`);

/** "Zalo (An Nguyễn)", or just "Zalo" when the platform gave no name. */
const accountName = (t: T, i: Pick<Identity, "platform" | "displayName">): string =>
  i.displayName ? `${platformName(t, i.platform)} (${i.displayName})` : platformName(t, i.platform);

/** Digits only, as the code is stored; "4829 1375", "4829-1375" and "48291375" are the same code. */
export function normalizeLinkCode(raw: string): string {
  return raw.replace(/[\s.\-_]/g, "");
}

export function formatLinkCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

function activePlatforms(identities: Identity[], memberId: string): Platform[] {
  return [...new Set(identities.filter((i) => i.active && i.memberId === memberId).map((i) => i.platform))];
}

function platformChoices(ctx: Ctx, platforms: Platform[]): StepChoice[][] {
  return platforms.map((p) => [{ label: ctx.t("link-receive-on", { platform: platformName(ctx.t, p) }), value: p.toLowerCase() }]);
}

/** Which platform a typed answer or a choice value names, if any. */
function platformIn(text: string, platforms: Platform[]): Platform | null {
  const words = fold(text).split(" ");
  return platforms.find((p) => words.includes(p.toLowerCase())) ?? null;
}

async function choosePlatform(ctx: Ctx, text: string): Promise<Next<LinkDraft>> {
  const member = ctx.actor.member!;
  const platforms = activePlatforms(await ctx.tx.identities.listForMember(member.id), member.id);
  const platform = platformIn(text, platforms);
  if (!platform) return invalid("input-pick-a-choice");
  await setPreferred(ctx, member, platform);
  return end(ctx.t("link-preferred-set", { platform: platformName(ctx.t, platform) }));
}

async function setPreferred(ctx: Ctx, member: Member, platform: Platform): Promise<void> {
  if (member.preferredPlatform === platform) return;
  const updated = await ctx.tx.members.update(member.id, { preferredPlatform: platform });
  ctx.actor.member = updated;
  await ctx.audit("member.preferred-platform", { memberId: member.id, from: member.preferredPlatform, to: platform });
}

const linkFlow: FlowDef<LinkDraft> = {
  name: "link",
  access: "member",
  ttlHours: 24,
  steps: {
    // Chats on two platforms already: where messages go, or a new code.
    menu: {
      prompt: async (ctx) => {
        const member = ctx.actor.member!;
        const linked = (await ctx.tx.identities.listForMember(member.id)).filter((i) => i.memberId === member.id);
        const identities = linked.filter((i) => i.active);
        const chats = identities.map((i) => ctx.t("link-chat-line", { account: accountName(ctx.t, i) }));
        const preferred = ctx.services.messages.preferredIdentity(member, identities);
        return {
          text: ctx.t("link-status", { chats: chats.join("\n"), preferred: preferred ? platformName(ctx.t, preferred.platform) : ctx.t("link-preferred-none") }),
          choices: [
            ...platformChoices(ctx, activePlatforms(identities, member.id)),
            [{ label: ctx.t("link-new-code"), value: "code" }],
            // One chat always stays: the last one is left with /xoadulieu, not here.
            ...(linked.length > 1 ? linked.map((i) => [{ label: ctx.t("link-unlink", { account: accountName(ctx.t, i) }), value: `u:${i.id}` }]) : []),
            [{ label: ctx.t("link-exit"), value: "cancel" }],
          ],
        };
      },
      choice: async (ctx, _d, value) => {
        if (value === "cancel") return end(ctx.t("link-closed"));
        if (value === "code") return end(await issueCode(ctx));
        if (value.startsWith("u:")) {
          const target = await ownChat(ctx, value.slice(2));
          return target ? go("unlink", { identityId: target.id }) : invalid("link-unlink-gone");
        }
        return choosePlatform(ctx, value);
      },
      text: (ctx, _d, text) => choosePlatform(ctx, text),
    },
    unlink: {
      prompt: async (ctx, d) => {
        const target = await ownChat(ctx, d.identityId);
        const here = target?.id === ctx.actor.identity.id;
        return {
          text: ctx.t(here ? "link-unlink-confirm-here" : "link-unlink-confirm", { account: target ? accountName(ctx.t, target) : "" }),
          choices: [
            [
              { label: ctx.t("link-unlink-yes"), value: "ok" },
              { label: ctx.t("link-unlink-no"), value: "back" },
            ],
          ],
        };
      },
      choice: (ctx, d, value) => {
        if (value === "back") return go("menu", {});
        if (value !== "ok") return invalid("input-pick-a-choice");
        return unlink(ctx, d);
      },
    },
    // Right after a chat was linked: where should messages go from now on?
    preferred: {
      prompt: async (ctx) => {
        const member = ctx.actor.member!;
        const identities = await ctx.tx.identities.listForMember(member.id);
        return { text: ctx.t("link-ask-preferred"), choices: platformChoices(ctx, activePlatforms(identities, member.id)) };
      },
      choice: (ctx, _d, value) => choosePlatform(ctx, value),
      text: (ctx, _d, text) => choosePlatform(ctx, text),
    },
  },
};

async function newCode(ctx: Ctx): Promise<string> {
  for (;;) {
    const code = String(randomInt(10 ** LINK_CODE_DIGITS)).padStart(LINK_CODE_DIGITS, "0");
    if (!(await ctx.tx.linkCodes.byCode(code))) return code;
  }
}

/** A fresh code for the member (older unused ones stop working) and how to use it. */
async function issueCode(ctx: Ctx): Promise<string> {
  const { tx, now, actor, services } = ctx;
  const member = actor.member!;
  await tx.linkCodes.revokeUnused(member.id);
  const code = await newCode(ctx);
  await tx.linkCodes.create({ code, memberId: member.id, createdAt: now, expiresAt: new Date(now.getTime() + LINK_CODE_MINUTES * 60_000) });
  // The code itself is a secret while it is valid: not in the audit log.
  await ctx.audit("member.link-code-created", { memberId: member.id });
  const shown = formatLinkCode(code);
  const others = services.links.platforms().filter((p) => p !== actor.identity.platform && p !== "CONSOLE");
  const how = others.length
    ? others.map((p) => ctx.t("link-how", { platform: platformName(ctx.t, p), command: p === "TELEGRAM" ? `/lienket ${shown}` : `lienket ${shown}` }))
    : [ctx.t("link-how-other", { command: `lienket ${shown}` })];
  return [ctx.t("link-code", { code: shown, minutes: LINK_CODE_MINUTES }), ...how, ctx.t("link-code-secret")].join("\n");
}

async function wrongCode(ctx: Ctx, key: string): Promise<void> {
  await codeFailed(ctx, "link");
  ctx.reply(ctx.t(key));
}

/** The chat typed a code: link it to the code's member, unless it belongs to someone already. */
async function redeem(ctx: Ctx, raw: string): Promise<void> {
  const { tx, now, actor, services } = ctx;
  if (!(await admitCode(ctx, "link"))) return;

  const code = normalizeLinkCode(raw);
  const found = /^\d{8}$/.test(code) ? await tx.linkCodes.byCode(code) : null;
  const owner = found ? await tx.members.byId(found.memberId) : null;
  if (!found || !owner || owner.status !== "ACTIVE") return wrongCode(ctx, "link-code-unknown");
  if (actor.member?.id === owner.id) return ctx.reply(ctx.t("link-already-linked"));
  if (found.usedAt) return wrongCode(ctx, "link-code-used");
  if (found.expiresAt <= now) return wrongCode(ctx, "link-code-expired");
  if (actor.member) {
    // This chat is another member's: linking it would hand that person's messages over.
    await ctx.audit("member.link-refused", { memberId: owner.id, identityId: actor.identity.id, reason: "chat-belongs-to-another-member" }, owner.branchId);
    return ctx.reply(ctx.t("link-chat-taken"));
  }
  if (!(await tx.linkCodes.use(code, now))) return wrongCode(ctx, "link-code-used");

  const branch = await tx.branches.byId(owner.branchId);
  await tx.identities.update(actor.identity.id, { memberId: owner.id });
  await codeSucceeded(ctx, "link");
  await ctx.endFlow(); // a half-done join in this chat is moot now
  actor.member = owner;
  actor.branch = branch;
  actor.identity = { ...actor.identity, memberId: owner.id };
  ctx.useLocale(services.messages.localeOf(owner, branch, actor.identity));
  await ctx.audit("member.linked", { memberId: owner.id, identityId: actor.identity.id, platform: actor.identity.platform }, owner.branchId);

  // The member's other chats learn of it: if it was not them, they can tell the secretary.
  const identities = await tx.identities.listForMember(owner.id);
  const here = platformName(ctx.t, actor.identity.platform);
  for (const other of identities) {
    if (other.id === actor.identity.id || !other.active) continue;
    const locale = services.messages.localeOf(owner, branch, other);
    const t = services.messages.bind(locale);
    // Said in the member's language, and marked so (the chat alone would say the branch's).
    await services.messages.toIdentity(tx, other, `linked:${actor.identity.id}:${other.id}:${now.getTime()}`, {
      text: t("link-notice", { account: accountName(t, actor.identity) }),
      locale,
    });
  }
  ctx.reply(ctx.t("link-done", { name: owner.fullName, branch: branch?.name ?? "", platform: here }));
  if (activePlatforms(identities, owner.id).length > 1) await ctx.startFlow(linkFlow, {}, "preferred");
}

/** One of the member's own linked chats; anything else reads as gone. */
async function ownChat(ctx: Ctx, id: string | undefined): Promise<Identity | null> {
  const member = ctx.actor.member;
  if (!id || !member) return null;
  return (await ctx.tx.identities.listForMember(member.id)).find((i) => i.id === id && i.memberId === member.id) ?? null;
}

async function unlink(ctx: Ctx, d: LinkDraft): Promise<Next<LinkDraft>> {
  const { tx, services } = ctx;
  const member = ctx.actor.member!;
  const target = await ownChat(ctx, d.identityId);
  const all = (await tx.identities.listForMember(member.id)).filter((i) => i.memberId === member.id);
  if (!target) return go("menu", {}, ctx.t("link-unlink-gone"));
  if (all.length < 2) return end(ctx.t("link-unlink-last"));
  const rest = all.filter((i) => i.id !== target.id);
  const here = target.id === ctx.actor.identity.id;
  const branch = ctx.actor.branch;
  const account = (t: T) => accountName(t, target);
  if (here) await ctx.endFlow();
  const withdrawn = await tx.linkCodes.unlink(target.id);
  // The chat that goes is told, after what waited for it was withdrawn (nothing of the member's follows).
  if (!here) {
    const locale = services.messages.localeOf(member, branch, target);
    const t = services.messages.bind(locale);
    const key = `unlinked:${ctx.event.platform}:${ctx.event.updateId}:${target.id}`;
    await services.messages.toIdentity(tx, { ...target, memberId: null }, key, { text: t("link-unlinked-notice", { name: member.fullName }), locale }, { memberId: null });
  }
  const remaining = activePlatforms(rest, member.id);
  if (member.preferredPlatform === target.platform && !remaining.includes(target.platform)) {
    const updated = await tx.members.update(member.id, { preferredPlatform: remaining[0] ?? rest[0]?.platform ?? null });
    if (!here) ctx.actor.member = updated;
  }
  await ctx.audit("member.unlinked", { memberId: member.id, identityId: target.id, platform: target.platform, withdrawn }, member.branchId);
  if (here) {
    // This chat is a stranger's now: say goodbye.
    for (const other of rest.filter((i) => i.active)) {
      const locale = services.messages.localeOf(member, branch, other);
      const t = services.messages.bind(locale);
      await services.messages.toIdentity(tx, other, `unlinked:${ctx.event.platform}:${ctx.event.updateId}:${other.id}`, { text: t("link-unlinked-elsewhere", { account: account(t) }), locale });
    }
    ctx.actor.member = null;
    return end(ctx.t("link-unlinked-here", { name: member.fullName }));
  }
  return go("menu", {}, ctx.t("link-unlinked", { account: account(ctx.t) }));
}

async function menu(ctx: Ctx): Promise<void> {
  const member = ctx.actor.member;
  if (!member) return ctx.reply(ctx.t("link-stranger"));
  const linked = (await ctx.tx.identities.listForMember(member.id)).filter((i) => i.memberId === member.id);
  if (linked.length > 1) return ctx.startFlow(linkFlow, {}, "menu");
  ctx.reply(await issueCode(ctx));
}

export const linkingFeature: Feature = {
  name: "linking",
  flows: [linkFlow],
  commands: [
    {
      name: "lienket",
      alias: "link",
      // Public: the chat that types the code does not belong to anyone yet. Making a code needs a member.
      access: "public",
      description: "link-description",
      bareArgs: true,
      run: async (ctx, args) => {
        if (!args) return menu(ctx);
        const member = ctx.actor.member;
        // "lienket zalo": where messages should go, not a code.
        const named = /\d/.test(args) ? null : platformIn(args, ["TELEGRAM", "ZALO"]);
        if (member && named) {
          const linked = activePlatforms(await ctx.tx.identities.listForMember(member.id), member.id);
          if (!linked.includes(named)) return ctx.reply(ctx.t("link-platform-missing", { platform: platformName(ctx.t, named) }));
          await setPreferred(ctx, member, named);
          return ctx.reply(ctx.t("link-preferred-set", { platform: platformName(ctx.t, named) }));
        }
        await redeem(ctx, args);
      },
    },
  ],
  jobs: [
    {
      name: "prune-link-codes",
      run: async ({ now, store }) => {
        await store.tx((tx) => tx.linkCodes.prune(new Date(now.getTime() - LINK_CODE_KEEP_MS)));
      },
    },
  ],
};
