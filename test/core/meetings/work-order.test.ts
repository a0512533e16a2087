// Instances ticking the same minute go through the meetings from different places, and each one
// still goes through every meeting exactly once.
import { describe, expect, it } from "vitest";
import { workOrder } from "../../../src/core/features/meetings/reminders.ts";

describe("workOrder", () => {
  it("visits every unit once, from any start and either way round", () => {
    for (const units of [0, 1, 2, 7, 50]) {
      for (const [a, b] of [[0, 0], [0.5, 0.9], [0.99, 0.1], [0.3, 0.6]] as const) {
        const draws = [a, b];
        const order = workOrder(units, () => draws.shift()!);
        expect([...order].sort((x, y) => x - y)).toEqual(Array.from({ length: units }, (_, i) => i));
      }
    }
  });

  it("two instances going opposite ways from the same place meet halfway", () => {
    const forward = workOrder(10, (() => { const d = [0, 0]; return () => d.shift()!; })());
    const backward = workOrder(10, (() => { const d = [0, 0.9]; return () => d.shift()!; })());
    expect(forward.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(backward.slice(0, 5)).toEqual([0, 9, 8, 7, 6]);
  });
});
