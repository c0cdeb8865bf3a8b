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
  fetchOptions: () => ({ credentials: "same-origin", headers: { "accept-language": acceptLanguage() } }),
});
