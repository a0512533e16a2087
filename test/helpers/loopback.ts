// Real HTTP servers on 127.0.0.1 for tests: a handler on a free port, and our own HTTP server with a
// scratch folder (for file links). Closing drops open connections, so long polls cannot hold it up.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createNetServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHttpServer, type HttpServer } from "../../src/infra/http/server.ts";
import { memoryLogger } from "./fakes.ts";

export interface Loopback {
  url: string;
  close(): Promise<void>;
}

export async function listenLoopback(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Loopback> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Our HTTP server on loopback, and a scratch folder for the files it serves. */
export async function servedFolder(): Promise<{ http: HttpServer; base: string; dir: string; close(): Promise<void> }> {
  const http = createHttpServer(memoryLogger());
  const base = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}`;
  const dir = mkdtempSync(path.join(tmpdir(), "chibo-files-"));
  return {
    http,
    base,
    dir,
    close: async () => {
      await http.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A port nothing listens on now, for a server that must know its public address before it starts. */
export async function freePort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}
