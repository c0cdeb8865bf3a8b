import { initGraphQLTada } from "gql.tada";
import type { introspection } from "./graphql-env.d.ts";

/**
 * Issue 16 item 5: the client's operations are written with `graphql(...)`, whose result and
 * variables types gql.tada infers from server/schema.graphql (through graphql-env.d.ts, generated
 * by `pnpm --filter @tingjian/client graphql:types`). An operation that no longer matches the
 * schema fails `tsc` here and test/api/client-operations-schema.test.ts.
 *
 * The date scalars travel as ISO strings; a decimal as a string (no float rounding). Fragments are
 * not masked: a fragment's fields read as if written in place, as the hand-written types did.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  disableMasking: true;
  scalars: { DateTime: string; Date: string; Decimal: string; File: File };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from "gql.tada";
