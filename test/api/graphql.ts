import type { App } from "@tingjian/server";
import { DEMO_PASSWORD } from "@tingjian/prisma";

export interface Caller {
  /** The session cookie (`tj_session=…`) of a signed-in browser. */
  cookie?: string;
  /** An API token, sent as `Authorization: Bearer`. */
  token?: string;
  /** SEC-3: the stated purpose of the request's reads. */
  purpose?: string;
}

export interface GqlResult<T> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** Runs a GraphQL operation through yoga.fetch, as an external tool would over HTTP. */
export async function gql<T = Record<string, unknown>>(
  app: App,
  query: string,
  variables?: Record<string, unknown>,
  caller: Caller = {},
): Promise<GqlResult<T>> {
  const res = await request(app, query, variables, caller);
  return (await res.json()) as GqlResult<T>;
}

export function request(app: App, query: string, variables?: Record<string, unknown>, caller: Caller = {}) {
  return app.fetch("http://yoga/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(caller.cookie ? { cookie: caller.cookie } : {}),
      ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
      ...(caller.purpose ? { "x-access-purpose": caller.purpose } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
}

const SIGN_IN = `mutation($login: String!, $password: String!) {
  signIn(login: $login, password: $password) { __typename ... on MutationSignInSuccess { data { expiresAt } } ... on Error { message } }
}`;

/** Signs in as a demo account and returns the caller with its session cookie. */
export async function signIn(app: App, login: string, password = DEMO_PASSWORD): Promise<Caller> {
  const res = await request(app, SIGN_IN, { login, password });
  const body = (await res.json()) as GqlResult<{ signIn: { __typename: string; message?: string } }>;
  const setCookie = res.headers.get("set-cookie");
  if (!setCookie || body.data?.signIn.__typename !== "MutationSignInSuccess") {
    throw new Error(`sign-in as ${login} failed: ${JSON.stringify(body)}`);
  }
  return { cookie: setCookie.split(";")[0]! };
}

/** The Relay global id of a row. */
export function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString("base64");
}

/** The row id inside a Relay global id. */
export function rowId(globalId: string): string {
  return Buffer.from(globalId, "base64").toString().split(":")[1]!;
}

/**
 * An interchange file as the app's upload sends it: the GraphQL multipart request with the file
 * at `variables.input.file`, and the header that proves a preflight (issue 15 item 13).
 */
export async function postFile<T>(
  app: App,
  caller: Caller,
  query: string,
  input: Record<string, unknown>,
  content: string | Uint8Array,
  fileName: string,
): Promise<GqlResult<T>> {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query, variables: { input: { ...input, file: null } } }));
  form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
  form.set("0", new File([content as BlobPart], fileName));
  const res = await app.fetch("http://yoga/graphql", {
    method: "POST",
    body: form,
    headers: { cookie: caller.cookie!, "x-graphql-yoga-csrf": "1" },
  });
  return (await res.json()) as GqlResult<T>;
}
