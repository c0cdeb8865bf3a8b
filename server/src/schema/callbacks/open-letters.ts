import type { Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { nonEmpty } from "../prisma-query.ts";
import type { Context } from "../../access/context.ts";
import { appendEvents } from "../../services/complaints/timeline.ts";
import { InputError, requiredText } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { complaintScope, estateFilter, inOrganization, scopedNode } from "../../access/read-scope.ts";

/**
 * CB-9 (001 §2; 000 §6 4.3.7): one open letter answers the same problem for many households. It is
 * archived, and linked to every complaint it answers (each complaint's timeline says so). Open
 * letters are public notices: their text is not personal data.
 */
export function openLetterScope(ctx: Context): Prisma.OpenLetterWhereInput {
  const estates = estateFilter(ctx);
  return { ...inOrganization(ctx), ...(estates ? { OR: [{ estateId: estates }, { estateId: null }] } : {}) };
}

builder.prismaNode("OpenLetter", {
  ...scopedNode(openLetterScope),
  authScopes: { permission: "complaints:read" },
  description: "CB-9, SUR-5: a public answer to a problem shared by many households",
  fields: (t) => ({
    title: t.exposeString("title"),
    body: t.exposeString("body"),
    method: t.exposeString("method", { nullable: true, description: "SUR-5: how the problem is solved" }),
    measures: t.exposeString("measures", { nullable: true }),
    earliestCompletionAt: t.expose("earliestCompletionAt", { type: "DateTime", nullable: true }),
    estate: t.relation("estate", { nullable: true }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    publishedBy: t.relation("publishedBy", { nullable: true }),
    complaints: t.prismaField({
      type: ["Complaint"],
      description: "The complaints it answers (those in your scope)",
      resolve: (query, l, _a, ctx) => ctx.prisma.complaint.findMany({ ...query, where: { ...complaintScope(ctx), openLetters: { some: { openLetterId: l.id } } }, orderBy: { receivedAt: "asc" } }),
    }),
    complaintCount: t.relationCount("complaints"),
  }),
});

builder.prismaObjectField("Complaint", "openLetters", (t) =>
  t.prismaField({
    type: ["OpenLetter"],
    description: "CB-9: open letters answering this complaint",
    select: { id: true },
    resolve: (query, c, _a, ctx) => ctx.prisma.openLetter.findMany({ ...query, where: { ...openLetterScope(ctx), complaints: { some: { complaintId: c.id } } }, orderBy: { publishedAt: "asc" } }),
  }));

const PublishOpenLetterInput = builder.inputType("PublishOpenLetterInput", {
  fields: (t) => ({
    estateId: t.globalID({ required: false, description: "Omit for a company-wide letter" }),
    title: t.string({ required: true }),
    body: t.string({ required: true }),
    method: t.string({ required: false }),
    measures: t.string({ required: false }),
    earliestCompletionAt: t.field({ type: "DateTime", required: false }),
    complaintIds: t.globalIDList({ required: true, description: "The complaints it answers" }),
  }),
});

builder.mutationField("publishOpenLetter", (t) =>
  t.prismaField({
    type: "OpenLetter",
    description: "CB-9: publishes an open letter and links it to every complaint it answers",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: PublishOpenLetterInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const title = requiredText(input.title, "input.title", 200);
      const body = requiredText(input.body, "input.body", 20_000);
      const estateId = input.estateId?.id ?? null;
      const scope = estateFilter(ctx);
      if ((estateId && scope && !scope.in.includes(estateId)) || (!estateId && scope)) throw new InputError("input.estateId", "Give an estate of your scope (company-wide letters are for company-level staff)");
      const ids = [...new Set(input.complaintIds.map((c) => c.id))];
      if (ids.length === 0) throw new InputError("input.complaintIds", "An open letter answers at least one complaint");
      const found = await ctx.prisma.complaint.findMany({ where: { id: { in: ids }, ...complaintScope(ctx), ...(estateId ? { estateId } : {}) }, select: { id: true } });
      if (found.length !== ids.length) throw new InputError("input.complaintIds", `${ids.length - found.length} of the complaints are not in your scope${estateId ? " or not of this estate" : ""}`);
      if (input.earliestCompletionAt && input.earliestCompletionAt < ctx.now) throw new InputError("input.earliestCompletionAt", "The earliest completion is in the future");
      const letter = await ctx.prisma.openLetter.create({
        data: {
          organizationId: ctx.organizationId!, estateId, title, body, method: input.method?.trim() || null, measures: input.measures?.trim() || null,
          earliestCompletionAt: input.earliestCompletionAt ?? null, publishedAt: ctx.now, publishedById: ctx.viewer!.staffId, archivedAt: ctx.now, classification: "INTERNAL",
        },
        select: { id: true },
      });
      await ctx.prisma.openLetterComplaint.createMany({ data: ids.map((complaintId) => ({ organizationId: ctx.organizationId!, openLetterId: letter.id, complaintId })) });
      for (const id of ids) await appendEvents(ctx, id, [{ kind: "REPLIED", note: `公开信：${title}`, data: { openLetterId: letter.id, rule: "CB-9" } }]);
      return ctx.prisma.openLetter.findUniqueOrThrow({ ...nonEmpty(query), where: { id: letter.id } });
    },
  }),
);
