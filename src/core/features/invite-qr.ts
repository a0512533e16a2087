// An invite as QR codes, ready to print for a meeting room or to show on a phone: on Telegram the
// deep link, on Zalo the bot's link (or the code, where the bot has no link), each captioned with
// the branch, the role and the expiry. Drawn after the unit of work commits (see Ctx.replyLater).
import { formatCode } from "../domain/invites.ts";
import type { BotAccount, Branch, Invite } from "../domain/model.ts";
import { formatDateTime } from "../domain/time.ts";
import type { Ctx } from "../engine/context.ts";
import type { OutMessage } from "../types.ts";
import { roleNames } from "./roles.ts";

export function replyWithInviteQr(ctx: Ctx, invite: Invite, branch: Branch, bot: BotAccount | null): void {
  if (!ctx.services.settings.inviteQrCodes) return;
  const render = ctx.services.render;
  const { t } = ctx;
  const code = formatCode(invite.code);
  const caption = t("invite-qr-caption", {
    branch: branch.name,
    role: roleNames(t, { isSecretary: invite.grantsSecretary, isAdmin: invite.grantsAdmin }),
    expires: formatDateTime(invite.expiresAt, branch.timezone, ctx.actor.locale),
  });
  const targets: Array<{ platform: string; content: string; line: string }> = [];
  const telegram = ctx.services.links.inviteLinks(invite.code).find((l) => l.platform === "TELEGRAM");
  if (telegram) targets.push({ platform: "telegram", content: telegram.url, line: t("invite-qr-telegram") });
  if (ctx.services.links.platforms().includes("ZALO")) {
    targets.push(bot?.link ? { platform: "zalo", content: bot.link, line: t("invite-qr-zalo", { code }) } : { platform: "zalo", content: code, line: t("invite-qr-zalo-code", { code }) });
  }
  if (!targets.length) return;
  ctx.replyLater(async () => {
    const out: OutMessage[] = [];
    for (const target of targets) {
      const text = `${caption}\n${target.line}`;
      const png = await render.qrPng(target.content);
      out.push({ text, files: [{ name: `ma-moi-${invite.code}-${target.platform}.png`, mime: "image/png", data: png.toString("base64"), caption: text }] });
    }
    return out;
  });
}
