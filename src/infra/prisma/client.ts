// One Prisma client per database kind. The two generated clients differ only in their provider;
// the code is written against the SQLite client's types and the PostgreSQL one is used as such.
// Each comes with the driver of the hot path (hot/driver.ts): the same connection the ORM uses.
import { Prisma, type PrismaClient as SqliteClient } from "../../generated/sqlite/client.ts";
import { adapterFactory, providerFromUrl, type Provider } from "./adapters.ts";
import { createUnitPool } from "./hot/pg.ts";
import { capturingFactory, type SqliteDriver } from "./hot/sqlite.ts";

export type Db = SqliteClient;
export type DbTx = Prisma.TransactionClient;
export { Prisma };

export type DbClient =
  | { db: Db; provider: "sqlite"; sqlite: () => SqliteDriver | null }
  | { db: Db; provider: "postgres"; pool: ReturnType<typeof createUnitPool> };

export interface DbOptions {
  /** PostgreSQL: connections per instance (DATABASE_POOL_SIZE); the units of work and the ORM share them. */
  poolSize?: number;
}

export async function createDbClient(url: string, opts: DbOptions = {}): Promise<DbClient> {
  const provider: Provider = providerFromUrl(url);
  if (provider === "postgres") {
    const pool = createUnitPool(url, Math.max(1, Math.floor(opts.poolSize ?? 10)));
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // Each generated client is a large module: load only the one this installation uses.
    const { PrismaClient } = await import("../../generated/postgres/client.ts");
    const db = new PrismaClient({ adapter: new PrismaPg(pool) }) as unknown as Db;
    return { db, provider, pool };
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
  return { db, provider, sqlite: current };
}
