// Files travel in the outbox as base64 (exports, /dulieu, year-end drafts, charts): personal data that
// must not outlive its delivery. Once a message is done (sent, or failed for good) each of its files
// keeps its name, type and size, so the record still says what went out, and loses its bytes.
import type { DbTx } from "../client.ts";
import type { Provider } from "../migrate.ts";

/** A file as the outbox keeps it once its message is done. */
export interface DoneFile {
  name: string;
  mime: string;
  /** Its size when it was sent. */
  bytes: number;
  caption?: string;
}

const DONE = ["SENT", "FAILED"] as const;

/** The payload without file bytes, or null when it holds none. */
export function withoutFileBytes(payload: unknown): unknown {
  const files = (payload as { files?: unknown } | null)?.files;
  if (!Array.isArray(files) || !files.some((f) => typeof (f as { data?: unknown })?.data === "string")) return null;
  return {
    ...(payload as object),
    files: files.map((f: { data?: unknown; bytes?: number }) => {
      if (typeof f.data !== "string") return f;
      const { data, ...rest } = f;
      return { ...rest, bytes: Buffer.byteLength(data, "base64") } as DoneFile;
    }),
  };
}

/**
 * Strips file bytes from these messages where they are done (a message whose claim this instance
 * lost, or that is being retried, keeps its files). Returns how many changed.
 */
export async function dropFileBytes(db: DbTx, ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db.outbox.findMany({ where: { id: { in: ids }, status: { in: [...DONE] } }, select: { id: true, payload: true } });
  let changed = 0;
  for (const row of rows) {
    const payload = withoutFileBytes(row.payload);
    if (!payload) continue;
    await db.outbox.update({ where: { id: row.id }, data: { payload: payload as object } });
    changed++;
  }
  return changed;
}

/** Done messages that still hold file bytes (failed ones, or a strip lost after sending), at most `limit`. */
export async function doneWithFileBytes(db: DbTx, provider: Provider, limit: number): Promise<number[]> {
  const rows =
    provider === "postgres"
      ? await db.$queryRaw<Array<{ id: number }>>`
          SELECT "id" FROM "Outbox" WHERE "status" IN ('SENT', 'FAILED') AND jsonb_path_exists("payload", '$.files[*].data')
          ORDER BY "id" LIMIT ${limit}`
      : await db.$queryRaw<Array<{ id: number }>>`
          SELECT "id" FROM "Outbox" WHERE "status" IN ('SENT', 'FAILED') AND "payload" LIKE '%"files"%'
            AND EXISTS (SELECT 1 FROM json_each("Outbox"."payload", '$.files') WHERE json_extract(value, '$.data') IS NOT NULL)
          ORDER BY "id" LIMIT ${limit}`;
  return rows.map((r) => Number(r.id));
}
