import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { StartupError } from "@tingjian/prisma";

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Seed the demo company when the database is empty. */
  seedWhenEmpty: boolean;
}

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Reads the environment; a bad value is a StartupError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StartupError(`PORT must be an integer between 0 and 65535 (got "${env.PORT}")`);
  }
  const seed = env.SEED ?? "auto";
  if (seed !== "auto" && seed !== "none") throw new StartupError(`SEED must be "auto" or "none" (got "${seed}")`);
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(repoRoot, env.DATA_DIR ?? "data/pglite"),
    seedWhenEmpty: seed === "auto",
  };
}
