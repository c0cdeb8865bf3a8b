import { Client, cacheExchange, fetchExchange } from "@urql/core";

export const client = new Client({
  url: "/graphql",
  exchanges: [cacheExchange, fetchExchange],
  fetchOptions: { credentials: "same-origin" },
});
