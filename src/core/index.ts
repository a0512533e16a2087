// The core's public entry: everything a platform adapter (src/adapters) may use of the core, and
// nothing more. Adapters import the core only through this file (test/architecture/adapter-imports
// checks it), so what lies behind it (engine, services, features, domain) can change without them.

// The assembled core an adapter hands its inbound events to, and what it answers.
export type { Core } from "./core.ts";
export type { AbandonedUpdate, Engine } from "./engine/engine.ts";
export type { CommandDef } from "./engine/registry.ts";
export { allows, type Access, type Actor } from "./engine/access.ts";
export type { T } from "./services/messages.ts";
export type { LeaseKeeper } from "./services/leases.ts";

// The shapes that cross the boundary: inbound events, outgoing messages, errors.
export { defaultBotAccountId, LOCALES, MAX_ACTION_BYTES, type Choice, type InboundEvent, type Locale, type OutFile, type OutMessage, type Platform } from "./types.ts";
export { DeliveryError } from "./errors.ts";

// Ports the adapters implement (Messenger) or are handed (Logger, the HTTP routes).
export type { Logger, Messenger, SendReceipt, SendVia, TranslateArgs } from "./ports/runtime.ts";
export type { Route, RouteOptions, RouteRegistrar } from "./ports/http.ts";

// Small helpers the adapters share with the core: one definition each, on both sides.
export { formatDateTime } from "./domain/time.ts";
export { splitText } from "./engine/text.ts";
export { KeyedLock } from "./engine/keyed-lock.ts";
export { lazyChild } from "./services/lazy-logger.ts";
export { Semaphore } from "./services/rate-limit.ts";
