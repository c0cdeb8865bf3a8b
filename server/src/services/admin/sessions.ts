import type { Prisma } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { SESSION_IDLE_MS } from "../../auth/authenticate.ts";
import { NotFoundError } from "../../errors/typed-errors.ts";
import { recordAdminChange } from "./change-log.ts";

/**
 * Issue 17: an account's sign-in history and open sessions, for the account itself and for
 * account administrators (accounts:manage); each open session can be revoked.
 */

type Db = SignedInContext["prisma"];

/** Whether the caller may see and revoke the sessions of `staffId`: its own, or with accounts:manage. */
export function mayWatchAccount(ctx: SignedInContext, staffId: string): boolean {
  return staffId === ctx.viewer.staffId || ctx.viewer.permissions.has("accounts:manage");
}

/** Open sessions (of one account, or under a relation): not revoked, not expired, not idle past the limit. */
export function openSessionsWhere(ctx: SignedInContext, staffId?: string): Prisma.SessionWhereInput {
  return {
    ...inOrganization(ctx),
    ...(staffId ? { staffId } : {}),
    revokedAt: null,
    expiresAt: { gt: ctx.now },
    lastSeenAt: { gt: new Date(ctx.now.getTime() - SESSION_IDLE_MS) },
  };
}

/** The sessions a caller may see through a Session node: its own; every one with accounts:manage. */
export function sessionScope(ctx: SignedInContext): Prisma.SessionWhereInput {
  return { ...inOrganization(ctx), ...(ctx.viewer.permissions.has("accounts:manage") ? {} : { staffId: ctx.viewer.staffId }) };
}

/**
 * Ends every open session of an account (all but `except`, the caller's own when it changes its
 * password) at `now`; with `tokens`, revokes its API tokens too. Returns how many sessions ended.
 */
export async function revokeAccountCredentials(
  db: Db,
  staffId: string,
  now: Date,
  opts: { except?: string | null; tokens?: boolean } = {},
): Promise<number> {
  const ended = await db.session.updateMany({
    where: { staffId, revokedAt: null, ...(opts.except ? { id: { not: opts.except } } : {}) },
    data: { revokedAt: now },
  });
  if (opts.tokens) await db.apiToken.updateMany({ where: { staffId, revokedAt: null }, data: { revokedAt: now } });
  return ended.count;
}

/**
 * Issue 17: revokes one session (your own; anyone's with accounts:manage); the browser holding it
 * is refused at its next request. Revoking a session already ended changes nothing. Returns its id.
 */
export async function revokeSession(ctx: SignedInContext, sessionId: string): Promise<string> {
  const session = await ctx.prisma.session.findFirst({
    where: { id: sessionId, ...sessionScope(ctx) },
    select: { id: true, staffId: true, revokedAt: true },
  });
  if (!session) throw new NotFoundError("Session");
  if (session.revokedAt) return session.id;
  await ctx.prisma.session.update({ where: { id: session.id }, data: { revokedAt: ctx.now } });
  await recordAdminChange(ctx, {
    entity: "SESSION",
    entityId: session.id,
    action: "REVOKE_SESSION",
    before: { staffId: session.staffId, revokedAt: null },
    after: { staffId: session.staffId, revokedAt: ctx.now.toISOString() },
  });
  return session.id;
}
