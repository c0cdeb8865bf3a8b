import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@tingjian/prisma/client";

export type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The import's statements on its transaction's own connection. An import sends megabytes of
 * parameters (a batch of rows as one array literal per column); through Prisma every request,
 * raw ones included, is serialised into its query compiler first, which costs more than the
 * database spends storing the rows. So the bulk statements go straight to the `pg` connection
 * that holds the transaction (Prisma's PostgreSQL adapter checks it out of the process's pool
 * for the transaction's lifetime), and Prisma is used for everything else.
 *
 * Finding that connection relies on internals of @prisma/adapter-pg and pg-pool. It is verified,
 * not assumed: a transaction-local setting written through Prisma must be read back through the
 * connection found, which proves that both are the same transaction (row-level security, the
 * locks taken and the all-or-nothing rollback are then the transaction's own). When anything
 * does not match (another adapter, a client outside a transaction, a changed internal), the
 * statements go through Prisma's raw queries instead: the same SQL and parameters, only slower.
 */
export interface Sql {
  /** Runs one statement; the number of rows it affected. */
  run(text: string, params?: readonly unknown[]): Promise<number>;
  /** Runs one query; its rows as objects. */
  rows<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** True when statements go to the transaction's connection directly. */
  readonly direct: boolean;
}

interface PgClient {
  processID?: number | null;
  query(config: { text: string; values?: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

const cache = new WeakMap<object, Promise<Sql>>();

/** The statement path of `db` (cached per transaction client). */
export function sqlOf(db: Db): Promise<Sql> {
  let found = cache.get(db);
  if (!found) {
    found = connect(db);
    cache.set(db, found);
  }
  return found;
}

async function connect(db: Db): Promise<Sql> {
  const client = await transactionConnection(db).catch(() => null);
  if (client) {
    return {
      direct: true,
      run: async (text, params = []) => (await client.query({ text, values: params as unknown[] })).rowCount ?? 0,
      rows: async <T>(text: string, params: readonly unknown[] = []) =>
        (await client.query({ text, values: params as unknown[] })).rows as T[],
    };
  }
  return {
    direct: false,
    run: (text, params = []) => db.$executeRawUnsafe(text, ...params),
    rows: <T>(text: string, params: readonly unknown[] = []) => db.$queryRawUnsafe<T[]>(text, ...params),
  };
}

async function transactionConnection(db: Db): Promise<PgClient | null> {
  const pool = (
    db as unknown as { _engineConfig?: { adapter?: { externalPool?: { _clients?: PgClient[]; _idle?: { client?: PgClient }[] } } } }
  )._engineConfig?.adapter?.externalPool;
  const clients = pool?._clients;
  if (!Array.isArray(clients) || !Array.isArray(pool?._idle)) return null;
  // Only a connection checked out of the pool can hold a transaction.
  const idle = new Set(pool._idle.map((i) => i?.client));
  const token = randomUUID();
  const [probe] = await db.$queryRawUnsafe<{ pid: number }[]>(
    `SELECT pg_backend_pid() AS pid, set_config('tingjian.interchange_probe', $1, true) AS token`,
    token,
  );
  const candidates = clients.filter((c) => c && c.processID === probe?.pid && !idle.has(c) && typeof c.query === "function");
  if (candidates.length !== 1) return null;
  const client = candidates[0]!;
  const { rows } = await client.query({ text: `SELECT current_setting('tingjian.interchange_probe', true) AS token` });
  return (rows[0] as { token?: string } | undefined)?.token === token ? client : null;
}
