// One small HTTP server: /healthz, the Telegram and Zalo webhooks (one path per Zalo bot account),
// and file links. Webhook paths are public: a route's guard (the secret header) and the size of the
// body are checked before the body is read, so a stranger cannot make the bot read megabytes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Route, RouteOptions, RouteRegistrar } from "../../core/ports/http.ts";
import type { Logger } from "../../core/ports/runtime.ts";

export interface HttpServer extends RouteRegistrar {
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** Updates are a few kilobytes; a message of 4,096 characters with its envelope stays far below this. */
export const DEFAULT_MAX_BODY = 64 * 1024;
/** Connections at once: enough for the platforms' webhook deliveries, not for a flood. */
const MAX_CONNECTIONS = 1_024;

interface Entry {
  method: string;
  segments: string[];
  handler: Route;
  opts: RouteOptions;
}

export function createHttpServer(logger: Logger): HttpServer {
  const exact = new Map<string, Entry>();
  const patterns: Entry[] = [];
  let server: Server | null = null;

  function find(method: string, path: string): { entry: Entry; params: string[] } | null {
    const hit = exact.get(`${method} ${path}`);
    if (hit) return { entry: hit, params: [] };
    const parts = path.split("/");
    for (const entry of patterns) {
      if (entry.method !== method || entry.segments.length !== parts.length) continue;
      const params: string[] = [];
      const matches = entry.segments.every((s, i) => {
        if (s !== "*") return s === parts[i];
        params.push(parts[i]!);
        return parts[i] !== "";
      });
      if (matches) return { entry, params };
    }
    return null;
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const found = find(req.method ?? "GET", path);
    if (!found) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"ok":false}');
      return;
    }
    const { entry, params } = found;
    const refused = entry.opts.guard?.(req, params) ?? null;
    if (refused !== null) {
      res.writeHead(refused, { "content-type": "application/json", connection: "close" }).end('{"ok":false}');
      return;
    }
    const max = entry.opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > max) {
      res.writeHead(413, { connection: "close" }).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > max) {
        res.writeHead(413, { connection: "close" }).end();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    await entry.handler(req, res, Buffer.concat(chunks), params);
  };

  return {
    route(method, path, handler, opts = {}) {
      const entry: Entry = { method, segments: path.split("/"), handler, opts };
      if (path.includes("*")) patterns.push(entry);
      else exact.set(`${method} ${path}`, entry);
    },
    listen(port, host = "0.0.0.0") {
      return new Promise((resolve, reject) => {
        server = createServer((req, res) => {
          handle(req, res).catch((err: unknown) => {
            logger.error({ err, url: req.url?.split("?")[0] }, "http handler failed");
            if (!res.headersSent) res.writeHead(500).end();
          });
        });
        server.maxConnections = MAX_CONNECTIONS;
        // A client that trickles its headers or body is cut off instead of holding a connection.
        server.headersTimeout = 10_000;
        server.requestTimeout = 30_000;
        server.once("error", reject);
        server.listen(port, host, () => resolve((server!.address() as AddressInfo).port));
      });
    },
    close() {
      return new Promise((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
    },
  };
}
