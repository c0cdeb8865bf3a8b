import type { PrismaClient } from "@tingjian/prisma/client";
import type { Viewer } from "./domain/access/viewer.ts";
import { systemClock, type Clock } from "./clock.ts";
import type { RateLimits } from "./rate-limits/plugin.ts";
import { authenticate } from "./auth/authenticate.ts";
import { readCookie, SESSION_COOKIE } from "./auth/cookies.ts";
import { AccessRecorder } from "./access/recorder.ts";
import { Grants } from "./access/grants.ts";
import { languageOf, type Language } from "./i18n/language.ts";

/**
 * The one request context. Everything a resolver may rely on is computed once per request
 * here; the schema reads it, never the raw HTTP request.
 */
export interface Context {
  /**
   * The request's transaction, running as the database role `tingjian_app` with row-level
   * security confined to `organizationId` (set by the request-transaction plugin before any
   * resolver runs). Typed as the client for the Pothos Prisma plugin; it is a transaction client.
   */
  prisma: PrismaClient;
  /**
   * The owner connection, outside the request's transaction: for the few records that must stand
   * whether or not the request's transaction commits (sign-in attempts, issue 15 item 5). On the
   * embedded database a statement here waits until the request's transaction has ended, so it is
   * never awaited inside one.
   */
  owner: PrismaClient;
  /** Set while the request's transaction is open (mutation fields take savepoints in it). */
  inTransaction: boolean;
  /** The signed-in account, or null. */
  viewer: Viewer | null;
  /** SPEC §2: the organisation every query of this request is confined to (the viewer's). */
  organizationId: string | null;
  /** Credentials were sent but are unknown, expired or revoked. */
  credentialsRejected: boolean;
  access: AccessRecorder;
  grants: Grants;
  client: { ip: string | null; userAgent: string | null; secure: boolean; sessionToken: string | null };
  /**
   * The language of error messages, from `Accept-Language` (the UI sends the user's choice);
   * English without the header, so external tools keep their messages.
   */
  language: Language;
  /** Set-Cookie headers for the response (sign-in, sign-out). */
  cookies: string[];
  now: Date;
}

export interface AppServices {
  /** The owner connection: authentication lookups and the request transactions start here. */
  prisma: PrismaClient;
  /**
   * Issue 15 item 12: the client whose connections log in as the restricted role tingjian_app
   * (PostgreSQL server); every request's transaction runs on it. Default: `prisma`, switching to
   * the role with SET LOCAL ROLE (the embedded database, which has one user).
   */
  requestPrisma?: PrismaClient;
  /** Issue 15 item 4: API requests per minute per session, token and address (default: from the environment). */
  rateLimits?: RateLimits;
  /** The time source (default: the system clock); tests replay scenarios on a calendar (SLA-7) by setting it. */
  clock?: Clock;
}

interface ServerContext {
  request: Request;
  req?: { socket?: { remoteAddress?: string } };
}

/** Builds the per-request context: who is calling, from where, with which purpose. */
export function contextFactory(services: AppServices) {
  return async ({ request, req }: ServerContext): Promise<Context> => {
    const now = (services.clock ?? systemClock)();
    const sessionToken = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
    const auth = request.headers.get("authorization");
    const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
    const viewer = await authenticate(services.prisma, { sessionToken, bearer }, now);
    const ip = req?.socket?.remoteAddress ?? null;
    // SEC-3: the stated purpose of the reads of this request ("why"), e.g. "callback for C-2026-0012".
    const purpose = request.headers.get("x-access-purpose")?.slice(0, 500) || null;
    return {
      prisma: services.prisma,
      owner: services.prisma,
      inTransaction: false,
      viewer,
      organizationId: viewer?.organizationId ?? null,
      credentialsRejected: !viewer && !!(bearer || sessionToken),
      access: new AccessRecorder(viewer, purpose, ip),
      grants: new Grants(viewer, now),
      client: {
        ip, userAgent: request.headers.get("user-agent"), sessionToken,
        secure: new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
      },
      language: languageOf(request.headers.get("accept-language")),
      cookies: [],
      now,
    };
  };
}
