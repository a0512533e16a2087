// Files the terminal chat saves (exports, /dulieu, year-end drafts) hold personal data: like the
// links Zalo gets, each is kept for a day and then deleted. Only files this chat saved are touched
// (FILES_DIR may hold other things): their names and when each was saved are listed beside them.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_FILE_TTL_MS, DEFAULT_SWEEP_EVERY_MS } from "../shared/file-links.ts";

const LIST = ".saved-by-console.json";

export interface SavedFilesOptions {
  dir: string;
  ttlMs?: number;
  sweepEveryMs?: number;
  now?: () => number;
}

export interface SavedFiles {
  readonly ttlMs: number;
  /** Writes the file under its own name (no directories) and returns where it went. */
  save(name: string, data: Buffer): Promise<string>;
  /** Deletes the saved files whose time is up. */
  sweep(): Promise<void>;
  /** Sweeps now and then every `sweepEveryMs`; the timer does not keep the process alive. */
  start(): void;
  stop(): void;
}

export function createSavedFiles(opts: SavedFilesOptions): SavedFiles {
  const ttlMs = opts.ttlMs ?? DEFAULT_FILE_TTL_MS;
  const now = opts.now ?? Date.now;
  const listFile = path.join(opts.dir, LIST);
  // Saves and sweeps take turns: the list is read and written whole.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = turn.then(fn);
    turn = run.catch(() => undefined);
    return run;
  };
  let timer: NodeJS.Timeout | null = null;

  const readList = async (): Promise<Record<string, number>> => {
    try {
      return JSON.parse(await readFile(listFile, "utf8")) as Record<string, number>;
    } catch {
      return {};
    }
  };

  const sweep = () =>
    inTurn(async () => {
      const list = await readList();
      const names = Object.keys(list);
      if (!names.length) return;
      for (const name of names) {
        if (list[name]! + ttlMs > now()) continue;
        await rm(path.join(opts.dir, name), { force: true });
        delete list[name];
      }
      await writeFile(listFile, JSON.stringify(list));
    });

  return {
    ttlMs,
    save: (name, data) =>
      inTurn(async () => {
        await mkdir(opts.dir, { recursive: true });
        const base = path.basename(name);
        const target = path.join(opts.dir, base);
        await writeFile(target, data);
        const list = await readList();
        list[base] = now();
        await writeFile(listFile, JSON.stringify(list));
        return target;
      }),
    sweep,
    start() {
      if (timer) return;
      void sweep().catch(() => undefined);
      timer = setInterval(() => void sweep().catch(() => undefined), opts.sweepEveryMs ?? DEFAULT_SWEEP_EVERY_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
