// The bulk outbox path writes rows exactly as the ORM does, skips keys that exist (also under a
// race between two connections), and the bulk last-choices update lands on every chat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewOutboxItem } from "../../src/core/ports/store.ts";
import { createPrismaStore, type PrismaStore } from "../../src/infra/prisma/store.ts";
import { createTestStore, DB_KINDS } from "../helpers/db.ts";

const item = (key: string, over: Partial<NewOutboxItem> = {}): NewOutboxItem => ({
  key,
  memberId: null,
  identityId: null,
  platform: "TELEGRAM",
  chatId: "42",
  payload: { text: "Nhắc lịch – “Tham dự” 'x' \\ \u{1F338}", choices: [[{ label: "Tham dự", action: "r:m:a" }]] },
  notBefore: new Date("2026-12-07T07:00:00.123Z"),
  giveUpAt: new Date("2026-12-10T07:00:00Z"),
  ...over,
});

describe.each(DB_KINDS)("bulk outbox path on %s", (db) => {
  let store: PrismaStore;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const made = await createTestStore(db);
    ({ store, close } = made);
    url = made.db.url;
  });
  afterAll(() => close());

  it("writes the same rows as the ORM path, and skips keys that exist", async () => {
    await store.tx((tx) => tx.outbox.enqueue([item("orm")]));
    const inserted = await store.tx((tx) => tx.outbox.insertNew([item("bulk"), item("orm"), item("bulk"), item("gone", { undeliverable: "no-chat", giveUpAt: null })]));
    expect(inserted.sort()).toEqual(["bulk", "gone"]);
    const rows = await store.db.outbox.findMany({ orderBy: { key: "asc" } });
    const [bulk, gone, orm] = rows;
    const strip = (r: (typeof rows)[number]) => ({ ...r, id: 0, key: "", createdAt: null });
    expect(strip(bulk!)).toEqual(strip(orm!));
    expect(gone).toMatchObject({ status: "FAILED", lastError: "no-chat", attempts: 0, giveUpAt: null });
    // Stored in the very same format, so comparisons in SQL (claims by notBefore) treat both alike.
    const raw = await store.db.$queryRawUnsafe<Array<{ key: string; nb: string }>>(`SELECT "key", CAST("notBefore" AS TEXT) AS nb FROM "Outbox" ORDER BY "key"`);
    expect(raw.find((r) => r.key === "bulk")?.nb).toBe(raw.find((r) => r.key === "orm")?.nb);
    const due = await store.tx((tx) => tx.outbox.claim("t", new Date("2026-12-07T07:00:01Z"), 300_000, 10, ["TELEGRAM"]));
    expect(due.map((d) => d.key).sort()).toEqual(["bulk", "orm"]);
  });

  it("tells which of many keys are queued, in one statement per few thousand", async () => {
    const keys = Array.from({ length: 12_000 }, (_, i) => `look:${i}:“x”'\\`);
    await store.tx((tx) => tx.outbox.insertNew(keys.filter((_, i) => i % 7 === 0).map((k) => item(k))));
    const found = await store.tx((tx) => tx.outbox.existingKeys([...keys, "look:none"]));
    expect([...found].sort()).toEqual(keys.filter((_, i) => i % 7 === 0).sort());
    expect(await store.tx((tx) => tx.outbox.existingKeys([]))).toEqual(new Set());
  });

  it("two connections racing on the same keys insert each key once", async () => {
    if (db === "sqlite") return; // one writer at a time by design; the race is PostgreSQL's
    const other = await createPrismaStore(url);
    try {
      const items = Array.from({ length: 3000 }, (_, i) => item(`race-${i}`));
      const [a, b] = await Promise.all([store.tx((tx) => tx.outbox.insertNew(items)), other.tx((tx) => tx.outbox.insertNew([...items].reverse()))]);
      expect(a.length + b.length).toBe(3000);
      expect(new Set([...a, ...b]).size).toBe(3000);
    } finally {
      await other.close();
    }
  });
});
