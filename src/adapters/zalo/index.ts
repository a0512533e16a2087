// Placeholder while the Zalo adapter is being written.
import type { AdapterDeps, PlatformAdapter } from "../adapter.ts";

export async function createZaloAdapter(_deps: AdapterDeps): Promise<PlatformAdapter> {
  throw new Error("The Zalo adapter is not available yet.");
}
