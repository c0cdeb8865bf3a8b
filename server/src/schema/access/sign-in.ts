import type { GraphQLResolveInfo } from "graphql";
import { keepingWrites } from "../../access/mutation-savepoints.ts";
import { builder } from "../../builder.ts";
import { login } from "../../auth/login.ts";
import { clearedSessionCookie, sessionCookie } from "../../auth/cookies.ts";
import { hashSecret } from "../../auth/secrets.ts";
import { StaffRoleEnum } from "./staff.ts";
import { InputError, ForbiddenError, requiredText } from "../errors.ts";
import { msg } from "../../i18n/messages.ts";

class SignInResult {
  constructor(readonly staff: { login: string; displayName: string; role: string }, readonly expiresAt: Date) {}
}

const SignInResultRef = builder.objectType(SignInResult, {
  name: "SignInResult",
  fields: (t) => ({
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    // The session starts with the next request; `me` then gives the whole account.
    login: t.string({ resolve: (r) => r.staff.login }),
    displayName: t.string({ resolve: (r) => r.staff.displayName }),
    role: t.field({ type: StaffRoleEnum, resolve: (r) => r.staff.role as never }),
  }),
});

/**
 * A failed field elsewhere in the same mutation would roll the whole operation back, erasing the
 * record of a failed attempt (and so the rate limit). Signing in and out are operations of their own.
 */
function aloneInOperation(info: GraphQLResolveInfo, name: string) {
  if (info.operation.selectionSet.selections.length !== 1) throw new InputError(name, `${name} must be the only field of its mutation`);
}

const messages = {
  INVALID_CREDENTIALS: msg("invalidCredentials"),
  TOO_MANY_ATTEMPTS: msg("tooManyAttempts"),
  ORGANIZATION_REQUIRED: msg("organizationRequired"),
} as const;

builder.mutationField("signIn", (t) =>
  t.field({
    type: SignInResultRef,
    description: "Signs in with login and password and sets the session cookie (httpOnly, SameSite=Strict). Failures never tell whether the account exists.",
    errors: { types: [InputError, ForbiddenError] },
    args: {
      organization: t.arg.string({ required: false, description: "Organisation code; optional when the installation has one" }),
      login: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_r, args, ctx, info) => {
      aloneInOperation(info, "signIn");
      const result = await login(ctx.prisma, {
        organization: args.organization ?? null, login: requiredText(args.login, "login", 100), password: args.password,
        ip: ctx.client.ip, userAgent: ctx.client.userAgent, previousSessionToken: ctx.client.sessionToken, now: ctx.now,
      });
      if (!result.ok) {
        if (result.reason === "ORGANIZATION_REQUIRED") throw new InputError("organization", messages[result.reason]);
        // The failed attempt is on record (rate limit) although the answer is a typed error.
        throw keepingWrites(new ForbiddenError(messages[result.reason]));
      }
      ctx.cookies.push(sessionCookie(result.token, result.expiresAt, ctx.client.secure));
      const staff = await ctx.prisma.staff.findUniqueOrThrow({ where: { id: result.staffId }, select: { login: true, displayName: true, role: true } });
      return new SignInResult(staff, result.expiresAt);
    },
  }),
);

builder.mutationField("signOut", (t) =>
  t.boolean({
    description: "Ends the current session and clears its cookie",
    resolve: async (_r, _a, ctx, info) => {
      aloneInOperation(info, "signOut");
      if (ctx.client.sessionToken && ctx.viewer?.sessionId) {
        await ctx.prisma.session.updateMany({ where: { tokenHash: hashSecret(ctx.client.sessionToken), revokedAt: null }, data: { revokedAt: ctx.now } });
      }
      ctx.cookies.push(clearedSessionCookie(ctx.client.secure));
      return true;
    },
  }),
);
