import type { Prisma, StaffRole } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { OPEN_STATES } from "../../domain/complaints/workflow.ts";
import { SUPERVISOR_ROLES } from "../../domain/recurrence/corrective-action-workflow.ts";
import { normaliseTags, personalDataIn } from "../../domain/recurrence/case-text.ts";
import { localDate } from "../../domain/sla/time-zone.ts";
import { ClassificationEnum } from "../access/staff.ts";
import { ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { requireCaseAccess } from "../complaints/editing.ts";
import { complaintScope, scopedNode } from "../../access/read-scope.ts";
import { scopedComplaint } from "../scoped-rows.ts";
import { caseLibraryScope } from "./scope.ts";

/**
 * REC-4 (002 9.6.1, 9.6.3, 11.2.10.2; 000 §7 4.9): typical cases compiled from closed complaints
 * for the monthly analysis, the annual summary and the management review, and for new projects'
 * planning and design. An entry is written by staff in their own words: the title, summary,
 * lessons and tags are company knowledge (INTERNAL) and are screened for personal data
 * (domain/recurrence/case-text.ts); the case itself is reached only through the scoped Complaint
 * node, under the complaint rules (SEC-2).
 */
builder.prismaNode("CaseLibraryEntry", {
  ...scopedNode(caseLibraryScope),
  authScopes: { permission: "complaints:read" },
  description: "REC-4: a typical case (典型案例) compiled from a closed complaint",
  fields: (t) => ({
    title: t.exposeString("title"),
    summary: t.exposeString("summary", { description: "What happened and how it was handled, without personal data" }),
    lessons: t.exposeString("lessons", { nullable: true, description: "经验教训: what the company learnt" }),
    tags: t.exposeStringList("tags"),
    month: t.expose("month", { type: "Date", nullable: true, description: "The month whose analysis first featured the case" }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    estate: t.relation("estate", { nullable: true }),
    category: t.relation("category", { nullable: true }),
    createdBy: t.relation("createdBy", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    classification: t.expose("classification", { type: ClassificationEnum }),
    version: t.exposeInt("version"),
    complaint: t.prismaField({
      type: "Complaint",
      nullable: true,
      description: "The case (null when it is outside your scope; its fields under the complaint rules)",
      resolve: (query, e, _a, ctx) => scopedComplaint(ctx, query, e.complaintId),
    }),
  }),
});

builder.prismaObjectField("Complaint", "caseLibraryEntries", (t) =>
  t.relation("caseLibraryEntries", {
    description: "REC-4: typical cases compiled from this complaint",
    query: (_a, ctx) => ({ where: caseLibraryScope(ctx), orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  }));

/** 002 9.6.1, 7.4.2, 7.6.4: the customer service department and the managers compile typical cases. */
const COMPILERS: readonly StaffRole[] = ["SERVICE_REP", ...SUPERVISOR_ROLES];

const AddCaseLibraryEntryInput = builder.inputType("AddCaseLibraryEntryInput", {
  fields: (t) => ({
    complaintId: t.globalID({ required: true, description: "A closed complaint (confirmed, verified, or invalid) you may read" }),
    title: t.string({ required: true }),
    summary: t.string({ required: true, description: "In your own words; no names, phone numbers, ID numbers, plates or room addresses" }),
    lessons: t.string({ required: true }),
    tags: t.stringList({ required: false }),
  }),
});

builder.mutationField("addCaseLibraryEntry", (t) =>
  t.prismaField({
    type: "CaseLibraryEntry",
    description: "REC-4: compiles a closed complaint into the case library (customer service and supervisors)",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: AddCaseLibraryEntryInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      if (!COMPILERS.includes(ctx.viewer!.role)) throw new ForbiddenError("Typical cases are compiled by customer service and the managers (REC-4, 002 9.6.1)");
      const c = await ctx.prisma.complaint.findFirst({
        where: { id: input.complaintId.id, AND: [complaintScope(ctx)] },
        select: {
          id: true, status: true, classification: true, estateId: true, receivedById: true, categoryId: true, complainantName: true, complainantContact: true,
          complainant: { select: { name: true, phone: true } }, household: { select: { code: true } }, estate: { select: { timezone: true } },
        },
      });
      if (!c) throw new NotFoundError("Complaint");
      // SEC-2: whoever summarises a case must know it.
      await requireCaseAccess(ctx, c);
      if (OPEN_STATES.includes(c.status)) throw new InputError("input.complaintId", `Cases are compiled from closed complaints; this one is ${c.status}`);
      const texts = {
        title: requiredText(input.title, "input.title", 200),
        summary: requiredText(input.summary, "input.summary", 4000),
        lessons: requiredText(input.lessons, "input.lessons", 4000),
      };
      const tags = normaliseTags(input.tags ?? []);
      if (!tags.ok) throw new InputError("input.tags", tags.reason);
      const known = { names: [c.complainantName, c.complainant?.name], contacts: [c.complainantContact, c.complainant?.phone], householdCodes: [c.household?.code] };
      for (const [field, text] of [...Object.entries(texts), ...tags.tags.map((tag, i) => [`tags.${i}`, tag] as const)]) {
        const found = personalDataIn(text, known);
        if (found) throw new InputError(`input.${field}`, `The case library holds no personal data (SEC-1): remove ${found}`);
      }
      const month = new Date(`${localDate(c.estate.timezone, ctx.now.getTime()).slice(0, 7)}-01T00:00:00Z`);
      const created = await ctx.prisma.caseLibraryEntry.create({
        data: {
          organizationId: ctx.organizationId!, complaintId: c.id, estateId: c.estateId, categoryId: c.categoryId, ...texts, tags: tags.tags,
          month, publishedAt: ctx.now, createdById: ctx.viewer!.staffId, classification: "INTERNAL", createdAt: ctx.now,
        },
        select: { id: true },
      });
      return ctx.prisma.caseLibraryEntry.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);

const CaseLibraryFilter = builder.inputType("CaseLibraryFilter", {
  fields: (t) => ({
    estateId: t.globalID({ required: false }),
    categoryId: t.globalID({ required: false, description: "A category, or a first-level one with all below it" }),
    tag: t.string({ required: false }),
    text: t.string({ required: false, description: "In the title, summary or lessons" }),
    monthFrom: t.field({ type: "Date", required: false, description: "Featured in this month or later (first day of the month)" }),
    monthTo: t.field({ type: "Date", required: false, description: "Featured before this month" }),
  }),
});

function entryWhere(ctx: Context, f: typeof CaseLibraryFilter.$inferInput | null | undefined): Prisma.CaseLibraryEntryWhereInput {
  const and: Prisma.CaseLibraryEntryWhereInput[] = [caseLibraryScope(ctx)];
  if (f?.estateId) and.push({ estateId: f.estateId.id });
  if (f?.categoryId) and.push({ OR: [{ categoryId: f.categoryId.id }, { category: { parentId: f.categoryId.id } }] });
  if (f?.tag?.trim()) and.push({ tags: { has: f.tag.trim() } });
  const text = f?.text?.trim();
  if (text) and.push({ OR: [{ title: { contains: text } }, { summary: { contains: text } }, { lessons: { contains: text } }] });
  if (f?.monthFrom) and.push({ month: { gte: f.monthFrom } });
  if (f?.monthTo) and.push({ month: { lt: f.monthTo } });
  return { AND: and };
}

builder.queryField("caseLibrary", (t) =>
  t.prismaConnection({
    type: "CaseLibraryEntry",
    cursor: "id",
    description: "REC-4: the typical cases of your estates and the company-wide ones, newest first",
    authScopes: { permission: "complaints:read" },
    args: { filter: t.arg({ type: CaseLibraryFilter, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.caseLibraryEntry.count({ where: entryWhere(ctx, args.filter) }),
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.caseLibraryEntry.findMany({ ...query, where: entryWhere(ctx, args.filter), orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
  }),
);
