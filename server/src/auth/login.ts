import { hashPassword, verifyPassword } from "@tingjian/prisma";
import type { Prisma, PrismaClient } from "@tingjian/prisma/client";
import { newSecret, hashSecret } from "./secrets.ts";
import { SESSION_LIFETIME_MS } from "./authenticate.ts";
import { ledgerOf } from "./throttle/ledger.ts";

type Db = Prisma.TransactionClient;

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; staffId: string; sessionId: string }
  | { ok: false; reason: "INVALID_CREDENTIALS" | "ORGANIZATION_REQUIRED" }
  /** Issue 15 items 5, 6: no password was checked; the address may try again after `retryAfterMs`. */
  | { ok: false; reason: "RATE_LIMITED"; retryAfterMs: number };

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
 * organisation or account exists, is disabled or the password is wrong; a throttled address is
 * told how long to wait, the same for every login (auth/throttle/).
 *
 * `db` is the request's transaction (the session is created there and rolls back with it);
 * `owner` is the owner connection, where the attempt is recorded whatever becomes of the request
 * (issue 15 item 5). No account is ever locked (item 6): addresses are slowed instead.
 */
export async function login(db: Db, owner: PrismaClient, input: LoginInput): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const ledger = ledgerOf(owner);
  const orgs = await db.organization.findMany({
    where: input.organization ? { code: input.organization, active: true } : { active: true },
    select: { id: true },
    take: 2,
  });
  if (!input.organization && orgs.length > 1) return { ok: false, reason: "ORGANIZATION_REQUIRED" };
  const organizationId = orgs.length === 1 ? orgs[0]!.id : null;
  const loginName = input.login.trim().toLowerCase();
  // Item 5: a hash costs ~0.1 s of CPU; beyond its budget an address gets none, known account or not.
  const budget = ledger.reserveHash(input.ip, now);
  if (!budget.ok) return { ok: false, reason: "RATE_LIMITED", retryAfterMs: budget.retryAfterMs };
  if (!organizationId) {
    await verifyPassword(input.password, await (dummyHash ??= hashPassword("dummy")));
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  await db.$queryRaw`SELECT set_config('tingjian.organization_id', ${organizationId}, true)`;
  const admission = await ledger.admit(db, { organizationId, login: loginName, ip: input.ip, userAgent: input.userAgent }, now);
  if (!("settle" in admission)) {
    budget.release();
    return { ok: false, reason: "RATE_LIMITED", retryAfterMs: admission.retryAfterMs };
  }
  // Whatever happens below (an error included), the attempt is recorded, as a failure unless it succeeded.
  let outcome: Parameters<typeof admission.settle>[0] = { success: false, reason: "error", staffId: null };
  try {
    const staff = await db.staff.findUnique({
      where: { organizationId_login: { organizationId, login: loginName } },
      select: { id: true, passwordHash: true, active: true, kind: true },
    });
    outcome = { success: false, reason: !staff ? "unknown login" : "error", staffId: staff?.id ?? null };
    const usable = staff && staff.active && staff.kind === "HUMAN" && staff.passwordHash;
    const valid = await verifyPassword(input.password, usable ? staff.passwordHash! : await (dummyHash ??= hashPassword("dummy")));
    if (!usable || !valid) {
      outcome.reason = !staff ? "unknown login" : !usable ? "not allowed" : "wrong password";
      return { ok: false, reason: "INVALID_CREDENTIALS" };
    }
    outcome = { success: true, reason: null, staffId: staff.id };
    return await startSession(
      db,
      { organizationId, staffId: staff.id, ip: input.ip, userAgent: input.userAgent, previousSessionToken: input.previousSessionToken },
      now,
    );
  } finally {
    admission.settle(outcome);
  }
}

/** The session of a successful sign-in, replacing the browser's previous one. */
interface NewSession {
  organizationId: string;
  staffId: string;
  ip: string | null;
  userAgent: string | null;
  previousSessionToken: string | null;
}

async function startSession(db: Db, s: NewSession, now: Date): Promise<LoginResult> {
  const previous = s.previousSessionToken
    ? await db.session.findFirst({ where: { tokenHash: hashSecret(s.previousSessionToken), revokedAt: null }, select: { id: true } })
    : null;
  if (previous) await db.session.update({ where: { id: previous.id }, data: { revokedAt: now, rotatedAt: now } });
  const token = newSecret("");
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  const session = await db.session.create({
    data: {
      organizationId: s.organizationId,
      staffId: s.staffId,
      tokenHash: hashSecret(token),
      previousSessionId: previous?.id ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: s.ip,
      userAgent: s.userAgent,
    },
    select: { id: true },
  });
  await db.staff.update({ where: { id: s.staffId }, data: { lastLoginAt: now } });
  return { ok: true, token, expiresAt, staffId: s.staffId, sessionId: session.id };
}
