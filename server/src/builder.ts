import SchemaBuilder from "@pothos/core";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ErrorsPlugin from "@pothos/plugin-errors";
import type PrismaTypes from "@tingjian/prisma/pothos-types";
import { getDatamodel } from "@tingjian/prisma/pothos-types";
import type { Context } from "./context.ts";

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { organization: boolean };
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
  };
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({ organization: ctx.organizationId !== null }),
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
  errors: { defaultTypes: [] },
});

builder.queryType({});

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
