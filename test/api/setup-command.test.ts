import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createPrisma, DEMO_PASSWORD, openDatabase } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { createApp } from "@tingjian/server";
import { setupCommand, type SetupIo } from "../../server/src/setup/run.ts";
import { startServer } from "../security/server-process.ts";
import { demoClock } from "../demo-clock.ts";
import { gql, type Caller } from "./graphql.ts";
import { count, INSTALLATION, signInTo, useApp } from "./organizations.ts";

/**
 * Issue 17 items 1 and 3: the operator's `pnpm run setup`. On an installation that has an
 * organisation it refuses unless `--another`; with it, a second organisation with its own
 * administrator, who signs in with the organisation code. Run once as the real command on an
 * empty database. And an installation started without a demo request has no demo account.
 */
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const PASSWORD = "Harbour-lights-2031";
const FLAGS = [
  "--org-code",
  "beta",
  "--org-name",
  "贝塔物业",
  "--timezone",
  "Asia/Chongqing",
  "--admin-login",
  "beta.admin",
  "--admin-name",
  "贝塔管理员",
];

function capture(): SetupIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), language: "en" };
}

describe("issue 17 item 3: pnpm run setup --another adds an organisation next to the demo company", () => {
  const t = useTestDatabase("demo");
  const s = useApp(t, demoClock());
  const env = { TINGJIAN_ADMIN_PASSWORD: PASSWORD };

  it("without --another an installation that has an organisation is refused (exit 1), nothing created", async () => {
    const io = capture();
    expect(await setupCommand(t.prisma, { argv: [...FLAGS, "--non-interactive"], env, cwd: repoRoot }, io)).toBe(1);
    expect(io.errors.join("\n")).toMatch(/--another/);
    expect(await count(t, "organizations")).toBe(1);
  });

  it("bad flags print every problem by its flag (exit 2), nothing created", async () => {
    const io = capture();
    const argv = [
      "--another",
      "--org-code",
      "HUATING",
      "--org-name",
      "",
      "--timezone",
      "+08:00",
      "--admin-login",
      "x",
      "--admin-name",
      "y",
    ];
    expect(await setupCommand(t.prisma, { argv, env: { TINGJIAN_ADMIN_PASSWORD: "password1234" }, cwd: repoRoot }, io)).toBe(2);
    expect(io.errors).toEqual([
      "--org-code: another organisation of this installation has this code",
      "--org-name is required",
      "--timezone is not an IANA timezone name such as Asia/Shanghai",
      '--admin-login must be 2-50 lower-case letters, digits, ".", "-" or "_", starting with a letter or digit',
      "the password is one of the most common passwords; choose another",
    ]);
    const missing = capture();
    expect(await setupCommand(t.prisma, { argv: ["--another", "--admin-password", "secret"], env: {}, cwd: repoRoot }, missing)).toBe(2);
    expect(missing.errors[0]).toMatch(/--admin-password is not accepted.*--admin-password-file FILE or TINGJIAN_ADMIN_PASSWORD/);
    const none = capture();
    expect(await setupCommand(t.prisma, { argv: ["--another"], env: {}, cwd: repoRoot }, none)).toBe(2);
    expect(none.errors).toHaveLength(5);
    expect(await count(t, "organizations")).toBe(1);
  });

  it("with --another the second organisation and its administrator exist; sign-in then needs the code", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tj-setup-"));
    writeFileSync(join(dir, "pw"), `${PASSWORD}\n`);
    const io = capture();
    expect(await setupCommand(t.prisma, { argv: ["--another", ...FLAGS, "--admin-password-file", "pw"], env: {}, cwd: dir }, io)).toBe(0);
    rmSync(dir, { recursive: true });
    expect(io.lines.join("\n")).toMatch(/BETA.*created[\s\S]*"beta.admin" with the organisation code BETA/);
    const status = await gql<{ installation: Record<string, boolean> }>(s.app, INSTALLATION);
    expect(status.data!.installation).toEqual({ setupNeeded: false, organizationCodeRequired: true, demoCompany: true });
    // Without the code sign-in asks for it; with it each administrator reaches their own organisation.
    expect(await signInTo(s.app, null, "beta.admin", PASSWORD)).toBe("InputError");
    const beta = (await signInTo(s.app, "BETA", "beta.admin", PASSWORD)) as Caller;
    const r = await gql<{ me: { staff: { role: string } }; organization: { code: string; timezone: string } }>(
      s.app,
      `{ me { staff { role } } organization { code timezone } }`,
      {},
      beta,
    );
    expect(r.data).toEqual({ me: { staff: { role: "ADMIN" } }, organization: { code: "BETA", timezone: "Asia/Chongqing" } });
    expect(await signInTo(s.app, "BETA", "admin", DEMO_PASSWORD)).toBe("ForbiddenError");
    expect(typeof (await signInTo(s.app, "HUATING", "admin", DEMO_PASSWORD))).toBe("object");
    const [row] = (
      await t.db.pool.query(
        `SELECT count(*)::int AS n FROM policy_values p JOIN organizations o ON o.id = p.organization_id WHERE o.code = 'BETA'`,
      )
    ).rows;
    expect(row.n).toBe(30);
  });
});

/** Runs `pnpm run setup` as the operator would, non-interactively. */
function runSetupCommand(env: Record<string, string>, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "pnpm",
      ["run", "-s", "setup", ...args],
      { cwd: repoRoot, env: { ...process.env, DATABASE_URL: "", ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

describe("issue 17 items 1 and 3: the command on an empty database", () => {
  const t = useTestDatabase("empty");
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("pnpm run setup --non-interactive migrates and creates the organisation; its administrator signs in", async () => {
    // On PGlite: a fresh embedded database in its own data directory; on PostgreSQL: this test's database.
    const dataDir = join(mkdtempSync(join(tmpdir(), "tj-setup-")), "data");
    dirs.push(dataDir);
    const url = t.target === "postgres" ? String(t.db.connection.connectionString) : "";
    const r = await runSetupCommand({ DATA_DIR: dataDir, DATABASE_URL: url, TINGJIAN_ADMIN_PASSWORD: PASSWORD }, [
      ...FLAGS,
      "--non-interactive",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Organisation BETA \(贝塔物业\) created/);
    const db = t.target === "postgres" ? t.db : await openDatabase({ dataDir });
    try {
      const app = createApp({ prisma: t.target === "postgres" ? t.prisma : createPrisma(db) });
      const admin = await signInTo(app, null, "beta.admin", PASSWORD);
      expect(typeof admin).toBe("object");
      const again = await runSetupCommand({ DATA_DIR: dataDir, DATABASE_URL: url, TINGJIAN_ADMIN_PASSWORD: PASSWORD }, [
        ...FLAGS,
        "--non-interactive",
      ]);
      expect(again.code).toBe(1);
    } finally {
      if (db !== t.db) await db.close();
    }
  }, 180_000);
});

describe("issue 17 acceptance: an installation started without a demo request has no demo account", () => {
  const t = useTestDatabase("empty");
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("signing in as analyst / tingjian-demo is refused (PostgreSQL: SEED=auto; embedded: SEED=none)", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "tj-nodemo-")), "data");
    dirs.push(dataDir);
    const env: Record<string, string> =
      t.target === "postgres"
        ? { DATABASE_URL: String(t.db.connection.connectionString), SEED: "auto" }
        : { DATA_DIR: dataDir, SEED: "none" };
    const server = startServer(env);
    try {
      const port = await server.ready;
      if (t.target === "postgres")
        expect(server.stdout()).toMatch(/empty database: no demo data \(SEED=auto seeds only the embedded database/);
      const post = (query: string, variables?: unknown) =>
        fetch(`http://127.0.0.1:${port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query, variables }),
        }).then((res) => res.json() as Promise<{ data: Record<string, { __typename?: string; setupNeeded?: boolean }> }>);
      const signIn = await post(`mutation($l: String!, $p: String!) { signIn(login: $l, password: $p) { __typename } }`, {
        l: "analyst",
        p: DEMO_PASSWORD,
      });
      expect(signIn.data.signIn!.__typename).toBe("ForbiddenError");
      expect((await post(INSTALLATION)).data.installation!.setupNeeded).toBe(true);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    if (t.target === "postgres") expect(await count(t, "staff")).toBe(0);
  }, 120_000);
});
