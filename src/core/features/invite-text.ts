// How an invite is handed over: the code, and a link on platforms that have deep links.
import { formatCode } from "../domain/invites.ts";
import { formatDateTime } from "../domain/time.ts";
import type { Invite } from "../domain/model.ts";
import type { Ctx } from "../engine/context.ts";

export function inviteInstructions(ctx: Ctx, invite: Invite, timezone: string): string {
  const { links } = ctx.services;
  const lines = [
    ctx.t("invite-code-line", { code: formatCode(invite.code) }),
    ctx.t("invite-validity", { uses: invite.maxUses, expires: formatDateTime(invite.expiresAt, timezone, ctx.actor.locale) }),
  ];
  for (const link of links.inviteLinks(invite.code)) lines.push(ctx.t("invite-link-line", { platform: link.platform.toLowerCase(), url: link.url }));
  const typed = links.platforms().filter((p) => p !== "TELEGRAM");
  if (typed.length) lines.push(ctx.t("invite-typed-line", { code: formatCode(invite.code) }));
  return lines.join("\n");
}
