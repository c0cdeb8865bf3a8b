import type { PrismaClient } from "@tingjian/prisma/client";

export type { Context, SignedInContext } from "./access/context.ts";
import { systemClock, type Clock } from "./clock.ts";
import type { RateLimits } from "./rate-limits/plugin.ts";
import { authenticate } from "./auth/authenticate.ts";
import { readCookie, SESSION_COOKIE } from "./auth/cookies.ts";
import { AccessRecorder } from "./access/recorder.ts";
import type { Context } from "./access/context.ts";
import { Grants } from "./access/grants.ts";
import { languageOf } from "./i18n/language.ts";

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
        ip,
        userAgent: request.headers.get("user-agent"),
        sessionToken,
        secure: new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
      },
      language: languageOf(request.headers.get("accept-language")),
      cookies: [],
      now,
    };
  };
}
