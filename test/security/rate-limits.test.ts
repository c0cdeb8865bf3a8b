import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, createHttpServer, listen, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { signIn, type Caller } from "../api/graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 15 item 4: requests per minute per session, per token and per address, configurable; over
 * a limit the answer is HTTP 429 with Retry-After and a RATE_LIMITED error saying how long to
 * wait, and the other callers are served meanwhile.
 */
describe("API rate limits (issue 15 item 4)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let server: Server;
  let base = "";

  beforeAll(async () => {
    app = createApp({
      prisma: t.prisma,
      clock: demoClock(),
      rateLimits: { perSessionPerMinute: 5, perTokenPerMinute: 4, perAddressPerMinute: 12 },
    });
    server = createHttpServer({ app, db: t.db });
    await listen(server, 0, "127.0.0.1");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ask = (headers: Record<string, string>) =>
    app.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: "{ me { staff { login } } }" }),
    });

  it("a session over its limit waits; another session is served meanwhile", async () => {
    const a = await signIn(app, "analyst"),
      b: Caller = await signIn(app, "manager");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await ask({ cookie: a.cookie! })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await ask({ cookie: a.cookie!, "accept-language": "zh-CN" });
    expect(limited.status).toBe(429);
    const seconds = Number(limited.headers.get("retry-after"));
    expect(seconds).toBeGreaterThanOrEqual(1);
    const body = (await limited.json()) as { errors: { message: string; extensions: { code: string; retryAfterSeconds: number } }[] };
    expect(body.errors[0]!.extensions).toEqual({ code: "RATE_LIMITED", retryAfterSeconds: seconds });
    expect(body.errors[0]!.message).toContain("秒后再试");
    expect((await ask({ cookie: b.cookie! })).status).toBe(200);
  });

  it("an API token is limited by itself, signed in or not", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await ask({ authorization: "Bearer tj_not_a_real_token" })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });

  it("one address cannot starve the service by rotating sessions: its requests are limited over HTTP", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const res = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(12);
    expect(statuses.slice(12)).toEqual([429, 429]);
  });
});
