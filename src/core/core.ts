// The core, assembled: registry of features, engine for inbound events, and the scheduler's tick.
import { createEngine, type Engine } from "./engine/engine.ts";
import type { Services } from "./engine/context.ts";
import { Registry, type Feature } from "./engine/registry.ts";
import type { Renderer } from "./ports/render.ts";
import type { BotAdmin, Clock, Logger, PlatformLinks, Translator } from "./ports/runtime.ts";
import type { Store } from "./ports/store.ts";
import type { CoreSettings } from "./types.ts";
import { createMessages, type Messages } from "./services/messages.ts";

export interface CoreDeps {
  store: Store;
  translator: Translator;
  clock: Clock;
  logger: Logger;
  links: PlatformLinks;
  bots?: BotAdmin;
  /** Writes the charts, spreadsheets, documents and QR codes the core builds as data. */
  render: Renderer;
  settings: CoreSettings;
  features: Feature[];
  /** Wakes the outbox sender after something was queued. */
  onQueued?: () => void;
}

export interface Core {
  engine: Engine;
  registry: Registry;
  messages: Messages;
  services: Services;
  /** Runs every job once for `now`; a failing job is logged and does not stop the others. */
  tick(now?: Date): Promise<{ failed: string[] }>;
}

export function createCore(deps: CoreDeps): Core {
  const registry = new Registry(deps.features);
  const messages = createMessages(deps.translator, deps.settings.defaultLocale, deps.clock);
  const services: Services = { messages, links: deps.links, registry, settings: deps.settings, clock: deps.clock, render: deps.render, ...(deps.bots ? { bots: deps.bots } : {}) };
  const engine = createEngine({ store: deps.store, services, registry, logger: deps.logger, ...(deps.onQueued ? { onQueued: deps.onQueued } : {}) });

  const memories = new Map<string, Map<string, unknown>>();
  const memoryOf = (job: string) => {
    let memory = memories.get(job);
    if (!memory) memories.set(job, (memory = new Map()));
    return memory;
  };

  async function tick(now = deps.clock.now()): Promise<{ failed: string[] }> {
    const failed: string[] = [];
    for (const job of registry.jobs) {
      const log = deps.logger.child({ job: job.name });
      try {
        await job.run({ now, store: deps.store, messages, render: deps.render, log, operators: deps.settings.operators, memory: memoryOf(job.name) });
      } catch (err) {
        failed.push(job.name);
        log.error({ err }, "job failed");
      }
    }
    deps.onQueued?.();
    return { failed };
  }

  return { engine, registry, messages, services, tick };
}
