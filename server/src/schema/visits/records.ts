import { builder } from "../../builder.ts";
import { VisitRecordConnection, ORDER_BY_DESCRIPTION, orderByFor, orderFieldEnum, orderInput, type OrderKeys } from "../connections.ts";
import type { Context } from "../../access/context.ts";
import { protectedField, reveal } from "../../access/disclosure.ts";
import { scopedNode } from "../../access/read-scope.ts";
import { visitRecordRef } from "../../services/visits/record-rules.ts";
import { recordVisit } from "../../services/visits/records.ts";
import { visitScope } from "../../access/scopes/visits.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { scopedCustomer } from "../scoped-rows.ts";
import { VisitKindEnum } from "./record-rules.ts";

export { VisitKindEnum };

/**
 * VIS-1: one household visit (走访), or an area visit, recorded in the month's plan (the
 * 《访问住户记录》 the director reviews, VIS-2). What was said and seen is case content (SEC-1:
 * customer-related records are SECRET): raw for the estate's cleared staff and the visitor,
 * masked for others (SEC-2, SEC-7), every raw read logged (SEC-3).
 */
type RecordForDecision = { id: string; estateId: string; visitorId: string | null };

const caseText = (column: "content" | "feedback", description: string) => ({
  nullable: true as const,
  description,
  extensions: protectedField("VISIT_RECORD", column),
  resolve: (r: RecordForDecision & Record<typeof column, string | null>, _a: unknown, ctx: Context) =>
    reveal(ctx, visitRecordRef(r), column, r[column]),
});

builder.prismaNode("VisitRecord", {
  ...scopedNode(visitScope),
  id: { field: "id", description: "VIS-1: the visit record's global id" },
  authScopes: { permission: "complaints:read" },
  description: "VIS-1: a household or area visit; its content and feedback are case content (SEC-2)",
  fields: (t) => ({
    plan: t.relation("plan", { nullable: true, description: "VIS-1: the month's plan the visit is recorded in" }),
    office: t.relation("office", { description: "The office that visited" }),
    estate: t.relation("estate", { description: "SPEC §2: the estate the visit belongs to (its scope)" }),
    household: t.relation("household", { nullable: true, description: "The household visited; null for an area visit" }),
    customer: t.prismaField({
      type: "Customer",
      nullable: true,
      description: "Who was met (fields under the customer rules; null when outside your scope)",
      resolve: (query, r, _a, ctx) => scopedCustomer(ctx, query, r.customerId),
    }),
    area: t.exposeString("area", { nullable: true, description: "The area of an area visit" }),
    kind: t.expose("kind", { type: VisitKindEnum, description: "VIS-1: the kind of visit" }),
    visitedAt: t.expose("visitedAt", { type: "DateTime", description: "VIS-1: when the visit happened (within the plan's month)" }),
    visitor: t.relation("visitor", { nullable: true, description: "VIS-1: who visited (who recorded it)" }),
    visitorName: t.exposeString("visitorName", {
      nullable: true,
      description:
        "Issue 17: who visited as an imported history names them, when no account of the organisation matches (staff who left or never had one); null when `visitor` says it",
    }),
    content: t.string(caseText("content", "What was discussed and seen")),
    feedback: t.string(caseText("feedback", "The household's opinions and requests")),
    satisfied: t.exposeBoolean("satisfied", { nullable: true, description: "Whether the household was satisfied; null when not asked" }),
    resolved: t.exposeBoolean("resolved", {
      nullable: true,
      description: "VIS-2: false = an open item that needs a nonconformity report before the month's review",
    }),
    signed: t.exposeBoolean("signed", { description: "The household signed the record" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an amendment (SEC-6)" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the visit was recorded" }),
  }),
});

const VISIT_ORDER = {
  VISITED_AT: (d: "asc" | "desc") => ({ visitedAt: d }),
  CREATED_AT: (d: "asc" | "desc") => ({ createdAt: d }),
  KIND: (d: "asc" | "desc") => ({ kind: d }),
};
type VisitOrder = ReturnType<(typeof VISIT_ORDER)[keyof typeof VISIT_ORDER]> | { id: "asc" | "desc" };

const VisitRecordOrder = orderInput(
  "VisitRecord",
  orderFieldEnum<keyof typeof VISIT_ORDER>("VisitRecord", "visits", {
    VISITED_AT: "VIS-1: when the visit happened",
    CREATED_AT: "When the visit was recorded",
    KIND: "The kind of visit, in declared order",
  }),
  "visits",
);

builder.prismaObjectField("VisitPlan", "records", (t) =>
  t.relatedConnection(
    "records",
    {
      cursor: "id",
      totalCount: true,
      description: "VIS-1: the month's visits, in the order they happened",
      args: {
        orderBy: t.arg({ type: [VisitRecordOrder], required: false, description: `${ORDER_BY_DESCRIPTION} (in the order they happened)` }),
      },
      query: (args) => ({
        orderBy: orderByFor<keyof typeof VISIT_ORDER, VisitOrder>(args.orderBy as OrderKeys<keyof typeof VISIT_ORDER>, VISIT_ORDER, [
          { visitedAt: "asc" },
          { id: "asc" },
        ]),
      }),
    },
    VisitRecordConnection,
  ),
);

const RecordVisitInput = builder.inputType("RecordVisitInput", {
  description: "VIS-1: one visit; name the month's plan, or the office (the plan of the visit's month is then used)",
  fields: (t) => ({
    planId: t.globalID({ required: false, description: "The month's plan; or give the office and the plan of the visit's month is used" }),
    officeId: t.globalID({ required: false, description: "The visiting office, when no plan is named" }),
    householdId: t.globalID({ required: false, description: "The household visited; or an area for an area visit" }),
    area: t.string({ required: false, description: "The area of an area visit (at most 200 characters)" }),
    kind: t.field({ type: VisitKindEnum, required: false, defaultValue: "ROUTINE", description: "AREA for an area visit" }),
    visitedAt: t.field({ type: "DateTime", required: true, description: "Within the plan's month, not in the future" }),
    content: t.string({ required: true, description: "What was discussed and seen (case content, SEC-2; at most 5000 characters)" }),
    feedback: t.string({ required: false, description: "The household's opinions and requests (at most 5000 characters)" }),
    satisfied: t.boolean({ required: false, description: "Whether the household was satisfied" }),
    resolved: t.boolean({ required: false, description: "false: something was left open (VIS-2 needs a nonconformity report for it)" }),
    signed: t.boolean({ required: false, defaultValue: false, description: "The household signed the record" }),
  }),
});

builder.mutationField("recordVisit", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "VisitRecord",
    description:
      "VIS-1: records a household (or area) visit in the month's plan; the caller is the visitor. Every bad field is named at once",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RecordVisitInput, required: true, description: "The visit" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await recordVisit(ctx, {
        ...input,
        planId: input.planId?.id ?? null,
        officeId: input.officeId?.id ?? null,
        householdId: input.householdId?.id ?? null,
      });
      return ctx.prisma.visitRecord.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
