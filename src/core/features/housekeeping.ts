// Routine upkeep at every tick: forget old update ids and abandoned flows.
import type { Feature } from "../engine/registry.ts";

/** Platforms stop redelivering an update long before this. */
export const PROCESSED_UPDATE_DAYS = 14;

export const housekeepingFeature: Feature = {
  name: "housekeeping",
  jobs: [
    {
      name: "prune-processed-updates",
      run: async ({ now, store }) => {
        await store.tx((tx) => tx.updates.prune(new Date(now.getTime() - PROCESSED_UPDATE_DAYS * 86_400_000)));
      },
    },
    {
      name: "drop-expired-flows",
      // Flows that expire are dropped quietly: the person is told when they next write (flow-expired).
      run: async ({ now, store }) => {
        await store.tx((tx) => tx.flows.expired(now, 500));
      },
    },
  ],
};
