// What the composition root needs from a platform adapter (Telegram, Zalo, the terminal).
import type { Config } from "../config.ts";
import type { Core, Logger, Messenger, Platform, RouteRegistrar } from "../core/index.ts";

export interface AdapterDeps {
  config: Config;
  core: Core;
  logger: Logger;
}

export interface PlatformAdapter {
  readonly platform: Platform;
  readonly messenger: Messenger;
  /** A link that opens the bot with the invite code (Telegram deep link), or null where codes are typed. */
  inviteLink(code: string): string | null;
  /** Webhook mode: adds the adapter's routes to the shared HTTP server. */
  mount(routes: RouteRegistrar): void;
  /** Starts receiving (long polling, or registering the webhook) and publishes the command menu. */
  start(): Promise<void>;
  /** Stops receiving and waits for the updates under way. */
  stop(): Promise<void>;
  /** Bot accounts changed (added, paused, resumed): reads them again now rather than at the next round. */
  refresh?(): Promise<void>;
  /** Releases what sending needs (connections), once the outbox sender has stopped too. */
  close?(): Promise<void>;
}
