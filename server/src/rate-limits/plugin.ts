import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import { readCookie, SESSION_COOKIE } from "../auth/cookies.ts";
import { msg, render } from "../i18n/messages.ts";
import { languageOf, type Language } from "../i18n/language.ts";
import { Buckets } from "./buckets.ts";

/**
 * Issue 15 item 4: requests per minute to the API, per signed-in session, per API token and per
 * client address (every request, signed in or not: one address cannot starve the others by
 * rotating sessions). A request over a limit is answered at once, before its body is read:
 * HTTP 429 with Retry-After, and a GraphQL error RATE_LIMITED carrying `retryAfterSeconds`.
 * 0 turns a limit off. Sign-in attempts have their own, stricter limits (auth/throttle/).
 */
export interface RateLimits {
  perSessionPerMinute: number;
  perTokenPerMinute: number;
  perAddressPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perSessionPerMinute: 600, perTokenPerMinute: 1200, perAddressPerMinute: 1800 };

/** The limits from the environment (TINGJIAN_RATE_SESSION, _TOKEN, _ADDRESS: requests per minute). */
export function rateLimitsFrom(env: NodeJS.ProcessEnv): RateLimits {
  const read = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === "") return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`${name} must be a whole number of requests per minute, 0 for no limit (got "${v}")`);
    return n;
  };
  return {
    perSessionPerMinute: read("TINGJIAN_RATE_SESSION", DEFAULT_RATE_LIMITS.perSessionPerMinute),
    perTokenPerMinute: read("TINGJIAN_RATE_TOKEN", DEFAULT_RATE_LIMITS.perTokenPerMinute),
    perAddressPerMinute: read("TINGJIAN_RATE_ADDRESS", DEFAULT_RATE_LIMITS.perAddressPerMinute),
  };
}

/** Keys never hold a credential itself: a session or token is known by a hash of it. */
const digest = (s: string) => createHash("sha256").update(s).digest("base64url").slice(0, 22);

export function useRateLimits(limits: RateLimits, now: () => number = Date.now): Plugin {
  const sessions = new Buckets(limits.perSessionPerMinute);
  const tokens = new Buckets(limits.perTokenPerMinute);
  const addresses = new Buckets(limits.perAddressPerMinute);
  return {
    onRequest({ request, serverContext, endResponse }) {
      const at = now();
      // In-process calls (app.fetch from tools and tests) have no socket and no address to limit.
      const address = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress;
      const session = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
      const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
      const wait = Math.max(
        address ? addresses.take(address, at) : 0,
        session ? sessions.take(digest(session), at) : 0,
        bearer ? tokens.take(digest(bearer), at) : 0,
      );
      if (wait === 0) return;
      const seconds = Math.max(1, Math.ceil(wait / 1000));
      const language: Language = languageOf(request.headers.get("accept-language"));
      const message = render(msg("tooManyRequests", { seconds }), language);
      endResponse(
        new Response(JSON.stringify({ errors: [{ message, extensions: { code: "RATE_LIMITED", retryAfterSeconds: seconds } }] }), {
          status: 429,
          headers: { "content-type": "application/json; charset=utf-8", "retry-after": String(seconds), "cache-control": "no-store" },
        }),
      );
    },
  };
}
