import type { Classification, PrismaClient } from "@tingjian/prisma/client";
import { atLeast } from "../domain/access/need-to-know.ts";
import { permissionsOf } from "../domain/access/permissions.ts";
import type { Viewer } from "../domain/access/viewer.ts";
import { hashSecret } from "./secrets.ts";

/** SEC: a session ends 12 hours after sign-in, or after 2 hours without a request. */
export const SESSION_LIFETIME_MS = 12 * 3_600_000;
export const SESSION_IDLE_MS = 2 * 3_600_000;
// Bookkeeping writes (last seen, last used) at most once a minute per session or token.
const TOUCH_EVERY_MS = 60_000;

type StaffForViewer = {
  id: string;
  organizationId: string;
  login: string;
  role: Viewer["role"];
  clearance: Viewer["clearance"];
  departmentId: string | null;
  allEstates: boolean;
  estateIds: string[];
  mustChangePassword: boolean;
  designations: { recordType: string; recordId: string; level: Classification }[];
  /** Issue 17: the organisation's own permission set of the role (null: SPEC §2's defaults). */
  rolePermissions: string[] | null;
};

/** A session or API token with its account, the account's estate scopes and active designations (SEC-2). */
type Credential = StaffForViewer & {
  credentialId: string;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastSeenAt: Date | null;
  scopes: string[] | null;
  staffActive: boolean;
  organizationActive: boolean;
};

/**
 * One statement per request for the caller: the credential, its account, the organisation's state,
 * the estate scopes and the designations in force at `now`. (Through Prisma's nested include this
 * was five statements and a query plan compiled per request.)
 */
async function loadCredential(prisma: PrismaClient, kind: "session" | "token", tokenHash: string, now: Date): Promise<Credential | null> {
  const [credential, columns] =
    kind === "session"
      ? ["sessions", 'c.last_seen_at AS "lastSeenAt", NULL::text[] AS scopes']
      : ["api_tokens", 'c.last_used_at AS "lastSeenAt", c.scopes'];
  const rows = await prisma.$queryRawUnsafe<Credential[]>(
    `SELECT c.id::text AS "credentialId", c.revoked_at AS "revokedAt", c.expires_at AS "expiresAt", ${columns},
            s.id::text AS id, s.organization_id::text AS "organizationId", s.login, s.role::text AS role, s.clearance::text AS clearance,
            s.department_id::text AS "departmentId", s.all_estates AS "allEstates", s.active AS "staffActive", o.active AS "organizationActive",
            s.must_change_password AS "mustChangePassword",
            rp.permissions AS "rolePermissions",
            ARRAY(SELECT e.estate_id::text FROM staff_estate_scopes e WHERE e.staff_id = s.id) AS "estateIds",
            coalesce((SELECT json_agg(json_build_object('recordType', d.record_type, 'recordId', d.record_id, 'level', d.level))
                        FROM access_designations d
                       WHERE d.staff_id = s.id AND d.revoked_at IS NULL AND (d.expires_at IS NULL OR d.expires_at > $2)), '[]'::json) AS designations
       FROM ${credential} c JOIN staff s ON s.id = c.staff_id JOIN organizations o ON o.id = s.organization_id
       LEFT JOIN role_permission_sets rp ON rp.organization_id = s.organization_id AND rp.role = s.role
      WHERE c.token_hash = $1`,
    tokenHash,
    now,
  );
  return rows[0] ?? null;
}

function toViewer(s: StaffForViewer, scopes: string[] | null, ids: { sessionId?: string; apiTokenId?: string }): Viewer {
  const designated = new Map<string, Classification>();
  for (const d of s.designations) {
    const key = `${d.recordType}:${d.recordId}`;
    if (!designated.has(key) || atLeast(d.level, designated.get(key)!)) designated.set(key, d.level);
  }
  return {
    designations: designated,
    staffId: s.id,
    organizationId: s.organizationId,
    login: s.login,
    role: s.role,
    clearance: s.clearance,
    departmentId: s.departmentId,
    estates: s.allEstates ? "ALL" : new Set(s.estateIds),
    permissions: permissionsOf(s.role, scopes, s.rolePermissions),
    sessionId: ids.sessionId ?? null,
    apiTokenId: ids.apiTokenId ?? null,
    // Issue 17: a session of an account whose password must be changed can do nothing else (builder.ts).
    mustChangePassword: ids.sessionId ? s.mustChangePassword : false,
  };
}

/**
 * Resolves the caller of a request from its session cookie or its `Authorization: Bearer` API
 * token. Runs on the owner connection before the request's transaction: the organisation is
 * not known until the secret is looked up (its hash is unique across organisations).
 */
export async function authenticate(
  prisma: PrismaClient,
  credentials: { sessionToken: string | null; bearer: string | null },
  now = new Date(),
): Promise<Viewer | null> {
  if (credentials.bearer) return authenticateToken(prisma, credentials.bearer, now);
  if (credentials.sessionToken) return authenticateSession(prisma, credentials.sessionToken, now);
  return null;
}

async function authenticateSession(prisma: PrismaClient, token: string, now: Date): Promise<Viewer | null> {
  const session = await loadCredential(prisma, "session", hashSecret(token), now);
  if (!session || session.revokedAt || session.expiresAt! <= now || !session.staffActive || !session.organizationActive) return null;
  const lastSeenAt = session.lastSeenAt!;
  if (now.getTime() - lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
  if (now.getTime() - lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.session.update({ where: { id: session.credentialId }, data: { lastSeenAt: now } });
  }
  return toViewer(session, null, { sessionId: session.credentialId });
}

async function authenticateToken(prisma: PrismaClient, bearer: string, now: Date): Promise<Viewer | null> {
  const token = await loadCredential(prisma, "token", hashSecret(bearer), now);
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || !token.staffActive || !token.organizationActive)
    return null;
  if (!token.lastSeenAt || now.getTime() - token.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.apiToken.update({ where: { id: token.credentialId }, data: { lastUsedAt: now } });
  }
  return toViewer(token, token.scopes, { apiTokenId: token.credentialId });
}
