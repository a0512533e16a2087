// What the platform adapters get of the HTTP server: a place to add their routes (webhooks, file
// links), and nothing else. The composition root owns the server (where it listens, when it closes).
import type { IncomingMessage, ServerResponse } from "node:http";

/** `params` holds what the path's `*` segments matched ("/zalo/*\/webhook" → the account id). */
export type Route = (req: IncomingMessage, res: ServerResponse, body: Buffer, params: string[]) => Promise<void>;

export interface RouteOptions {
  /** The largest body accepted; a larger one is refused (413) before it is read. */
  maxBodyBytes?: number;
  /** Runs before the body is read: an HTTP status to refuse the call with, or null to go on. */
  guard?: (req: IncomingMessage, params: string[]) => number | null;
}

export interface RouteRegistrar {
  /** `path` may hold `*` segments, each matching one segment of the request's path. */
  route(method: string, path: string, handler: Route, opts?: RouteOptions): void;
}
