import SchemaBuilder, { PothosValidationError } from "@pothos/core";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ErrorsPlugin from "@pothos/plugin-errors";
import type PrismaTypes from "@tingjian/prisma/pothos-types";
import { getDatamodel } from "@tingjian/prisma/pothos-types";
import { GraphQLError } from "graphql";
import type { Context, SignedInContext } from "./access/context.ts";
import { permissionEnumName, type Permission } from "./domain/access/permissions.ts";
import { UUID } from "./domain/access/row-id.ts";
import { noteTypedError } from "./access/mutation-savepoints.ts";
import type { Language } from "./i18n/language.ts";
import { text } from "./i18n/messages.ts";
import { DEFAULT_CONNECTION_SIZE, PAGE_SIZE_CEILING } from "./limits/settings.ts";

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { authenticated: boolean; permission: Permission; signedIn: boolean };
  // The scopes pass only for a signed-in caller: `t.withAuth({ permission: … })` narrows the
  // resolver's context so that `ctx.viewer` and `ctx.organizationId` need no assertion.
  AuthContexts: { authenticated: SignedInContext; permission: SignedInContext; signedIn: SignedInContext };
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
  };
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // A type's scopes (e.g. Complaint needs complaints:read) are checked once per object, not once
    // per field of every row: a 100-row page resolves ~1,500 fields (measured: ~1 ms of a list
    // request). Fields keep their own scopes; an object the caller may not read errors as a whole.
    runScopesOnType: true,
    // SPEC §2: a signed-in account of an organisation, and its role's (and token's) permissions.
    // Issue 17: while an account must change its (temporary) password, its session passes only
    // `signedIn` (reading who it is, changing the password, signing out); every other scope fails
    // with PASSWORD_CHANGE_REQUIRED below. Gated here, once, not per resolver.
    authScopes: (ctx) => {
      const usable = ctx.viewer !== null && !ctx.viewer.mustChangePassword;
      return {
        authenticated: usable,
        permission: (p: Permission) => usable && (ctx.viewer?.permissions.has(p) ?? false),
        signedIn: ctx.viewer !== null,
      };
    },
    // Stable codes for callers: UNAUTHENTICATED without valid credentials, FORBIDDEN otherwise.
    // The message, in the request's language, names the missing permission, never a value.
    unauthorizedError: (_parent, ctx, info, result) =>
      ctx.viewer?.mustChangePassword
        ? new GraphQLError(text("passwordChangeRequired", ctx.language), { extensions: { code: "PASSWORD_CHANGE_REQUIRED" } })
        : ctx.viewer
          ? new GraphQLError(
              text("notAllowedToRead", ctx.language, {
                type: info.parentType.name,
                field: info.fieldName,
                reason: describeFailure(result.failure, ctx.language),
              }),
              { extensions: { code: "FORBIDDEN" } },
            )
          : new GraphQLError(text(ctx.credentialsRejected ? "credentialsRejected" : "signInFirst", ctx.language), {
              extensions: { code: "UNAUTHENTICATED" },
            }),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    // Issue 15 item 2: a page above a connection's maximum is refused before execution with a
    // BAD_USER_INPUT error (limits/cost.ts, GRAPHQL_MAX_PAGE_SIZE); Pothos' own cut (100 by
    // default, silently) is moved out of the way so that what passes the check is what is served.
    maxConnectionSize: PAGE_SIZE_CEILING,
    defaultConnectionSize: DEFAULT_CONNECTION_SIZE,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    // Issue 16: `nodes` beside `edges` on every connection, for callers that need no cursor per row.
    nodesOnConnection: true,
    cursorType: "String",
    decodeGlobalID: decodeGlobalId,
  },
  // A typed error answers the caller; its mutation is rolled back (access/mutation-savepoints.ts).
  errors: { defaultTypes: [], onResolvedError: noteTypedError },
});

builder.queryType({});
builder.mutationType({});

builder.scalarType("DateTime", {
  description: "An instant, ISO 8601 with offset",
  serialize: (d) => d.toISOString(),
  parseValue: (v) => parseInstant(v),
});

builder.scalarType("Date", {
  description: "A calendar date, YYYY-MM-DD",
  serialize: (d) => d.toISOString().slice(0, 10),
  parseValue: (v) => {
    if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v) || !realDate(v)) throw new TypeError(text("badDate", "en"));
    return new Date(`${v}T00:00:00Z`);
  },
});

/** Years a business date may have (issue 15 item 16: year 0000 or 275760 reached the database). */
const YEARS = { min: 1900, max: 2999 };

/** YYYY-MM-DD names a day of the calendar: 2026-02-30 is refused, not read as 2026-03-02. */
function realDate(ymd: string): boolean {
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  if (y < YEARS.min || y > YEARS.max || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i;

function parseInstant(v: unknown): Date {
  const m = typeof v === "string" ? INSTANT.exec(v) : null;
  const d = m ? new Date(v as string) : null;
  if (!m || !realDate(m[1]!) || !d || Number.isNaN(d.getTime()) || d.getUTCFullYear() < YEARS.min || d.getUTCFullYear() > YEARS.max) {
    throw new TypeError(text("badDateTime", "en"));
  }
  return d;
}

/**
 * Issue 15 item 16: a global ID is "Type:uuid" in base64; anything else is the caller's mistake,
 * answered BAD_USER_INPUT (errors-masking.ts) instead of reaching the database as a bad UUID.
 */
function decodeGlobalId(globalID: string): { typename: string; id: string } {
  const decoded = Buffer.from(globalID, "base64").toString("utf8");
  const at = decoded.indexOf(":");
  const typename = decoded.slice(0, at),
    id = decoded.slice(at + 1);
  if (at <= 0 || !/^[A-Za-z]\w*$/.test(typename) || !UUID.test(id)) throw new PothosValidationError(text("badId", "en"));
  return { typename, id };
}

function describeFailure(failure: { kind: string; scope?: string; parameter?: unknown; failures?: unknown[] }, language: Language): string {
  if (failure.kind === "AuthScope") {
    if (failure.scope === "permission")
      return text("requiresPermission", language, { permission: permissionEnumName(failure.parameter as Permission) });
    return failure.scope === "authenticated"
      ? text("requiresSignIn", language)
      : text("requiresScope", language, { scope: String(failure.scope) });
  }
  if ((failure.kind === "AnyAuthScopes" || failure.kind === "AllAuthScopes") && failure.failures?.length) {
    const parts = (failure.failures as (typeof failure)[]).map((f) => describeFailure(f, language));
    return parts.length === 1 ? parts[0]! : parts.join(text(failure.kind === "AnyAuthScopes" ? "or" : "and", language));
  }
  return text("notPermitted", language);
}
