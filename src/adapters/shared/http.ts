// Answering an HTTP call with JSON: the webhooks' replies (and /healthz, in the composition root).
import type { ServerResponse } from "node:http";

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}
