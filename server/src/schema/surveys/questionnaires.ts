import type { Questionnaire } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { FREEZING_STATUSES } from "../../domain/surveys/campaign-workflow.ts";
import { checkDimensions, type DimensionRow } from "../../domain/surveys/questionnaire.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { conflictErrorType, ErrorInterface, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { estateFilter, inOrganization, organizationNode } from "../../access/read-scope.ts";

/**
 * SUR-6: questionnaires are versioned (code + revision) and hold dimensions rated 1-5 plus free
 * text. A new revision is made by copying one; a revision used by a running or closed campaign
 * is frozen (its answers must keep meaning what was asked), so editing it is a typed error.
 * Questionnaires are the organisation's: written by company-level staff.
 */
export const QuestionnaireDimensionRef = builder.prismaObject("QuestionnaireDimension", {
  description: "SUR-6: one dimension rated 1 (very dissatisfied) … 5 (very satisfied)",
  fields: (t) => ({
    id: t.exposeID("id"),
    code: t.exposeString("code"),
    name: t.exposeString("label"),
    description: t.exposeString("description", { nullable: true }),
    order: t.exposeInt("sortOrder"),
    allowNotApplicable: t.exposeBoolean("allowNotApplicable"),
    isOverall: t.exposeBoolean("isOverall", { description: "§11: the dimension that gives the overall satisfaction rate" }),
  }),
});

builder.prismaNode("Questionnaire", {
  ...organizationNode,
  authScopes: { authenticated: true },
  description: "SUR-6: one revision of a questionnaire",
  fields: (t) => ({
    code: t.exposeString("code"),
    revision: t.exposeInt("revision", { description: "SUR-6: 1, 2, … per code" }),
    title: t.exposeString("title"),
    description: t.exposeString("description", { nullable: true }),
    frozen: t.exposeBoolean("frozen", { description: "SUR-6: used by a running or closed campaign; copy it to change it" }),
    frozenAt: t.expose("frozenAt", { type: "DateTime", nullable: true }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an edit" }),
    dimensions: t.relation("dimensions", { query: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }] } }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("questionnaires", (t) =>
  t.prismaField({
    type: ["Questionnaire"],
    authScopes: { authenticated: true },
    description: "SUR-6: every questionnaire revision, by code and revision",
    args: { code: t.arg.string({ required: false }) },
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.questionnaire.findMany({ ...query, where: { ...inOrganization(ctx), ...(args.code ? { code: args.code } : {}) }, orderBy: [{ code: "asc" }, { revision: "asc" }] }),
  }),
);

// ---- errors ----

export class QuestionnaireConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(QuestionnaireConflictError, "QuestionnaireConflictError"), (t) => ({
  current: t.prismaField({ type: "Questionnaire", resolve: (query, e, _a, ctx) => ctx.prisma.questionnaire.findUniqueOrThrow({ ...query, where: { id: e.recordId } }) }),
}));

/** SUR-6: the revision is in use by a running or closed campaign. */
export class QuestionnaireFrozenError extends Error {
  readonly field = "input.id";
  constructor(readonly campaignCodes: string[]) {
    super(`SUR-6: this questionnaire revision is frozen${campaignCodes.length ? ` (used by ${campaignCodes.join(", ")})` : ""}; copy it into a new revision to change it`);
    this.name = "QuestionnaireFrozenError";
  }
}
builder.objectType(QuestionnaireFrozenError, {
  name: "QuestionnaireFrozenError",
  description: "SUR-6: a questionnaire used by a running or closed campaign cannot change; copy it into a new revision",
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof QuestionnaireFrozenError,
  fields: (t) => ({ field: t.exposeString("field"), campaignCodes: t.exposeStringList("campaignCodes") }),
});

const QUESTIONNAIRE_ERRORS = [...STANDARD_ERRORS, QuestionnaireConflictError, QuestionnaireFrozenError];

// ---- writing ----

const DimensionInput = builder.inputType("QuestionnaireDimensionInput", {
  fields: (t) => ({
    code: t.string({ required: true, description: "e.g. repair_speed" }),
    name: t.string({ required: true, description: "e.g. 维修及时性" }),
    description: t.string({ required: false }),
    order: t.int({ required: false, description: "Default: the position in the list" }),
    allowNotApplicable: t.boolean({ required: false, description: "Default true (false for the overall dimension)" }),
    isOverall: t.boolean({ required: false }),
  }),
});

/** Questionnaires serve every estate: only staff of all estates write them. */
function assertCompanyLevel(ctx: Context): void {
  if (estateFilter(ctx)) throw new ForbiddenError("Questionnaires serve every estate; they are kept by company-level staff");
}

function dimensionRows(list: readonly (typeof DimensionInput.$inferInput)[], path: string): DimensionRow[] {
  const { rows, problems } = checkDimensions(list, path);
  if (problems.length) throw new InputError(problems[0]!.field, problems[0]!.reason);
  return rows;
}

builder.mutationField("createQuestionnaire", (t) =>
  t.prismaField({
    type: "Questionnaire",
    description: "SUR-6: a new questionnaire (revision 1) with its dimensions",
    authScopes: { permission: "complaints:write" },
    errors: { types: QUESTIONNAIRE_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("CreateQuestionnaireInput", {
          fields: (f) => ({
            code: f.string({ required: true }), title: f.string({ required: true }), description: f.string({ required: false }),
            dimensions: f.field({ type: [DimensionInput], required: true }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      assertCompanyLevel(ctx);
      const code = requiredText(input.code, "input.code", 40);
      const title = requiredText(input.title, "input.title", 200);
      const dims = dimensionRows(input.dimensions, "input.dimensions");
      if (await ctx.prisma.questionnaire.findFirst({ where: { ...inOrganization(ctx), code }, select: { id: true } })) {
        throw new InputError("input.code", `Questionnaire ${code} exists; copy a revision of it (reviseQuestionnaire) instead`);
      }
      const org = ctx.organizationId!;
      const created = await ctx.prisma.questionnaire.create({
        data: {
          organizationId: org, code, title, description: input.description?.trim() || null, createdById: ctx.viewer!.staffId, createdAt: ctx.now,
          dimensions: { create: dims.map((d) => ({ ...d, organizationId: org })) },
        },
        select: { id: true },
      });
      return ctx.prisma.questionnaire.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);

builder.mutationField("reviseQuestionnaire", (t) =>
  t.prismaField({
    type: "Questionnaire",
    description: "SUR-6: copies a revision with its dimensions into the next revision of its code (not frozen, to be edited)",
    authScopes: { permission: "complaints:write" },
    errors: { types: QUESTIONNAIRE_ERRORS },
    args: { id: t.arg.globalID({ required: true, description: "The revision copied" }) },
    resolve: async (query, _r, { id }, ctx) => {
      assertCompanyLevel(ctx);
      const source = await ctx.prisma.questionnaire.findFirst({ where: { id: id.id, ...inOrganization(ctx) }, include: { dimensions: true } });
      if (!source) throw new NotFoundError("Questionnaire");
      // Revisions of one code are numbered in turn: serialise with the organisation row.
      await ctx.prisma.$queryRaw`SELECT id FROM organizations WHERE id = ${ctx.organizationId}::uuid FOR UPDATE`;
      const last = await ctx.prisma.questionnaire.aggregate({ where: { ...inOrganization(ctx), code: source.code }, _max: { revision: true } });
      const org = ctx.organizationId!;
      const created = await ctx.prisma.questionnaire.create({
        data: {
          organizationId: org, code: source.code, revision: (last._max.revision ?? 0) + 1, title: source.title, description: source.description,
          createdById: ctx.viewer!.staffId, createdAt: ctx.now,
          dimensions: {
            create: source.dimensions.map((d) => ({
              organizationId: org, code: d.code, label: d.label, description: d.description, sortOrder: d.sortOrder, allowNotApplicable: d.allowNotApplicable, isOverall: d.isOverall,
            })),
          },
        },
        select: { id: true },
      });
      return ctx.prisma.questionnaire.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);

/** SUR-6: frozen when flagged (at a campaign's start) or used by a running or closed campaign. */
async function assertNotFrozen(ctx: Context, q: Questionnaire): Promise<void> {
  const using = await ctx.prisma.surveyCampaign.findMany({ where: { questionnaireId: q.id, status: { in: [...FREEZING_STATUSES] } }, select: { code: true }, orderBy: { code: "asc" } });
  if (q.frozen || using.length) throw new QuestionnaireFrozenError(using.map((c) => c.code));
}

builder.mutationField("updateQuestionnaire", (t) =>
  t.prismaField({
    type: "Questionnaire",
    description: "SUR-6: edits a revision not yet frozen; `dimensions`, when given, replace the list (matched by code)",
    authScopes: { permission: "complaints:write" },
    errors: { types: QUESTIONNAIRE_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("UpdateQuestionnaireInput", {
          fields: (f) => ({
            id: f.globalID({ required: true }),
            version: f.int({ required: true, description: "The version read; a stale one gets a QuestionnaireConflictError" }),
            title: f.string({ required: false }), description: f.string({ required: false }),
            dimensions: f.field({ type: [DimensionInput], required: false }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      assertCompanyLevel(ctx);
      const q = await ctx.prisma.questionnaire.findFirst({ where: { id: input.id.id, ...inOrganization(ctx) } });
      if (!q) throw new NotFoundError("Questionnaire");
      if (q.version !== input.version) throw new QuestionnaireConflictError(q.id, q.version);
      await assertNotFrozen(ctx, q);
      const title = input.title === null || input.title === undefined ? undefined : requiredText(input.title, "input.title", 200);
      const dims = input.dimensions ? dimensionRows(input.dimensions, "input.dimensions") : null;
      const updated = await ctx.prisma.questionnaire.updateMany({
        where: { id: q.id, version: q.version },
        data: { title, description: input.description === undefined ? undefined : input.description?.trim() || null, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new QuestionnaireConflictError(q.id, q.version + 1);
      if (dims) {
        // Not frozen, so no answer refers to these dimensions yet: the list is replaced.
        await ctx.prisma.questionnaireDimension.deleteMany({ where: { questionnaireId: q.id } });
        await ctx.prisma.questionnaireDimension.createMany({ data: dims.map((d) => ({ ...d, organizationId: q.organizationId, questionnaireId: q.id })) });
      }
      return ctx.prisma.questionnaire.findUniqueOrThrow({ ...nonEmpty(query), where: { id: q.id } });
    },
  }),
);
