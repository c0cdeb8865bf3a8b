import { builder } from "../../builder.ts";
import { nonEmpty } from "../prisma-query.ts";
import { CASE_REF, caseText, handlingText } from "./handling-records.ts";
import { escalate } from "../../services/complaints/escalation.ts";
import { OPEN_STATES } from "../../domain/complaints/workflow.ts";
import { ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { complaintMutation } from "./mutation.ts";
import { appendEvents, requireCaseAccess, saveComplaint } from "./editing.ts";
import { requirePickable } from "../access/staff-directory.ts";

builder.prismaObject("ComplaintEscalation", {
  description: "WF-7: a complaint reported to a supervisor (automatic on an SLA breach), and the decision; CLS-3 reports of major complaints",
  fields: (t) => ({
    id: t.exposeID("id"),
    level: t.exposeInt("level"),
    at: t.expose("at", { type: "DateTime" }),
    automatic: t.exposeBoolean("automatic"),
    reason: t.string({ nullable: true, select: CASE_REF, extensions: handlingText, resolve: (e, _a, ctx) => caseText(ctx, e, e.reason) }),
    slaStage: t.relation("slaStage", { nullable: true }),
    escalatedBy: t.relation("escalatedBy", { nullable: true }),
    escalatedTo: t.relation("escalatedTo", { nullable: true }),
    decision: t.string({ nullable: true, select: CASE_REF, extensions: handlingText, resolve: (e, _a, ctx) => caseText(ctx, e, e.decision) }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
  }),
});

complaintMutation<{ reason: string; toStaffId?: { id: string } | null }>("escalateComplaint", {
  description: "WF-7: a complaint that cannot be solved goes one level up to a supervisor, who decides",
  fields: (t) => ({
    reason: t.string({ required: true }),
    toStaffId: t.globalID({ required: false, description: "The supervisor; default the next level up (department head or office director, company manager, executive); staffDirectory(filter: { pick: ESCALATION, complaintId }) lists whom you may name" }),
  }),
  apply: async (ctx, row, input) => {
    const reason = requiredText(input.reason, "input.reason", 2000);
    if (!OPEN_STATES.includes(row.status)) throw new InputError("input.id", `A ${row.status} complaint is not escalated`);
    // WF-7, SEC-2: an active supervisor other than the caller who can see and know this complaint,
    // so that they can decide it (staffDirectory(pick: ESCALATION) offers exactly these).
    const toStaffId = input.toStaffId ? await requirePickable(ctx, "ESCALATION", row, input.toStaffId.id, "input.toStaffId") : null;
    // The version check and the SLA re-plan first; then one level up.
    await saveComplaint(ctx, row, {}, []);
    return escalate(ctx.prisma, { organizationId: ctx.organizationId!, complaintId: row.id, now: ctx.now, reason, actorId: ctx.viewer!.staffId, toStaffId });
  },
});

const DecideEscalationInput = builder.inputType("DecideEscalationInput", {
  fields: (t) => ({
    id: t.id({ required: true, description: "The escalation" }),
    decision: t.string({ required: true }),
  }),
});

builder.mutationField("decideEscalation", (t) =>
  t.prismaField({
    type: "ComplaintEscalation",
    description: "WF-7: the supervisor the complaint was escalated to (or a more senior manager) records the decision",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: DecideEscalationInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const decision = requiredText(input.decision, "input.decision", 4000);
      const e = await ctx.prisma.complaintEscalation.findFirst({ where: { id: String(input.id), complaint: complaintScope(ctx) }, include: { complaint: { select: { id: true, classification: true, estateId: true, receivedById: true } } } });
      if (!e) throw new NotFoundError("Escalation");
      await requireCaseAccess(ctx, e.complaint);
      const v = ctx.viewer!;
      if (e.escalatedToId !== v.staffId && !["COMPANY_MANAGER", "MANAGEMENT_REP", "EXECUTIVE"].includes(v.role)) throw new ForbiddenError("Only the supervisor it was escalated to, or a company manager, decides");
      if (e.decidedAt) throw new InputError("input.id", "Already decided");
      // Issue 15 item 17: decided once. Compare-and-set on "not decided yet": of supervisors
      // deciding at the same moment one wins, the others are told it was decided.
      const decided = await ctx.prisma.complaintEscalation.updateMany({ where: { id: e.id, decidedAt: null }, data: { decision, decidedAt: ctx.now } });
      if (decided.count === 0) throw new InputError("input.id", "Already decided");
      await appendEvents(ctx, e.complaintId, [{ kind: "NOTE", note: decision, data: { escalationId: e.id, decision: true } }]);
      return ctx.prisma.complaintEscalation.findUniqueOrThrow({ ...nonEmpty(query), where: { id: e.id } });
    },
  }),
);
