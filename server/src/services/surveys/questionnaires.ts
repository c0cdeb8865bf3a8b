import type { Questionnaire } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { estateFilter, inOrganization } from "../../access/read-scope.ts";
import { FREEZING_STATUSES } from "../../domain/surveys/campaign-workflow.ts";
import { dimensionProblems, type DimensionInput, type DimensionRow } from "../../domain/surveys/questionnaire.ts";
import { QuestionnaireConflictError, QuestionnaireFrozenError } from "../../errors/surveys.ts";
import { ForbiddenError, InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";

/**
 * SUR-6: questionnaires are versioned (code + revision) and hold dimensions rated 1-5 plus free
 * text. A new revision is made by copying one; a revision used by a running or closed campaign
 * is frozen (its answers must keep meaning what was asked), so editing it is a typed error.
 * Questionnaires are the organisation's: written by company-level staff.
 */

/** Questionnaires serve every estate: only staff of all estates write them. */
function assertCompanyLevel(ctx: SignedInContext): void {
  if (estateFilter(ctx)) throw new ForbiddenError(msg("questionnaireCompanyLevel"));
}

function dimensionRows(check: InputCheck, list: readonly DimensionInput[], path: string): DimensionRow[] {
  const { rows, problems } = dimensionProblems(list, path);
  for (const p of problems) check.add(p.field, p.message);
  return rows;
}

export interface CreateQuestionnaireInput {
  code: string;
  title: string;
  description?: string | null;
  dimensions: readonly DimensionInput[];
}

/** SUR-6: a new questionnaire (revision 1) with its dimensions; returns its id. */
export async function createQuestionnaire(ctx: SignedInContext, input: CreateQuestionnaireInput): Promise<string> {
  assertCompanyLevel(ctx);
  const check = new InputCheck();
  const code = check.text(input.code, "input.code", 40);
  const title = check.text(input.title, "input.title", 200);
  const dims = dimensionRows(check, input.dimensions, "input.dimensions");
  if (code && (await ctx.prisma.questionnaire.findFirst({ where: { ...inOrganization(ctx), code }, select: { id: true } }))) {
    check.add("input.code", msg("questionnaireCodeTaken", { code }));
  }
  check.done();
  const organizationId = ctx.organizationId;
  const created = await ctx.prisma.questionnaire.create({
    data: {
      organizationId,
      code,
      title,
      description: input.description?.trim() || null,
      createdById: ctx.viewer.staffId,
      createdAt: ctx.now,
      dimensions: { create: dims.map((d) => ({ ...d, organizationId })) },
    },
    select: { id: true },
  });
  return created.id;
}

/** SUR-6: copies a revision with its dimensions into the next revision of its code; returns the copy's id. */
export async function reviseQuestionnaire(ctx: SignedInContext, input: { id: string }): Promise<string> {
  assertCompanyLevel(ctx);
  const source = await ctx.prisma.questionnaire.findFirst({
    where: { id: input.id, ...inOrganization(ctx) },
    include: { dimensions: true },
  });
  if (!source) throw new NotFoundError("Questionnaire");
  // Revisions of one code are numbered in turn: serialise with the organisation row.
  await ctx.prisma.$queryRaw`SELECT id FROM organizations WHERE id = ${ctx.organizationId}::uuid FOR UPDATE`;
  const last = await ctx.prisma.questionnaire.aggregate({ where: { ...inOrganization(ctx), code: source.code }, _max: { revision: true } });
  const organizationId = ctx.organizationId;
  const created = await ctx.prisma.questionnaire.create({
    data: {
      organizationId,
      code: source.code,
      revision: (last._max.revision ?? 0) + 1,
      title: source.title,
      description: source.description,
      createdById: ctx.viewer.staffId,
      createdAt: ctx.now,
      dimensions: {
        create: source.dimensions.map((d) => ({
          organizationId,
          code: d.code,
          label: d.label,
          description: d.description,
          sortOrder: d.sortOrder,
          allowNotApplicable: d.allowNotApplicable,
          isOverall: d.isOverall,
        })),
      },
    },
    select: { id: true },
  });
  return created.id;
}

/** SUR-6: frozen when flagged (at a campaign's start) or used by a running or closed campaign. */
async function assertNotFrozen(ctx: SignedInContext, q: Questionnaire): Promise<void> {
  const using = await ctx.prisma.surveyCampaign.findMany({
    where: { questionnaireId: q.id, status: { in: [...FREEZING_STATUSES] } },
    select: { code: true },
    orderBy: { code: "asc" },
  });
  if (q.frozen || using.length) throw new QuestionnaireFrozenError(using.map((c) => c.code));
}

export interface UpdateQuestionnaireInput {
  id: string;
  version: number;
  title?: string | null;
  /** undefined: unchanged; null or "": cleared. */
  description?: string | null;
  /** When given, replace the list (matched by code). */
  dimensions?: readonly DimensionInput[] | null;
}

/** SUR-6: edits a revision not yet frozen, at the version read; returns its id. */
export async function updateQuestionnaire(ctx: SignedInContext, input: UpdateQuestionnaireInput): Promise<string> {
  assertCompanyLevel(ctx);
  const q = await ctx.prisma.questionnaire.findFirst({ where: { id: input.id, ...inOrganization(ctx) } });
  if (!q) throw new NotFoundError("Questionnaire");
  if (q.version !== input.version) throw new QuestionnaireConflictError(q.id, q.version);
  await assertNotFrozen(ctx, q);
  const check = new InputCheck();
  const title = input.title === null || input.title === undefined ? undefined : check.text(input.title, "input.title", 200);
  const dims = input.dimensions ? dimensionRows(check, input.dimensions, "input.dimensions") : null;
  check.done();
  const description = input.description === undefined ? undefined : input.description?.trim() || null;
  await writeAtVersion(ctx.prisma.questionnaire, q, { title, description }, (id, v) => new QuestionnaireConflictError(id, v));
  if (dims) {
    // Not frozen, so no answer refers to these dimensions yet: the list is replaced.
    await ctx.prisma.questionnaireDimension.deleteMany({ where: { questionnaireId: q.id } });
    await ctx.prisma.questionnaireDimension.createMany({
      data: dims.map((d) => ({ ...d, organizationId: q.organizationId, questionnaireId: q.id })),
    });
  }
  return q.id;
}
