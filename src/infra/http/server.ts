// One small HTTP server: /healthz now, the Telegram and Zalo webhooks when they are enabled.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../../core/ports/runtime.ts";

export type Route = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void>;

export interface HttpServer {
  route(method: string, path: string, handler: Route): void;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** Webhook bodies are small; anything bigger is refused before it is read. */
const MAX_BODY = 1024 * 1024;

export function createHttpServer(logger: Logger): HttpServer {
  const routes = new Map<string, Route>();
  let server: Server | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const route = routes.get(`${req.method} ${path}`);
    if (!route) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"ok":false}');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    await route(req, res, Buffer.concat(chunks));
  };

  return {
    route(method, path, handler) {
      routes.set(`${method} ${path}`, handler);
    },
    listen(port, host = "0.0.0.0") {
      return new Promise((resolve, reject) => {
        server = createServer((req, res) => {
          handle(req, res).catch((err: unknown) => {
            logger.error({ err, url: req.url?.split("?")[0] }, "http handler failed");
            if (!res.headersSent) res.writeHead(500).end();
          });
        });
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

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}
