import { builder } from "../builder.ts";
import {
  ComplaintConnection,
  EstateConnection,
  HouseholdConnection,
  ORDER_BY_DESCRIPTION,
  orderByFor,
  orderFieldEnum,
  orderInput,
  type OrderKeys,
} from "./connections.ts";
import { EstateKindEnum, HouseholdKindEnum } from "./enums.ts";
import { complaintScope, topSecretFilter, estateNode, inEstates, inOrganization, scopedNode, estateFilter } from "../access/read-scope.ts";
import type { Context } from "../access/context.ts";

const HOUSEHOLD_ORDER = {
  CODE: (d: "asc" | "desc") => ({ code: d }),
  ROOM: (d: "asc" | "desc") => ({ room: d }),
  KIND: (d: "asc" | "desc") => ({ kind: d }),
  BUILDING: (d: "asc" | "desc") => ({ building: { sortOrder: d } }),
  CREATED_AT: (d: "asc" | "desc") => ({ createdAt: d }),
};
type HouseholdOrderBy = ReturnType<(typeof HOUSEHOLD_ORDER)[keyof typeof HOUSEHOLD_ORDER]> | { id: "asc" | "desc" };

const HouseholdOrder = orderInput(
  "Household",
  orderFieldEnum<keyof typeof HOUSEHOLD_ORDER>("Household", "households", {
    CODE: "The household's code (unique in the estate)",
    ROOM: "The room number",
    KIND: "Home, shop or office, in declared order",
    BUILDING: "The building, in the estate's order of buildings",
    CREATED_AT: "When the household was recorded",
  }),
  "households",
);

/**
 * `orderBy` of a list of households (then the id); none: by code. Issue 17: a deactivated
 * household is offered for nothing new, so lists (the pickers') leave it out unless asked.
 */
const householdOrder = (args: { orderBy?: unknown; includeInactive?: boolean | null }) => ({
  ...(args.includeInactive ? {} : { where: { active: true } }),
  orderBy: orderByFor<keyof typeof HOUSEHOLD_ORDER, HouseholdOrderBy>(
    args.orderBy as OrderKeys<keyof typeof HOUSEHOLD_ORDER>,
    HOUSEHOLD_ORDER,
    [{ code: "asc" }, { id: "asc" }],
  ),
});

const INCLUDE_INACTIVE = "Issue 17: also the deactivated ones (kept for history, offered for nothing new); default: active only";
const activeOnly = (args: { includeInactive?: boolean | null }) => (args.includeInactive ? {} : { where: { active: true } });

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
    active: t.exposeBoolean("active", { description: "Issue 17: false once deactivated (kept for history, offered for nothing new)" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an edit" }),
    calendar: t.relation("calendar", {
      nullable: true,
      description: "§6: the working calendar its SLA clocks run on; null: the organisation's default",
    }),
    offices: t.relation("offices", {
      description: "Its management offices, by code",
      args: { includeInactive: t.arg.boolean({ required: false, description: INCLUDE_INACTIVE }) },
      query: (args) => ({ ...activeOnly(args), orderBy: { code: "asc" } }),
    }),
    buildings: t.relation("buildings", {
      description: "Its buildings, in order",
      args: { includeInactive: t.arg.boolean({ required: false, description: INCLUDE_INACTIVE }) },
      query: (args) => ({ ...activeOnly(args), orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    }),
    households: t.relatedConnection(
      "households",
      {
        cursor: "id",
        totalCount: true,
        description: "Its households, by code",
        args: {
          orderBy: t.arg({ type: [HouseholdOrder], required: false, description: `${ORDER_BY_DESCRIPTION} (by code)` }),
          includeInactive: t.arg.boolean({ required: false, description: INCLUDE_INACTIVE }),
        },
        query: householdOrder,
      },
      HouseholdConnection,
    ),
    occupiedHouseholds: t.relationCount("households", {
      where: { occupied: true, active: true },
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
    address: t.exposeString("address", { nullable: true, description: "The office's address" }),
    onDuty24h: t.exposeBoolean("onDuty24h", { description: "SLA-8: on duty around the clock" }),
    director: t.relation("director", { nullable: true, description: "The office director" }),
    active: t.exposeBoolean("active", { description: "Issue 17: false once closed (kept for history, offered for nothing new)" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an edit" }),
    estate: t.relation("estate", { description: "Its estate" }),
  }),
});

builder.prismaNode("Building", {
  ...estateNode,
  authScopes: { authenticated: true },
  description: "§2: a building of an estate",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The building's name" }),
    sortOrder: t.exposeInt("sortOrder", { description: "Its position among the estate's buildings" }),
    active: t.exposeBoolean("active", { description: "Issue 17: false once deactivated (kept for history, offered for nothing new)" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an edit" }),
    estate: t.relation("estate", { description: "Its estate" }),
    units: t.relation("units", {
      description: "Its units, in order",
      args: { includeInactive: t.arg.boolean({ required: false, description: INCLUDE_INACTIVE }) },
      query: (args) => ({ ...activeOnly(args), orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    }),
    households: t.relatedConnection(
      "households",
      {
        cursor: "id",
        totalCount: true,
        description: "Its households, by code",
        args: {
          orderBy: t.arg({ type: [HouseholdOrder], required: false, description: `${ORDER_BY_DESCRIPTION} (by code)` }),
          includeInactive: t.arg.boolean({ required: false, description: INCLUDE_INACTIVE }),
        },
        query: householdOrder,
      },
      HouseholdConnection,
    ),
  }),
});

builder.prismaNode("Unit", {
  ...scopedNode((ctx: Context) => ({ ...inOrganization(ctx), building: inEstates(ctx) })),
  authScopes: { authenticated: true },
  description: "§2: a unit (单元) of a building",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The unit's name, e.g. 2单元" }),
    sortOrder: t.exposeInt("sortOrder", { description: "Its position among the building's units" }),
    active: t.exposeBoolean("active", { description: "Issue 17: false once deactivated (kept for history, offered for nothing new)" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an edit" }),
    building: t.relation("building", { description: "Its building" }),
    households: t.relatedConnection(
      "households",
      {
        cursor: "id",
        totalCount: true,
        description: "Its households, by code",
        args: {
          orderBy: t.arg({ type: [HouseholdOrder], required: false, description: `${ORDER_BY_DESCRIPTION} (by code)` }),
          includeInactive: t.arg.boolean({ required: false, description: INCLUDE_INACTIVE }),
        },
        query: householdOrder,
      },
      HouseholdConnection,
    ),
  }),
});

builder.prismaNode("Household", {
  ...estateNode,
  select: { id: true },
  authScopes: { authenticated: true },
  description: "§2: a household (flat, shop or office unit) of an estate",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Unique in the organisation, e.g. LX-3-2-1201" }),
    room: t.exposeString("room", { description: "The room number" }),
    kind: t.expose("kind", { type: HouseholdKindEnum, description: "VIS-1: home, shop or office" }),
    occupied: t.exposeBoolean("occupied", { description: "Counts in coverage denominators" }),
    area: t.float({
      nullable: true,
      description: "Square metres; null: unknown",
      select: { area: true },
      resolve: (h) => (h.area == null ? null : Number(h.area)),
    }),
    moveInDate: t.expose("moveInDate", { type: "Date", nullable: true, description: "When the household moved in" }),
    active: t.exposeBoolean("active", {
      description: "Issue 17: false once deactivated (merged or demolished: kept for history, offered for nothing new, not resident)",
    }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an edit" }),
    estate: t.relation("estate", { description: "Its estate" }),
    building: t.relation("building", { description: "Its building" }),
    unit: t.relation("unit", { nullable: true, description: "Its unit; null: not in a unit" }),
    complaints: t.relatedConnection(
      "complaints",
      {
        cursor: "id",
        totalCount: true,
        description: "Complaints about this household, newest first (REC-2 drill-down)",
        query: (_args, ctx) => ({ where: complaintScope(ctx), orderBy: [{ receivedAt: "desc" }, { id: "desc" }] }),
      },
      ComplaintConnection,
    ),
    members: t.relation("members", {
      description: "Owners and tenants (their personal data under the customer rules)",
      query: (_a, ctx) => ({ where: { customer: topSecretFilter(ctx, "CUSTOMER") }, orderBy: [{ isPrimary: "desc" }, { id: "asc" }] }),
    }),
  }),
});

const estatesWhere = (ctx: Context, args: { includeInactive?: boolean | null }) => ({
  ...estateScope(ctx),
  ...(args.includeInactive ? {} : { active: true }),
});

builder.queryField("estates", (t) =>
  t.prismaConnection(
    {
      type: "Estate",
      cursor: "id",
      authScopes: { authenticated: true },
      description: "The estates in the caller's scope, by code",
      args: { includeInactive: t.arg.boolean({ required: false, description: INCLUDE_INACTIVE }) },
      totalCount: (_parent, args, ctx) => ctx.prisma.estate.count({ where: estatesWhere(ctx, args) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.estate.findMany({ ...query, where: estatesWhere(ctx, args), orderBy: { code: "asc" } }),
    },
    EstateConnection,
  ),
);
