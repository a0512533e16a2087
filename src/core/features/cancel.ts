// /huy: leave the current flow. Flows keep their drafts in FlowState only, so dropping the state
// is all it takes for nothing half-done to be saved.
import type { Feature } from "../engine/registry.ts";

export const cancelFeature: Feature = {
  name: "cancel",
  commands: [
    {
      name: "huy",
      alias: "cancel",
      access: "public",
      description: "cancel-description",
      run: async (ctx) => {
        if (!ctx.flow) return ctx.reply(ctx.t("cancel-nothing"));
        await ctx.endFlow();
        ctx.reply(ctx.t("cancel-done"));
      },
    },
  ],
};
