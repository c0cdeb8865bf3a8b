import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export const serverDir = fileURLToPath(new URL("../../server", import.meta.url));
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface ServerProcess {
  readonly child: ChildProcess;
  /** Everything written so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** The port, once the server says it is running (rejects if it exits first). */
  readonly ready: Promise<number>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts a real server process (the command `pnpm start` ends in, or another command) with its
 * own environment: embedded database in `DATA_DIR` unless DATABASE_URL is given, no demo data
 * unless SEED says so, any free port.
 */
export function startServer(
  env: Record<string, string>,
  command: string[] = [process.execPath, "--import", "tsx", "src/main.ts"],
  cwd = serverDir,
): ServerProcess {
  const child = spawn(command[0]!, command.slice(1), {
    cwd,
    env: { ...process.env, DATABASE_URL: "", PORT: "0", SEED: "none", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr!.on("data", (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  const ready = new Promise<number>((resolve, reject) => {
    const check = () => {
      const m = /running at http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        child.stdout!.off("data", check);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on("data", check);
    void exited.then(({ code }) => reject(new Error(`server exited (${code}) before it was ready:\n${out}\n${err}`)));
  });
  ready.catch(() => {});
  return { child, stdout: () => out, stderr: () => err, ready, exited };
}

/** Whether a process with this pid exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
