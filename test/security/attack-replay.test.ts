import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@tingjian/prisma";
import { rawGet } from "./raw-http.ts";
import { isRunning, repoRoot, startServer, type ServerProcess } from "./server-process.ts";

/**
 * Issue 15 acceptance: the attacks replayed against a real server process (the command
 * `pnpm start` ends in, on its own embedded database with a small demo company): bad URLs, query
 * bombs anonymous and signed in, oversized and malformed input, a flood from one session. Every one
 * is answered (refused, typed), the server is alive at the end, and its resident memory stays under
 * 1 GB throughout (sampled from /proc while the attacks run).
 */
const run = promisify(execFile);
const GB = 1024 * 1024 * 1024;

describe.runIf(process.env.TEST_TARGET !== "postgres")("attack replay on a server process (issue 15)", () => {
  const dir = mkdtempSync(join(tmpdir(), "tj-attack-"));
  let server: ServerProcess;
  let port = 0;
  let peakRss = 0;
  let sampler: NodeJS.Timeout | undefined;
  const rss = () => {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.child.pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  };

  beforeAll(async () => {
    // A small company, generated at the fixed instant, in the process's own data directory.
    await run("pnpm", ["--filter", "@tingjian/prisma", "seed", "--scale", "0.05", "--at", "2026-11-20T18:00:00+08:00"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: join(dir, "data") },
    });
    server = startServer({ DATA_DIR: join(dir, "data"), TINGJIAN_CLOCK_START: "2026-11-20T18:00:00+08:00" });
    port = await server.ready;
    sampler = setInterval(() => {
      try {
        peakRss = Math.max(peakRss, rss());
      } catch {
        /* exited */
      }
    }, 50);
  }, 180_000);

  afterAll(async () => {
    clearInterval(sampler);
    server?.child.kill("SIGTERM");
    await server?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const codeOf = async (res: Response) => {
    const body = (await res.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string } }[] };
    return body.errors?.[0]?.extensions?.code ?? String(res.status);
  };
  const nested = (levels: number) => {
    let q = "id";
    for (let i = 0; i < levels; i++)
      q =
        i % 2 === 0 ? `households(first: 100) { edges { node { id complaints(first: 100) { edges { node { estate { ${q} } } } } } } }` : q;
    return `{ estates(first: 100) { edges { node { ${q} } } } }`;
  };

  it("answers every attack with a refusal, stays alive, and stays under 1 GB of memory", async () => {
    // Item 1: URLs no decoder can read, on raw sockets.
    for (const path of ["/%", "/%E0%A4%A", "/assets/%00", "/%ZZ/../../etc/passwd"]) {
      const a = await rawGet(port, path);
      expect(a.status, path).toBeGreaterThanOrEqual(400);
      expect(a.status, path).toBeLessThan(500);
    }
    // Item 2, anonymous: nesting, aliases, a huge document.
    expect(await codeOf(await post({ query: nested(15) }))).toBe("QUERY_TOO_COMPLEX");
    expect(await codeOf(await post({ query: `{ ${Array.from({ length: 600 }, (_, i) => `a${i}: __typename`).join(" ")} }` }))).toBe(
      "QUERY_TOO_COMPLEX",
    );
    expect(await codeOf(await post({ query: `{ ${"__typename ".repeat(200_000)} }` }))).toBe("QUERY_TOO_COMPLEX");
    expect(await codeOf(await post({ query: "{ __schema { types { name } } }" }))).toBe("UNAUTHENTICATED");

    // Signed in.
    const signIn = await post({ query: `mutation { signIn(login: "exec", password: "${DEMO_PASSWORD}") { __typename } }` });
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const as = { cookie, "x-graphql-yoga-csrf": "1" };
    expect(await codeOf(await post({ query: nested(15) }, as))).toBe("QUERY_TOO_COMPLEX");
    expect(
      await codeOf(
        await post(
          {
            query: `{ ${Array.from({ length: 600 }, (_, i) => `s${i}: complaints(first: 100, filter: { text: "漏水" }) { totalCount }`).join(" ")} }`,
          },
          as,
        ),
      ),
    ).toBe("QUERY_TOO_COMPLEX");
    expect(await codeOf(await post({ query: "query($n: Int) { complaints(first: $n) { totalCount } }", variables: { n: 1000 } }, as))).toBe(
      "BAD_USER_INPUT",
    );
    expect(
      await codeOf(
        await post(
          {
            query: "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            variables: { ids: Array.from({ length: 10_000 }, (_, i) => `id${i}`) },
          },
          as,
        ),
      ),
    ).toBe("BAD_USER_INPUT");
    // Item 16: a 5,000,000-character text and a NUL.
    expect(
      await codeOf(
        await post(
          {
            query: "mutation($i: RegisterComplaintInput!) { registerComplaint(input: $i) { __typename } }",
            variables: { i: { channel: "PHONE", content: "漏水\u0000", location: "x".repeat(5_000_000), anonymous: true } },
          },
          as,
        ),
      ),
    ).toBe("BAD_USER_INPUT");
    // Item 13: a form post with the cookie and no preflight.
    const form = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "query=mutation%7BsignOut%7B__typename%7D%7D",
    });
    expect(form.status).toBe(403);
    // Item 4: a flood from one session meets the rate limit; the answers keep coming.
    const statuses = await Promise.all(
      Array.from({ length: 700 }, () => post({ query: "{ me { staff { login } } }" }, as).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);

    // Alive, serving, within the memory budget.
    expect(isRunning(server.child.pid!)).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    peakRss = Math.max(peakRss, rss());
    expect(peakRss).toBeGreaterThan(0);
    expect(peakRss, `peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`).toBeLessThan(GB);
  }, 180_000);
});
