import { createGraphQLError, type Plugin } from "graphql-yoga";
import { readCookie, SESSION_COOKIE } from "../auth/cookies.ts";

/**
 * Headers that prove a request was preflighted: a page of another origin cannot set them
 * without a CORS preflight, which this server never grants (createYoga's `cors: false`).
 * `x-graphql-yoga-csrf` is yoga's (and what the app sends); the other two are the names other
 * GraphQL clients send for the same purpose.
 */
export const CSRF_HEADERS = ["x-graphql-yoga-csrf", "x-graphql-csrf", "graphql-client-name"] as const;

/** Content types an HTML form (or a no-cors fetch) can send without a preflight. */
const SIMPLE_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

/**
 * Whether a browser must have preflighted this request (so another origin could not send it):
 * a POST whose content type no form can produce (application/json), or any request carrying
 * `Authorization` or one of CSRF_HEADERS (neither is CORS-safelisted).
 */
export function isPreflighted(request: Request): boolean {
  const h = request.headers;
  if (h.has("authorization") || CSRF_HEADERS.some((name) => h.has(name))) return true;
  if (request.method !== "POST") return false;
  const type = h.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return !!type && !SIMPLE_TYPES.includes(type);
}

/**
 * Issue 15 item 13: a form post from another port of the same host (same site, so the
 * SameSite=Strict cookie goes along) ran a mutation as the victim. As yoga's CSRF prevention
 * does, a request that is not preflighted is refused before its body is read when
 *  - it carries the session cookie (any method: a cross-site GET would still record reads in the
 *    access log under the victim's name), or
 *  - it is a form-style POST (anonymous too: a forged `signIn` would sign the victim into an
 *    account the attacker controls).
 * API tokens are unaffected: `Authorization: Bearer` is itself proof of a preflight.
 */
export function useCsrfPrevention(): Plugin {
  return {
    onRequestParse({ request }) {
      if (isPreflighted(request)) return;
      const hasSession = readCookie(request.headers.get("cookie"), SESSION_COOKIE) !== null;
      if (!hasSession && request.method !== "POST") return;
      throw createGraphQLError(`Cross-site request refused: send the header ${CSRF_HEADERS[0]} (any value) or a JSON POST`, {
        extensions: { code: "CSRF_REFUSED", http: { status: 403 } },
      });
    },
  };
}
