import { builder } from "../builder.ts";
import { inOrganization } from "../access/read-scope.ts";

// Not a Relay node: the caller only ever sees its own organisation, through `organization`.
builder.prismaObject("Organization", {
  description: "§2: the caller's organisation; no query crosses organisations",
  fields: (t) => ({
    code: t.exposeString("code", { description: "The code given at sign-in" }),
    name: t.exposeString("name", { description: "The organisation's name" }),
    timezone: t.exposeString("timezone", { description: "IANA timezone, default for estates" }),
  }),
});

builder.queryField("organization", (t) =>
  t.prismaField({
    type: "Organization",
    description: "The organisation of the caller",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: inOrganization(ctx).organizationId } }),
  }),
);
