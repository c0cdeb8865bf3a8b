import { builder } from "../../builder.ts";
import { nonEmpty } from "../prisma-query.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { complaintScope, scopedNode } from "../../access/read-scope.ts";
import { openLetterScope } from "../../access/scopes/callbacks.ts";
import { publishOpenLetter } from "../../services/callbacks/open-letters.ts";

/**
 * CB-9 (001 §2; 000 §6 4.3.7): one open letter answers the same problem for many households. It is
 * archived, and linked to every complaint it answers (each complaint's timeline says so). Open
 * letters are public notices: their text is not personal data.
 */

builder.prismaNode("OpenLetter", {
  ...scopedNode(openLetterScope),
  id: { field: "id", description: "CB-9: the letter's global id" },
  authScopes: { permission: "complaints:read" },
  description: "CB-9, SUR-5: a public answer to a problem shared by many households",
  fields: (t) => ({
    title: t.exposeString("title", { description: "CB-9: the letter's title" }),
    body: t.exposeString("body", { description: "CB-9: the letter's text (a public notice)" }),
    method: t.exposeString("method", { nullable: true, description: "SUR-5: how the problem is solved" }),
    measures: t.exposeString("measures", { nullable: true, description: "SUR-5: the measures taken" }),
    earliestCompletionAt: t.expose("earliestCompletionAt", {
      type: "DateTime",
      nullable: true,
      description: "SUR-5: the earliest the problem will be solved",
    }),
    estate: t.relation("estate", { nullable: true, description: "The estate it is addressed to; null: company-wide" }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true, description: "CB-9: when it was published (and archived)" }),
    publishedBy: t.relation("publishedBy", { nullable: true, description: "Who published it" }),
    complaints: t.prismaField({
      type: ["Complaint"],
      description: "The complaints it answers (those in your scope)",
      resolve: (query, l, _a, ctx) =>
        ctx.prisma.complaint.findMany({
          ...query,
          where: { ...complaintScope(ctx), openLetters: { some: { openLetterId: l.id } } },
          orderBy: { receivedAt: "asc" },
        }),
    }),
    complaintCount: t.relationCount("complaints", { description: "CB-9: how many complaints it answers (in any scope)" }),
  }),
});

builder.prismaObjectField("Complaint", "openLetters", (t) =>
  t.prismaField({
    type: ["OpenLetter"],
    description: "CB-9: open letters answering this complaint",
    select: { id: true },
    resolve: (query, c, _a, ctx) =>
      ctx.prisma.openLetter.findMany({
        ...query,
        where: { ...openLetterScope(ctx), complaints: { some: { complaintId: c.id } } },
        orderBy: { publishedAt: "asc" },
      }),
  }),
);

const PublishOpenLetterInput = builder.inputType("PublishOpenLetterInput", {
  description: "CB-9: an open letter and the complaints it answers",
  fields: (t) => ({
    estateId: t.globalID({
      required: false,
      description: "The estate (of your scope); omit for a company-wide letter (company-level staff)",
    }),
    title: t.string({ required: true, description: "The title (at most 200 characters)" }),
    body: t.string({ required: true, description: "The text (at most 20000 characters)" }),
    method: t.string({ required: false, description: "SUR-5: how the problem is solved" }),
    measures: t.string({ required: false, description: "SUR-5: the measures taken" }),
    earliestCompletionAt: t.field({
      type: "DateTime",
      required: false,
      description: "SUR-5: the earliest the problem will be solved; in the future",
    }),
    complaintIds: t.globalIDList({
      required: true,
      description: "The complaints it answers (at least one, in your scope and of the estate)",
    }),
  }),
});

builder.mutationField("publishOpenLetter", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "OpenLetter",
    description: "CB-9: publishes an open letter and links it to every complaint it answers",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: PublishOpenLetterInput, required: true, description: "The letter" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await publishOpenLetter(ctx, {
        ...input,
        estateId: input.estateId?.id ?? null,
        complaintIds: input.complaintIds.map((c) => c.id),
      });
      return ctx.prisma.openLetter.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
