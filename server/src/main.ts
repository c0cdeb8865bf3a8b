/**
 * `pnpm start`: binds the port, opens the database (embedded unless DATABASE_URL is set),
 * applies pending migrations, seeds the demo company into an empty database, then serves.
 * A configuration problem ends with one line naming the cause and exit code 1.
 */
import {
  openAppRolePool,
  openDatabase,
  applyMigrations,
  createPrisma,
  isEmpty,
  seedDemoData,
  StartupError,
  describeUrl,
  type Database,
} from "@tingjian/prisma";
import type { AddressInfo } from "node:net";
import { constants as osConstants } from "node:os";
import { demoSeedDecision, loadConfig } from "./config.ts";
import { createApp } from "./yoga.ts";
import { createHttpServer, listen, type Routes } from "./http/server.ts";
import { drain, inFlight } from "./http/drain.ts";
import { installProcessGuards } from "./http/last-resort.ts";
import { startHousekeeping } from "./jobs/housekeeping.ts";
import { startSlaSweep } from "./jobs/sla-sweep.ts";
import { backfillSlaStages } from "./jobs/sla-backfill.ts";

async function main() {
  const config = loadConfig(process.env);
  // Issue 15 item 1: an error that escapes every request guard is logged, not an outage.
  installProcessGuards();
  const routes: Routes = { app: null, db: null };
  const server = createHttpServer(routes);
  // Issue 15 item 18: the signal handlers are in place before anything is announced, so that a
  // supervisor that signals as soon as it reads "running" never meets the default (instant
  // death). Until the server is ready a signal ends the start-up at once (the data directory's
  // lock is released at exit); once ready, `stop` drains.
  let stop = (signal: NodeJS.Signals): void => {
    console.log(`${signal} during start-up: stopping`);
    process.exit(128 + osConstants.signals[signal]);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  try {
    await listen(server, config.port, config.host);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new StartupError(`Port ${config.port} is already in use; set PORT to a free port`);
    throw new StartupError(`Cannot listen on ${config.host}:${config.port} (${code ?? (e as Error).message})`);
  }
  let db: Database | undefined;
  const timers: (() => void)[] = [];
  try {
    db = await openMigrated(config);
    routes.db = db;
    const prisma = createPrisma(db);
    // §6: complaints loaded without their SLA stages (the demo data, imported history) get them now.
    const backfilled = await backfillSlaStages(prisma, config.clock());
    if (backfilled) console.log(`SLA stages planned for ${backfilled} complaint(s)`);
    timers.push(startHousekeeping(prisma, config.clock), startSlaSweep(prisma, config.clock));
    // Issue 15 item 12: on a PostgreSQL server requests log in as the restricted role itself.
    const appPool = await openAppRolePool(db);
    if (appPool) {
      const owner = db;
      db = {
        ...owner,
        close: async () => {
          await appPool.end().catch(() => {});
          await owner.close();
        },
      };
    }
    const requestPrisma = appPool ? createPrisma({ ...db, pool: appPool }) : undefined;
    routes.app = createApp({ prisma, requestPrisma, clock: config.clock });
  } catch (e) {
    server.close();
    await db?.close().catch(() => {});
    throw e;
  }
  const database = db;
  let stopping = false;
  // Stop accepting, let the requests in flight finish (SHUTDOWN_GRACE_MS), then close the
  // database and exit. A second signal (a terminal's Ctrl-C reaches both pnpm, which forwards
  // it, and this process) does not cut the drain short.
  stop = (signal) => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      const open = inFlight(server);
      console.log(`${signal}: stopping${open ? `, letting ${open} request(s) finish (up to ${config.shutdownGraceMs} ms)` : ""}`);
      for (const stopTimer of timers) stopTimer();
      const { cut } = await drain(server, config.shutdownGraceMs);
      if (cut) console.error(`${cut} request(s) still running after ${config.shutdownGraceMs} ms were cut off`);
      await database.close().catch((e: unknown) => console.error(`closing the database failed: ${(e as Error).name}`));
      process.exit(cut ? 1 : 0);
    })();
  };
  const port = (server.address() as AddressInfo).port;
  console.log(
    `Tingjian is running at http://localhost:${port} (GraphQL: /graphql${config.graphiql ? ", GraphiQL on" : ""}, database: ${db.kind})`,
  );
}

/** Opens the database, applies the migrations, and fills an empty one with the demo company (unless SEED=none). */
async function openMigrated(config: ReturnType<typeof loadConfig>): Promise<Database> {
  const where = config.databaseUrl ? describeUrl(config.databaseUrl) : config.dataDir;
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await applyMigrations(db.pool);
    if (applied.length) console.log(`applied ${applied.length} migration(s) to ${where}`);
    if (config.seed !== "none" && (await isEmpty(db.pool))) {
      const decision = demoSeedDecision(config.seed, db.kind);
      if (decision.seed) {
        console.log("empty database: generating the demo company (about a minute)…");
        // The demo's history ends now: this week's complaints, running deadlines, this quarter's figures.
        const counts = await seedDemoData(db.pool, { scale: 1, now: config.clock() });
        console.log(`demo data: ${Object.values(counts).reduce((a, b) => a + b, 0)} rows`);
      } else {
        console.log(`empty database: no demo data (${decision.why})`);
      }
    }
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  return db;
}

main().catch((e) => {
  if (e instanceof StartupError) {
    console.error(`tingjian: ${e.message}`);
  } else {
    console.error(e);
  }
  process.exit(1);
});
