import { graphql, type ResultOf } from "./graphql.ts";

export const EstatesQuery = graphql(`
  query Estates {
    estates(first: 100) {
      edges {
        node {
          id
          code
          name
          kind
          timezone
          households(first: 0) { totalCount }
          occupiedHouseholds
        }
      }
    }
  }
`);

export type EstateRow = ResultOf<typeof EstatesQuery>["estates"]["edges"][number]["node"];
