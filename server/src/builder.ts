import SchemaBuilder from "@pothos/core";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ErrorsPlugin from "@pothos/plugin-errors";
import type PrismaTypes from "@tingjian/prisma/pothos-types";
import { getDatamodel } from "@tingjian/prisma/pothos-types";
import { GraphQLError } from "graphql";
import type { Context } from "./context.ts";
import type { Permission } from "./domain/access/permissions.ts";
import { noteTypedError } from "./access/mutation-savepoints.ts";
import type { Language } from "./i18n/language.ts";
import { text } from "./i18n/messages.ts";

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { authenticated: boolean; permission: Permission };
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
    authScopes: (ctx) => ({
      authenticated: ctx.viewer !== null,
      permission: (p: Permission) => ctx.viewer?.permissions.has(p) ?? false,
    }),
    // Stable codes for callers: UNAUTHENTICATED without valid credentials, FORBIDDEN otherwise.
    // The message, in the request's language, names the missing permission, never a value.
    unauthorizedError: (_parent, ctx, info, result) =>
      ctx.viewer
        ? new GraphQLError(text("notAllowedToRead", ctx.language, { type: info.parentType.name, field: info.fieldName, reason: describeFailure(result.failure, ctx.language) }), { extensions: { code: "FORBIDDEN" } })
        : new GraphQLError(text(ctx.credentialsRejected ? "credentialsRejected" : "signInFirst", ctx.language), { extensions: { code: "UNAUTHENTICATED" } }),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
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
    if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new TypeError("Date must be YYYY-MM-DD");
    return new Date(`${v}T00:00:00Z`);
  },
});

function parseInstant(v: unknown): Date {
  if (typeof v !== "string" || !/(Z|[+-]\d{2}:?\d{2})$/.test(v)) throw new TypeError("DateTime must be ISO 8601 with an offset");
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new TypeError("DateTime is not a valid instant");
  return d;
}

function describeFailure(failure: { kind: string; scope?: string; parameter?: unknown; failures?: unknown[] }, language: Language): string {
  if (failure.kind === "AuthScope") {
    if (failure.scope === "permission") return text("requiresPermission", language, { permission: String(failure.parameter) });
    return failure.scope === "authenticated" ? text("requiresSignIn", language) : text("requiresScope", language, { scope: String(failure.scope) });
  }
  if ((failure.kind === "AnyAuthScopes" || failure.kind === "AllAuthScopes") && failure.failures?.length) {
    const parts = (failure.failures as (typeof failure)[]).map((f) => describeFailure(f, language));
    return parts.length === 1 ? parts[0]! : parts.join(text(failure.kind === "AnyAuthScopes" ? "or" : "and", language));
  }
  return text("notPermitted", language);
}
