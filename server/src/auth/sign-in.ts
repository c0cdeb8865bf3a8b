import type { StaffRole } from "@tingjian/prisma/client";
import type { Context } from "../access/context.ts";
import { RateLimitedError } from "../errors/access.ts";
import { ForbiddenError, InputError, requiredText } from "../errors/typed-errors.ts";
import { msg } from "../i18n/messages.ts";
import { clearedSessionCookie, sessionCookie } from "./cookies.ts";
import { login } from "./login.ts";
import { hashSecret } from "./secrets.ts";

export interface SignedIn {
  staff: { login: string; displayName: string; role: StaffRole };
  expiresAt: Date;
  /** Issue 17: the password is temporary and must be changed before anything else. */
  mustChangePassword: boolean;
}

/**
 * Signs in with login and password and sets the session cookie. Failures never tell whether the
 * account exists (one ForbiddenError); an address that failed too often gets RateLimitedError.
 */
export async function signIn(ctx: Context, input: { organization: string | null; login: string; password: string }): Promise<SignedIn> {
  const result = await login(ctx.prisma, ctx.owner, {
    organization: input.organization,
    login: requiredText(input.login, "login", 100),
    password: input.password,
    ip: ctx.client.ip,
    userAgent: ctx.client.userAgent,
    previousSessionToken: ctx.client.sessionToken,
    now: ctx.now,
  });
  if (!result.ok) {
    if (result.reason === "ORGANIZATION_REQUIRED") throw new InputError("organization", msg("organizationRequired"));
    if (result.reason === "RATE_LIMITED") throw new RateLimitedError(result.retryAfterMs);
    throw new ForbiddenError(msg("invalidCredentials"));
  }
  ctx.cookies.push(sessionCookie(result.token, result.expiresAt, ctx.client.secure, ctx.now));
  const { mustChangePassword, ...staff } = await ctx.prisma.staff.findUniqueOrThrow({
    where: { id: result.staffId },
    select: { login: true, displayName: true, role: true, mustChangePassword: true },
  });
  return { staff, expiresAt: result.expiresAt, mustChangePassword };
}

/** Ends the request's session (if it came with one) and clears its cookie. */
export async function signOut(ctx: Context): Promise<void> {
  if (ctx.client.sessionToken && ctx.viewer?.sessionId) {
    await ctx.prisma.session.updateMany({
      where: { tokenHash: hashSecret(ctx.client.sessionToken), revokedAt: null },
      data: { revokedAt: ctx.now },
    });
  }
  ctx.cookies.push(clearedSessionCookie(ctx.client.secure));
}
