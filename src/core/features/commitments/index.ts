// Commitments (Directive 03): /dangky for members, /gopy for the chi ủy, /cuatoi for one's own
// record, the buttons under reminders and reviews (prefix "cm"), and the registration reminder.
import type { Feature } from "../../engine/registry.ts";
import { showMine } from "./mine.ts";
import { commitFlow, openCommitments, openManagement } from "./register.ts";
import { queueRegistrationReminders } from "./reminder.ts";
import { openReview, reviewFlow } from "./review.ts";

export const commitmentsFeature: Feature = {
  name: "commitments",
  flows: [commitFlow, reviewFlow],
  commands: [
    { name: "dangky", alias: "commit", access: "member", description: "commitment-description", run: (ctx) => openCommitments(ctx) },
    { name: "gopy", alias: "review", access: "secretary", description: "commitment-review-description", run: openReview },
    { name: "cuatoi", alias: "mine", access: "member", description: "commitment-mine-description", run: showMine },
  ],
  actions: [
    {
      // cm:o opens /dangky; cm:e:<id> edits and cm:v:<id> shows one of the member's own commitments; cm:a is the admin's menu,
      // cm:r its year-end review step.
      prefix: "cm",
      access: "member",
      run: async (ctx, [what, id]) => {
        if (what === "o") return openCommitments(ctx);
        if ((what === "e" || what === "v") && id) return openCommitments(ctx, { id, edit: what === "e" });
        if (what === "a") return openManagement(ctx, "admin");
        if (what === "r") return openManagement(ctx, "review");
        ctx.reply(ctx.t("choice-stale"));
      },
    },
  ],
  jobs: [
    {
      name: "registration-reminders",
      run: async (job) => {
        await queueRegistrationReminders(job);
      },
    },
  ],
};
