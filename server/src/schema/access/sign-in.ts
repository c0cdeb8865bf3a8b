import { builder } from "../../builder.ts";
import { login } from "../../auth/login.ts";
import { clearedSessionCookie, sessionCookie } from "../../auth/cookies.ts";
import { hashSecret } from "../../auth/secrets.ts";
import { InputError, ForbiddenError, requiredText } from "../errors.ts";

class SignInResult {
  constructor(readonly staffId: string, readonly expiresAt: Date) {}
}

const SignInResultRef = builder.objectType(SignInResult, {
  name: "SignInResult",
  fields: (t) => ({
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    staff: t.prismaField({ type: "Staff", resolve: (query, r, _a, ctx) => ctx.prisma.staff.findUniqueOrThrow({ ...query, where: { id: r.staffId } }) }),
  }),
});

const messages = {
  INVALID_CREDENTIALS: "Login or password is wrong",
  TOO_MANY_ATTEMPTS: "Too many failed attempts; try again in 15 minutes",
  ORGANIZATION_REQUIRED: "Several organisations use this installation; give the organisation code",
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
    resolve: async (_r, args, ctx) => {
      const result = await login(ctx.prisma, {
        organization: args.organization ?? null, login: requiredText(args.login, "login", 100), password: args.password,
        ip: ctx.client.ip, userAgent: ctx.client.userAgent, previousSessionToken: ctx.client.sessionToken,
      });
      if (!result.ok) {
        if (result.reason === "ORGANIZATION_REQUIRED") throw new InputError("organization", messages[result.reason]);
        throw new ForbiddenError(messages[result.reason]);
      }
      ctx.cookies.push(sessionCookie(result.token, result.expiresAt, ctx.client.secure));
      return new SignInResult(result.staffId, result.expiresAt);
    },
  }),
);

builder.mutationField("signOut", (t) =>
  t.boolean({
    description: "Ends the current session and clears its cookie",
    resolve: async (_r, _a, ctx) => {
      if (ctx.client.sessionToken && ctx.viewer?.sessionId) {
        await ctx.prisma.session.updateMany({ where: { tokenHash: hashSecret(ctx.client.sessionToken), revokedAt: null }, data: { revokedAt: ctx.now } });
      }
      ctx.cookies.push(clearedSessionCookie(ctx.client.secure));
      return true;
    },
  }),
);
