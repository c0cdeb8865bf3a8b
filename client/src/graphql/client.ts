import { Client, cacheExchange, fetchExchange } from "@urql/core";
import { locale } from "../i18n/locale.ts";
import { timedFetch } from "../clock.ts";

/**
 * The language the API writes its error messages in: the one the user chose in the UI, not the
 * browser's (whose Accept-Language may differ). Read per request, so switching applies at once.
 */
export function acceptLanguage(): string {
  return locale() === "en" ? "en" : "zh-CN";
}

export const client = new Client({
  url: "/graphql",
  exchanges: [cacheExchange, fetchExchange],
  fetch: timedFetch,
  // x-graphql-yoga-csrf: the server refuses a request with the session cookie that a page of
  // another origin could have sent (urql sends queries as GET); this header proves it could not
  // (issue 15 item 13, server/src/http/csrf.ts).
  fetchOptions: () => ({ credentials: "same-origin", headers: { "accept-language": acceptLanguage(), "x-graphql-yoga-csrf": "1" } }),
});
