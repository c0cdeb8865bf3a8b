import { CallbackDimension, CallbackKind, CallbackMethod, CallbackStatus, type Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { CallbackConnection, ORDER_BY_DESCRIPTION, orderByFor, orderFieldEnum, orderInput, type OrderKeys } from "../connections.ts";
import type { Context, SignedInContext } from "../../access/context.ts";
import { protectedField, reveal } from "../../access/disclosure.ts";
import { batchedById } from "../batched.ts";
import { scopedNode } from "../../access/read-scope.ts";
import { callbackRef, callbackScope } from "../../access/scopes/callbacks.ts";
import { scopedComplaint, scopedCustomer, unused } from "../scoped-rows.ts";

/**
 * CB-1…CB-11: callbacks — planned (with an owner and a due date), made (method, reached,
 * satisfaction per dimension, new issues, comment) and reviewed. A callback of a complaint is seen
 * with the complaint; the others by the staff of the estate (services/callbacks/scope.ts). What
 * the customer said is case content, masked unless the caller needs to know it.
 */

/** A Prisma enum's GraphQL values, each with its description (issue 16: the schema describes itself). */
export function describedValues<E extends Record<string, string>>(
  e: E,
  descriptions: { [K in keyof E]: string },
): { [K in keyof E]: { value: E[K]; description: string } } {
  return Object.fromEntries(Object.keys(e).map((k) => [k, { value: e[k], description: descriptions[k] }])) as {
    [K in keyof E]: { value: E[K]; description: string };
  };
}

export const CallbackKindEnum = builder.enumType("CallbackKind", {
  description: "CB-1, CB-3, CB-4, SUR-5: the programme a callback belongs to",
  values: describedValues(CallbackKind, {
    COMPLAINT: "CB-1: the callback of a confirmed complaint (SLA-10)",
    REPAIR: "CB-4: the callback of a repair (SLA-11)",
    PERIODIC: "CB-3: a quarterly periodic callback of a sampled complainant",
    SAMPLING: "CB-3: a sampling callback on a closed complaint",
    EVENT: "CB-4: a callback after a community event",
    VISIT: "CB-4: a holiday, move-in or after-emergency callback of a household",
    SURVEY_FOLLOWUP: "SUR-5: a follow-up of a dissatisfied survey answer",
  }),
});
export const CallbackMethodEnum = builder.enumType("CallbackMethod", {
  description: "CB-5: how a callback is made",
  values: describedValues(CallbackMethod, {
    IN_PERSON: "CB-5, CB-11: a visit to the customer; carries the customer's signature",
    APPOINTMENT: "CB-5: the customer comes by appointment; carries the customer's signature",
    PHONE: "CB-5: a phone call (its share is limited by CB-5.phoneShareMax)",
    LETTER: "A letter to the customer",
  }),
});
export const CallbackStatusEnum = builder.enumType("CallbackStatus", {
  description: "CB-1: where a callback stands",
  values: describedValues(CallbackStatus, {
    PLANNED: "Planned: to be made by its due date",
    DONE: "Made: the customer was reached",
    NOT_REACHED: "Tried, the customer was not reached (CB-1: tried again the next day)",
    CANCELLED: "Cancelled (CB-8: the complaint needs no callback)",
  }),
});
export const CallbackDimensionEnum = builder.enumType("CallbackDimension", {
  description: "CB-6: what the customer rates",
  values: describedValues(CallbackDimension, {
    OVERALL: "CB-6: the overall verdict",
    QUALITY: "CB-6: the quality of the work",
    SPEED: "CB-6: the speed of handling",
    ATTITUDE: "CB-6: the attitude of the staff",
    TECHNICAL: "CB-6: the technical level",
    RESULT: "CB-6: the result",
  }),
});

/** CB-7: the earlier callbacks of a page in one query, under the callback scope. */
const earlierCallback = <Q extends object>(ctx: Context, query: Q, callbackId: string) =>
  batchedById(ctx, "Callback.previousCallback", query, callbackId, (q, ids) =>
    ctx.prisma.callback.findMany({ ...q, where: { id: { in: ids }, AND: [callbackScope(ctx)] } }),
  );

const CALLBACK_REF = { id: true, classification: true, estateId: true, assignedToId: true, staffId: true } as const;
const REF = { callback: { select: CALLBACK_REF } } as const;
const customerText = protectedField("CALLBACK", "customerText");

builder.prismaNode("Callback", {
  ...scopedNode(callbackScope),
  id: { field: "id", description: "CB-1: the callback's global id" },
  description: "CB-1…CB-11: a callback — planned with an owner and a due date, made, and reviewed",
  // Select mode: only the columns of the selected fields are read (a complaint's list page asks a few).
  select: { id: true },
  authScopes: { permission: "complaints:read" },
  fields: (t) => ({
    no: t.exposeString("no", { description: "CB-1: the callback's number (HF + 9 digits, per organisation)" }),
    kind: t.expose("kind", { type: CallbackKindEnum, description: "CB-1, CB-3, CB-4: the programme it belongs to" }),
    method: t.expose("method", {
      type: CallbackMethodEnum,
      nullable: true,
      description: "CB-5: how it was made; fixed in advance to IN_PERSON where CB-11 requires it",
    }),
    status: t.expose("status", { type: CallbackStatusEnum, description: "CB-1: planned, done, not reached or cancelled" }),
    sequence: t.exposeInt("sequence", { description: "CB-7: 1st, 2nd, 3rd callback on the same matter" }),
    previousCallback: t.prismaField({
      type: "Callback",
      nullable: true,
      select: { previousCallbackId: true },
      description: "CB-7: the callback this one follows (not reached, or the customer dissatisfied); null when outside your scope",
      resolve: async (query, c, _a, ctx) =>
        c.previousCallbackId ? ((await earlierCallback(ctx, query, c.previousCallbackId)) ?? null) : unused(query),
    }),
    estate: t.relation("estate", { description: "The estate of the complaint or household called back" }),
    complaint: t.prismaField({
      type: "Complaint",
      nullable: true,
      select: { complaintId: true },
      description: "CB-1: the complaint called back about (null when none or outside your scope)",
      resolve: (query, c, _a, ctx) => scopedComplaint(ctx, query, c.complaintId),
    }),
    household: t.relation("household", { nullable: true, description: "CB-3, CB-4: the household called back" }),
    customer: t.prismaField({
      type: "Customer",
      nullable: true,
      select: { customerId: true },
      description:
        "CB-5: the person called back, as planned (a complaint's complainant, a sampled household's main contact); " +
        "null when there is none (an anonymous complaint) or the archive is outside your scope. Personal data under the customer rules (SEC-7)",
      resolve: (query, c, _a, ctx) => scopedCustomer(ctx, query, c.customerId),
    }),
    dueAt: t.expose("dueAt", { type: "DateTime", nullable: true, description: "SLA-10 / SLA-11, or the programme's deadline" }),
    overdue: t.boolean({
      select: { status: true, dueAt: true },
      description: "CB-1: planned and past its due date",
      resolve: (c, _a, ctx) => c.status === "PLANNED" && !!c.dueAt && c.dueAt < ctx.now,
    }),
    assignedTo: t.relation("assignedTo", { nullable: true, description: "CB-2: who should call back" }),
    staff: t.relation("staff", { nullable: true, description: "Who called back" }),
    callerName: t.exposeString("callerName", {
      nullable: true,
      description:
        "Issue 17: who called back (or is to call back) as an imported history names them, when no account of the organisation matches (staff who left or never had one); null when `staff` or `assignedTo` says it",
    }),
    calledAt: t.expose("calledAt", { type: "DateTime", nullable: true, description: "CB-5: when the call or visit was made" }),
    reached: t.exposeBoolean("reached", { nullable: true, description: "CB-1: whether the customer was reached (null: not made yet)" }),
    satisfied: t.exposeBoolean("satisfied", {
      nullable: true,
      description: "CB-6: the customer's overall verdict (null: not reached or not made)",
    }),
    signed: t.exposeBoolean("signed", { description: "CB-5: the customer signed (in-person callbacks)" }),
    comment: t.string({
      nullable: true,
      extensions: customerText,
      select: { ...CALLBACK_REF, comment: true },
      description: "CB-6: what the customer said; case content, masked unless you need to know it (SEC-2)",
      resolve: (c, _a, ctx) => reveal(ctx, callbackRef(c), "customerText", c.comment),
    }),
    ratings: t.relation("ratings", { query: { orderBy: { dimension: "asc" } }, description: "CB-6: the customer's verdict per dimension" }),
    issues: t.relation("issues", { query: { orderBy: { createdAt: "asc" } }, description: "CB-6, CB-7: new issues the customer raised" }),
    followUps: t.relation("followUps", {
      query: { orderBy: { sequence: "asc" } },
      description: "CB-7: the callbacks that follow this one",
    }),
    reviewedBy: t.relation("reviewedBy", { nullable: true, description: "CB-10: the supervisor who reviewed and signed" }),
    reviewedAt: t.expose("reviewedAt", { type: "DateTime", nullable: true, description: "CB-10: when it was reviewed (null: not yet)" }),
    reviewSigned: t.exposeBoolean("reviewSigned", { description: "CB-10: the reviewer signed the record" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: pass it back with recordCallback / reviewCallback" }),
  }),
});

builder.prismaObject("CallbackRating", {
  description: "CB-6: the customer's verdict on one dimension",
  fields: (t) => ({
    dimension: t.expose("dimension", { type: CallbackDimensionEnum, description: "CB-6: what is rated" }),
    rating: t.exposeInt("rating", { nullable: true, description: "1 (very dissatisfied) … 5 (very satisfied)" }),
    satisfied: t.exposeBoolean("satisfied", { nullable: true, description: "CB-6: satisfied (a rating of 4 or 5, or asked as such)" }),
    comment: t.string({
      nullable: true,
      select: REF,
      extensions: customerText,
      description: "What the customer said about it; case content, masked unless you need to know it (SEC-2)",
      resolve: (r, _a, ctx) => reveal(ctx, callbackRef(r.callback), "customerText", r.comment),
    }),
  }),
});

builder.prismaObject("CallbackIssue", {
  description: "CB-6, CB-7: a new issue raised in a callback; one not answered on the spot has a promised reply time",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The issue's id (replyToCallbackIssue)" }),
    description: t.string({
      select: REF,
      extensions: customerText,
      description: "The issue in the customer's words; case content, masked unless you need to know it (SEC-2)",
      resolve: (i, _a, ctx) => reveal(ctx, callbackRef(i.callback), "customerText", i.description) as string | Promise<string>,
    }),
    answeredOnSpot: t.exposeBoolean("answeredOnSpot", { description: "CB-7: answered during the callback" }),
    promisedReplyAt: t.expose("promisedReplyAt", {
      type: "DateTime",
      nullable: true,
      description: "CB-7: the reply promised by then (issues not answered on the spot)",
    }),
    repliedAt: t.expose("repliedAt", { type: "DateTime", nullable: true, description: "CB-7: when the customer got the first reply" }),
    department: t.relation("department", { nullable: true, description: "The department that answers" }),
    resolved: t.exposeBoolean("resolved", { description: "CB-7: the issue is resolved" }),
    resolution: t.string({
      nullable: true,
      select: REF,
      extensions: customerText,
      description: "What the customer was told; case content, masked unless you need to know it (SEC-2)",
      resolve: (i, _a, ctx) => reveal(ctx, callbackRef(i.callback), "customerText", i.resolution),
    }),
    overdue: t.boolean({
      description: "CB-7: not replied to and past the promised time",
      resolve: (i, _a, ctx) => !i.repliedAt && !!i.promisedReplyAt && i.promisedReplyAt < ctx.now,
    }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: pass it back with replyToCallbackIssue" }),
  }),
});

builder.prismaObjectField("Complaint", "callbacks", (t) =>
  t.relation("callbacks", {
    description: "CB-1, CB-7: the complaint's callbacks in order",
    query: (_a, ctx) => ({ where: callbackScope(ctx), orderBy: [{ sequence: "asc" }, { createdAt: "asc" }] }),
  }),
);

const CallbackFilter = builder.inputType("CallbackFilter", {
  description: "CB-1: which callbacks of the ledger to list (all conditions apply)",
  fields: (t) => ({
    estateId: t.globalID({ required: false, description: "One estate" }),
    status: t.field({ type: [CallbackStatusEnum], required: false, description: "Any of these statuses" }),
    kind: t.field({ type: [CallbackKindEnum], required: false, description: "Any of these programmes" }),
    assignedToId: t.globalID({ required: false, description: "CB-2: the callbacks someone is to make" }),
    mine: t.boolean({ required: false, description: "CB-2: assigned to me" }),
    overdue: t.boolean({ required: false, description: "Planned and past due (false: the others)" }),
    dueBefore: t.field({ type: "DateTime", required: false, description: "Due before this instant" }),
    calledFrom: t.field({ type: "DateTime", required: false, description: "Made at or after this instant" }),
    calledBefore: t.field({ type: "DateTime", required: false, description: "Made before this instant" }),
    unreviewed: t.boolean({ required: false, description: "CB-10: made and not yet reviewed" }),
  }),
});

const CALLBACK_ORDER = {
  DUE_AT: (d: Prisma.SortOrder) => ({ dueAt: { sort: d, nulls: "last" as const } }),
  CALLED_AT: (d: Prisma.SortOrder) => ({ calledAt: { sort: d, nulls: "last" as const } }),
  CREATED_AT: (d: Prisma.SortOrder) => ({ createdAt: d }),
  NO: (d: Prisma.SortOrder) => ({ no: d }),
  STATUS: (d: Prisma.SortOrder) => ({ status: d }),
  KIND: (d: Prisma.SortOrder) => ({ kind: d }),
  ESTATE: (d: Prisma.SortOrder) => ({ estate: { name: d } }),
} satisfies Record<string, (d: Prisma.SortOrder) => Prisma.CallbackOrderByWithRelationInput>;

const CallbackOrder = orderInput(
  "Callback",
  orderFieldEnum<keyof typeof CALLBACK_ORDER>("Callback", "callbacks", {
    DUE_AT: "CB-1: when it is due; none (made without a plan) last",
    CALLED_AT: "When it was made; planned ones last",
    CREATED_AT: "When it was planned or recorded",
    NO: "The callback's number",
    STATUS: "The state, in declared order",
    KIND: "The kind, in declared order",
    ESTATE: "The estate's name",
  }),
  "callbacks",
);

builder.queryField("callbacks", (t) =>
  t.withAuth({ permission: "complaints:read" }).prismaConnection(
    {
      type: "Callback",
      cursor: "id",
      description: "CB-1: the callback ledger in your scope; planned ones by due date, made ones newest first",
      args: {
        filter: t.arg({ type: CallbackFilter, required: false, description: "Which callbacks; omit for all in your scope" }),
        orderBy: t.arg({
          type: [CallbackOrder],
          required: false,
          description: `${ORDER_BY_DESCRIPTION} (planned by due date, then made ones newest first)`,
        }),
      },
      totalCount: (_p, args, ctx) => ctx.prisma.callback.count({ where: callbackWhere(ctx, args.filter) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.callback.findMany({
          ...query,
          where: callbackWhere(ctx, args.filter),
          orderBy: orderByFor<keyof typeof CALLBACK_ORDER, Prisma.CallbackOrderByWithRelationInput>(
            args.orderBy as OrderKeys<keyof typeof CALLBACK_ORDER>,
            CALLBACK_ORDER,
            [{ dueAt: { sort: "asc", nulls: "last" } }, { calledAt: "desc" }, { id: "asc" }],
          ),
        }),
    },
    CallbackConnection,
  ),
);

function callbackWhere(ctx: SignedInContext, f: typeof CallbackFilter.$inferInput | null | undefined): Prisma.CallbackWhereInput {
  const and: Prisma.CallbackWhereInput[] = [callbackScope(ctx)];
  if (f?.estateId) and.push({ estateId: f.estateId.id });
  if (f?.status?.length) and.push({ status: { in: f.status as CallbackStatus[] } });
  if (f?.kind?.length) and.push({ kind: { in: f.kind as CallbackKind[] } });
  if (f?.assignedToId) and.push({ assignedToId: f.assignedToId.id });
  if (f?.mine) and.push({ assignedToId: ctx.viewer.staffId });
  if (f?.overdue != null)
    and.push(f.overdue ? { status: "PLANNED", dueAt: { lt: ctx.now } } : { NOT: { status: "PLANNED", dueAt: { lt: ctx.now } } });
  if (f?.dueBefore) and.push({ dueAt: { lt: f.dueBefore } });
  if (f?.calledFrom) and.push({ calledAt: { gte: f.calledFrom } });
  if (f?.calledBefore) and.push({ calledAt: { lt: f.calledBefore } });
  if (f?.unreviewed) and.push({ status: { in: ["DONE", "NOT_REACHED"] }, reviewedAt: null });
  return { AND: and };
}
