// How an invite is handed over: the code, a link on platforms that have deep links, and on Zalo the
// bot the code is typed to (every invite belongs to a bot with room for it).
import { formatCode } from "../domain/invites.ts";
import { formatDateTime } from "../domain/time.ts";
import type { BotAccount, Invite } from "../domain/model.ts";
import type { Ctx } from "../engine/context.ts";
import type { T } from "../services/messages.ts";

/** Where a Zalo bot is opened: its link when the operator gave one, else its name. */
export function botPlace(t: T, bot: Pick<BotAccount, "label" | "link">): string {
  return bot.link ?? t("invite-zalo-bot", { label: bot.label });
}

export function inviteInstructions(ctx: Ctx, invite: Invite, timezone: string, bot: BotAccount | null = null): string {
  const { links } = ctx.services;
  const code = formatCode(invite.code);
  const lines = [ctx.t("invite-code-line", { code }), ctx.t("invite-validity", { uses: invite.maxUses, expires: formatDateTime(invite.expiresAt, timezone, ctx.actor.locale) })];
  for (const link of links.inviteLinks(invite.code)) lines.push(ctx.t("invite-link-line", { platform: link.platform.toLowerCase(), url: link.url }));
  // A bot of its own is named (there may be several); the environment's bot is just "the bot".
  if (bot && (bot.link || !bot.id.startsWith("default-"))) lines.push(ctx.t("invite-zalo-line", { bot: botPlace(ctx.t, bot), code }));
  else if (links.platforms().some((p) => p !== "TELEGRAM")) lines.push(ctx.t("invite-typed-line", { code }));
  return lines.join("\n");
}
