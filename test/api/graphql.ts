import type { App } from "@tingjian/server";

/** Runs a GraphQL operation through yoga.fetch, as an external tool would over HTTP. */
export async function gql<T = Record<string, unknown>>(app: App, query: string, variables?: Record<string, unknown>) {
  const res = await app.fetch("http://yoga/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}
