import { builder } from "../builder.ts";
import { EstateKindEnum, HouseholdKindEnum } from "./enums.ts";
import { complaintScope, topSecretFilter, estateNode, inOrganization, scopedNode, estateFilter } from "../access/read-scope.ts";
import type { Context } from "../access/context.ts";

const estateScope = (ctx: Context) => ({ ...inOrganization(ctx), ...(estateFilter(ctx) ? { id: estateFilter(ctx) } : {}) });

builder.prismaNode("Estate", {
  ...scopedNode(estateScope),
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: EstateKindEnum }),
    timezone: t.exposeString("timezone"),
    address: t.exposeString("address", { nullable: true }),
    offices: t.relation("offices"),
    buildings: t.relation("buildings", { query: { orderBy: { sortOrder: "asc" } } }),
    households: t.relatedConnection("households", {
      cursor: "id",
      totalCount: true,
      query: { orderBy: { code: "asc" } },
    }),
    occupiedHouseholds: t.relationCount("households", {
      where: { occupied: true },
      description: "Resident households: the denominator of coverage rates",
    }),
  }),
});

builder.prismaNode("Office", {
  ...estateNode,
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    phone: t.exposeString("phone", { nullable: true, description: "The office's public duty phone" }),
    estate: t.relation("estate"),
  }),
});

builder.prismaNode("Building", {
  ...estateNode,
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString("name"),
    estate: t.relation("estate"),
    households: t.relatedConnection("households", {
      cursor: "id", totalCount: true, query: { orderBy: { code: "asc" } } }),
  }),
});

builder.prismaNode("Household", {
  ...estateNode,
  select: { id: true },
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString("code"),
    room: t.exposeString("room"),
    kind: t.expose("kind", { type: HouseholdKindEnum }),
    occupied: t.exposeBoolean("occupied", { description: "Counts in coverage denominators" }),
    estate: t.relation("estate"),
    building: t.relation("building"),
    complaints: t.relatedConnection("complaints", {
      cursor: "id",
      totalCount: true,
      description: "Complaints about this household, newest first (REC-2 drill-down)",
      query: (_args, ctx) => ({ where: complaintScope(ctx), orderBy: [{ receivedAt: "desc" }, { id: "desc" }] }),
    }),
    members: t.relation("members", {
      description: "Owners and tenants (their personal data under the customer rules)",
      query: (_a, ctx) => ({ where: { customer: topSecretFilter(ctx, "CUSTOMER") }, orderBy: [{ isPrimary: "desc" }, { id: "asc" }] }),
    }),
  }),
});

builder.queryField("estates", (t) =>
  t.prismaConnection({
    type: "Estate",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "The estates in the caller's scope",
    totalCount: (_parent, _args, ctx) => ctx.prisma.estate.count({ where: estateScope(ctx) }),
    resolve: (query, _root, _args, ctx) => ctx.prisma.estate.findMany({ ...query, where: estateScope(ctx), orderBy: { code: "asc" } }),
  }),
);
