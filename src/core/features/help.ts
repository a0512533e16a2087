// /trogiup: the commands this person may use, grouped by role, in their language, and for members
// when the month's self-evaluation opens; for admins, what hides behind /dangky → Quản lý.
import { allows, type Access } from "../engine/access.ts";
import type { Ctx } from "../engine/context.ts";
import type { Feature } from "../engine/registry.ts";

const SECTIONS: Access[] = ["public", "member", "self", "secretary", "admin", "operator"];

/** The commands of a section: members find /dulieu and /xoadulieu ("self") among their own. */
function inSection(access: Access, commandAccess: Access, isMember: boolean): boolean {
  if (access === "member") return commandAccess === "member" || commandAccess === "self";
  if (access === "self") return commandAccess === "self" && !isMember;
  return commandAccess === access;
}

export function helpText(ctx: Ctx): string {
  const { registry } = ctx.services;
  const lines: string[] = [];
  const member = ctx.actor.member;
  lines.push(member ? ctx.t("help-intro-member", { branch: ctx.actor.branch?.name ?? "" }) : ctx.t("help-intro-stranger"));
  for (const access of SECTIONS) {
    if (!allows(ctx.actor, access)) continue;
    const commands = registry.commands.filter((c) => inSection(access, c.access, member !== null) && !(access === "public" && c.name === "start"));
    if (!commands.length) continue;
    lines.push("", ctx.t(`help-section-${access}`));
    for (const c of commands) lines.push(ctx.t("help-command-line", { name: c.name, alias: c.alias, description: ctx.t(c.description) }));
    // What a section's commands do not say by themselves: when the self-evaluation opens, what
    // /dangky → Quản lý holds. One line each, so help stays one message on Zalo.
    const branch = ctx.actor.branch;
    if (access === "member" && branch) lines.push(ctx.t("help-selfeval-when", { days: branch.selfEvalDaysBefore }));
    if (access === "admin") lines.push(ctx.t("help-admin-manage"));
  }
  if (ctx.event.platform !== "TELEGRAM") lines.push("", ctx.t("help-typing-tip"));
  return lines.join("\n");
}

export const helpFeature: Feature = {
  name: "help",
  commands: [
    {
      name: "trogiup",
      alias: "help",
      access: "public",
      description: "help-description",
      run: async (ctx) => ctx.reply(helpText(ctx)),
    },
  ],
};
