import pg from "pg";
import type { Database } from "./database.ts";
import { StartupError, describeUrl } from "./startup-error.ts";

/**
 * Issue 15 item 12: on a PostgreSQL server, the connections API requests run on log in as the
 * restricted role `tingjian_app` itself. The owner connection (DATABASE_URL: migrations, sign-in
 * lookups, the scheduled sweeps) switched to it with SET LOCAL ROLE, and a RESET ROLE would have
 * given the request the owner's rights back; a session that *is* tingjian_app has nothing to
 * return to. The URL is TINGJIAN_APP_DATABASE_URL, or DATABASE_URL with the user tingjian_app
 * (enough with trust or peer authentication; otherwise give the role a password and the URL).
 *
 * The embedded database has one user and one connection: there requests keep SET LOCAL ROLE
 * (nothing but this process can connect to it). Returns null for it.
 */
export async function openAppRolePool(db: Database, env: NodeJS.ProcessEnv = process.env): Promise<pg.Pool | null> {
  if (db.kind !== "server") return null;
  const given = env.TINGJIAN_APP_DATABASE_URL;
  const url = new URL(given || String(db.connection.connectionString));
  if (!given) {
    url.username = "tingjian_app";
    url.password = "";
  }
  const pool = new pg.Pool({ connectionString: url.toString(), max: db.connection.max ?? 10, connectionTimeoutMillis: 5000 });
  pool.on("error", () => {});
  try {
    const { rows } = await pool.query<{ who: string; super: boolean; bypass: boolean }>(
      `SELECT current_user AS who, rolsuper AS super, rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`,
    );
    const me = rows[0]!;
    if (me.who !== "tingjian_app" || me.super || me.bypass)
      throw new Error(`it logs in as ${me.who}, which is not the restricted role tingjian_app`);
  } catch (e) {
    await pool.end().catch(() => {});
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new StartupError(
      `Cannot connect as the request role tingjian_app at ${describeUrl(url.toString())} (${reason}); set TINGJIAN_APP_DATABASE_URL`,
    );
  }
  return pool;
}
