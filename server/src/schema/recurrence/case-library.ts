import type { Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { CaseLibraryEntryConnection } from "../connections.ts";
import type { Context } from "../../access/context.ts";
import { scopedNode } from "../../access/read-scope.ts";
import { addCaseLibraryEntry } from "../../services/recurrence/case-library.ts";
import { caseLibraryScope } from "../../access/scopes/recurrence.ts";
import { ClassificationEnum } from "../access/staff.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { scopedComplaint } from "../scoped-rows.ts";

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
  id: { field: "id", description: "REC-4: the case's global id" },
  authScopes: { permission: "complaints:read" },
  description: "REC-4: a typical case (典型案例) compiled from a closed complaint",
  fields: (t) => ({
    title: t.exposeString("title", { description: "REC-4: the case's title, in staff's words" }),
    summary: t.exposeString("summary", { description: "What happened and how it was handled, without personal data" }),
    lessons: t.exposeString("lessons", { nullable: true, description: "经验教训: what the company learnt" }),
    tags: t.exposeStringList("tags", { description: "REC-4: short labels for finding cases again" }),
    month: t.expose("month", { type: "Date", nullable: true, description: "The month whose analysis first featured the case" }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true, description: "When the case was published to the library" }),
    estate: t.relation("estate", { nullable: true, description: "SPEC §2: the case's estate (its scope)" }),
    category: t.relation("category", { nullable: true, description: "The complaint's category" }),
    createdBy: t.relation("createdBy", { nullable: true, description: "Who compiled the case" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the case was compiled" }),
    classification: t.expose("classification", {
      type: ClassificationEnum,
      description: "SEC-1: INTERNAL (company knowledge, no personal data)",
    }),
    version: t.exposeInt("version", { description: "Optimistic concurrency" }),
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
  }),
);

const AddCaseLibraryEntryInput = builder.inputType("AddCaseLibraryEntryInput", {
  description: "REC-4: a typical case; every bad field (personal data included, SEC-1) is named at once",
  fields: (t) => ({
    complaintId: t.globalID({ required: true, description: "A closed complaint (confirmed, verified, or invalid) you may read" }),
    title: t.string({ required: true, description: "The case's title (at most 200 characters, no personal data)" }),
    summary: t.string({ required: true, description: "In your own words; no names, phone numbers, ID numbers, plates or room addresses" }),
    lessons: t.string({ required: true, description: "经验教训: what the company learnt (at most 4000 characters)" }),
    tags: t.stringList({ required: false, description: "Short labels (at most 20, each at most 30 characters)" }),
  }),
});

builder.mutationField("addCaseLibraryEntry", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "CaseLibraryEntry",
    description: "REC-4: compiles a closed complaint into the case library (customer service and supervisors)",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: AddCaseLibraryEntryInput, required: true, description: "The case" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await addCaseLibraryEntry(ctx, { ...input, complaintId: input.complaintId.id });
      return ctx.prisma.caseLibraryEntry.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const CaseLibraryFilter = builder.inputType("CaseLibraryFilter", {
  description: "REC-4: which cases to list (all given conditions hold)",
  fields: (t) => ({
    estateId: t.globalID({ required: false, description: "Cases of this estate" }),
    categoryId: t.globalID({ required: false, description: "A category, or a first-level one with all below it" }),
    tag: t.string({ required: false, description: "Cases with this tag" }),
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
  t.prismaConnection(
    {
      type: "CaseLibraryEntry",
      cursor: "id",
      description: "REC-4: the typical cases of your estates and the company-wide ones, newest first",
      authScopes: { permission: "complaints:read" },
      args: {
        filter: t.arg({ type: CaseLibraryFilter, required: false, description: "Narrows the list; none = every case in your scope" }),
      },
      totalCount: (_p, args, ctx) => ctx.prisma.caseLibraryEntry.count({ where: entryWhere(ctx, args.filter) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.caseLibraryEntry.findMany({
          ...query,
          where: entryWhere(ctx, args.filter),
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        }),
    },
    CaseLibraryEntryConnection,
  ),
);
