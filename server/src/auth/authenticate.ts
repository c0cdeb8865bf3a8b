import type { Classification, Prisma, PrismaClient } from "@tingjian/prisma/client";
import { atLeast } from "../domain/access/need-to-know.ts";
import { permissionsOf } from "../domain/access/permissions.ts";
import type { Viewer } from "../domain/access/viewer.ts";
import { hashSecret } from "./secrets.ts";

/** SEC: a session ends 12 hours after sign-in, or after 2 hours without a request. */
export const SESSION_LIFETIME_MS = 12 * 3_600_000;
export const SESSION_IDLE_MS = 2 * 3_600_000;
// Bookkeeping writes (last seen, last used) at most once a minute per session or token.
const TOUCH_EVERY_MS = 60_000;

/** The account with its estate scopes and active designations (SEC-2), in the session's or token's one query. */
function staffSelect(now: Date) {
  return {
    id: true, organizationId: true, login: true, role: true, clearance: true, departmentId: true, allEstates: true, active: true,
    organization: { select: { active: true } },
    estateScopes: { select: { estateId: true } },
    designations: {
      where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { recordType: true, recordId: true, level: true },
    },
  } satisfies Prisma.StaffSelect;
}

type StaffForViewer = {
  id: string; organizationId: string; login: string; role: Viewer["role"]; clearance: Viewer["clearance"];
  departmentId: string | null; allEstates: boolean; estateScopes: { estateId: string }[];
  designations: { recordType: string; recordId: string; level: Classification }[];
};

function toViewer(s: StaffForViewer, scopes: string[] | null, ids: { sessionId?: string; apiTokenId?: string }): Viewer {
  const designated = new Map<string, Classification>();
  for (const d of s.designations) {
    const key = `${d.recordType}:${d.recordId}`;
    if (!designated.has(key) || atLeast(d.level, designated.get(key)!)) designated.set(key, d.level);
  }
  return {
    designations: designated,
    staffId: s.id, organizationId: s.organizationId, login: s.login, role: s.role, clearance: s.clearance, departmentId: s.departmentId,
    estates: s.allEstates ? "ALL" : new Set(s.estateScopes.map((e) => e.estateId)),
    permissions: permissionsOf(s.role, scopes),
    sessionId: ids.sessionId ?? null, apiTokenId: ids.apiTokenId ?? null,
  };
}

/**
 * Resolves the caller of a request from its session cookie or its `Authorization: Bearer` API
 * token. Runs on the owner connection before the request's transaction: the organisation is
 * not known until the secret is looked up (its hash is unique across organisations).
 */
export async function authenticate(prisma: PrismaClient, credentials: { sessionToken: string | null; bearer: string | null }, now = new Date()): Promise<Viewer | null> {
  if (credentials.bearer) return authenticateToken(prisma, credentials.bearer, now);
  if (credentials.sessionToken) return authenticateSession(prisma, credentials.sessionToken, now);
  return null;
}

async function authenticateSession(prisma: PrismaClient, token: string, now: Date): Promise<Viewer | null> {
  const session = await prisma.session.findUnique({ where: { tokenHash: hashSecret(token) }, include: { staff: { select: staffSelect(now) } } });
  if (!session || session.revokedAt || session.expiresAt <= now || !session.staff.active || !session.staff.organization.active) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return toViewer(session.staff, null, { sessionId: session.id });
}

async function authenticateToken(prisma: PrismaClient, bearer: string, now: Date): Promise<Viewer | null> {
  const token = await prisma.apiToken.findUnique({ where: { tokenHash: hashSecret(bearer) }, include: { staff: { select: staffSelect(now) } } });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || !token.staff.active || !token.staff.organization.active) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return toViewer(token.staff, token.scopes, { apiTokenId: token.id });
}
