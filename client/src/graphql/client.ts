import { Client, cacheExchange, fetchExchange, mapExchange } from "@urql/core";
import { locale } from "../i18n/locale.ts";
import { timedFetch } from "../clock.ts";

/**
 * The language the API writes its error messages in: the one the user chose in the UI, not the
 * browser's (whose Accept-Language may differ). Read per request, so switching applies at once.
 */
export function acceptLanguage(): string {
  return locale() === "en" ? "en" : "zh-CN";
}

const refusedListeners = new Set<() => void>();

/**
 * Issue 17: called whenever the server refuses the session (UNAUTHENTICATED: signed out elsewhere,
 * expired, revoked, the account deactivated), so that the app asks who is signed in again and
 * lands on sign-in at that request rather than showing a page of errors. Returns the unsubscribe.
 */
export function onSessionRefused(listener: () => void): () => void {
  refusedListeners.add(listener);
  return () => refusedListeners.delete(listener);
}

const sessionRefused = mapExchange({
  onError(error) {
    if (error.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED")) for (const l of refusedListeners) l();
  },
});

export const client = new Client({
  url: "/graphql",
  exchanges: [cacheExchange, sessionRefused, fetchExchange],
  fetch: timedFetch,
  // x-graphql-yoga-csrf: the server refuses a request with the session cookie that a page of
  // another origin could have sent (urql sends queries as GET); this header proves it could not
  // (issue 15 item 13, server/src/http/csrf.ts).
  fetchOptions: () => ({ credentials: "same-origin", headers: { "accept-language": acceptLanguage(), "x-graphql-yoga-csrf": "1" } }),
});
