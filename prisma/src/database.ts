import { mkdirSync, mkdtempSync, accessSync, constants, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { StartupError, describeUrl } from "./startup-error.ts";
import { lockDataDir } from "./dir-lock.ts";

/**
 * One PostgreSQL dialect, two places to find it: an embedded PGlite (WASM PostgreSQL) in a
 * local data directory, or a real server named by DATABASE_URL. The embedded one is served
 * on a private unix socket so that the application talks to both through the same `pg`
 * driver and the same Prisma adapter.
 */
export interface Database {
  readonly kind: "embedded" | "server";
  /** The one connection pool of the process; Prisma and raw SQL share it. */
  readonly pool: pg.Pool;
  /** Connection settings, for a second pool or client (e.g. a CLI). */
  readonly connection: pg.PoolConfig;
  /** The embedded engine itself (embedded only), e.g. to dump a test template. */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgresql:// URL; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Embedded only: the data directory (created on first start). */
  dataDir?: string | undefined;
  /** Embedded only: start from this dump (a `dumpDataDir()` tarball) instead of a data dir. */
  loadFrom?: Blob | undefined;
  /** Pool size for the server database (embedded is always 1). */
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openServer(options.databaseUrl, options.poolSize ?? 10);
  return openEmbedded(options);
}

async function openServer(url: string, max: number): Promise<Database> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StartupError("DATABASE_URL is not a valid URL (expected postgresql://user@host:port/database)");
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new StartupError(`DATABASE_URL must start with postgresql:// (got ${parsed.protocol}//)`);
  }
  const connection: pg.PoolConfig = { connectionString: url, max, connectionTimeoutMillis: 5000 };
  const pool = new pg.Pool(connection);
  pool.on("error", () => {}); // an idle client dropped by the server is replaced on next use
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => {});
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new StartupError(`Cannot connect to the database at ${describeUrl(url)}: ${reason}`);
  }
  return { kind: "server", pool, connection, close: () => pool.end() };
}

async function openEmbedded(options: DatabaseOptions): Promise<Database> {
  let dataDir: string | undefined;
  // Issue 15 item 19: one process per data directory; a second one stops here with one line.
  let unlock = () => {};
  if (!options.loadFrom) {
    dataDir = resolve(options.dataDir ?? "data/pglite");
    ensureWritableDir(dataDir);
    unlock = lockDataDir(dataDir);
  }
  let db: PGlite;
  let socketDir: string;
  let server: PGLiteSocketServer;
  try {
    db = await PGlite.create(dataDir ? { dataDir } : { loadDataDir: options.loadFrom });
    // A private directory (mode 0700) for the socket: only this user can connect.
    socketDir = mkdtempSync(join(tmpdir(), "tingjian-"));
    server = new PGLiteSocketServer({ db, path: join(socketDir, ".s.PGSQL.5432") });
    await server.start();
  } catch (e) {
    unlock();
    throw e;
  }
  // PGlite is single-connection: one pooled client, shared by Prisma and raw SQL.
  const connection: pg.PoolConfig = { host: socketDir, port: 5432, user: "postgres", database: "postgres", max: 1 };
  const pool = new pg.Pool(connection);
  pool.on("error", () => {});
  return {
    kind: "embedded",
    pool,
    pglite: db,
    connection,
    async close() {
      try {
        await pool.end();
        await server.stop();
        await db.close();
        rmSync(socketDir, { recursive: true, force: true });
      } finally {
        unlock();
      }
    },
  };
}

function ensureWritableDir(dir: string) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    throw new StartupError(`Data directory ${dir} is not writable (${code}); set DATA_DIR to a writable directory`);
  }
}
