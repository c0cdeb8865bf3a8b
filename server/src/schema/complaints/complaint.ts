import { builder } from "../../builder.ts";
import {
  ComplaintChannelEnum, ComplaintEventKindEnum, ComplaintKindEnum, ComplaintSeverityEnum, ComplaintStatusEnum,
} from "../enums.ts";
import { complaintScope, scopedNode } from "../../access/read-scope.ts";
import { scopedComplaint, scopedCustomer } from "../scoped-rows.ts";
import { protectedField, reveal, type RecordRef } from "../../access/disclosure.ts";
import { ClassificationEnum } from "../access/staff.ts";
import { history, RevisionRef } from "../access/revisions.ts";

type ComplaintForDecision = { id: string; classification: RecordRef["classification"]; estateId: string; receivedById: string | null };

/** The columns a field rule decides on (SEC-2): a protected field selects them beside its own column. */
export const COMPLAINT_REF = { id: true, classification: true, estateId: true, receivedById: true } as const;

/** SEC-2: a complaint is known to cleared staff of its estate and to whoever received it. */
export function complaintRef(c: ComplaintForDecision): RecordRef {
  return { recordType: "COMPLAINT", id: c.id, classification: c.classification, estateIds: [c.estateId], assignedStaffIds: c.receivedById ? [c.receivedById] : [] };
}

/**
 * Select mode: a query loads only the columns its selected fields need (an exposed field its
 * column, a computed one what its `select` names), not every column of the table; a list page of
 * a few fields reads and maps a few columns per row.
 */
builder.prismaNode("Complaint", {
  ...scopedNode(complaintScope),
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
      nullable: true, extensions: protectedField("COMPLAINT", "complainantName"), select: { ...COMPLAINT_REF, complainantName: true },
      resolve: (c, _a, ctx) => reveal(ctx, complaintRef(c), "complainantName", c.complainantName),
    }),
    complainantContact: t.string({
      nullable: true, extensions: protectedField("COMPLAINT", "complainantContact"), select: { ...COMPLAINT_REF, complainantContact: true },
      resolve: (c, _a, ctx) => reveal(ctx, complaintRef(c), "complainantContact", c.complainantContact),
    }),
    complainant: t.prismaField({
      type: "Customer",
      nullable: true,
      description: "The complainant's archive entry (fields under the customer rules; null when outside your scope)",
      select: { complainantId: true },
      resolve: (query, c, _a, ctx) =>
        scopedCustomer(ctx, query, c.complainantId),
    }),
    classification: t.expose("classification", { type: ClassificationEnum }),
    classifiedUntil: t.expose("classifiedUntil", { type: "DateTime", nullable: true }),
    history: t.field({ type: [RevisionRef], description: "SEC-6: every amendment, newest first", select: COMPLAINT_REF, resolve: (c, _a, ctx) => history(ctx, complaintRef(c)) }),
    no: t.exposeString("no", { description: "INT-2 sequence number, unique per organisation" }),
    receivedAt: t.expose("receivedAt", { type: "DateTime" }),
    channel: t.expose("channel", { type: ComplaintChannelEnum }),
    status: t.expose("status", { type: ComplaintStatusEnum }),
    kind: t.expose("kind", { type: ComplaintKindEnum, nullable: true }),
    severity: t.expose("severity", { type: ComplaintSeverityEnum }),
    valid: t.exposeBoolean("valid", { nullable: true, description: "CLS-1; null until classified" }),
    anonymous: t.exposeBoolean("anonymous"),
    escalated: t.exposeBoolean("escalated", { description: "WF-7" }),
    inWarranty: t.exposeBoolean("inWarranty"),
    callbackExempt: t.exposeBoolean("callbackExempt", { description: "CB-8: anonymous, or a written reply only" }),
    receivedBy: t.relation("receivedBy", { nullable: true, description: "INT-2: the receiver (signature = the staff account)" }),
    location: t.exposeString("location", { nullable: true, description: "Public-area location, e.g. 3栋电梯" }),
    promisedAt: t.expose("promisedAt", { type: "DateTime", nullable: true, description: "WF-2/WF-3: the promise in force" }),
    resolvedAt: t.expose("resolvedAt", { type: "DateTime", nullable: true }),
    confirmedAt: t.expose("confirmedAt", { type: "DateTime", nullable: true }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an edit" }),
    estate: t.relation("estate"),
    household: t.relation("household", { nullable: true }),
    category: t.relation("category", { nullable: true }),
    leadDepartment: t.relation("leadDepartment", { nullable: true }),
    // A relation must not lead out of the caller's scope (another estate; for the developer
    // liaison, a complaint not forwarded), so the first report is looked up under the scope.
    duplicateOf: t.prismaField({
      type: "Complaint",
      nullable: true,
      description: "INT-4: the first report of the same problem (null when outside your scope)",
      select: { duplicateOfId: true },
      resolve: (query, c, _a, ctx) =>
        scopedComplaint(ctx, query, c.duplicateOfId),
    }),
    timeline: t.relatedConnection("events", {
      cursor: "id",
      description: "The append-only event log (SPEC §5)",
      totalCount: true,
      query: { orderBy: [{ at: "asc" }, { id: "asc" }] },
    }),
  }),
});

builder.prismaNode("ComplaintEvent", {
  ...scopedNode((ctx) => ({ complaint: complaintScope(ctx) })),
  authScopes: { permission: "complaints:read" },
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime" }),
    kind: t.expose("kind", { type: ComplaintEventKindEnum }),
    fromStatus: t.expose("fromStatus", { type: ComplaintStatusEnum, nullable: true }),
    toStatus: t.expose("toStatus", { type: ComplaintStatusEnum, nullable: true }),
  }),
});
