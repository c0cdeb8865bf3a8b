import { createHash } from "node:crypto";
import type { ComplaintKind, ComplaintSeverity, ComplaintStatus, Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { designatedIds } from "../../access/grants.ts";
import { atLeast } from "../../domain/access/need-to-know.ts";
import { ComplaintKindEnum, ComplaintSeverityEnum, ComplaintStatusEnum } from "../enums.ts";
import { complaintScope } from "../tenant.ts";
import { overdueStages } from "./sla.ts";

const ComplaintFilter = builder.inputType("ComplaintFilter", {
  fields: (t) => ({
    estateId: t.globalID({ required: false }),
    status: t.field({ type: [ComplaintStatusEnum], required: false }),
    kind: t.field({ type: [ComplaintKindEnum], required: false, description: "CLS-2" }),
    severity: t.field({ type: [ComplaintSeverityEnum], required: false, description: "CLS-3" }),
    categoryId: t.globalID({ required: false, description: "CLS-4: a second-level category, or a first-level one with all below it" }),
    departmentId: t.globalID({ required: false, description: "WF-1: led or assisted by this department" }),
    assigneeId: t.globalID({ required: false, description: "WF-1: the responsible person" }),
    overdue: t.boolean({ required: false, description: "§6: a deadline passed and its stage not finished" }),
    escalated: t.boolean({ required: false, description: "WF-7" }),
    receivedFrom: t.field({ type: "DateTime", required: false, description: "The period: received at or after" }),
    receivedBefore: t.field({ type: "DateTime", required: false, description: "The period: received before" }),
    text: t.string({ required: false, description: "Number or location; the content too for cases you may read (the search is logged, SEC-3)" }),
    includeDuplicates: t.boolean({ required: false, description: "INT-4: later reports of the same problem (default true)" }),
  }),
});

type Filter = typeof ComplaintFilter.$inferInput;

builder.queryField("complaints", (t) =>
  t.prismaConnection({
    type: "Complaint",
    cursor: "id",
    description: "The complaint ledger in your scope, newest first",
    authScopes: { permission: "complaints:read" },
    args: { filter: t.arg({ type: ComplaintFilter, required: false }) },
    totalCount: (_parent, args, ctx) => ctx.prisma.complaint.count({ where: complaintWhere(args.filter, ctx) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.complaint.findMany({ ...query, where: complaintWhere(args.filter, ctx), orderBy: [{ receivedAt: "desc" }, { id: "desc" }] }),
  }),
);

function complaintWhere(f: Filter | null | undefined, ctx: Context): Prisma.ComplaintWhereInput {
  const and: Prisma.ComplaintWhereInput[] = [complaintScope(ctx)];
  if (f?.estateId) and.push({ estateId: f.estateId.id });
  if (f?.status?.length) and.push({ status: { in: f.status as ComplaintStatus[] } });
  if (f?.kind?.length) and.push({ kind: { in: f.kind as ComplaintKind[] } });
  if (f?.severity?.length) and.push({ severity: { in: f.severity as ComplaintSeverity[] } });
  if (f?.categoryId) and.push({ OR: [{ categoryId: f.categoryId.id }, { category: { parentId: f.categoryId.id } }] });
  if (f?.departmentId) and.push({ OR: [{ leadDepartmentId: f.departmentId.id }, { departments: { some: { departmentId: f.departmentId.id, releasedAt: null } } }] });
  if (f?.assigneeId) and.push({ assigneeId: f.assigneeId.id });
  if (f?.overdue != null) and.push(f.overdue ? { slaStages: { some: overdueStages(ctx.now) } } : { slaStages: { none: overdueStages(ctx.now) } });
  if (f?.escalated != null) and.push({ escalated: f.escalated });
  if (f?.receivedFrom) and.push({ receivedAt: { gte: f.receivedFrom } });
  if (f?.receivedBefore) and.push({ receivedAt: { lt: f.receivedBefore } });
  if (f?.includeDuplicates === false) and.push({ duplicateOfId: null });
  const text = f?.text?.trim();
  if (text) and.push({ OR: [{ no: { contains: text } }, { location: { contains: text } }, ...contentSearch(ctx, text)] });
  return { AND: and };
}

/**
 * SEC-2, SEC-7: the content is searched only in cases the caller may read (clearance and
 * designations), otherwise a count would disclose what a masked complaint says; the search is a
 * read of every case it matches, logged with the term's hash only.
 */
function contentSearch(ctx: Context, text: string): Prisma.ComplaintWhereInput[] {
  const viewer = ctx.viewer!;
  const levels = (["INTERNAL", "SECRET", "CONFIDENTIAL", "TOP_SECRET"] as const).filter((l) => viewer.role === "EXECUTIVE" || (l !== "TOP_SECRET" && atLeast(viewer.clearance, l)));
  ctx.access.record({
    action: "READ", recordType: "COMPLAINT", recordId: null, fields: ["content"],
    query: { searchSha256: createHash("sha256").update(text).digest("hex") },
  }, `complaint-search:${text}`);
  return [{ content: { contains: text }, OR: [{ classification: { in: [...levels] } }, { id: { in: designatedIds(viewer, "COMPLAINT") } }] }];
}
