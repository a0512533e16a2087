// One Prisma client per database kind. The two generated clients differ only in their provider;
// the code is written against the SQLite client's types and the PostgreSQL one is used as such.
import { PrismaClient as SqliteClient, Prisma } from "../../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../../generated/postgres/client.ts";
import { adapterFactory, providerFromUrl, type Provider } from "./migrate.ts";

export type Db = InstanceType<typeof SqliteClient>;
export type DbTx = Prisma.TransactionClient;
export { Prisma };

export async function createDbClient(url: string): Promise<{ db: Db; provider: Provider }> {
  const provider = providerFromUrl(url);
  const adapter = adapterFactory(url);
  if (provider === "postgres") {
    const db = new PostgresClient({ adapter }) as unknown as Db;
    return { db, provider };
  }
  const db = new SqliteClient({ adapter });
  // WAL lets readers and the writer work at once; NORMAL sync in WAL mode keeps every committed
  // transaction through a crash of the bot (only a power loss can undo the last few).
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return { db, provider };
}
