// Zalo polling has no offset: an update taken off Zalo's queue exists nowhere else. A database that
// is down for longer than a few retries must not lose it; one that keeps failing while the database
// answers is given up (and logged) rather than blocking the bot for ever.
import { describe, expect, it } from "vitest";
import { createPoller } from "../../../src/adapters/zalo/polling.ts";
import type { ZaloUpdate } from "../../../src/adapters/zalo/client.ts";
import { memoryLogger } from "../../helpers/fakes.ts";
import { eventually } from "../../helpers/eventually.ts";

const update: ZaloUpdate = { event_name: "message.text.received", message: { message_id: "m1", text: "1" } };

function oneUpdate(): (signal: AbortSignal) => Promise<ZaloUpdate[]> {
  let given = false;
  return async () => {
    if (given) return new Promise<ZaloUpdate[]>((r) => setTimeout(() => r([]), 5));
    given = true;
    return [update];
  };
}

describe("Zalo polling and the database", () => {
  it("keeps an update through a database outage of many retries, and handles it once the database is back", async () => {
    let down = true;
    let attempts = 0;
    let handled = 0;
    const logs: Array<{ level: string; obj: unknown; msg?: string }> = [];
    const poller = createPoller({
      getUpdates: oneUpdate(),
      handle: async () => {
        attempts++;
        if (down) throw new Error("database is not reachable");
        handled++;
      },
      databaseUp: async () => !down,
      backoff: { baseMs: 1, maxMs: 2 },
      logger: memoryLogger(logs),
    });
    poller.start();
    await eventually(() => attempts >= 12, "a dozen failed tries");
    down = false;
    await eventually(() => handled === 1, "the update handled");
    await poller.stop();
    expect(logs.some((l) => l.msg?.includes("update dropped"))).toBe(false);
    expect(logs.some((l) => l.msg?.includes("kept and tried again"))).toBe(true);
  });

  it("gives up an update that keeps failing while the database answers, records it, and goes on", async () => {
    let attempts = 0;
    const abandoned: Array<{ id: string | undefined; err: string }> = [];
    const logs: Array<{ level: string; obj: unknown; msg?: string }> = [];
    const poller = createPoller({
      getUpdates: oneUpdate(),
      handle: async () => {
        attempts++;
        throw new Error("a bug in handling this one");
      },
      databaseUp: async () => true,
      onAbandoned: async (u, err) => void abandoned.push({ id: u.message?.message_id, err: (err as Error).message }),
      backoff: { baseMs: 1, maxMs: 2 },
      logger: memoryLogger(logs),
    });
    poller.start();
    await eventually(() => abandoned.length > 0, "the update given up");
    await poller.stop();
    expect(attempts).toBe(5);
    expect(logs.some((l) => l.msg?.includes("update dropped"))).toBe(true);
    // Recorded once (the engine marks it processed and audits it), with the last error.
    expect(abandoned).toEqual([{ id: "m1", err: "a bug in handling this one" }]);
  });
});
