// The HTTP client under grammY's API calls: undici's request on a keep-alive pool instead of the
// default node-fetch. grammY only reads the response as JSON, so that is all this provides; every
// Bot API call, the outbox's sends included, costs noticeably less CPU this way (bench/README.md).
import type { Readable } from "node:stream";
import { Agent, request } from "undici";

export interface BotHttp {
  fetch: typeof fetch;
  close(): Promise<void>;
}

export function createBotHttp(): BotHttp {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  const call = async (url: string | URL, init: RequestInit = {}) => {
    // grammY adds `connection: keep-alive` for node-fetch; undici keeps connections alive itself and
    // refuses that header.
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).filter(([k]) => k.toLowerCase() !== "connection"));
    const { statusCode, body } = await request(url, {
      method: (init.method ?? "GET") as "GET" | "POST",
      headers,
      body: init.body as unknown as string | Readable | undefined,
      signal: init.signal ?? undefined,
      dispatcher: agent,
    });
    return { status: statusCode, ok: statusCode >= 200 && statusCode < 300, json: () => body.json() };
  };
  return { fetch: call as unknown as typeof fetch, close: () => agent.close() };
}
