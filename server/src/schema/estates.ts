import { builder } from "../builder.ts";
import { ComplaintConnection, EstateConnection, HouseholdConnection, ORDER_BY_DESCRIPTION, orderByFor, orderFieldEnum, orderInput, type OrderKeys } from "./connections.ts";
import { EstateKindEnum, HouseholdKindEnum } from "./enums.ts";
import { complaintScope, topSecretFilter, estateNode, inOrganization, scopedNode, estateFilter } from "../access/read-scope.ts";
import type { Context } from "../access/context.ts";

const HOUSEHOLD_ORDER = {
  CODE: (d: "asc" | "desc") => ({ code: d }),
  ROOM: (d: "asc" | "desc") => ({ room: d }),
  KIND: (d: "asc" | "desc") => ({ kind: d }),
  BUILDING: (d: "asc" | "desc") => ({ building: { sortOrder: d } }),
  CREATED_AT: (d: "asc" | "desc") => ({ createdAt: d }),
};
type HouseholdOrderBy = ReturnType<(typeof HOUSEHOLD_ORDER)[keyof typeof HOUSEHOLD_ORDER]> | { id: "asc" | "desc" };

const HouseholdOrder = orderInput("Household", orderFieldEnum<keyof typeof HOUSEHOLD_ORDER>("Household", "households", {
  CODE: "The household's code (unique in the estate)",
  ROOM: "The room number",
  KIND: "Home, shop or office, in declared order",
  BUILDING: "The building, in the estate's order of buildings",
  CREATED_AT: "When the household was recorded",
}), "households");

/** `orderBy` of a list of households (then the id); none: by code. */
const householdOrder = (args: { orderBy?: unknown }) => ({
  orderBy: orderByFor<keyof typeof HOUSEHOLD_ORDER, HouseholdOrderBy>(args.orderBy as OrderKeys<keyof typeof HOUSEHOLD_ORDER>, HOUSEHOLD_ORDER, [{ code: "asc" }, { id: "asc" }]),
});

const estateScope = (ctx: Context) => ({ ...inOrganization(ctx), ...(estateFilter(ctx) ? { id: estateFilter(ctx) } : {}) });

builder.prismaNode("Estate", {
  ...scopedNode(estateScope),
  authScopes: { authenticated: true },
  description: "§2: an estate the organisation manages; callers confined to estates see theirs only",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Unique in the organisation" }),
    name: t.exposeString("name", { description: "The estate's name" }),
    kind: t.expose("kind", { type: EstateKindEnum, description: "What the estate is" }),
    timezone: t.exposeString("timezone", { description: "IANA timezone of its deadlines and reports" }),
    address: t.exposeString("address", { nullable: true, description: "The estate's public address" }),
    offices: t.relation("offices", { description: "Its management offices" }),
    buildings: t.relation("buildings", { description: "Its buildings, in order", query: { orderBy: { sortOrder: "asc" } } }),
    households: t.relatedConnection("households", {
      cursor: "id",
      totalCount: true,
      description: "Its households, by code",
      args: { orderBy: t.arg({ type: [HouseholdOrder], required: false, description: `${ORDER_BY_DESCRIPTION} (by code)` }) },
      query: householdOrder,
    }, HouseholdConnection),
    occupiedHouseholds: t.relationCount("households", {
      where: { occupied: true },
      description: "Resident households: the denominator of coverage rates",
    }),
  }),
});

builder.prismaNode("Office", {
  ...estateNode,
  authScopes: { authenticated: true },
  description: "§2: a management office of an estate",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Unique in the organisation" }),
    name: t.exposeString("name", { description: "The office's name" }),
    phone: t.exposeString("phone", { nullable: true, description: "The office's public duty phone" }),
    estate: t.relation("estate", { description: "Its estate" }),
  }),
});

builder.prismaNode("Building", {
  ...estateNode,
  authScopes: { authenticated: true },
  description: "§2: a building of an estate",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The building's name" }),
    estate: t.relation("estate", { description: "Its estate" }),
    households: t.relatedConnection("households", {
      cursor: "id", totalCount: true, description: "Its households, by code",
      args: { orderBy: t.arg({ type: [HouseholdOrder], required: false, description: `${ORDER_BY_DESCRIPTION} (by code)` }) },
      query: householdOrder,
    }, HouseholdConnection),
  }),
});

builder.prismaNode("Household", {
  ...estateNode,
  select: { id: true },
  authScopes: { authenticated: true },
  description: "§2: a household (flat, shop or office unit) of an estate",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Unique in the estate, e.g. 3-1201" }),
    room: t.exposeString("room", { description: "The room number" }),
    kind: t.expose("kind", { type: HouseholdKindEnum, description: "VIS-1: home, shop or office" }),
    occupied: t.exposeBoolean("occupied", { description: "Counts in coverage denominators" }),
    estate: t.relation("estate", { description: "Its estate" }),
    building: t.relation("building", { description: "Its building" }),
    complaints: t.relatedConnection("complaints", {
      cursor: "id",
      totalCount: true,
      description: "Complaints about this household, newest first (REC-2 drill-down)",
      query: (_args, ctx) => ({ where: complaintScope(ctx), orderBy: [{ receivedAt: "desc" }, { id: "desc" }] }),
    }, ComplaintConnection),
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
  }, EstateConnection),
);
