import { randomUUID } from "node:crypto";
import type { Context, SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { HANDOUT_STATUSES, RETURN_STATUSES } from "../../domain/surveys/campaign-workflow.ts";
import { CLOCK_SKEW_MS, returnInstant } from "../../domain/surveys/handouts.ts";
import { FOLLOWUP_DAYS } from "../../domain/surveys/post-survey.ts";
import { SurveyCampaignStateError, SurveyHandoutConflictError } from "../../errors/surveys.ts";
import { InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { surveysMessages } from "../../i18n/catalogue/surveys.ts";
import { msg } from "../../i18n/messages.ts";
import { createCallbacks } from "../callbacks/create.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { assertCampaignStatus, campaignFor, lockCampaign } from "./campaign.ts";
import { estateRecords } from "../../access/scopes/surveys.ts";

/**
 * SUR-3: one questionnaire per sampled household is handed out (who, when) and returned (when);
 * after the campaign's end the distributor follows up every questionnaire not returned with a
 * callback. The GraphQL mutation and the importer (interchange/import-surveys.ts) hand out
 * through the same checks: `prepareSurveyHandouts` checks a whole list in one pass.
 */

export const MAX_HANDOUTS = 10_000;
const MAX_COMMENT = 2000;

export interface HandoutEntry {
  householdId: string;
  /** Default: the caller. */
  distributorId?: string | null;
  /** Default now; not before the campaign starts, not in the future. */
  handedOutAt?: Date | null;
  comment?: string | null;
}

export interface HandoutRow {
  id: string;
  organizationId: string;
  campaignId: string;
  estateId: string;
  householdId: string;
  sampleMemberId: string;
  distributorId: string;
  handedOutAt: Date;
  comment: string | null;
  createdAt: Date;
}

function comment(check: InputCheck, value: string | null | undefined, field: string): string | null {
  const v = value?.trim() || null;
  check.that(!v || v.length <= MAX_COMMENT, field, msg("surveyCommentTooLong", { max: MAX_COMMENT }));
  return v;
}

/**
 * SUR-2, SUR-3: checks a list of hand-outs of one campaign in one pass: the campaign is RUNNING,
 * each household is in the campaign's drawn sample of the caller's estates and has no
 * questionnaire yet (one per household, also within the list), the instant is within the
 * campaign and not in the future, the distributor is staff. Every bad entry is named
 * (`${path}.${index}.${field}`) in one InputError; nothing is written. Returns the rows to insert.
 */
export async function prepareSurveyHandouts(
  ctx: SignedInContext,
  campaignId: string,
  entries: readonly HandoutEntry[],
  path = "input.handouts",
): Promise<HandoutRow[]> {
  const c = await campaignFor(ctx, campaignId);
  assertCampaignStatus(c, HANDOUT_STATUSES, "input.campaignId", surveysMessages.surveyStepHandOut);
  const check = new InputCheck();
  if (!check.that(entries.length > 0 && entries.length <= MAX_HANDOUTS, path, msg("surveyHandoutCount", { max: MAX_HANDOUTS })))
    check.done();
  const members = await ctx.prisma.surveySampleMember.findMany({
    where: { campaignId: c.id, householdId: { in: entries.map((h) => h.householdId) }, AND: [estateRecords(ctx)] },
    select: { id: true, householdId: true, estateId: true, handout: { select: { id: true } } },
  });
  const distributorIds = entries.flatMap((h) => (h.distributorId ? [h.distributorId] : []));
  const staff = new Set(
    (await ctx.prisma.staff.findMany({ where: { ...inOrganization(ctx), id: { in: distributorIds } }, select: { id: true } })).map(
      (s) => s.id,
    ),
  );
  const byHousehold = new Map(members.map((m) => [m.householdId, m]));
  const seen = new Set<string>();
  const rows = entries.flatMap((h, i) => {
    const at = (f: string) => `${path}.${i}.${f}`;
    const member = byHousehold.get(h.householdId);
    // SUR-2: a questionnaire goes only to a household of the drawn sample, once.
    const fresh =
      check.that(!!member, at("householdId"), msg("surveyHouseholdNotSampled")) &&
      check.that(!member!.handout && !seen.has(member!.householdId), at("householdId"), msg("surveyHouseholdHasQuestionnaire"));
    const handedOutAt = h.handedOutAt ?? ctx.now;
    check.that(handedOutAt >= c.startsAt, at("handedOutAt"), msg("surveyBeforeCampaignStart"));
    check.that(handedOutAt.getTime() <= ctx.now.getTime() + CLOCK_SKEW_MS, at("handedOutAt"), msg("surveyInFuture"));
    check.that(!h.distributorId || staff.has(h.distributorId), at("distributorId"), msg("surveyNoSuchStaff"));
    const note = comment(check, h.comment, at("comment"));
    if (!fresh) return [];
    seen.add(member!.householdId);
    return [
      {
        id: randomUUID(),
        organizationId: c.organizationId,
        campaignId: c.id,
        estateId: member!.estateId,
        householdId: member!.householdId,
        sampleMemberId: member!.id,
        distributorId: h.distributorId ?? ctx.viewer.staffId,
        handedOutAt,
        comment: note,
        createdAt: ctx.now,
      },
    ];
  });
  check.done();
  return rows;
}

/** SUR-3: records questionnaires handed out, one per sampled household; all or nothing. Returns the hand-outs' ids. */
export async function recordSurveyHandouts(
  ctx: SignedInContext,
  input: { campaignId: string; handouts: readonly HandoutEntry[] },
): Promise<string[]> {
  const rows = await prepareSurveyHandouts(ctx, input.campaignId, input.handouts);
  await ctx.prisma.surveyHandout.createMany({ data: rows });
  return rows.map((r) => r.id);
}

/** The hand-out in the caller's estates at the version read, with its campaign. */
export async function handoutFor(ctx: Context, id: string, version: number | null) {
  const h = await ctx.prisma.surveyHandout.findFirst({
    where: { id, AND: [estateRecords(ctx)] },
    include: { campaign: { select: { status: true, questionnaireId: true, endsAt: true } } },
  });
  if (!h) throw new NotFoundError("Questionnaire hand-out");
  if (version !== null && h.version !== version) throw new SurveyHandoutConflictError(h.id, h.version);
  return h;
}

/** SUR-3: the return instant (domain/surveys/handouts.ts), its problems kept by `check`. */
function returnAt(
  check: InputCheck,
  h: { handedOutAt: Date; returnedAt: Date | null },
  given: Date | null | undefined,
  now: Date,
  field: string,
): Date {
  const r = returnInstant(h, given, now, field);
  for (const p of r.problems) check.add(p.field, p.message);
  return r.at;
}

/** SUR-3: the questionnaire came back (when); or corrects the instant or the note. Returns the hand-out's id. */
export async function recordSurveyReturn(
  ctx: SignedInContext,
  input: { handoutId: string; version: number; returnedAt?: Date | null; comment?: string | null },
): Promise<string> {
  const h = await handoutFor(ctx, input.handoutId, input.version);
  assertCampaignStatus(h.campaign, RETURN_STATUSES, "input.handoutId", surveysMessages.surveyStepReturn);
  const check = new InputCheck();
  const returnedAt = returnAt(check, h, input.returnedAt, ctx.now, "input.returnedAt");
  const note = input.comment === undefined ? undefined : comment(check, input.comment, "input.comment");
  check.done();
  await writeAtVersion(ctx.prisma.surveyHandout, h, { returnedAt, comment: note }, (id, v) => new SurveyHandoutConflictError(id, v));
  return h.id;
}

export interface FollowupPlan {
  notReturned: number;
  created: number;
  alreadyPlanned: number;
}

/**
 * SUR-3: a SURVEY_FOLLOWUP callback, assigned to the distributor and due FOLLOWUP_DAYS after the
 * end, for every questionnaire of the caller's estates not returned by the campaign's end;
 * idempotent (a second call waits for the first and then finds its callbacks).
 */
export async function planSurveyFollowups(ctx: SignedInContext, input: { campaignId: string }): Promise<FollowupPlan> {
  const c = await campaignFor(ctx, input.campaignId);
  assertCampaignStatus(c, RETURN_STATUSES, "campaignId", surveysMessages.surveyStepFollowUp);
  const endsAt = c.endsAt;
  if (!endsAt || endsAt > ctx.now)
    throw new SurveyCampaignStateError("campaignId", c.status, msg("surveyCampaignNotEnded", { endsAt: endsAt?.toISOString() ?? "—" }));
  await lockCampaign(ctx, c.id);
  const open = await ctx.prisma.surveyHandout.findMany({
    where: { AND: [estateRecords(ctx), { campaignId: c.id, OR: [{ returnedAt: null }, { returnedAt: { gt: endsAt } }] }] },
    select: {
      id: true,
      estateId: true,
      householdId: true,
      distributorId: true,
      followUps: { where: { kind: "SURVEY_FOLLOWUP" }, select: { id: true }, take: 1 },
    },
    orderBy: { householdId: "asc" },
  });
  const todo = open.filter((h) => h.followUps.length === 0);
  const primaries = new Map(
    (
      await ctx.prisma.$queryRaw<{ household_id: string; customer_id: string }[]>`
    SELECT DISTINCT ON (household_id) household_id, customer_id FROM household_members
     WHERE household_id = ANY(${todo.map((h) => h.householdId)}::uuid[]) AND is_primary ORDER BY household_id, customer_id`
    ).map((p) => [p.household_id, p.customer_id]),
  );
  const dueAt = new Date(endsAt.getTime() + FOLLOWUP_DAYS * 86_400_000);
  const created = await createCallbacks(
    ctx.prisma,
    todo.map((h) => ({
      organizationId: c.organizationId,
      kind: "SURVEY_FOLLOWUP" as const,
      estateId: h.estateId,
      householdId: h.householdId,
      customerId: primaries.get(h.householdId) ?? null,
      assignedToId: h.distributorId,
      dueAt,
      surveyHandoutId: h.id,
      surveyCampaignId: c.id,
      createdAt: ctx.now,
    })),
  );
  return { notReturned: open.length, created: created.length, alreadyPlanned: open.length - todo.length };
}
