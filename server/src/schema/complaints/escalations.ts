import { builder } from "../../builder.ts";
import { nonEmpty } from "../prisma-query.ts";
import { CASE_REF, caseText, handlingText } from "./handling-records.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { complaintMutation } from "./mutation.ts";
import { decideEscalation, escalateComplaint, escalationReasonFor } from "../../services/complaints/escalations.ts";

builder.prismaObject("ComplaintEscalation", {
  description:
    "WF-7: a complaint reported to a supervisor (automatic on an SLA breach), and the decision; CLS-3 reports of major complaints",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The escalation's id (decideEscalation takes it)" }),
    level: t.exposeInt("level", { description: "WF-7: 1 department head or office director, 2 company manager, 3 executive" }),
    at: t.expose("at", { type: "DateTime", description: "When it was escalated" }),
    automatic: t.exposeBoolean("automatic", {
      description: "WF-7: by the system, not by a person: an SLA breach, a REC-3 repeated repair or a CLS-3 report",
    }),
    reason: t.string({
      nullable: true,
      description:
        "Why, in the request's language. An automatic escalation's reason is the system's sentence (the time limit missed and its deadline in the " +
        "estate's local time; a REC-3 repeat names the earlier complaint's number only if you may read that complaint, SEC-2). What a person wrote is " +
        "case content: masked unless you know the case (SEC-2). Older system reasons, stored as sentences, read as stored",
      select: { complaint: { select: { ...CASE_REF.complaint.select, estate: { select: { timezone: true } } } } },
      extensions: handlingText,
      resolve: (e, _a, ctx) => escalationReasonFor(ctx, e),
    }),
    slaStage: t.relation("slaStage", { nullable: true, description: "SPEC §6: the breached stage of an automatic escalation" }),
    escalatedBy: t.relation("escalatedBy", { nullable: true, description: "Who escalated; null for the system" }),
    escalatedTo: t.relation("escalatedTo", { nullable: true, description: "WF-7: the supervisor who decides" }),
    decision: t.string({
      nullable: true,
      description: "WF-7: the decision (case content, SEC-2)",
      select: CASE_REF,
      extensions: handlingText,
      resolve: (e, _a, ctx) => caseText(ctx, e, e.decision),
    }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true, description: "When it was decided; null while open" }),
  }),
});

complaintMutation<{ reason: string; toStaffId?: string | null }>("escalateComplaint", {
  description: "WF-7: a complaint that cannot be solved goes one level up to a supervisor, who decides",
  fields: (t) => ({
    reason: t.string({ required: true, description: "WF-7: why it cannot be solved at this level" }),
    toStaffId: t.globalID({
      required: false,
      description:
        "The supervisor; default the next level up (department head or office director, company manager, executive); staffDirectory(filter: { pick: ESCALATION, complaintId }) lists whom you may name",
    }),
  }),
  service: escalateComplaint,
});

const DecideEscalationInput = builder.inputType("DecideEscalationInput", {
  description: "WF-7: a supervisor's decision on an escalation",
  fields: (t) => ({
    id: t.id({ required: true, description: "The escalation" }),
    decision: t.string({ required: true, description: "WF-7: what the supervisor decided" }),
  }),
});

builder.mutationField("decideEscalation", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "ComplaintEscalation",
    description: "WF-7: the supervisor the complaint was escalated to (or a more senior manager) records the decision",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: DecideEscalationInput, required: true, description: "The escalation and the decision" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await decideEscalation(ctx, { id: String(input.id), decision: input.decision });
      return ctx.prisma.complaintEscalation.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
