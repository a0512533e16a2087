// Year-end review (kiểm điểm cuối năm): the member's proposal flow and its buttons (prefix "ye").
// The admin opens and closes the review in /dangky → Quản lý, or with the button /tudanhgia shows them.
import { openReview } from "../../domain/commitments/review.ts";
import type { Feature } from "../../engine/registry.ts";
import { startYearEnd, yearEndFlow } from "./flow.ts";
import { proposalsOverview } from "./overview.ts";

export const yearEndFeature: Feature = {
  name: "yearend",
  flows: [yearEndFlow],
  actions: [
    {
      // ye:s starts the member's proposal while the review is open; ye:a is the admin's open/close
      // step; ye:o the overview of the proposals (chi ủy and admins).
      prefix: "ye",
      access: "member",
      run: async (ctx, [what]) => {
        // Opening and closing the review is a step of /dangky → Quản lý (the commitments' "cm:r").
        if (what === "a") return ctx.press("cm:r");
        if (what === "o") {
          const m = ctx.actor.member!;
          return ctx.reply(m.isSecretary || m.isAdmin ? await proposalsOverview(ctx) : ctx.t("access-denied-secretary"));
        }
        if (what !== "s") return ctx.reply(ctx.t("choice-stale"));
        const review = await openReview(ctx.tx.commitments, ctx.actor.branch!, ctx.now);
        return review ? startYearEnd(ctx, review) : ctx.reply(ctx.t("yearend-closed"));
      },
    },
  ],
};
