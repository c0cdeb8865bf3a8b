import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { StartupError } from "./startup-error.ts";

/** The lock file inside an embedded data directory: the pid of the process that has it open. */
export const LOCK_FILE = "tingjian.lock";

/** Lock files this process holds (a pid read back from a file is ours only if it is listed here). */
const held = new Set<string>();

/**
 * Issue 15 item 19: PGlite admits one process per data directory, and a second one (a second
 * server, the import CLI while the server runs) would start without complaint and lose writes.
 * The directory is claimed with a lock file created exclusively (O_EXCL) holding the pid; a
 * file left by a process that no longer runs (killed, crashed) is taken over. Returns the
 * release function (also run at exit, so a `process.exit` does not leave the lock behind).
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 2) throw lockError(dir, path, e);
    }
    const holder = readHolder(path);
    if (holder !== null && isHeldBy(holder, path)) {
      throw new StartupError(
        `Data directory ${dir} is in use by process ${holder}; stop that process first, or set DATA_DIR to another directory`,
      );
    }
    // A stale lock (its process is gone, or the file is unreadable): remove it and try again.
    // Two processes taking over the same stale lock at the same instant is not guarded against.
    try {
      unlinkSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw lockError(dir, path, e);
    }
  }
  held.add(path);
  const release = () => {
    if (!held.delete(path)) return;
    process.off("exit", release);
    // Only our own lock is removed: never a file a later process wrote after a takeover.
    if (readHolder(path) === process.pid) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  };
  process.on("exit", release);
  return release;
}

function readHolder(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Whether the process named in the lock still holds it. Our own pid counts only when this
 * process took the lock: in a container the server is often pid 1 on every start, so a lock
 * left by a killed pid 1 must not block the next pid 1.
 */
function isHeldBy(pid: number, path: string): boolean {
  if (pid === process.pid) return held.has(path);
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user; it still holds the directory.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockError(dir: string, path: string, e: unknown): StartupError {
  const code = (e as NodeJS.ErrnoException).code ?? "error";
  return new StartupError(`Cannot lock data directory ${dir} (${code} on ${path}); set DATA_DIR to a writable directory`);
}
