// Files served as links: unguessable, expiring, bounded in total size, names made safe.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileLinks } from "../../../src/adapters/shared/file-links.ts";
import { memoryLogger } from "../../helpers/fakes.ts";
import { eventually } from "../../helpers/eventually.ts";
import { servedFolder } from "../../helpers/loopback.ts";


const file = (name: string, bytes: number) => ({ name, mime: "application/octet-stream", data: Buffer.alloc(bytes, 7).toString("base64") });

describe("file links", () => {
  let served: Awaited<ReturnType<typeof servedFolder>>;
  let now = Date.parse("2026-11-25T03:00:00Z");
  beforeAll(async () => {
    served = await servedFolder();
  });
  afterAll(() => served.close());

  it("a link works until it expires, then answers 410 and the file is gone", async () => {
    const links = createFileLinks({ dir: served.dir, publicUrl: served.base, ttlMs: 3_600_000, now: () => now, logger: memoryLogger() });
    links.mount(served.http);
    const a = await links.publish(file("xuat.xlsx", 10));
    const b = await links.publish(file("xuat.xlsx", 10));
    expect(a.url).not.toBe(b.url);
    expect(a.expiresAt).toEqual(new Date(now + 3_600_000));
    expect((await fetch(a.url)).status).toBe(200);
    now += 3_600_000;
    expect((await fetch(a.url)).status).toBe(410);
    expect((await fetch(a.url)).status).toBe(404);
    expect((await fetch(`${served.base}/files?k=../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${served.base}/files`)).status).toBe(404);
  });

  it("keeps the total under the cap by dropping the oldest, and expired files at each sweep", async () => {
    const capped = mkdtempSync(path.join(tmpdir(), "file-links-cap-"));
    const links = createFileLinks({ dir: capped, publicUrl: served.base, ttlMs: 60_000, maxBytes: 250, now: () => now, logger: memoryLogger() });
    await links.publish(file("1.bin", 100));
    now += 1;
    await links.publish(file("2.bin", 100));
    now += 1;
    await links.publish(file("3.bin", 100));
    await links.sweep();
    expect(readdirSync(capped)).toHaveLength(2);
    now += 60_000;
    await links.sweep();
    expect(readdirSync(capped)).toHaveLength(0);
    rmSync(capped, { recursive: true, force: true });
  });

  it("stores a name with directories or quotes as a plain file name", async () => {
    const links = createFileLinks({ dir: served.dir, publicUrl: served.base, now: () => now, logger: memoryLogger() });
    const published = await links.publish(file('../../"evil"\nname.txt', 5));
    const res = await fetch(published.url);
    expect(res.headers.get("content-disposition")).toContain('filename="evilname.txt"');
    expect(existsSync(path.join(served.dir, "..", "evil"))).toBe(false);
  });

  it("once started, expired files are swept on a timer even when nothing new is published", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "file-links-timer-"));
    const links = createFileLinks({ dir, publicUrl: served.base, ttlMs: 60_000, sweepEveryMs: 10, now: () => now, logger: memoryLogger() });
    await links.publish(file("du-lieu-cua-toi.json", 10));
    links.start();
    await new Promise((r) => setTimeout(r, 30));
    expect(readdirSync(dir)).toHaveLength(1); // not expired yet: kept
    now += 60_000;
    await eventually(() => readdirSync(dir).length === 0, "the expired file to be removed");
    links.stop();
    rmSync(dir, { recursive: true, force: true });
  });
});
