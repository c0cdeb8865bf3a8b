import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { StartupError } from "@tingjian/prisma";
import { clockFrom, systemClock, type Clock } from "./clock.ts";
import { graphiqlEnabled } from "./http/graphiql.ts";

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /**
   * When to seed the demo company into an empty database (issue 15 item 20): "auto" only on the
   * embedded database (its accounts share the password printed in the README, so never on a
   * PostgreSQL server by accident), "demo" on any database, "none" never.
   */
  seed: SeedPolicy;
  /** SHUTDOWN_GRACE_MS: how long SIGTERM/SIGINT lets requests in flight finish (issue 15 item 18). */
  shutdownGraceMs: number;
  /** GRAPHIQL=1 (or NODE_ENV=development): serve GraphiQL, whose page loads its scripts from a CDN. */
  graphiql: boolean;
  /** The time source (TINGJIAN_CLOCK_START: the instant the server's clock starts at). */
  clock: Clock;
}

export type SeedPolicy = "auto" | "demo" | "none";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Reads the environment; a bad value is a StartupError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StartupError(`PORT must be an integer between 0 and 65535 (got "${env.PORT}")`);
  }
  const seed = env.SEED ?? "auto";
  if (seed !== "auto" && seed !== "demo" && seed !== "none")
    throw new StartupError(`SEED must be "auto", "demo" or "none" (got "${seed}")`);
  const grace = Number(env.SHUTDOWN_GRACE_MS || 10_000);
  if (!Number.isInteger(grace) || grace < 0) {
    throw new StartupError(`SHUTDOWN_GRACE_MS must be a whole number of milliseconds (got "${env.SHUTDOWN_GRACE_MS}")`);
  }
  if (env.GRAPHIQL !== undefined && env.GRAPHIQL !== "" && env.GRAPHIQL !== "0" && env.GRAPHIQL !== "1") {
    throw new StartupError(`GRAPHIQL must be "1" or "0" (got "${env.GRAPHIQL}")`);
  }
  const start = env.TINGJIAN_CLOCK_START;
  const startAt = start ? new Date(start) : null;
  if (start && (!/^\d{4}-\d{2}-\d{2}T/.test(start) || Number.isNaN(startAt!.getTime()))) {
    throw new StartupError(`TINGJIAN_CLOCK_START must be an ISO instant such as 2027-12-31T23:30:00+08:00 (got "${start}")`);
  }
  return {
    clock: startAt ? clockFrom(startAt) : systemClock,
    port,
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(repoRoot, env.DATA_DIR ?? "data/pglite"),
    seed,
    shutdownGraceMs: grace,
    graphiql: graphiqlEnabled(env),
  };
}

/**
 * Issue 15 item 20: whether an empty database gets the demo company, and why not. The demo
 * accounts' password is printed in the README, so "auto" seeds only the embedded database (a
 * local trial); a PostgreSQL server gets them only when SEED=demo asks for it.
 */
export function demoSeedDecision(policy: SeedPolicy, kind: "embedded" | "server"): { seed: true } | { seed: false; why: string } {
  if (policy === "demo") return { seed: true };
  if (policy === "none") return { seed: false, why: "SEED=none" };
  if (kind === "embedded") return { seed: true };
  return {
    seed: false,
    why: "SEED=auto seeds only the embedded database (its demo accounts share a published password); set SEED=demo to seed this one",
  };
}
