import { builder } from "../../builder.ts";
import { CASE_REF, caseText, handlingText } from "./handling-records.ts";
import { forwardComplaintToDeveloper, recordDeveloperAnswer } from "../../services/complaints/developer.ts";
import { complaintMutation } from "./mutation.ts";

builder.prismaObject("DeveloperHandoff", {
  description: "WF-5, SLA-7: an in-warranty or legacy defect handed to the developer",
  fields: (t) => ({
    developerName: t.exposeString("developerName", { nullable: true, description: "WF-5: the developer's department that received it" }),
    plan: t.string({
      nullable: true,
      description: "WF-5: the plan handed over (case content, SEC-2)",
      select: CASE_REF,
      extensions: handlingText,
      resolve: (h, _a, ctx) => caseText(ctx, h, h.plan),
    }),
    forwardedAt: t.expose("forwardedAt", { type: "DateTime", description: "WF-5: when it was handed over; SLA-7's clock starts" }),
    forwardedBy: t.relation("forwardedBy", { nullable: true, description: "Who handed it over" }),
    deadlineAt: t.expose("deadlineAt", { type: "DateTime", description: "SLA-7: the developer answers by then, or has accepted" }),
    respondedAt: t.expose("respondedAt", { type: "DateTime", nullable: true, description: "WF-5: when the developer answered" }),
    response: t.string({
      nullable: true,
      description: "WF-5: the developer's answer (case content, SEC-2)",
      select: CASE_REF,
      extensions: handlingText,
      resolve: (h, _a, ctx) => caseText(ctx, h, h.response),
    }),
    accepted: t.exposeBoolean("accepted", { nullable: true, description: "WF-5: whether the developer accepted; null until answered" }),
    deemedAcceptedAt: t.expose("deemedAcceptedAt", {
      type: "DateTime",
      nullable: true,
      description: "WF-5: silence past the deadline; the company proceeds at the developer's cost",
    }),
  }),
});

complaintMutation<{ developerName: string; developerContact?: string | null; plan?: string | null }>("forwardComplaintToDeveloper", {
  description:
    "WF-5, SLA-7: after engineering's plan, an in-warranty defect goes to the developer, who answers within the deadline or is deemed to accept",
  fields: (t) => ({
    developerName: t.string({ required: true, description: "The developer's department receiving it" }),
    developerContact: t.string({ required: false, description: "How to reach that department" }),
    plan: t.string({ required: false, description: "Default: the current plan" }),
  }),
  service: forwardComplaintToDeveloper,
});

complaintMutation<{ accepted: boolean; response: string }>("recordDeveloperAnswer", {
  description: "WF-5: the developer's answer within the deadline; work goes on either way (a refusal is on record for the cost)",
  fields: (t) => ({
    accepted: t.boolean({ required: true, description: "WF-5: the developer accepts the plan and its cost" }),
    response: t.string({ required: true, description: "WF-5: the developer's answer" }),
  }),
  service: recordDeveloperAnswer,
});
