// Placeholder while the Telegram adapter is being written.
import type { AdapterDeps, PlatformAdapter } from "../adapter.ts";

export async function createTelegramAdapter(_deps: AdapterDeps): Promise<PlatformAdapter> {
  throw new Error("The Telegram adapter is not available yet.");
}
