import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The production client built for this run (browser tests serve it). */
    clientDist: string;
  }
}

const run = promisify(execFile);
const clientDir = fileURLToPath(new URL("../../client", import.meta.url));
let built: Promise<string> | undefined;

/**
 * Vitest global setup: builds the production client once per run (both database projects share
 * it) into a directory of its own, so that browser tests load exactly what `pnpm start` serves
 * and a build running elsewhere (another run, `pnpm start`) never swaps files under them.
 */
export default async function setup(project: TestProject) {
  built ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), "tingjian-client-"));
    await run("pnpm", ["exec", "vite", "build", "--logLevel", "warn", "--outDir", outDir], {
      cwd: clientDir,
      env: { ...process.env, NODE_ENV: "production" },
    });
    return outDir;
  })();
  const outDir = await built;
  project.provide("clientDist", outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
