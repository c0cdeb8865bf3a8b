import { DepartmentRole, type Classification } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { protectedField, reveal } from "../../access/disclosure.ts";
import { availableActions, type WorkflowAction } from "../../domain/complaints/workflow.ts";
import { COMPLAINT_REF, complaintRef } from "./complaint.ts";
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

const DepartmentRoleEnum = builder.enumType(DepartmentRole, { name: "DepartmentRole", description: "WF-1" });

builder.prismaObject("ComplaintDepartment", {
  description: "WF-1: a department handling the complaint, leading or assisting",
  fields: (t) => ({
    department: t.relation("department"),
    role: t.expose("role", { type: DepartmentRoleEnum }),
    assignedAt: t.expose("assignedAt", { type: "DateTime" }),
    releasedAt: t.expose("releasedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.prismaObject("ComplaintPlan", {
  description: "WF-2: cause analysis, responsibility, plan and promised time; confirmed by the service centre",
  fields: (t) => ({
    id: t.exposeID("id"),
    causeAnalysis: t.string({ nullable: true, select: REF, extensions: handlingText, resolve: (p, _a, ctx) => caseText(ctx, p, p.causeAnalysis) }),
    plan: t.string({ nullable: true, select: REF, extensions: handlingText, resolve: (p, _a, ctx) => caseText(ctx, p, p.plan) }),
    responsibility: t.expose("responsibility", { type: ResponsibilityEnum, nullable: true }),
    promisedAt: t.expose("promisedAt", { type: "DateTime", nullable: true }),
    status: t.exposeString("status", { description: "DRAFT until the service centre confirms it; SUPERSEDED by a newer plan" }),
    department: t.relation("department", { nullable: true }),
    createdBy: t.relation("createdBy", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    confirmedBy: t.relation("confirmedBy", { nullable: true }),
    confirmedAt: t.expose("confirmedAt", { type: "DateTime", nullable: true }),
    communicatedAt: t.expose("communicatedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.prismaObject("ComplaintPromise", {
  description: "WF-3: every promised completion time, in order; a change carries its written reason",
  fields: (t) => ({
    sequence: t.exposeInt("sequence"),
    promisedAt: t.expose("promisedAt", { type: "DateTime" }),
    changeReason: t.string({ nullable: true, select: REF, extensions: handlingText, resolve: (p, _a, ctx) => caseText(ctx, p, p.changeReason) }),
    recordedBy: t.relation("recordedBy", { nullable: true }),
    recordedAt: t.expose("recordedAt", { type: "DateTime" }),
    reconfirmedAt: t.expose("reconfirmedAt", { type: "DateTime", nullable: true, description: "WF-3: re-confirmed with the complainant" }),
    keptAt: t.expose("keptAt", { type: "DateTime", nullable: true }),
    missed: t.exposeBoolean("missed"),
  }),
});

builder.prismaObject("ComplaintConfirmation", {
  description: "WF-4: the complainant's confirmation of the resolution: who, when, how",
  fields: (t) => ({
    confirmedByName: t.string({
      nullable: true, select: REF, extensions: protectedField("COMPLAINT", "confirmedByName"),
      resolve: (p, _a, ctx) => reveal(ctx, complaintRef(p.complaint), "confirmedByName", p.confirmedByName),
    }),
    confirmedAt: t.expose("confirmedAt", { type: "DateTime" }),
    method: t.expose("method", { type: ConfirmationMethodEnum }),
    satisfied: t.exposeBoolean("satisfied", { nullable: true }),
    hasSignature: t.boolean({ resolve: (p) => p.signatureAttachmentId !== null }),
    hasRecording: t.boolean({ resolve: (p) => p.recordingId !== null }),
    recordedBy: t.relation("recordedBy", { nullable: true }),
    note: t.string({ nullable: true, select: REF, extensions: handlingText, resolve: (p, _a, ctx) => caseText(ctx, p, p.note) }),
  }),
});

builder.prismaObjectFields("ComplaintEvent", (t) => ({
  actor: t.relation("actor", { nullable: true, description: "Null for the system (breach, deemed acceptance)" }),
  note: t.string({ nullable: true, select: REF, extensions: handlingText, resolve: (e, _a, ctx) => caseText(ctx, e, e.note) }),
}));

builder.prismaObjectFields("Complaint", (t) => ({
  assignee: t.relation("assignee", { nullable: true, description: "WF-1, SLA-8: the responsible person" }),
  departments: t.relation("departments", { description: "WF-1: lead and assisting departments (released ones keep their row)", query: { orderBy: { assignedAt: "asc" } } }),
  plans: t.relation("plans", { description: "WF-2: every plan, newest first", query: { orderBy: { createdAt: "desc" } } }),
  promises: t.relation("promises", { description: "WF-3: every promise in order", query: { orderBy: { sequence: "asc" } } }),
  confirmations: t.relation("confirmations", { query: { orderBy: { confirmedAt: "asc" } } }),
  developerHandoffs: t.relation("developerHandoffs", { query: { orderBy: { forwardedAt: "asc" } } }),
  availableActions: t.stringList({
    description: "§5: the workflow actions the complaint's status allows now",
    select: { status: true, inWarranty: true, valid: true },
    resolve: (c) => availableActions(c.status, { inWarranty: c.inWarranty, valid: c.valid }) as WorkflowAction[],
  }),
  firstRepliedAt: t.expose("firstRepliedAt", { type: "DateTime", nullable: true, description: "SLA-9" }),
  classifiedAt: t.expose("classifiedAt", { type: "DateTime", nullable: true }),
  assignedAt: t.expose("assignedAt", { type: "DateTime", nullable: true }),
  forwardedToServiceCentreAt: t.expose("forwardedToServiceCentreAt", { type: "DateTime", nullable: true, description: "INT-3, SLA-1" }),
  forwardedToDeveloperAt: t.expose("forwardedToDeveloperAt", { type: "DateTime", nullable: true }),
  developerDeadlineAt: t.expose("developerDeadlineAt", { type: "DateTime", nullable: true, description: "SLA-7: the developer answers by then or has accepted" }),
  deemedAcceptedAt: t.expose("deemedAcceptedAt", { type: "DateTime", nullable: true, description: "WF-5" }),
  verifiedAt: t.expose("verifiedAt", { type: "DateTime", nullable: true }),
  invalidReason: t.string({
    nullable: true, description: "CLS-1: the explanation given for an invalid complaint", extensions: protectedField("COMPLAINT", "invalidReason"),
    select: { ...COMPLAINT_REF, invalidReason: true },
    resolve: (c, _a, ctx) => reveal(ctx, complaintRef(c), "invalidReason", c.invalidReason),
  }),
}));
