import { CallbackDimension, CallbackKind, CallbackMethod, CallbackStatus, type Classification, type Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { protectedField, reveal, type RecordRef } from "../../access/disclosure.ts";
import { batchedById } from "../batched.ts";
import { complaintScope, inEstates, scopedNode } from "../../access/read-scope.ts";
import { scopedComplaint, scopedCustomer, unused } from "../scoped-rows.ts";

/**
 * CB-1…CB-11: callbacks — planned (with an owner and a due date), made (method, reached,
 * satisfaction per dimension, new issues, comment) and reviewed. A callback of a complaint is seen
 * with the complaint; the others by the staff of the estate. What the customer said is case
 * content, masked unless the caller needs to know it.
 */
export const CallbackKindEnum = builder.enumType(CallbackKind, { name: "CallbackKind" });
export const CallbackMethodEnum = builder.enumType(CallbackMethod, { name: "CallbackMethod", description: "CB-5" });
export const CallbackStatusEnum = builder.enumType(CallbackStatus, { name: "CallbackStatus" });
export const CallbackDimensionEnum = builder.enumType(CallbackDimension, { name: "CallbackDimension", description: "CB-6: quality, speed, attitude of staff, technical level, result" });

export function callbackScope(ctx: Context): Prisma.CallbackWhereInput {
  // The developer liaison's business is the developer's defects, not the customers' callbacks.
  if (ctx.viewer?.role === "DEVELOPER_LIAISON") return { id: { in: [] } };
  return {
    ...inEstates(ctx),
    OR: [{ complaintId: null, ...(ctx.viewer?.role === "EXECUTIVE" ? {} : { classification: { not: "TOP_SECRET" } }) }, { complaint: complaintScope(ctx) }],
  };
}

type CallbackForDecision = { id: string; classification: Classification; estateId: string; assignedToId: string | null; staffId: string | null };

/** SEC-2: a callback is known to cleared staff of its estate and to whoever was to make it or made it. */
export function callbackRef(c: CallbackForDecision): RecordRef {
  return { recordType: "CALLBACK", id: c.id, classification: c.classification, estateIds: [c.estateId], assignedStaffIds: [c.assignedToId, c.staffId].filter((x): x is string => !!x) };
}
/** CB-7: the earlier callbacks of a page in one query, under the callback scope. */
const earlierCallback = <Q extends object>(ctx: Context, query: Q, callbackId: string) =>
  batchedById(ctx, "Callback.previousCallback", query, callbackId, (q, ids) => ctx.prisma.callback.findMany({ ...q, where: { id: { in: ids }, AND: [callbackScope(ctx)] } }));

const CALLBACK_REF = { id: true, classification: true, estateId: true, assignedToId: true, staffId: true } as const;
const REF = { callback: { select: CALLBACK_REF } } as const;
const customerText = protectedField("CALLBACK", "customerText");

builder.prismaNode("Callback", {
  ...scopedNode(callbackScope),
  // Select mode: only the columns of the selected fields are read (a complaint's list page asks a few).
  select: { id: true },
  authScopes: { permission: "complaints:read" },
  fields: (t) => ({
    no: t.exposeString("no"),
    kind: t.expose("kind", { type: CallbackKindEnum }),
    method: t.expose("method", { type: CallbackMethodEnum, nullable: true, description: "Fixed in advance to IN_PERSON where CB-11 requires it" }),
    status: t.expose("status", { type: CallbackStatusEnum }),
    sequence: t.exposeInt("sequence", { description: "CB-7: 1st, 2nd, 3rd callback on the same matter" }),
    previousCallback: t.prismaField({
      type: "Callback", nullable: true, select: { previousCallbackId: true },
      resolve: async (query, c, _a, ctx) => (c.previousCallbackId ? ((await earlierCallback(ctx, query, c.previousCallbackId)) ?? null) : unused(query)),
    }),
    estate: t.relation("estate"),
    complaint: t.prismaField({
      type: "Complaint", nullable: true, select: { complaintId: true },
      resolve: (query, c, _a, ctx) => scopedComplaint(ctx, query, c.complaintId),
    }),
    household: t.relation("household", { nullable: true }),
    customer: t.prismaField({
      type: "Customer", nullable: true, select: { customerId: true },
      description: "CB-5: the person called back, as planned (a complaint's complainant, a sampled household's main contact); " +
        "null when there is none (an anonymous complaint) or the archive is outside your scope. Personal data under the customer rules (SEC-7)",
      resolve: (query, c, _a, ctx) => scopedCustomer(ctx, query, c.customerId),
    }),
    dueAt: t.expose("dueAt", { type: "DateTime", nullable: true, description: "SLA-10 / SLA-11, or the programme's deadline" }),
    overdue: t.boolean({ select: { status: true, dueAt: true }, resolve: (c, _a, ctx) => c.status === "PLANNED" && !!c.dueAt && c.dueAt < ctx.now }),
    assignedTo: t.relation("assignedTo", { nullable: true, description: "CB-2: who should call back" }),
    staff: t.relation("staff", { nullable: true, description: "Who called back" }),
    calledAt: t.expose("calledAt", { type: "DateTime", nullable: true }),
    reached: t.exposeBoolean("reached", { nullable: true }),
    satisfied: t.exposeBoolean("satisfied", { nullable: true }),
    signed: t.exposeBoolean("signed", { description: "CB-5: the customer signed (in-person callbacks)" }),
    comment: t.string({
      nullable: true, extensions: customerText, select: { ...CALLBACK_REF, comment: true },
      resolve: (c, _a, ctx) => reveal(ctx, callbackRef(c), "customerText", c.comment),
    }),
    ratings: t.relation("ratings", { query: { orderBy: { dimension: "asc" } } }),
    issues: t.relation("issues", { query: { orderBy: { createdAt: "asc" } } }),
    followUps: t.relation("followUps", { query: { orderBy: { sequence: "asc" } } }),
    reviewedBy: t.relation("reviewedBy", { nullable: true, description: "CB-10: the supervisor who reviewed and signed" }),
    reviewedAt: t.expose("reviewedAt", { type: "DateTime", nullable: true }),
    reviewSigned: t.exposeBoolean("reviewSigned"),
    version: t.exposeInt("version"),
  }),
});

builder.prismaObject("CallbackRating", {
  description: "CB-6: the customer's verdict on one dimension",
  fields: (t) => ({
    dimension: t.expose("dimension", { type: CallbackDimensionEnum }),
    rating: t.exposeInt("rating", { nullable: true, description: "1 (very dissatisfied) … 5 (very satisfied)" }),
    satisfied: t.exposeBoolean("satisfied", { nullable: true }),
    comment: t.string({ nullable: true, select: REF, extensions: customerText, resolve: (r, _a, ctx) => reveal(ctx, callbackRef(r.callback), "customerText", r.comment) }),
  }),
});

builder.prismaObject("CallbackIssue", {
  description: "CB-6, CB-7: a new issue raised in a callback; one not answered on the spot has a promised reply time",
  fields: (t) => ({
    id: t.exposeID("id"),
    description: t.string({ select: REF, extensions: customerText, resolve: (i, _a, ctx) => reveal(ctx, callbackRef(i.callback), "customerText", i.description) as string | Promise<string> }),
    answeredOnSpot: t.exposeBoolean("answeredOnSpot"),
    promisedReplyAt: t.expose("promisedReplyAt", { type: "DateTime", nullable: true }),
    repliedAt: t.expose("repliedAt", { type: "DateTime", nullable: true }),
    department: t.relation("department", { nullable: true }),
    resolved: t.exposeBoolean("resolved"),
    resolution: t.string({ nullable: true, select: REF, extensions: customerText, resolve: (i, _a, ctx) => reveal(ctx, callbackRef(i.callback), "customerText", i.resolution) }),
    overdue: t.boolean({ resolve: (i, _a, ctx) => !i.repliedAt && !!i.promisedReplyAt && i.promisedReplyAt < ctx.now }),
    version: t.exposeInt("version"),
  }),
});

builder.prismaObjectField("Complaint", "callbacks", (t) =>
  t.relation("callbacks", { description: "CB-1, CB-7: the complaint's callbacks in order", query: (_a, ctx) => ({ where: callbackScope(ctx), orderBy: [{ sequence: "asc" }, { createdAt: "asc" }] }) }));

const CallbackFilter = builder.inputType("CallbackFilter", {
  fields: (t) => ({
    estateId: t.globalID({ required: false }),
    status: t.field({ type: [CallbackStatusEnum], required: false }),
    kind: t.field({ type: [CallbackKindEnum], required: false }),
    assignedToId: t.globalID({ required: false, description: "CB-2: the callbacks someone is to make" }),
    mine: t.boolean({ required: false, description: "Assigned to me" }),
    overdue: t.boolean({ required: false, description: "Planned and past due" }),
    dueBefore: t.field({ type: "DateTime", required: false }),
    calledFrom: t.field({ type: "DateTime", required: false }),
    calledBefore: t.field({ type: "DateTime", required: false }),
    unreviewed: t.boolean({ required: false, description: "CB-10: made and not yet reviewed" }),
  }),
});

builder.queryField("callbacks", (t) =>
  t.prismaConnection({
    type: "Callback",
    cursor: "id",
    description: "CB-1: the callback ledger in your scope; planned ones by due date, made ones newest first",
    authScopes: { permission: "complaints:read" },
    args: { filter: t.arg({ type: CallbackFilter, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.callback.count({ where: callbackWhere(ctx, args.filter) }),
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.callback.findMany({ ...query, where: callbackWhere(ctx, args.filter), orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { calledAt: "desc" }, { id: "asc" }] }),
  }),
);

function callbackWhere(ctx: Context, f: typeof CallbackFilter.$inferInput | null | undefined): Prisma.CallbackWhereInput {
  const and: Prisma.CallbackWhereInput[] = [callbackScope(ctx)];
  if (f?.estateId) and.push({ estateId: f.estateId.id });
  if (f?.status?.length) and.push({ status: { in: f.status as CallbackStatus[] } });
  if (f?.kind?.length) and.push({ kind: { in: f.kind as CallbackKind[] } });
  if (f?.assignedToId) and.push({ assignedToId: f.assignedToId.id });
  if (f?.mine) and.push({ assignedToId: ctx.viewer!.staffId });
  if (f?.overdue != null) and.push(f.overdue ? { status: "PLANNED", dueAt: { lt: ctx.now } } : { NOT: { status: "PLANNED", dueAt: { lt: ctx.now } } });
  if (f?.dueBefore) and.push({ dueAt: { lt: f.dueBefore } });
  if (f?.calledFrom) and.push({ calledAt: { gte: f.calledFrom } });
  if (f?.calledBefore) and.push({ calledAt: { lt: f.calledBefore } });
  if (f?.unreviewed) and.push({ status: { in: ["DONE", "NOT_REACHED"] }, reviewedAt: null });
  return { AND: and };
}
