import { hashPassword, verifyPassword } from "@tingjian/prisma";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { temporaryPassword } from "../../auth/temporary-password.ts";
import { mayTakeOver } from "../../domain/access/account-limits.ts";
import { passwordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from "../../domain/access/password-policy.ts";
import { ForbiddenError, InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg, type Msg } from "../../i18n/messages.ts";
import { recordAdminChange } from "./change-log.ts";
import { revokeAccountCredentials } from "./sessions.ts";

/**
 * Issue 17: passwords — your own changed (the current one verified, the policy applied, your
 * other sessions ended), and an administrator's reset to a temporary password that must be
 * changed at the next sign-in. The change log says that a password changed, never the hash.
 */

const PROBLEM: Record<PasswordProblem, (login: string) => Msg> = {
  TOO_SHORT: () => msg("passwordTooShort", { min: PASSWORD_MIN_LENGTH }),
  TOO_LONG: () => msg("passwordTooLong", { max: PASSWORD_MAX_LENGTH }),
  TOO_COMMON: () => msg("passwordTooCommon"),
  CONTAINS_LOGIN: () => msg("passwordContainsLogin"),
};

/** Changes the caller's own password (from a signed-in session, not with an API token). */
export async function changeMyPassword(ctx: SignedInContext, input: { currentPassword: string; newPassword: string }): Promise<string> {
  if (ctx.viewer.apiTokenId || !ctx.viewer.sessionId) throw new ForbiddenError(msg("passwordFromSession"));
  const me = await ctx.prisma.staff.findFirst({
    where: { id: ctx.viewer.staffId, ...inOrganization(ctx) },
    select: { id: true, login: true, passwordHash: true, mustChangePassword: true },
  });
  if (!me) throw new NotFoundError("Staff");
  const check = new InputCheck();
  const current = !!me.passwordHash && (await verifyPassword(input.currentPassword, me.passwordHash));
  check.that(current, "input.currentPassword", msg("passwordCurrentWrong"));
  const problem = passwordProblem(input.newPassword, me.login);
  if (
    check.that(!problem, "input.newPassword", problem ? PROBLEM[problem](me.login) : msg("passwordTooShort", { min: PASSWORD_MIN_LENGTH }))
  ) {
    check.that(input.newPassword !== input.currentPassword, "input.newPassword", msg("passwordSameAsCurrent"));
  }
  check.done();
  await ctx.prisma.staff.update({
    where: { id: me.id },
    data: { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: ctx.now, mustChangePassword: false },
  });
  const ended = await revokeAccountCredentials(ctx.prisma, me.id, ctx.now, { except: ctx.viewer.sessionId });
  await recordAdminChange(ctx, {
    entity: "PASSWORD",
    entityId: me.id,
    action: "CHANGE_PASSWORD",
    before: { mustChangePassword: me.mustChangePassword },
    after: { passwordChanged: true, mustChangePassword: false, otherSessionsRevoked: ended },
  });
  return me.id;
}

/**
 * An administrator's reset (accounts:manage): a temporary password, returned this once, that the
 * person must change at the next sign-in; every session of the account ends. Only for an account
 * whose role and clearance the caller could have given (SEC-2: a reset hands the account over).
 */
export async function resetPassword(ctx: SignedInContext, staffId: string): Promise<{ id: string; temporaryPassword: string }> {
  const s = await ctx.prisma.staff.findFirst({
    where: { id: staffId, ...inOrganization(ctx) },
    select: { id: true, kind: true, role: true, clearance: true },
  });
  if (!s) throw new NotFoundError("Staff");
  if (s.id === ctx.viewer.staffId) throw new ForbiddenError(msg("passwordResetSelf"));
  if (s.kind !== "HUMAN") throw new ForbiddenError(msg("passwordServiceAccount"));
  if (!mayTakeOver(ctx.viewer.role, s)) throw new ForbiddenError(msg("passwordResetBeyondYours"));
  const password = temporaryPassword();
  await ctx.prisma.staff.update({
    where: { id: s.id },
    data: { passwordHash: await hashPassword(password), passwordChangedAt: ctx.now, mustChangePassword: true },
  });
  const ended = await revokeAccountCredentials(ctx.prisma, s.id, ctx.now);
  await recordAdminChange(ctx, {
    entity: "PASSWORD",
    entityId: s.id,
    action: "RESET_PASSWORD",
    before: null,
    after: { temporaryPasswordIssued: true, mustChangePassword: true, sessionsRevoked: ended },
  });
  return { id: s.id, temporaryPassword: password };
}
