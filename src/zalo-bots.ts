// Part of the composition root: the Zalo bot accounts stored in the database, as the Zalo adapter
// drives them (tokens decrypted here and added to the logger's secrets), and what the adapter
// reports about each (the last error, the last update) written back for `npm run bots -- list`.
import type { ZaloBotSource } from "./adapters/zalo/index.ts";
import type { Logger } from "./core/ports/runtime.ts";
import type { Store } from "./core/ports/store.ts";
import type { BotRegistry } from "./infra/bots/registry.ts";

/** The last update is written at most this often per account: it is for operators, not for logic. */
const UPDATE_EVERY_MS = 60_000;

export function zaloBotSource(store: Store, registry: BotRegistry, secrets: Set<string>, log: Logger): ZaloBotSource {
  const lastErrors = new Map<string, string | null>();
  const lastUpdates = new Map<string, number>();
  let errorsRead = false;
  const write = (id: string, patch: Parameters<Store["tx"]>[0]) => store.tx(patch).catch((err: unknown) => log.warn({ err, botAccountId: id }, "could not record the state of a bot account"));

  return {
    async list() {
      const { bots } = await registry.driven("ZALO");
      if (!errorsRead) {
        // What the rows say already: a bot that starts without error then writes nothing (an
        // instance starting 15,000 bots would otherwise write 15,000 times).
        errorsRead = true;
        for (const a of await store.tx((tx) => tx.bots.list({ platform: "ZALO" }))) if (!lastErrors.has(a.id)) lastErrors.set(a.id, a.lastError);
      }
      for (const b of bots) {
        secrets.add(b.token);
        secrets.add(b.webhookSecret);
      }
      return bots.map((b) => ({
        id: b.id,
        label: b.label,
        token: b.token,
        webhookSecret: b.webhookSecret,
        mode: b.mode === "POLLING" ? ("polling" as const) : ("webhook" as const),
        paused: b.status === "PAUSED",
        isDefault: false,
      }));
    },
    events: {
      error(id, message) {
        if (lastErrors.get(id) === message) return;
        lastErrors.set(id, message);
        void write(id, (tx) => tx.bots.update(id, message === null ? { lastError: null } : { lastError: message.slice(0, 500), lastErrorAt: new Date() }));
      },
      update(id, at) {
        const last = lastUpdates.get(id) ?? 0;
        if (at.getTime() - last < UPDATE_EVERY_MS) return;
        lastUpdates.set(id, at.getTime());
        void write(id, (tx) => tx.bots.update(id, { lastUpdateAt: at }));
      },
    },
  };
}
