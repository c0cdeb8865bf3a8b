import type { PrismaClient } from "@tingjian/prisma/client";
import type { Viewer } from "../domain/access/viewer.ts";
import type { Language } from "../i18n/language.ts";
import type { AccessRecorder } from "./recorder.ts";
import type { Grants } from "./grants.ts";

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

/**
 * A signed-in caller's context: the acting person (`viewer`), the organisation every query is
 * confined to, the request's transaction (`prisma`) and clock. Services take this; a resolver
 * gets it narrowed by `t.withAuth(...)` (builder.ts AuthContexts), so no `ctx.viewer!` is needed.
 */
export type SignedInContext = Context & { viewer: Viewer; organizationId: string };

/** Narrows a context whose auth scope already required a signed-in caller (jobs, plugins). */
export function signedIn(ctx: Context): SignedInContext {
  if (!ctx.viewer || !ctx.organizationId) throw new Error("signedIn: no signed-in caller (auth scope missing)");
  return ctx as SignedInContext;
}
