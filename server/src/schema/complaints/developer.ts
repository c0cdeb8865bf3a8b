import { builder } from "../../builder.ts";
import { CASE_REF, caseText, handlingText } from "./handling-records.ts";
import { InputError, requiredText } from "../../errors/typed-errors.ts";
import { developerDeadline } from "../../domain/sla/stages.ts";
import { SlaCache } from "../../services/complaints/sla-stages.ts";
import { performAction } from "./editing.ts";
import { complaintMutation } from "./mutation.ts";

builder.prismaObject("DeveloperHandoff", {
  description: "WF-5, SLA-7: an in-warranty or legacy defect handed to the developer",
  fields: (t) => ({
    developerName: t.exposeString("developerName", { nullable: true }),
    plan: t.string({ nullable: true, select: CASE_REF, extensions: handlingText, resolve: (h, _a, ctx) => caseText(ctx, h, h.plan) }),
    forwardedAt: t.expose("forwardedAt", { type: "DateTime" }),
    forwardedBy: t.relation("forwardedBy", { nullable: true }),
    deadlineAt: t.expose("deadlineAt", { type: "DateTime", description: "SLA-7: the developer answers by then, or has accepted" }),
    respondedAt: t.expose("respondedAt", { type: "DateTime", nullable: true }),
    response: t.string({ nullable: true, select: CASE_REF, extensions: handlingText, resolve: (h, _a, ctx) => caseText(ctx, h, h.response) }),
    accepted: t.exposeBoolean("accepted", { nullable: true }),
    deemedAcceptedAt: t.expose("deemedAcceptedAt", { type: "DateTime", nullable: true, description: "WF-5: silence past the deadline; the company proceeds at the developer's cost" }),
  }),
});

complaintMutation<{ developerName: string; developerContact?: string | null; plan?: string | null }>("forwardComplaintToDeveloper", {
  description: "WF-5, SLA-7: after engineering's plan, an in-warranty defect goes to the developer, who answers within the deadline or is deemed to accept",
  fields: (t) => ({
    developerName: t.string({ required: true, description: "The developer's department receiving it" }),
    developerContact: t.string({ required: false }),
    plan: t.string({ required: false, description: "Default: the current plan" }),
  }),
  apply: async (ctx, row, input) => {
    const developerName = requiredText(input.developerName, "input.developerName", 200);
    const plan = input.plan?.trim() || (await ctx.prisma.complaintPlan.findFirst({ where: { complaintId: row.id, status: { not: "SUPERSEDED" } }, orderBy: { createdAt: "desc" }, select: { plan: true } }))?.plan || null;
    const cache = new SlaCache();
    const estate = await ctx.prisma.estate.findUniqueOrThrow({ where: { id: row.estateId }, select: { calendarId: true } });
    const deadlineAt = developerDeadline(await cache.policy(ctx.prisma, row.organizationId, row.estateId), await cache.calendar(ctx.prisma, row.organizationId, estate.calendarId), ctx.now);
    // The hand-off exists before the stages are re-planned, so the developer's clock starts with it.
    await ctx.prisma.developerHandoff.create({
      data: {
        organizationId: ctx.organizationId!, complaintId: row.id, developerName, developerContact: input.developerContact?.trim() || null, plan,
        forwardedAt: ctx.now, forwardedById: ctx.viewer!.staffId, deadlineAt,
      },
    });
    return performAction(ctx, row, "FORWARD_TO_DEVELOPER", {
      patch: { forwardedToDeveloperAt: ctx.now, developerDeadlineAt: deadlineAt },
      events: [{ kind: "FORWARDED_TO_DEVELOPER", note: developerName, data: { deadlineAt: deadlineAt.toISOString() } }],
    });
  },
});

complaintMutation<{ accepted: boolean; response: string }>("recordDeveloperAnswer", {
  description: "WF-5: the developer's answer within the deadline; work goes on either way (a refusal is on record for the cost)",
  fields: (t) => ({
    accepted: t.boolean({ required: true }),
    response: t.string({ required: true }),
  }),
  apply: async (ctx, row, input) => {
    const response = requiredText(input.response, "input.response", 4000);
    const handoff = await ctx.prisma.developerHandoff.findFirst({ where: { complaintId: row.id }, orderBy: { forwardedAt: "desc" } });
    if (handoff && ctx.now >= handoff.deadlineAt) {
      throw new InputError("input.id", `The developer's deadline passed at ${handoff.deadlineAt.toISOString()}: the complaint is deemed accepted (WF-5)`);
    }
    if (handoff) await ctx.prisma.developerHandoff.update({ where: { id: handoff.id }, data: { respondedAt: ctx.now, response, accepted: input.accepted, version: { increment: 1 } } });
    return performAction(ctx, row, "DEVELOPER_ANSWERED", { note: response, events: [{ kind: "DEVELOPER_ANSWERED", note: response, data: { accepted: input.accepted } }] });
  },
});
