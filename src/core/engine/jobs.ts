// What a scheduled job gets: the time, the store, and the same way of sending that flows use.
import type { Renderer } from "../ports/render.ts";
import type { Logger } from "../ports/runtime.ts";
import type { Store } from "../ports/store.ts";
import type { Messages } from "../services/messages.ts";

export interface JobContext {
  now: Date;
  store: Store;
  messages: Messages;
  /** For jobs that send files (the monthly digest's chart). */
  render: Renderer;
  log: Logger;
  /** "telegram:123" style labels of the operators (BOT_ADMINS), for jobs that must tell them apart. */
  operators?: ReadonlySet<string>;
  /**
   * What the job keeps from one tick to the next in this process (its own, by name): a cache that
   * spares reads, never the truth, which is in the database for every instance.
   */
  memory?: Map<string, unknown>;
}
