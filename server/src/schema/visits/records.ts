import type { Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { protectedField, reveal } from "../../access/disclosure.ts";
import { monthOfInstant } from "../../domain/visits/visit-month.ts";
import { InputError, requiredText } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { inEstates, inOrganization, scopedNode } from "../../access/read-scope.ts";
import { scopedCustomer } from "../scoped-rows.ts";
import { visitScope } from "./plans.ts";
import { checkVisitedAt, feedbackText, visited, VisitKindEnum, visitRecordRef } from "./record-rules.ts";

export { VisitKindEnum, visitRecordRef };

/**
 * VIS-1: one household visit (走访), or an area visit, recorded in the month's plan (the
 * 《访问住户记录》 the director reviews, VIS-2). What was said and seen is case content (SEC-1:
 * customer-related records are SECRET): raw for the estate's cleared staff and the visitor,
 * masked for others (SEC-2, SEC-7), every raw read logged (SEC-3).
 */
type RecordForDecision = { id: string; estateId: string; visitorId: string | null };

const caseText = (column: "content" | "feedback", description: string) => ({
  nullable: true as const, description, extensions: protectedField("VISIT_RECORD", column),
  resolve: (r: RecordForDecision & Record<typeof column, string | null>, _a: unknown, ctx: Context) => reveal(ctx, visitRecordRef(r), column, r[column]),
});

builder.prismaNode("VisitRecord", {
  ...scopedNode(visitScope),
  authScopes: { permission: "complaints:read" },
  description: "VIS-1: a household or area visit; its content and feedback are case content (SEC-2)",
  fields: (t) => ({
    plan: t.relation("plan", { nullable: true }),
    office: t.relation("office"),
    estate: t.relation("estate"),
    household: t.relation("household", { nullable: true }),
    customer: t.prismaField({
      type: "Customer", nullable: true, description: "Who was met (fields under the customer rules; null when outside your scope)",
      resolve: (query, r, _a, ctx) => scopedCustomer(ctx, query, r.customerId),
    }),
    area: t.exposeString("area", { nullable: true, description: "The area of an area visit" }),
    kind: t.expose("kind", { type: VisitKindEnum }),
    visitedAt: t.expose("visitedAt", { type: "DateTime" }),
    visitor: t.relation("visitor", { nullable: true }),
    content: t.string(caseText("content", "What was discussed and seen")),
    feedback: t.string(caseText("feedback", "The household's opinions and requests")),
    satisfied: t.exposeBoolean("satisfied", { nullable: true }),
    resolved: t.exposeBoolean("resolved", { nullable: true, description: "VIS-2: false = an open item that needs a nonconformity report before the month's review" }),
    signed: t.exposeBoolean("signed", { description: "The household signed the record" }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectField("VisitPlan", "records", (t) =>
  t.relatedConnection("records", { cursor: "id", totalCount: true, description: "VIS-1: the month's visits, in the order they happened", query: { orderBy: [{ visitedAt: "asc" }, { id: "asc" }] } }));

const RecordVisitInput = builder.inputType("RecordVisitInput", {
  fields: (t) => ({
    planId: t.globalID({ required: false, description: "The month's plan; or give the office and the plan of the visit's month is used" }),
    officeId: t.globalID({ required: false }),
    householdId: t.globalID({ required: false, description: "The household visited; or an area for an area visit" }),
    area: t.string({ required: false }),
    kind: t.field({ type: VisitKindEnum, required: false, defaultValue: "ROUTINE", description: "AREA for an area visit" }),
    visitedAt: t.field({ type: "DateTime", required: true, description: "Within the plan's month, not in the future" }),
    content: t.string({ required: true }),
    feedback: t.string({ required: false }),
    satisfied: t.boolean({ required: false }),
    resolved: t.boolean({ required: false, description: "false: something was left open (VIS-2 needs a nonconformity report for it)" }),
    signed: t.boolean({ required: false, defaultValue: false }),
  }),
});
type VisitInput = typeof RecordVisitInput.$inferInput;

/** The plan the visit belongs to: the one named, or the office's plan of the visit's month; still open (VIS-2). */
async function planFor(ctx: Context, input: VisitInput) {
  const field = input.planId ? "input.planId" : "input.officeId";
  if (input.planId && input.officeId) throw new InputError("input.officeId", "Give the visit plan or the office, not both");
  const select = { id: true, officeId: true, estateId: true, month: true, status: true, estate: { select: { timezone: true } } } as const;
  let plan;
  if (input.planId) {
    plan = await ctx.prisma.visitPlan.findFirst({ where: { id: input.planId.id, AND: [visitScope(ctx)] }, select });
    if (!plan) throw new InputError(field, "No such visit plan in your scope");
  } else {
    if (!input.officeId) throw new InputError("input.planId", "Give the visit plan, or the office");
    const office = await ctx.prisma.office.findFirst({ where: { id: input.officeId.id, ...inEstates(ctx) }, select: { id: true, estate: { select: { timezone: true } } } });
    if (!office) throw new InputError(field, "No such office in your scope");
    const month = monthOfInstant(office.estate.timezone, input.visitedAt);
    plan = await ctx.prisma.visitPlan.findFirst({ where: { ...inOrganization(ctx), officeId: office.id, month: new Date(`${month}T00:00:00Z`) }, select });
    if (!plan) throw new InputError(field, `The office has no visit plan for ${month.slice(0, 7)}: create it first`);
  }
  if (plan.status === "REVIEWED") throw new InputError(field, "The month's visits were reviewed and signed (VIS-2); they take no more records");
  return plan;
}

builder.mutationField("recordVisit", (t) =>
  t.prismaField({
    type: "VisitRecord",
    description: "VIS-1: records a household (or area) visit in the month's plan; the caller is the visitor",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RecordVisitInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const plan = await planFor(ctx, input);
      checkVisitedAt(ctx, plan, input.visitedAt);
      const { householdCode: _code, ...target } = await visited(ctx, { householdId: input.householdId?.id, area: input.area, kind: input.kind }, plan.estateId);
      const content = requiredText(input.content, "input.content", 5000);
      const feedback = feedbackText(input.feedback);
      const data: Prisma.VisitRecordUncheckedCreateInput = {
        organizationId: ctx.organizationId!, planId: plan.id, officeId: plan.officeId, estateId: plan.estateId, ...target,
        kind: input.kind ?? "ROUTINE", visitedAt: input.visitedAt, visitorId: ctx.viewer!.staffId, content, feedback,
        satisfied: input.satisfied ?? null, resolved: input.resolved ?? null, signed: input.signed ?? false, createdAt: ctx.now,
      };
      const created = await ctx.prisma.visitRecord.create({ data, select: { id: true } });
      return ctx.prisma.visitRecord.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);
