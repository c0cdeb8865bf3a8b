import type { SignedInContext } from "../../access/context.ts";
import { estateFilter, inOrganization } from "../../access/read-scope.ts";
import { RETURN_STATUSES } from "../../domain/surveys/campaign-workflow.ts";
import { POST_SURVEY_PLAN, postSurveyDueAt } from "../../domain/surveys/post-survey.ts";
import { SurveyCampaignStateError, SurveyTaskConflictError } from "../../errors/surveys.ts";
import { InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { surveysMessages } from "../../i18n/catalogue/surveys.ts";
import { msg } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { assertCampaignStatus, campaignFor, lockCampaign } from "./campaign.ts";
import { taskScope } from "../../access/scopes/surveys.ts";

/**
 * SUR-5 (000 §6 4.3.7): the post-survey plan, counted from the campaign's end: week 1
 * analysis, week 2 targeted callbacks, week 3 open letters for common problems and signed
 * in-person visits for individual ones. Tasks are completed with a note (version checked); open
 * letters state the method, the measures and the earliest completion date.
 */

/**
 * SUR-5: plans the steps of POST_SURVEY_PLAN not planned before, due from the campaign's end;
 * the caller's scope must cover every estate of the campaign. Returns the campaign id.
 */
export async function planPostSurveyTasks(ctx: SignedInContext, input: { campaignId: string; ownerId?: string | null }): Promise<string> {
  const c = await campaignFor(ctx, input.campaignId, { write: true });
  assertCampaignStatus(c, RETURN_STATUSES, "campaignId", surveysMessages.surveyStepPostSurvey);
  const endsAt = c.endsAt;
  if (!endsAt) throw new SurveyCampaignStateError("campaignId", c.status, msg("surveyCampaignNoEnd"));
  const ownerId = input.ownerId ?? ctx.viewer.staffId;
  const check = new InputCheck();
  check.that(
    !!(await ctx.prisma.staff.findFirst({ where: { id: ownerId, ...inOrganization(ctx) }, select: { id: true } })),
    "ownerId",
    msg("surveyNoSuchStaff"),
  );
  check.done();
  await lockCampaign(ctx, c.id);
  const planned = new Set(
    (await ctx.prisma.surveyTask.findMany({ where: { campaignId: c.id, estateId: null }, select: { kind: true } })).map((k) => k.kind),
  );
  await ctx.prisma.surveyTask.createMany({
    data: POST_SURVEY_PLAN.filter((p) => !planned.has(p.kind)).map((p) => ({
      organizationId: c.organizationId,
      campaignId: c.id,
      kind: p.kind,
      title: p.title,
      description: p.description,
      ownerId,
      dueAt: postSurveyDueAt(endsAt, p.week),
      createdAt: ctx.now,
    })),
  });
  return c.id;
}

/** SUR-5: the task is done, with a note of what was done, at the version read. Returns its id. */
export async function completeSurveyTask(ctx: SignedInContext, input: { id: string; version: number; note: string }): Promise<string> {
  const task = await ctx.prisma.surveyTask.findFirst({ where: { id: input.id, AND: [taskScope(ctx)] } });
  if (!task) throw new NotFoundError("Survey task");
  if (task.version !== input.version) throw new SurveyTaskConflictError(task.id, task.version);
  const check = new InputCheck();
  check.that(task.status === "OPEN", "input.id", msg("surveyTaskNotOpen", { status: task.status }));
  const note = check.text(input.note, "input.note", 5000);
  check.done();
  await writeAtVersion(
    ctx.prisma.surveyTask,
    task,
    { status: "DONE", doneAt: ctx.now, doneNote: note },
    (id, v) => new SurveyTaskConflictError(id, v),
  );
  return task.id;
}

export interface SurveyOpenLetterInput {
  campaignId: string;
  /** One estate of the campaign (row id); null: all of them. */
  estateId?: string | null;
  title: string;
  body: string;
  method: string;
  measures: string;
  earliestCompletionAt: Date;
  publishedAt?: Date | null;
}

/**
 * SUR-5, CB-9: records an open letter for a campaign's common problems, with the method, the
 * measures and the earliest completion date. A letter to every estate of the campaign is
 * written by staff of all of them. Returns the letter's id.
 */
export async function recordSurveyOpenLetter(ctx: SignedInContext, input: SurveyOpenLetterInput): Promise<string> {
  const estateId = input.estateId ?? null;
  const c = await campaignFor(ctx, input.campaignId, { write: !estateId });
  assertCampaignStatus(c, RETURN_STATUSES, "input.campaignId", surveysMessages.surveyStepOpenLetter);
  const scope = estateFilter(ctx);
  const check = new InputCheck();
  if (estateId)
    check.that(
      c.estates.some((e) => e.estateId === estateId) && (!scope || scope.in.includes(estateId)),
      "input.estateId",
      msg("surveyLetterEstate"),
    );
  const data = {
    title: check.text(input.title, "input.title", 200),
    body: check.text(input.body, "input.body", 20000),
    method: check.text(input.method, "input.method", 5000),
    measures: check.text(input.measures, "input.measures", 5000),
  };
  const publishedAt = input.publishedAt ?? ctx.now;
  check.that(input.earliestCompletionAt >= publishedAt, "input.earliestCompletionAt", msg("surveyLetterCompletion"));
  check.done();
  const created = await ctx.prisma.openLetter.create({
    data: {
      ...data,
      organizationId: c.organizationId,
      estateId,
      surveyCampaignId: c.id,
      earliestCompletionAt: input.earliestCompletionAt,
      publishedAt,
      publishedById: ctx.viewer.staffId,
      classification: "INTERNAL",
      createdAt: ctx.now,
    },
    select: { id: true },
  });
  return created.id;
}
