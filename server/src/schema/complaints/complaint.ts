import { builder } from "../../builder.ts";
import { ComplaintChannelEnum, ComplaintEventKindEnum, ComplaintKindEnum, ComplaintSeverityEnum, ComplaintStatusEnum } from "../enums.ts";
import { complaintScope, scopedNode } from "../../access/read-scope.ts";
import { scopedComplaint, scopedCustomer } from "../scoped-rows.ts";
import { protectedField, reveal } from "../../access/disclosure.ts";
import { COMPLAINT_REF, complaintRef } from "../../services/complaints/case-ref.ts";
import { ClassificationEnum } from "../access/staff.ts";
import { history, RevisionRef } from "../access/revisions.ts";

/**
 * Select mode: a query loads only the columns its selected fields need (an exposed field its
 * column, a computed one what its `select` names), not every column of the table; a list page of
 * a few fields reads and maps a few columns per row.
 */
builder.prismaNode("Complaint", {
  description: "A complaint (SPEC §3-§6): what was said, by whom, where, and how it is handled; protected fields under SEC-2",
  ...scopedNode(complaintScope),
  id: { field: "id", description: "The complaint's global id (mutations take it as `id`)" },
  select: { id: true },
  authScopes: { permission: "complaints:read" },
  fields: (t) => ({
    content: t.string({
      description: "What the complainant said; masked unless the caller needs to know this case (SEC-2)",
      extensions: protectedField("COMPLAINT", "content"),
      select: { ...COMPLAINT_REF, content: true },
      resolve: (c, _a, ctx) => reveal(ctx, complaintRef(c), "content", c.content) as string | Promise<string>,
    }),
    complainantName: t.string({
      nullable: true,
      description: "INT-2: the complainant's name; masked unless the caller needs to know the contact (SEC-2)",
      extensions: protectedField("COMPLAINT", "complainantName"),
      select: { ...COMPLAINT_REF, complainantName: true },
      resolve: (c, _a, ctx) => reveal(ctx, complaintRef(c), "complainantName", c.complainantName),
    }),
    complainantContact: t.string({
      nullable: true,
      description: "INT-2: the complainant's phone; masked unless the caller needs to know the contact (SEC-2)",
      extensions: protectedField("COMPLAINT", "complainantContact"),
      select: { ...COMPLAINT_REF, complainantContact: true },
      resolve: (c, _a, ctx) => reveal(ctx, complaintRef(c), "complainantContact", c.complainantContact),
    }),
    complainant: t.prismaField({
      type: "Customer",
      nullable: true,
      description: "The complainant's archive entry (fields under the customer rules; null when outside your scope)",
      select: { complainantId: true },
      resolve: (query, c, _a, ctx) => scopedCustomer(ctx, query, c.complainantId),
    }),
    classification: t.expose("classification", { type: ClassificationEnum, description: "SEC-2: the complaint's secrecy level" }),
    classifiedUntil: t.expose("classifiedUntil", {
      type: "DateTime",
      nullable: true,
      description: "SEC-2: when the classification lapses; null: it does not",
    }),
    history: t.field({
      type: [RevisionRef],
      description: "SEC-6: every amendment, newest first",
      select: COMPLAINT_REF,
      resolve: (c, _a, ctx) => history(ctx, complaintRef(c)),
    }),
    no: t.exposeString("no", { description: "INT-2 sequence number, unique per organisation" }),
    receivedAt: t.expose("receivedAt", { type: "DateTime", description: "INT-2: when it was received" }),
    channel: t.expose("channel", { type: ComplaintChannelEnum, description: "INT-1: how it came in" }),
    status: t.expose("status", { type: ComplaintStatusEnum, description: "SPEC §5: where it stands in the workflow" }),
    kind: t.expose("kind", { type: ComplaintKindEnum, nullable: true, description: "CLS-2; null until classified" }),
    severity: t.expose("severity", { type: ComplaintSeverityEnum, description: "CLS-3" }),
    valid: t.exposeBoolean("valid", { nullable: true, description: "CLS-1; null until classified" }),
    anonymous: t.exposeBoolean("anonymous", { description: "INT-2: no complainant on record (CB-8: no callback)" }),
    escalated: t.exposeBoolean("escalated", { description: "WF-7" }),
    inWarranty: t.exposeBoolean("inWarranty", { description: "WF-5: an in-warranty or developer-legacy defect" }),
    callbackExempt: t.exposeBoolean("callbackExempt", { description: "CB-8: anonymous, or a written reply only" }),
    receivedBy: t.relation("receivedBy", { nullable: true, description: "INT-2: the receiver (signature = the staff account)" }),
    location: t.exposeString("location", { nullable: true, description: "Public-area location, e.g. 3栋电梯" }),
    promisedAt: t.expose("promisedAt", { type: "DateTime", nullable: true, description: "WF-2/WF-3: the promise in force" }),
    resolvedAt: t.expose("resolvedAt", { type: "DateTime", nullable: true, description: "SPEC §5: when the work was done" }),
    confirmedAt: t.expose("confirmedAt", { type: "DateTime", nullable: true, description: "WF-4: when the complainant confirmed" }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true, description: "When it was closed (CLS-1: invalid)" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an edit" }),
  }),
});

/** Where a complaint is and who handles it, its first report and its timeline. */
builder.prismaObjectFields("Complaint", (t) => ({
  estate: t.relation("estate", { description: "§2: the estate it is about" }),
  household: t.relation("household", { nullable: true, description: "INT-2: the household; null for a public area" }),
  category: t.relation("category", { nullable: true, description: "CLS-4: the second-level category; null until classified" }),
  leadDepartment: t.relation("leadDepartment", {
    nullable: true,
    description: "WF-1: the responsible (lead) department; null until assigned",
  }),
  // A relation must not lead out of the caller's scope (another estate; for the developer
  // liaison, a complaint not forwarded), so the first report is looked up under the scope.
  duplicateOf: t.prismaField({
    type: "Complaint",
    nullable: true,
    description: "INT-4: the first report of the same problem (null when outside your scope)",
    select: { duplicateOfId: true },
    resolve: (query, c, _a, ctx) => scopedComplaint(ctx, query, c.duplicateOfId),
  }),
  timeline: t.relatedConnection("events", {
    cursor: "id",
    description: "The append-only event log (SPEC §5)",
    totalCount: true,
    query: { orderBy: [{ at: "asc" }, { id: "asc" }] },
  }),
}));

builder.prismaNode("ComplaintEvent", {
  description: "SPEC §5: one entry of a complaint's append-only timeline",
  ...scopedNode((ctx) => ({ complaint: complaintScope(ctx) })),
  id: { field: "id", description: "The event's global id" },
  authScopes: { permission: "complaints:read" },
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime", description: "When it happened" }),
    kind: t.expose("kind", { type: ComplaintEventKindEnum, description: "What happened" }),
    fromStatus: t.expose("fromStatus", {
      type: ComplaintStatusEnum,
      nullable: true,
      description: "SPEC §5: the state before a transition",
    }),
    toStatus: t.expose("toStatus", { type: ComplaintStatusEnum, nullable: true, description: "SPEC §5: the state after a transition" }),
  }),
});
