// /dulieu: everything stored about oneself; /xoadulieu: erase it. Party membership is sensitive
// personal data under Decree 13/2023/NĐ-CP, so both are one command away for every member.
import type { Ctx } from "../engine/context.ts";
import { end, invalid, type FlowDef, type Next } from "../engine/flow.ts";
import type { Feature } from "../engine/registry.ts";
import { nameOf } from "./names.ts";

function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

async function exportData(ctx: Ctx): Promise<void> {
  const member = ctx.actor.member!;
  const data = await ctx.tx.privacy.exportMember(member.id);
  const json = JSON.stringify({ exportedAt: ctx.now.toISOString(), ...data }, null, 2);
  ctx.reply({
    text: ctx.t("privacy-export", {
      name: member.fullName,
      chats: count(data.chats),
      answers: count(data.meetingAnswers),
      commitments: count(data.commitments),
      evaluations: count(data.selfEvaluations),
    }),
    files: [{ name: "du-lieu-cua-toi.json", mime: "application/json", data: Buffer.from(json, "utf8").toString("base64") }],
  });
}

const forgetFlow: FlowDef<Record<string, never>> = {
  name: "forget",
  access: "member",
  ttlHours: 1,
  steps: {
    confirm: {
      prompt: (ctx) => ({
        text: ctx.t("privacy-forget-confirm", { branch: ctx.actor.branch?.name ?? "" }),
        choices: [[{ label: ctx.t("privacy-forget-yes"), value: "yes" }, { label: ctx.t("control-cancel"), value: "no" }]],
      }),
      choice: (ctx, _d, value) => {
        if (value === "yes") return forget(ctx);
        // Only the offered "no" cancels: a forged or unknown value asks again.
        return value === "no" ? end(ctx.t("cancel-done")) : invalid("input-pick-a-choice");
      },
    },
  },
};

async function forget(ctx: Ctx): Promise<Next<Record<string, never>>> {
  const member = ctx.actor.member!;
  const branch = ctx.actor.branch!;
  const admins = (await ctx.tx.members.listWithRole(branch.id, "admin")).filter((m) => m.id !== member.id);
  if (member.isAdmin && !admins.length) return end(ctx.t("privacy-forget-last-admin"));
  // The branch learns that someone left, so it can follow up in person; nothing else of theirs stays.
  const name = await nameOf(ctx.tx, member);
  for (const admin of admins) {
    await ctx.services.messages.toMember(ctx.tx, admin, branch, `forgot:${member.id}:${admin.id}`, (t) => ({
      text: t("privacy-forget-admin-notice", { name }),
    }), { audience: "admin" });
  }
  const counts = await ctx.tx.privacy.eraseMember(member.id, ctx.now, ctx.t("privacy-erased-name"));
  await ctx.audit("member.erased", { memberId: member.id, counts }, branch.id);
  return end(ctx.t("privacy-forget-done"));
}

export const privacyFeature: Feature = {
  name: "privacy",
  flows: [forgetFlow],
  commands: [
    { name: "dulieu", alias: "mydata", access: "member", description: "privacy-export-description", run: exportData },
    {
      name: "xoadulieu",
      alias: "forget",
      access: "member",
      description: "privacy-forget-description",
      run: (ctx) => ctx.startFlow(forgetFlow, {}),
    },
  ],
  jobs: [
    {
      name: "retention",
      // Once an hour is plenty for deleting what is years old.
      run: async ({ now, store, log }) => {
        if (now.getUTCMinutes() !== 17) return;
        const removed = await store.tx((tx) => tx.privacy.applyRetention(now));
        if (Object.values(removed).some((n) => n > 0)) log.info({ removed }, "old data removed under the retention settings");
      },
    },
  ],
};
