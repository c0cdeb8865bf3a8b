import { auditServer } from "graphql-http";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, signIn, type Caller } from "../api/graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 15 acceptance: the GraphQL-over-HTTP audit (graphql-http's auditServer) still passes every
 * MUST and SHOULD with the limits, CSRF prevention and rate limits in place — signed in with a
 * session (sending the header the app sends) and with an API token, as external tools call it.
 */
describe("GraphQL over HTTP audit (issue 15)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let session: Caller;
  let token = "";

  beforeAll(async () => {
    app = createApp({
      prisma: t.prisma,
      clock: demoClock(),
      rateLimits: { perSessionPerMinute: 0, perTokenPerMinute: 0, perAddressPerMinute: 0 },
    });
    session = await signIn(app, "analyst");
    const exec = await signIn(app, "exec");
    const r = await gql<{ createApiToken: { __typename: string; data?: { secret: string } } }>(
      app,
      `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename ... on MutationCreateApiTokenSuccess { data { secret } } } }`,
      { input: { name: "audit", scopes: ["REPORTS_READ"] } },
      exec,
    );
    token = r.data!.createApiToken.data!.secret;
  });

  async function audit(headers: Record<string, string>) {
    const results = await auditServer({
      url: "http://yoga/graphql",
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
        const h = new Headers(init?.headers);
        for (const [k, v] of Object.entries(headers)) h.set(k, v);
        return app.fetch(input as string, { ...init, headers: h });
      },
    });
    // The audit ran its MUST and SHOULD checks (about 60 of them), not nothing.
    expect(results.filter((r) => r.name.startsWith("MUST") && r.status === "ok").length).toBeGreaterThanOrEqual(10);
    expect(results.length).toBeGreaterThan(30);
    return results.filter((r) => r.status !== "ok" && !r.name.startsWith("MAY")).map((r) => `${r.name}: ${"reason" in r ? r.reason : ""}`);
  }

  it("with a session: every MUST and SHOULD passes", async () => {
    expect(await audit({ cookie: session.cookie!, "x-graphql-yoga-csrf": "1" })).toEqual([]);
  });

  it("with an API token: every MUST and SHOULD passes", async () => {
    expect(await audit({ authorization: `Bearer ${token}` })).toEqual([]);
  });
});
