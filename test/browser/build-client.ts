import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const clientDir = fileURLToPath(new URL("../../client", import.meta.url));
let built: Promise<unknown> | undefined;

/**
 * Vitest global setup: builds the production client once per run (both database projects share
 * it) so that browser tests load exactly what `pnpm start` serves.
 */
export default async function setup() {
  built ??= run("pnpm", ["exec", "vite", "build", "--logLevel", "warn"], { cwd: clientDir, env: { ...process.env, NODE_ENV: "production" } });
  await built;
}
