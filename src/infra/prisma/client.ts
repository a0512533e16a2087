// One Prisma client per database kind. The two generated clients differ only in their provider;
// the code is written against the SQLite client's types and the PostgreSQL one is used as such.
import { Prisma, type PrismaClient as SqliteClient } from "../../generated/sqlite/client.ts";
import { adapterFactory, providerFromUrl, type Provider } from "./adapters.ts";
import { capturingFactory, type SqliteDirect } from "./sqlite-direct.ts";

export type Db = SqliteClient;
export type DbTx = Prisma.TransactionClient;
export { Prisma };

export interface DbClient {
  db: Db;
  provider: Provider;
  /** SQLite only: prepared statements on the adapter's own connection (see sqlite-direct.ts). */
  direct: () => SqliteDirect | null;
}

export async function createDbClient(url: string): Promise<DbClient> {
  const provider = providerFromUrl(url);
  if (provider === "postgres") {
    // Each generated client is a large module: load only the one this installation uses.
    const { PrismaClient } = await import("../../generated/postgres/client.ts");
    const db = new PrismaClient({ adapter: await adapterFactory(url) }) as unknown as Db;
    return { db, provider, direct: () => null };
  }
  const { factory, current } = capturingFactory(await adapterFactory(url));
  const { PrismaClient } = await import("../../generated/sqlite/client.ts");
  const db: Db = new PrismaClient({ adapter: factory });
  // WAL lets readers and the writer work at once; NORMAL sync in WAL mode keeps every committed
  // transaction through a crash of the bot (only a power loss can undo the last few).
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return { db, provider, direct: current };
}
