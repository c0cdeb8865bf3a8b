import { builder } from "../../builder.ts";
import { login } from "../../auth/login.ts";
import { clearedSessionCookie, sessionCookie } from "../../auth/cookies.ts";
import { hashSecret } from "../../auth/secrets.ts";
import { StaffRoleEnum } from "./staff.ts";
import { InputError, ForbiddenError, requiredText } from "../../errors/typed-errors.ts";
import { RateLimitedError } from "../rate-limited-error.ts";
import { msg } from "../../i18n/messages.ts";
import { aloneInRequest, rootResponseKeys } from "./alone-in-operation.ts";

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
 * Issue 15 item 5: one password per request, however the request spells it (aliases, fragments,
 * inline fragments, a batch). Every signIn field of a request that has more than one field, or
 * that already ran one, is refused before any password is hashed. (The attempts are recorded
 * outside the request's transaction, auth/throttle/ledger.ts, so a failing neighbour field could
 * no longer erase them; this keeps the hashing work at one per request.)
 */
const signedInRequests = new WeakSet<object>();

builder.mutationField("signIn", (t) =>
  t.field({
    type: SignInResultRef,
    description: "Signs in with login and password and sets the session cookie (httpOnly, SameSite=Strict). Failures never tell whether the account exists. The only field of its operation, once per request; an address that failed too often gets RateLimitedError with the time to wait.",
    errors: { types: [InputError, ForbiddenError, RateLimitedError] },
    args: {
      organization: t.arg.string({ required: false, description: "Organisation code; optional when the installation has one" }),
      login: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_r, args, ctx, info) => {
      if (!aloneInRequest(info, ctx, signedInRequests)) throw new InputError("signIn", msg("signInAlone"));
      const result = await login(ctx.prisma, ctx.owner, {
        organization: args.organization ?? null, login: requiredText(args.login, "login", 100), password: args.password,
        ip: ctx.client.ip, userAgent: ctx.client.userAgent, previousSessionToken: ctx.client.sessionToken, now: ctx.now,
      });
      if (!result.ok) {
        if (result.reason === "ORGANIZATION_REQUIRED") throw new InputError("organization", msg("organizationRequired"));
        if (result.reason === "RATE_LIMITED") throw new RateLimitedError(result.retryAfterMs);
        throw new ForbiddenError(msg("invalidCredentials"));
      }
      ctx.cookies.push(sessionCookie(result.token, result.expiresAt, ctx.client.secure, ctx.now));
      const staff = await ctx.prisma.staff.findUniqueOrThrow({ where: { id: result.staffId }, select: { login: true, displayName: true, role: true } });
      return new SignInResult(staff, result.expiresAt);
    },
  }),
);

builder.mutationField("signOut", (t) =>
  t.boolean({
    description: "Ends the current session and clears its cookie",
    resolve: async (_r, _a, ctx, info) => {
      // With other fields, a failing neighbour would roll the sign-out back while the cookie is cleared.
      if (rootResponseKeys(info).size !== 1) throw new InputError("signOut", "signOut must be the only field of its mutation");
      if (ctx.client.sessionToken && ctx.viewer?.sessionId) {
        await ctx.prisma.session.updateMany({ where: { tokenHash: hashSecret(ctx.client.sessionToken), revokedAt: null }, data: { revokedAt: ctx.now } });
      }
      ctx.cookies.push(clearedSessionCookie(ctx.client.secure));
      return true;
    },
  }),
);
