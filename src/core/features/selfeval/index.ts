// Monthly self-evaluation (tự đánh giá): /tudanhgia, the "Bắt đầu tự đánh giá" button (prefix "se"),
// and the jobs that open each window, nudge, and keep half-done answers when it closes.
import type { Feature } from "../../engine/registry.ts";
import { selfEvalFlow } from "./flow.ts";
import { closeLapsedFlows, queueWindowMessages } from "./jobs.ts";
import { startMonthly, startSelfEval } from "./start.ts";

export const selfEvalFeature: Feature = {
  name: "selfeval",
  flows: [selfEvalFlow],
  commands: [{ name: "tudanhgia", alias: "selfeval", access: "member", description: "selfeval-description", run: startSelfEval }],
  actions: [
    {
      // se:m starts (or resumes) this month's self-evaluation.
      prefix: "se",
      access: "member",
      run: async (ctx, [what]) => (what === "m" ? startMonthly(ctx) : ctx.reply(ctx.t("choice-stale"))),
    },
  ],
  jobs: [
    {
      name: "evaluation-windows",
      run: async (job) => {
        await queueWindowMessages(job);
      },
    },
    {
      name: "evaluation-close",
      run: async (job) => {
        await closeLapsedFlows(job);
      },
    },
  ],
};
