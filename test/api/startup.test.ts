import { execFile } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const serverDir = fileURLToPath(new URL("../../server", import.meta.url));

/** Runs `pnpm start`'s server entry with the given environment; resolves with exit code and output. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      "pnpm",
      ["exec", "tsx", "src/main.ts"],
      { cwd: serverDir, env: { ...process.env, DATABASE_URL: "", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

describe("a bad configuration ends with one clear line and a non-zero exit, writing nothing", () => {
  it("names an unreachable DATABASE_URL without its password", async () => {
    const r = await start({ DATABASE_URL: "postgresql://u:secret@127.0.0.1:1/x", PORT: "0" });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^tingjian: Cannot connect to the database at 127\.0\.0\.1:1\/x: ECONNREFUSED$/);
    expect(r.stderr).not.toContain("secret");
  });

  it("names a port in use, before touching the data directory", async () => {
    const blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, "127.0.0.1", ok));
    const port = (blocker.address() as { port: number }).port;
    const dataDir = join(mkdtempSync(join(tmpdir(), "tj-")), "data");
    const r = await start({ PORT: String(port), DATA_DIR: dataDir });
    blocker.close();
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`tingjian: Port ${port} is already in use; set PORT to a free port`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("names an unwritable data directory", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "tj-")), "a-file");
    writeFileSync(file, "not a directory");
    const r = await start({ PORT: "0", DATA_DIR: join(file, "data") });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^tingjian: Data directory .*a-file\/data is not writable \(ENOTDIR\); set DATA_DIR to a writable directory$/,
    );
  });

  it("names a bad PORT", async () => {
    const r = await start({ PORT: "eighty" });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`tingjian: PORT must be an integer between 0 and 65535 (got "eighty")`);
  });
});
