import { builder } from "../../builder.ts";
import { signedIn } from "../../access/context.ts";
import { scopedNode } from "../../access/read-scope.ts";
import { openSessionsWhere, revokeSession, sessionScope } from "../../services/admin/sessions.ts";
import { SessionConnection, SignInAttemptConnection } from "../connections.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";

/**
 * Issue 17: an account's open sessions and sign-in history, for the account itself and for
 * account administrators (accounts:manage); a session can be revoked.
 */

/** The account's own, or any with accounts:manage (issue 17). */
const selfOrAdministrator = (staff: { id: string }, _args: unknown, ctx: { viewer: { staffId: string } | null }) =>
  staff.id === ctx.viewer?.staffId ? { authenticated: true } : { permission: "accounts:manage" as const };

builder.prismaNode("Session", {
  ...scopedNode((ctx) => sessionScope(signedIn(ctx))),
  authScopes: { authenticated: true },
  description: "Issue 17: a signed-in browser session of an account (12 h at most, 2 h idle)",
  fields: (t) => ({
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was signed in" }),
    lastSeenAt: t.expose("lastSeenAt", { type: "DateTime", description: "Its last request (kept to the minute)" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When it ends at the latest" }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true, description: "When it was revoked or signed out (null: open)" }),
    ip: t.exposeString("ip", { nullable: true, description: "The address it signed in from" }),
    userAgent: t.exposeString("userAgent", { nullable: true, description: "The browser it signed in with" }),
    current: t.boolean({
      description: "true for the session of this very request",
      resolve: (s, _a, ctx) => s.id === ctx.viewer?.sessionId,
    }),
    staff: t.relation("staff", { description: "The account" }),
  }),
});

const SignInOutcomeEnum = builder.enumType("SignInOutcome", {
  description: "Issue 17: how a sign-in attempt ended",
  values: {
    SUCCESS: { description: "Signed in" },
    WRONG_PASSWORD: { description: "The password was wrong" },
    NOT_ALLOWED: { description: "The account may not sign in (deactivated, or a service account)" },
    REFUSED: { description: "Refused for another reason (too many attempts, an error)" },
  },
});

function outcomeOf(a: { success: boolean; reason: string | null }): "SUCCESS" | "WRONG_PASSWORD" | "NOT_ALLOWED" | "REFUSED" {
  if (a.success) return "SUCCESS";
  return a.reason === "wrong password" ? "WRONG_PASSWORD" : a.reason === "not allowed" ? "NOT_ALLOWED" : "REFUSED";
}

builder.prismaObject("LoginAttempt", {
  name: "SignInAttempt",
  description: "Issue 17: one attempt to sign in as an account (the sign-in history)",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The attempt's row id" }),
    at: t.expose("at", { type: "DateTime", description: "When" }),
    outcome: t.field({ type: SignInOutcomeEnum, description: "How it ended", resolve: outcomeOf }),
    ip: t.exposeString("ip", { nullable: true, description: "The address it came from" }),
    userAgent: t.exposeString("userAgent", { nullable: true, description: "The browser it came with" }),
  }),
});

builder.prismaObjectFields("Staff", (t) => ({
  openSessions: t.relatedConnection(
    "sessions",
    {
      cursor: "id",
      totalCount: true,
      authScopes: selfOrAdministrator,
      description:
        "Issue 17: the account's open sessions (not revoked, not expired), last active first; your own, or any with ACCOUNTS_MANAGE",
      query: (_args, ctx) => ({ where: openSessionsWhere(signedIn(ctx)), orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }] }),
    },
    SessionConnection,
  ),
  signInHistory: t.relatedConnection(
    "loginAttempts",
    {
      cursor: "id",
      totalCount: true,
      authScopes: selfOrAdministrator,
      description: "Issue 17: the account's sign-in attempts, newest first; your own, or any with ACCOUNTS_MANAGE",
      query: () => ({ orderBy: [{ at: "desc" }, { id: "desc" }] }),
    },
    SignInAttemptConnection,
  ),
}));

builder.mutationField("revokeSession", (t) =>
  t.withAuth({ authenticated: true }).prismaField({
    type: "Session",
    description:
      "Issue 17: ends a session at once (your own; any of the organisation with ACCOUNTS_MANAGE); the browser holding it is refused at its next request",
    errors: { types: STANDARD_ERRORS },
    args: { id: t.arg.globalID({ required: true, description: "The Session" }) },
    resolve: async (query, _r, { id }, ctx) => {
      const sessionId = await revokeSession(ctx, id.id);
      return ctx.prisma.session.findUniqueOrThrow({ ...nonEmpty(query), where: { id: sessionId } });
    },
  }),
);
