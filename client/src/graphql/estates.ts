import { gql } from "@urql/core";

export interface EstateRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  timezone: string;
  households: { totalCount: number };
  occupiedHouseholds: number;
}

export const EstatesQuery = gql<{ estates: { edges: { node: EstateRow }[] } }>`
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
`;
