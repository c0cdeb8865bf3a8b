import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { DEMO_PASSWORD } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, request, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/** Issue 17 item 2: passwords, sign-in history and sessions (services/admin/passwords.ts, sessions.ts). */

const CHANGE = `mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) {
  __typename ... on InputError { problems { field code } } ... on Error { message } } }`;
const RESET = `mutation($id: ID!) { resetPassword(staffId: $id) { __typename ... on MutationResetPasswordSuccess { data { temporaryPassword } } ... on Error { message } } }`;
const SESSIONS = `query($id: ID!) { node(id: $id) { ... on Staff { openSessions(first: 20) { totalCount nodes { id current } } signInHistory(first: 3) { totalCount nodes { at outcome } } } } }`;

describe("GraphQL: passwords and sessions (issue 17)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let admin: Caller;
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await t.db.pool.query(sql, params)).rows as T[];
  const staff = async (login: string) =>
    globalId("Staff", (await q<{ id: string }>(`SELECT id FROM staff WHERE login = $1`, [login]))[0]!.id);
  const signInRaw = async (login: string, password: string) => {
    const res = await request(app, `mutation($l: String!, $p: String!) { signIn(login: $l, password: $p) { __typename } }`, {
      l: login,
      p: password,
    });
    return { cookie: res.headers.get("set-cookie")?.split(";")[0] } as Caller;
  };

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    admin = await signIn(app, "admin");
  });

  it("changes your own password: the current one is verified, the policy applied (every problem named), your other sessions end", async () => {
    const first = await signIn(app, "service2");
    const second = await signIn(app, "service2");
    const wrong = await gql<{ changeMyPassword: { problems: { field: string; code: string }[] } }>(
      app,
      CHANGE,
      { input: { currentPassword: "not it", newPassword: "service2 tea" } },
      first,
    );
    expect(wrong.data!.changeMyPassword.problems).toEqual([
      { field: "input.currentPassword", code: "PASSWORD_CURRENT_WRONG" },
      { field: "input.newPassword", code: "PASSWORD_CONTAINS_LOGIN" },
    ]);
    const common = await gql<{ changeMyPassword: { problems: { code: string }[] } }>(
      app,
      CHANGE,
      { input: { currentPassword: DEMO_PASSWORD, newPassword: "qwerty123456" } },
      first,
    );
    expect(common.data!.changeMyPassword.problems).toEqual([{ field: "input.newPassword", code: "PASSWORD_TOO_COMMON" }]);
    const ok = await gql<{ changeMyPassword: { __typename: string } }>(
      app,
      CHANGE,
      { input: { currentPassword: DEMO_PASSWORD, newPassword: "茶杯 and seven lanterns" } },
      first,
    );
    expect(ok.data!.changeMyPassword.__typename).toBe("MutationChangeMyPasswordSuccess");
    expect((await gql(app, `{ me { staff { login } } }`, undefined, first)).data).toEqual({ me: { staff: { login: "service2" } } });
    expect((await gql(app, `{ me { staff { login } } }`, undefined, second)).data).toEqual({ me: null });
    const [change] = await q<{ before: unknown; after: Record<string, unknown> }>(
      `SELECT before, after FROM admin_changes WHERE entity = 'PASSWORD' AND action = 'CHANGE_PASSWORD'`,
    );
    expect(change!.after).toMatchObject({ passwordChanged: true, otherSessionsRevoked: 1 });
  });

  it("an administrator's reset gives a temporary password once, ends the account's sessions and forces a change", async () => {
    const desk = await signIn(app, "frontdesk.jh");
    const r = await gql<{ resetPassword: { __typename: string; data: { temporaryPassword: string } } }>(
      app,
      RESET,
      { id: await staff("frontdesk.jh") },
      admin,
    );
    const temp = r.data!.resetPassword.data.temporaryPassword;
    expect(temp).toHaveLength(14);
    expect((await gql(app, `{ me { staff { login } } }`, undefined, desk)).data).toEqual({ me: null });
    expect((await gql(app, `{ me { staff { login } } }`, undefined, await signInRaw("frontdesk.jh", DEMO_PASSWORD))).data).toEqual({
      me: null,
    });
    const fresh = await signInRaw("frontdesk.jh", temp);
    const refused = await gql(app, `{ departments { code } }`, undefined, fresh);
    expect(refused.errors?.[0]?.extensions?.code).toBe("PASSWORD_CHANGE_REQUIRED");
    // A front desk account cannot reset anyone's password.
    const byDesk = await gql(app, RESET, { id: await staff("service1") }, await signIn(app, "frontdesk.lx"));
    expect(byDesk.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const log = await q<{ after: unknown }>(`SELECT after FROM admin_changes WHERE action = 'RESET_PASSWORD'`);
    expect(JSON.stringify(log)).not.toContain(temp);
  });

  it("lists an account's open sessions and sign-in history (its own, or with accounts:manage) and revokes a session", async () => {
    const a = await signIn(app, "analyst");
    await signIn(app, "analyst");
    const id = await staff("analyst");
    const own = await gql<{
      node: {
        openSessions: { totalCount: number; nodes: { id: string; current: boolean }[] };
        signInHistory: { totalCount: number; nodes: { outcome: string }[] };
      };
    }>(app, SESSIONS, { id }, a);
    expect(own.errors).toBeUndefined();
    expect(own.data!.node.openSessions.totalCount).toBe(2);
    expect(own.data!.node.openSessions.nodes.filter((s) => s.current)).toHaveLength(1);
    expect(own.data!.node.signInHistory.nodes[0]!.outcome).toBe("SUCCESS");
    // Another account's sessions: not for a colleague, yes for the administrator.
    const other = await gql(app, SESSIONS, { id }, await signIn(app, "service1"));
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byAdmin = await gql<{ node: { openSessions: { nodes: { id: string; current: boolean }[] } } }>(app, SESSIONS, { id }, admin);
    const target = byAdmin.data!.node.openSessions.nodes.find((s) => !s.current)!;
    const ownSession = own.data!.node.openSessions.nodes.find((s) => s.current)!;
    const revoked = await gql<{ revokeSession: { __typename: string } }>(
      app,
      `mutation($id: ID!) { revokeSession(id: $id) { __typename } }`,
      { id: ownSession.id },
      admin,
    );
    expect(revoked.data!.revokeSession.__typename).toBe("MutationRevokeSessionSuccess");
    expect((await gql(app, `{ me { staff { login } } }`, undefined, a)).data).toEqual({ me: null });
    expect(target).toBeTruthy();
  });
});
