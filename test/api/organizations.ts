import { afterAll, beforeAll } from "vitest";
import type pg from "pg";
import { createPrisma, openAppRolePool } from "@tingjian/prisma";
import type { TestDatabase } from "@tingjian/prisma/testing";
import { createApp, type App, type Clock } from "@tingjian/server";
import { request, type Caller, type GqlResult } from "./graphql.ts";

/** Issue 17: helpers of the setup and several-organisation tests. */

export const SET_UP = `mutation($input: SetUpOrganizationInput!) {
  setUpOrganization(input: $input) {
    __typename
    ... on MutationSetUpOrganizationSuccess { data { code name adminLogin } }
    ... on Error { message }
    ... on InputError { problems { field code message } }
    ... on RateLimitedError { retryAfterSeconds }
  }
}`;

export interface SetUpPayload {
  setUpOrganization: {
    __typename: string;
    data?: { code: string; name: string; adminLogin: string };
    message?: string;
    problems?: { field: string; code: string; message: string }[];
    retryAfterSeconds?: number;
  };
}

export const GOOD = {
  code: "acme",
  name: "安可物业服务有限公司",
  timezone: "Asia/Shanghai",
  adminLogin: "Admin.Li",
  adminName: "系统管理员 李明",
  adminPassword: "Lantern-river-1987",
};

export const INSTALLATION = `{ installation { setupNeeded organizationCodeRequired demoCompany } }`;

/** Signs in with an organisation code (optional); returns the caller or the refusal's typename. */
export async function signInTo(app: App, organization: string | null, login: string, password: string): Promise<Caller | string> {
  const res = await request(
    app,
    `mutation($o: String, $l: String!, $p: String!) { signIn(organization: $o, login: $l, password: $p) { __typename ... on Error { message } } }`,
    { o: organization, l: login, p: password },
  );
  const body = (await res.json()) as GqlResult<{ signIn: { __typename: string } }>;
  const cookie = res.headers.get("set-cookie");
  if (body.data?.signIn.__typename !== "MutationSignInSuccess" || !cookie)
    return body.data?.signIn.__typename ?? JSON.stringify(body.errors);
  return { cookie: cookie.split(";")[0]! };
}

/** An app over the test database whose requests, on PostgreSQL, log in as tingjian_app. */
export function useApp(t: TestDatabase, clock?: Clock) {
  let pool: pg.Pool | null = null;
  const state = { app: undefined as unknown as App };
  beforeAll(async () => {
    pool = await openAppRolePool(t.db);
    state.app = createApp({ prisma: t.prisma, requestPrisma: pool ? createPrisma({ ...t.db, pool }) : undefined, clock });
  });
  afterAll(async () => {
    await pool?.end();
  });
  return state;
}

/** The number of rows of a table (owner connection: every organisation). */
export const count = async (t: TestDatabase, table: string) =>
  (await t.db.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
