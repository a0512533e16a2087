// Files for platforms that cannot carry them (Zalo has no document upload): each file is kept on
// disk under an unguessable token for a bounded time and served by our HTTP server, so the chat gets
// a link instead. Exports hold personal data, so links expire, the total size is capped, and
// nothing is listed: only a holder of the link can fetch it.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Logger, OutFile, RouteRegistrar } from "../../core/index.ts";

export interface FileLinksOptions {
  dir: string;
  /** PUBLIC_URL: where people's phones reach our HTTP server. */
  publicUrl: string;
  ttlMs?: number;
  /** Oldest files go first when the kept files would exceed this. */
  maxBytes?: number;
  now?: () => number;
  /** How often expired files are swept while started (default hourly). */
  sweepEveryMs?: number;
  logger: Logger;
}

export interface PublishedFile {
  url: string;
  expiresAt: Date;
  bytes: number;
}

export interface FileLinks {
  publish(file: OutFile): Promise<PublishedFile>;
  /** Serves GET /files?k=<token>. */
  mount(routes: RouteRegistrar): void;
  /** Removes expired files, then the oldest while over the size cap. */
  sweep(): Promise<void>;
  /**
   * Sweeps now and then every `sweepEveryMs`: an expired export of personal data goes even when
   * nothing new is published after it. The timer does not keep the process alive.
   */
  start(): void;
  stop(): void;
}

export const FILES_PATH = "/files";
export const DEFAULT_FILE_TTL_MS = 24 * 3_600_000;
export const DEFAULT_SWEEP_EVERY_MS = 3_600_000;
const DEFAULT_MAX_BYTES = 500 * 1024 * 1024;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

interface Meta {
  name: string;
  mime: string;
  expiresAt: number;
  createdAt: number;
  bytes: number;
}

export function createFileLinks(opts: FileLinksOptions): FileLinks {
  const ttlMs = opts.ttlMs ?? DEFAULT_FILE_TTL_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const now = opts.now ?? Date.now;
  const base = opts.publicUrl.replace(/\/+$/, "");
  const log = opts.logger.child({ component: "file-links" });

  const readMeta = async (token: string): Promise<Meta | null> => {
    try {
      return JSON.parse(await readFile(path.join(opts.dir, token, "meta.json"), "utf8")) as Meta;
    } catch {
      return null;
    }
  };
  const remove = (token: string) => rm(path.join(opts.dir, token), { recursive: true, force: true });

  async function sweep(): Promise<void> {
    let tokens: string[];
    try {
      tokens = (await readdir(opts.dir)).filter((t) => TOKEN.test(t));
    } catch {
      return;
    }
    const kept: Array<{ token: string; meta: Meta }> = [];
    for (const token of tokens) {
      const meta = await readMeta(token);
      if (!meta || meta.expiresAt <= now()) await remove(token);
      else kept.push({ token, meta });
    }
    kept.sort((a, b) => a.meta.createdAt - b.meta.createdAt);
    let total = kept.reduce((n, k) => n + k.meta.bytes, 0);
    for (const { token, meta } of kept) {
      if (total <= maxBytes) break;
      await remove(token);
      total -= meta.bytes;
    }
  }

  let timer: NodeJS.Timeout | null = null;
  const sweepLogged = () => sweep().catch((err: unknown) => log.warn({ err }, "could not clean up old file links"));

  return {
    sweep,
    start() {
      if (timer) return;
      void sweepLogged();
      timer = setInterval(() => void sweepLogged(), opts.sweepEveryMs ?? DEFAULT_SWEEP_EVERY_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    async publish(file) {
      await sweep();
      const token = randomBytes(32).toString("base64url");
      const data = Buffer.from(file.data, "base64");
      const meta: Meta = { name: safeName(file.name), mime: file.mime || "application/octet-stream", createdAt: now(), expiresAt: now() + ttlMs, bytes: data.length };
      const folder = path.join(opts.dir, token);
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, "data"), data);
      await writeFile(path.join(folder, "meta.json"), JSON.stringify(meta));
      return { url: `${base}${FILES_PATH}?k=${token}`, expiresAt: new Date(meta.expiresAt), bytes: meta.bytes };
    },
    mount(http) {
      http.route("GET", FILES_PATH, async (req, res) => {
        const token = new URL(req.url ?? "/", "http://x").searchParams.get("k") ?? "";
        const meta = TOKEN.test(token) ? await readMeta(token) : null;
        const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" };
        if (!meta) {
          res.writeHead(404, { ...headers, "content-type": "text/plain; charset=utf-8" }).end("Not found / Không tìm thấy tệp.");
          return;
        }
        if (meta.expiresAt <= now()) {
          await remove(token);
          res.writeHead(410, { ...headers, "content-type": "text/plain; charset=utf-8" }).end("This link has expired / Đường link đã hết hạn.");
          return;
        }
        const file = path.join(opts.dir, token, "data");
        const size = (await stat(file)).size;
        res.writeHead(200, {
          ...headers,
          "content-type": meta.mime,
          "content-length": String(size),
          "content-disposition": `attachment; filename="${asciiName(meta.name)}"; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
        });
        res.end(await readFile(file));
        log.info({ name: meta.name }, "file fetched");
      });
    },
  };
}

/** The file's own name, without any directory part or characters that break headers. */
function safeName(name: string): string {
  const base = path.basename(name.replace(/\\/g, "/")).replace(/[\u0000-\u001f"]/g, "").trim();
  return base || "file";
}

function asciiName(name: string): string {
  const folded = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  return folded.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
}
