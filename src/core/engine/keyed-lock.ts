// KeyedLock lives in services/keyed-lock.ts (the sender uses it, and services sit below the
// engine). This name stays while the Telegram poller still imports it.
export { KeyedLock } from "../services/keyed-lock.ts";
