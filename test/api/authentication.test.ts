import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { DEMO_PASSWORD, FIXED_DEMO_NOW } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, request, signIn } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";
import { ledgerOf } from "../../server/src/auth/throttle/ledger.ts";

const SIGN_IN = `mutation($login: String!, $password: String!) {
  signIn(login: $login, password: $password) { __typename ... on Error { message } ... on MutationSignInSuccess { data { expiresAt login role } } }
}`;

describe("authentication (SPEC §2)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  beforeAll(() => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
  });

  it("signs in with a session cookie that is httpOnly, SameSite=Strict and expiring; the password is stored as scrypt", async () => {
    const res = await request(app, SIGN_IN, { login: "analyst", password: DEMO_PASSWORD });
    const body = await res.json();
    expect(body.data.signIn.data).toMatchObject({ login: "analyst", role: "ANALYST" });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^tj_session=[\w-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    // Issue 14: a lifetime counted from now (a browser clock that differs from the server's keeps it): 12 h.
    expect(cookie).toContain("Max-Age=43200");
    const [{ password_hash }] = await q(`SELECT password_hash FROM staff WHERE login = 'analyst'`);
    expect(password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const [session] = await q(`SELECT token_hash FROM sessions ORDER BY created_at DESC LIMIT 1`);
    expect(cookie).not.toContain(session.token_hash);
  });

  it("answers a wrong password and an unknown account with the same error, and records both attempts", async () => {
    const wrong = await gql<{ signIn: { __typename: string; message: string } }>(app, SIGN_IN, { login: "manager", password: "nope" });
    const unknown = await gql<{ signIn: { __typename: string; message: string } }>(app, SIGN_IN, {
      login: "nobody.here",
      password: "nope",
    });
    expect(wrong.data!.signIn).toEqual(unknown.data!.signIn);
    expect(wrong.data!.signIn.__typename).toBe("ForbiddenError");
    // Attempts are written outside the request's transaction, after it (issue 15 item 5).
    await ledgerOf(t.prisma).settled();
    const attempts = await q(`SELECT login, success FROM login_attempts WHERE login IN ('manager', 'nobody.here')`);
    expect(attempts).toHaveLength(2);
    expect(attempts.every((a) => a.success === false)).toBe(true);
  });

  it("slows an address's failed sign-ins per login, existing or not, without telling which; other logins stay open (issue 15 item 6)", async () => {
    const answers: { __typename: string; message?: string }[][] = [];
    for (const login of ["mgmtrep", "ghost.account"]) {
      const mine: { __typename: string; message?: string }[] = [];
      // Three wrong passwords are checked; then the address waits (2 s here), even with the right one.
      for (let i = 0; i < 4; i++)
        mine.push(
          (await gql<{ signIn: { __typename: string; message?: string } }>(app, SIGN_IN, { login, password: `wrong-${i}` })).data!.signIn,
        );
      mine.push(
        (await gql<{ signIn: { __typename: string; message?: string } }>(app, SIGN_IN, { login, password: DEMO_PASSWORD })).data!.signIn,
      );
      answers.push(mine);
    }
    const [real, ghost] = answers;
    expect(real!.map((a) => a.__typename)).toEqual([
      "ForbiddenError",
      "ForbiddenError",
      "ForbiddenError",
      "RateLimitedError",
      "RateLimitedError",
    ]);
    expect(real![4]!.message).toMatch(/^Too many sign-in attempts; try again in \d+ seconds$/);
    expect(ghost!.map((a) => a.__typename)).toEqual(real!.map((a) => a.__typename));
    // Three failures each were checked and recorded; the refusals checked nothing.
    await ledgerOf(t.prisma).settled();
    const recorded = await q(
      `SELECT login, count(*)::int AS n FROM login_attempts WHERE login IN ('mgmtrep', 'ghost.account') GROUP BY login ORDER BY login`,
    );
    expect(recorded).toEqual([
      { login: "ghost.account", n: 3 },
      { login: "mgmtrep", n: 3 },
    ]);
    const other = await signIn(app, "auditor");
    expect(other.cookie).toBeTruthy();
  });

  it("rotates the session on sign-in and ends it on sign-out", async () => {
    const first = await signIn(app, "service1");
    const res = await request(app, SIGN_IN, { login: "service1", password: DEMO_PASSWORD }, first);
    const second = { cookie: res.headers.get("set-cookie")!.split(";")[0]! };
    expect(second.cookie).not.toBe(first.cookie);
    const old = await gql(app, `{ me { staff { login } } }`, undefined, first);
    expect(old.errors?.[0]?.extensions?.code ?? null).toBeNull();
    expect(old.data).toEqual({ me: null });
    const [rotated] = await q(`SELECT previous_session_id IS NOT NULL AS linked FROM sessions ORDER BY created_at DESC LIMIT 1`);
    expect(rotated.linked).toBe(true);
    const me = await gql<{ me: { staff: { login: string } } }>(app, `{ me { staff { login } } }`, undefined, second);
    expect(me.data!.me.staff.login).toBe("service1");
    const out = await request(app, `mutation { signOut }`, undefined, second);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const after = await gql(app, `{ complaints(first: 1) { totalCount } }`, undefined, second);
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(after.errors?.[0]?.message).toMatch(/invalid, expired or revoked/);
  });

  it("refuses an expired session", async () => {
    const caller = await signIn(app, "eng.head");
    // A minute before the server's clock (the demo clock), not the database's.
    await q(`UPDATE sessions SET expires_at = $1 WHERE staff_id = (SELECT id FROM staff WHERE login = 'eng.head')`, [
      new Date(FIXED_DEMO_NOW.getTime() - 60_000),
    ]);
    const r = await gql(app, `{ me { staff { login } } }`, undefined, caller);
    expect(r.data).toEqual({ me: null });
  });

  it("API tokens: shown once, scoped to the owner's permissions, expiring, revocable, with a last-used time", async () => {
    const service = await signIn(app, "service2");
    const tooWide = await gql<{ createApiToken: { __typename: string; field: string } }>(
      app,
      `mutation { createApiToken(input: { name: "x", scopes: [AUDIT_READ] }) { __typename ... on InputError { field message } } }`,
      undefined,
      service,
    );
    expect(tooWide.data!.createApiToken).toMatchObject({ __typename: "InputError", field: "input.scopes" });
    const past = await gql<{ createApiToken: { __typename: string; field: string } }>(
      app,
      `mutation { createApiToken(input: { name: "x", scopes: [COMPLAINTS_READ], expiresAt: "2020-01-01T00:00:00Z" }) { __typename ... on InputError { field } } }`,
      undefined,
      service,
    );
    expect(past.data!.createApiToken).toMatchObject({ __typename: "InputError", field: "input.expiresAt" });
    const created = await gql<{ createApiToken: { data: { secret: string; apiToken: { id: string; scopes: string[] } } } }>(
      app,
      `mutation {
      createApiToken(input: { name: "nightly export", scopes: [COMPLAINTS_READ] }) { ... on MutationCreateApiTokenSuccess { data { secret apiToken { id scopes } } } } }`,
      undefined,
      service,
    );
    const { secret, apiToken } = created.data!.createApiToken.data;
    expect(apiToken.scopes).toEqual(["COMPLAINTS_READ"]);
    const used = await gql<{ complaints: { totalCount: number } }>(app, `{ complaints(first: 1) { totalCount } }`, undefined, {
      token: secret,
    });
    expect(used.data!.complaints.totalCount).toBeGreaterThan(0);
    const [row] = await q(`SELECT last_used_at FROM api_tokens WHERE token_hash <> $1 AND name = 'nightly export'`, [secret]);
    expect(row.last_used_at).not.toBeNull();
    const noToken = await gql(
      app,
      `mutation { createApiToken(input: { name: "y", scopes: [COMPLAINTS_READ] }) { __typename ... on Error { message } } }`,
      undefined,
      { token: secret },
    );
    expect(JSON.stringify(noToken)).toMatch(/signed-in session/);
    await gql(app, `mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }`, { id: apiToken.id }, service);
    const revoked = await gql(app, `{ complaints(first: 1) { totalCount } }`, undefined, { token: secret });
    expect(revoked.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
