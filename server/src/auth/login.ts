import { hashPassword, verifyPassword } from "@tingjian/prisma";
import type { Prisma } from "@tingjian/prisma/client";
import { newSecret, hashSecret } from "./secrets.ts";
import { SESSION_LIFETIME_MS } from "./authenticate.ts";

type Db = Prisma.TransactionClient;

/** Failed attempts within the window that block further tries, per login and per address. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_LOGIN = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
const RATE_LIMITED = "rate-limited";

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; staffId: string; sessionId: string }
  | { ok: false; reason: "INVALID_CREDENTIALS" | "TOO_MANY_ATTEMPTS" | "ORGANIZATION_REQUIRED" };

export interface LoginInput {
  organization: string | null;
  login: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** The session of the browser signing in again: replaced (rotated), not left alive. */
  previousSessionToken: string | null;
  now?: Date;
}

// Unknown accounts cost the same scrypt work as known ones, so timing does not reveal them.
let dummyHash: Promise<string> | undefined;

/**
 * Signs in with login and password. Every failure reads the same to the caller, whether the
 * organisation or account exists, is disabled, locked or the password is wrong.
 */
export async function login(db: Db, input: LoginInput): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const orgs = await db.organization.findMany({
    where: input.organization ? { code: input.organization, active: true } : { active: true },
    select: { id: true }, take: 2,
  });
  if (!input.organization && orgs.length > 1) return { ok: false, reason: "ORGANIZATION_REQUIRED" };
  const organizationId = orgs.length === 1 ? orgs[0]!.id : null;
  const loginName = input.login.trim().toLowerCase();
  if (!organizationId) {
    await verifyPassword(input.password, await (dummyHash ??= hashPassword("dummy")));
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  await db.$queryRaw`SELECT set_config('tingjian.organization_id', ${organizationId}, true)`;
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [byLogin, byAddress] = await Promise.all([
    // Refused attempts during a lock-out are recorded but not counted, so hammering a locked
    // login does not extend its lock-out indefinitely.
    db.loginAttempt.count({ where: { organizationId, login: loginName, success: false, reason: { not: RATE_LIMITED }, at: { gte: since } } }),
    input.ip ? db.loginAttempt.count({ where: { organizationId, ip: input.ip, success: false, reason: { not: RATE_LIMITED }, at: { gte: since } } }) : 0,
  ]);
  const staff = await db.staff.findUnique({
    where: { organizationId_login: { organizationId, login: loginName } },
    select: { id: true, passwordHash: true, active: true, kind: true, lockedUntil: true },
  });
  const attempt = { organizationId, login: loginName, staffId: staff?.id ?? null, ip: input.ip, userAgent: input.userAgent, at: now };
  if (byLogin >= MAX_FAILURES_PER_LOGIN || byAddress >= MAX_FAILURES_PER_ADDRESS || (staff?.lockedUntil && staff.lockedUntil > now)) {
    await db.loginAttempt.create({ data: { ...attempt, success: false, reason: RATE_LIMITED } });
    return { ok: false, reason: "TOO_MANY_ATTEMPTS" };
  }
  const usable = staff && staff.active && staff.kind === "HUMAN" && staff.passwordHash;
  const valid = await verifyPassword(input.password, usable ? staff.passwordHash! : await (dummyHash ??= hashPassword("dummy")));
  if (!usable || !valid) {
    await db.loginAttempt.create({ data: { ...attempt, success: false, reason: !staff ? "unknown login" : !usable ? "not allowed" : "wrong password" } });
    if (staff && byLogin + 1 >= MAX_FAILURES_PER_LOGIN) {
      // Shown to administrators on the account; the caller is told nothing more than before.
      await db.staff.update({ where: { id: staff.id }, data: { lockedUntil: new Date(now.getTime() + LOGIN_WINDOW_MS) } });
    }
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  await db.loginAttempt.create({ data: { ...attempt, success: true } });
  const previous = input.previousSessionToken
    ? await db.session.findFirst({ where: { tokenHash: hashSecret(input.previousSessionToken), revokedAt: null }, select: { id: true } })
    : null;
  if (previous) await db.session.update({ where: { id: previous.id }, data: { revokedAt: now, rotatedAt: now } });
  const token = newSecret("");
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  const session = await db.session.create({
    data: {
      organizationId, staffId: staff.id, tokenHash: hashSecret(token), previousSessionId: previous?.id ?? null,
      createdAt: now, lastSeenAt: now, expiresAt, ip: input.ip, userAgent: input.userAgent,
    },
    select: { id: true },
  });
  await db.staff.update({ where: { id: staff.id }, data: { lastLoginAt: now, lockedUntil: null } });
  return { ok: true, token, expiresAt, staffId: staff.id, sessionId: session.id };
}
