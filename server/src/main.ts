/**
 * `pnpm start`: binds the port, opens the database (embedded unless DATABASE_URL is set),
 * applies pending migrations, seeds the demo company into an empty database, then serves.
 * A configuration problem ends with one line naming the cause and exit code 1.
 */
import { openDatabase, applyMigrations, createPrisma, isEmpty, seedDemoData, StartupError, describeUrl, type Database } from "@tingjian/prisma";
import { loadConfig } from "./config.ts";
import { createApp } from "./yoga.ts";
import { createHttpServer, listen, type Routes } from "./http/server.ts";
import { startHousekeeping } from "./access/housekeeping.ts";
import { startSlaSweep } from "./complaints/sla-sweep.ts";
import { backfillSlaStages } from "./complaints/sla-backfill.ts";

async function main() {
  const config = loadConfig(process.env);
  const routes: Routes = { app: null, db: null };
  const server = createHttpServer(routes);
  try {
    await listen(server, config.port, config.host);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new StartupError(`Port ${config.port} is already in use; set PORT to a free port`);
    throw new StartupError(`Cannot listen on ${config.host}:${config.port} (${code ?? (e as Error).message})`);
  }
  let db: Database | undefined;
  try {
    const where = config.databaseUrl ? describeUrl(config.databaseUrl) : config.dataDir;
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const applied = await applyMigrations(db.pool);
    if (applied.length) console.log(`applied ${applied.length} migration(s) to ${where}`);
    if (config.seedWhenEmpty && (await isEmpty(db.pool))) {
      console.log("empty database: generating the demo company (about a minute)…");
      const counts = await seedDemoData(db.pool, { scale: 1 });
      console.log(`demo data: ${Object.values(counts).reduce((a, b) => a + b, 0)} rows`);
    }
    routes.db = db;
    const prisma = createPrisma(db);
    // §6: complaints loaded without their SLA stages (the demo data, imported history) get them now.
    const backfilled = await backfillSlaStages(prisma);
    if (backfilled) console.log(`SLA stages planned for ${backfilled} complaint(s)`);
    startHousekeeping(prisma);
    startSlaSweep(prisma);
    routes.app = createApp({ prisma });
  } catch (e) {
    server.close();
    await db?.close().catch(() => {});
    throw e;
  }
  console.log(`Tingjian is running at http://localhost:${config.port} (GraphQL: /graphql, database: ${db.kind})`);
  const stop = async () => {
    server.close();
    await db?.close().catch(() => {});
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((e) => {
  if (e instanceof StartupError) {
    console.error(`tingjian: ${e.message}`);
  } else {
    console.error(e);
  }
  process.exit(1);
});
