import type { AnyVariables, Client, TypedDocumentNode } from "@urql/core";

export interface Connection<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: N }[];
}

/**
 * Every node of a Relay connection, page by page (`first`/`after`), up to `limit` nodes, fresh
 * from the server (a grid's data source). Throws the first error the server answers with.
 */
export async function fetchAll<D, V extends AnyVariables, N>(
  client: Client,
  query: TypedDocumentNode<D, V>,
  variables: Omit<V, "first" | "after">,
  connection: (data: D) => Connection<N>,
  options: { pageSize?: number; limit?: number } = {},
): Promise<{ nodes: N[]; totalCount: number }> {
  const pageSize = options.pageSize ?? 500;
  const limit = options.limit ?? 5000;
  const nodes: N[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const vars = { ...variables, first: Math.min(pageSize, limit - nodes.length), after } as unknown as V;
    const result = await client.query(query, vars, { requestPolicy: "network-only" }).toPromise();
    if (result.error) throw result.error;
    const page = connection(result.data!);
    totalCount = page.totalCount;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || nodes.length >= limit) break;
    after = page.pageInfo.endCursor;
  }
  return { nodes, totalCount };
}
