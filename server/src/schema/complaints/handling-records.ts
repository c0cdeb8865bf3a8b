import { DepartmentRole, type Classification } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { protectedField, reveal } from "../../access/disclosure.ts";
import { type CaseContentParam, caseContentOf, type Revealed, timelineSummary } from "../../domain/complaints/timeline-summary.ts";
import { availableActions, type WorkflowAction } from "../../domain/complaints/workflow.ts";
import { COMPLAINT_REF, complaintRef } from "../../services/complaints/case-ref.ts";
import { shownEventComplaintNo } from "../../services/recurrence/earlier-complaint.ts";
import { ConfirmationMethodEnum, ResponsibilityEnum } from "./handling.ts";

/**
 * The read side of the handling workflow (SPEC §5): who handles it, plans and promises, the
 * complainant's confirmation, and the timeline's details. Free text in these records is case
 * content (`handlingText`): masked unless the caller needs to know the complaint, logged when read.
 */
export const CASE_REF = { complaint: { select: { id: true, classification: true, estateId: true, receivedById: true } } } as const;
const REF = CASE_REF;
type Ref = { complaint: { id: string; classification: Classification; estateId: string; receivedById: string | null } };

/** Free text of a record that belongs to a complaint: case content of that complaint. */
export function caseText(ctx: Context, parent: Ref, value: string | null) {
  return reveal(ctx, complaintRef(parent.complaint), "handlingText", value);
}
export const handlingText = protectedField("COMPLAINT", "handlingText");

const DepartmentRoleEnum = builder.enumType(DepartmentRole, {
  name: "DepartmentRole",
  description: "WF-1: a department's part in handling a complaint",
  values: {
    LEAD: { description: "WF-1: the leading department, responsible for the outcome" },
    ASSISTING: { description: "WF-1: a department assisting the leading one" },
  } satisfies Record<DepartmentRole, { description: string }>,
});

builder.prismaObject("ComplaintDepartment", {
  description: "WF-1: a department handling the complaint, leading or assisting",
  fields: (t) => ({
    department: t.relation("department", { description: "The department" }),
    role: t.expose("role", { type: DepartmentRoleEnum, description: "WF-1: leading or assisting" }),
    assignedAt: t.expose("assignedAt", { type: "DateTime", description: "When it was given the complaint" }),
    releasedAt: t.expose("releasedAt", { type: "DateTime", nullable: true, description: "When it was released from it (the row stays)" }),
  }),
});

builder.prismaObject("ComplaintPlan", {
  description: "WF-2: cause analysis, responsibility, plan and promised time; confirmed by the service centre",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The plan's row id" }),
    causeAnalysis: t.string({
      nullable: true,
      description: "WF-2: the cause analysis (case content, SEC-2)",
      select: REF,
      extensions: handlingText,
      resolve: (p, _a, ctx) => caseText(ctx, p, p.causeAnalysis),
    }),
    plan: t.string({
      nullable: true,
      description: "WF-2: the plan (case content, SEC-2)",
      select: REF,
      extensions: handlingText,
      resolve: (p, _a, ctx) => caseText(ctx, p, p.plan),
    }),
    responsibility: t.expose("responsibility", {
      type: ResponsibilityEnum,
      nullable: true,
      description: "WF-2: who is responsible for the cause",
    }),
    promisedAt: t.expose("promisedAt", { type: "DateTime", nullable: true, description: "WF-3: the completion time promised" }),
    status: t.exposeString("status", { description: "DRAFT until the service centre confirms it; SUPERSEDED by a newer plan" }),
    department: t.relation("department", { nullable: true, description: "The department that made the plan" }),
    createdBy: t.relation("createdBy", { nullable: true, description: "Who wrote the plan" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the plan was written" }),
    confirmedBy: t.relation("confirmedBy", { nullable: true, description: "WF-2: who of the service centre confirmed it" }),
    confirmedAt: t.expose("confirmedAt", { type: "DateTime", nullable: true, description: "WF-2: when the service centre confirmed it" }),
    communicatedAt: t.expose("communicatedAt", {
      type: "DateTime",
      nullable: true,
      description: "WF-2: when the plan was told to the complainant",
    }),
  }),
});

builder.prismaObject("ComplaintPromise", {
  description: "WF-3: every promised completion time, in order; a change carries its written reason",
  fields: (t) => ({
    sequence: t.exposeInt("sequence", { description: "WF-3: 1 for the first promise, then each change" }),
    promisedAt: t.expose("promisedAt", { type: "DateTime", description: "WF-3: the completion time promised" }),
    changeReason: t.string({
      nullable: true,
      description: "WF-3: why the promise was changed (case content, SEC-2)",
      select: REF,
      extensions: handlingText,
      resolve: (p, _a, ctx) => caseText(ctx, p, p.changeReason),
    }),
    recordedBy: t.relation("recordedBy", { nullable: true, description: "Who recorded the promise" }),
    recordedAt: t.expose("recordedAt", { type: "DateTime", description: "When the promise was recorded" }),
    reconfirmedAt: t.expose("reconfirmedAt", { type: "DateTime", nullable: true, description: "WF-3: re-confirmed with the complainant" }),
    keptAt: t.expose("keptAt", { type: "DateTime", nullable: true, description: "WF-3: when the promise was kept" }),
    missed: t.exposeBoolean("missed", { description: "WF-3, SLA: the promised time passed without the work done" }),
  }),
});

builder.prismaObject("ComplaintConfirmation", {
  description: "WF-4: the complainant's confirmation of the resolution: who, when, how",
  fields: (t) => ({
    confirmedByName: t.string({
      nullable: true,
      description: "WF-4: who confirmed, by name; masked unless you may read it (SEC-2, SEC-7)",
      select: REF,
      extensions: protectedField("COMPLAINT", "confirmedByName"),
      resolve: (p, _a, ctx) => reveal(ctx, complaintRef(p.complaint), "confirmedByName", p.confirmedByName),
    }),
    confirmedAt: t.expose("confirmedAt", { type: "DateTime", description: "WF-4: when the complainant confirmed" }),
    method: t.expose("method", { type: ConfirmationMethodEnum, description: "WF-4: how (signature, phone …)" }),
    satisfied: t.exposeBoolean("satisfied", {
      nullable: true,
      description: "WF-4: whether the complainant said they were satisfied (null: not asked)",
    }),
    hasSignature: t.boolean({ description: "WF-4: a signature is attached", resolve: (p) => p.signatureAttachmentId !== null }),
    hasRecording: t.boolean({ description: "WF-4: a phone recording (INT-6) is the evidence", resolve: (p) => p.recordingId !== null }),
    recordedBy: t.relation("recordedBy", { nullable: true, description: "Who recorded the confirmation" }),
    note: t.string({
      nullable: true,
      description: "A note on the confirmation (case content, SEC-2)",
      select: REF,
      extensions: handlingText,
      resolve: (p, _a, ctx) => caseText(ctx, p, p.note),
    }),
  }),
});

builder.prismaObjectFields("ComplaintEvent", (t) => ({
  actor: t.relation("actor", { nullable: true, description: "Null for the system (breach, deemed acceptance)" }),
  note: t.string({
    nullable: true,
    description: "What a person wrote on the event (case content: masked unless you know the case, SEC-2)",
    select: REF,
    extensions: handlingText,
    resolve: (e, _a, ctx) => caseText(ctx, e, e.note),
  }),
  summary: t.string({
    nullable: true,
    description:
      "What the system says about the event, from its kind and details, in the request's language; times are local to the estate. Names and texts in it are case content, masked as `note` is (SEC-2); another complaint is named only if you may read it (SEC-2)",
    select: { data: true, complaint: { select: { ...REF.complaint.select, estate: { select: { timezone: true } } } } },
    resolve: async (e, _a, ctx) => {
      const revealed: Revealed = {};
      for (const [name, value] of Object.entries(caseContentOf(e))) revealed[name as CaseContentParam] = await caseText(ctx, e, value);
      // SEC-2: another complaint's number (REC-3's earlier repair, INT-4's first report) only if this reader may read that complaint.
      revealed.earlierComplaintNo = await shownEventComplaintNo(ctx, e.kind, e.data);
      return timelineSummary(e, ctx.language, e.complaint.estate.timezone, revealed);
    },
  }),
}));

builder.prismaObjectFields("Complaint", (t) => ({
  assignee: t.relation("assignee", { nullable: true, description: "WF-1, SLA-8: the responsible person" }),
  departments: t.relation("departments", {
    description: "WF-1: lead and assisting departments (released ones keep their row)",
    query: { orderBy: { assignedAt: "asc" } },
  }),
  plans: t.relation("plans", { description: "WF-2: every plan, newest first", query: { orderBy: { createdAt: "desc" } } }),
  promises: t.relation("promises", { description: "WF-3: every promise in order", query: { orderBy: { sequence: "asc" } } }),
  confirmations: t.relation("confirmations", {
    description: "WF-4: the complainant's confirmations, oldest first",
    query: { orderBy: { confirmedAt: "asc" } },
  }),
  developerHandoffs: t.relation("developerHandoffs", {
    description: "WF-5: forwardings to the developer, oldest first",
    query: { orderBy: { forwardedAt: "asc" } },
  }),
  availableActions: t.stringList({
    description: "§5: the workflow actions the complaint's status allows now",
    select: { status: true, inWarranty: true, valid: true },
    resolve: (c) => availableActions(c.status, { inWarranty: c.inWarranty, valid: c.valid }) as WorkflowAction[],
  }),
  firstRepliedAt: t.expose("firstRepliedAt", { type: "DateTime", nullable: true, description: "SLA-9" }),
  classifiedAt: t.expose("classifiedAt", { type: "DateTime", nullable: true, description: "CLS-1..3: when the complaint was classified" }),
  assignedAt: t.expose("assignedAt", { type: "DateTime", nullable: true, description: "WF-1: when the complaint was assigned" }),
  forwardedToServiceCentreAt: t.expose("forwardedToServiceCentreAt", { type: "DateTime", nullable: true, description: "INT-3, SLA-1" }),
  forwardedToDeveloperAt: t.expose("forwardedToDeveloperAt", {
    type: "DateTime",
    nullable: true,
    description: "WF-5: when it was forwarded to the developer",
  }),
  developerDeadlineAt: t.expose("developerDeadlineAt", {
    type: "DateTime",
    nullable: true,
    description: "SLA-7: the developer answers by then or has accepted",
  }),
  deemedAcceptedAt: t.expose("deemedAcceptedAt", { type: "DateTime", nullable: true, description: "WF-5" }),
  verifiedAt: t.expose("verifiedAt", { type: "DateTime", nullable: true, description: "CB-*: when a callback verified the result" }),
  invalidReason: t.string({
    nullable: true,
    description: "CLS-1: the explanation given for an invalid complaint",
    extensions: protectedField("COMPLAINT", "invalidReason"),
    select: { ...COMPLAINT_REF, invalidReason: true },
    resolve: (c, _a, ctx) => reveal(ctx, complaintRef(c), "invalidReason", c.invalidReason),
  }),
}));
