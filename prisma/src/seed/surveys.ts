import { addMonths, DAY, HOUR, localDate, shanghai, type SeedContext } from "./context.ts";
import type { Row } from "./bulk-insert.ts";
import type { Company, EstateInfo, HouseholdInfo } from "./company.ts";
import type { ComplaintSummary } from "./complaints.ts";

export interface CampaignInfo {
  id: string;
  code: string;
  startsAt: Date;
  endsAt: Date;
  previousStart: Date;
  dimensions: { id: string; code: string }[];
}

const dimensionLabels: [string, string][] = [
  ["overall", "总体满意度"],
  ["complaint_handling", "投诉处理"],
  ["repair_quality", "维修质量"],
  ["repair_speed", "维修及时性"],
  ["staff_attitude", "员工服务态度"],
  ["security", "安全管理"],
  ["cleaning", "清洁卫生"],
  ["landscaping", "绿化养护"],
  ["facilities", "公共设施"],
  ["community_activities", "社区文化活动"],
  ["fee_transparency", "收费透明度"],
];

/** How each dimension fares against the estate's overall mood (the seeds' usual weak spots). */
const dimensionBias: Record<string, number> = { repair_speed: -0.05, fee_transparency: -0.07, cleaning: 0.02, security: 0.01 };

/**
 * SUR-1 / SUR-6: two company-wide campaigns a year, questionnaires versioned (revision 2 adds
 * fee transparency from the second year; a campaign's questionnaire is frozen), the post-survey plan (SUR-5).
 */
export async function seedCampaigns(ctx: SeedContext, company: Company, surveyed: EstateInfo[]): Promise<CampaignInfo[]> {
  const { rng, organizationId } = ctx;
  const schedule = campaignStarts(ctx);
  const { questionnaires, dims } = await seedQuestionnaires(ctx, schedule);
  const campaigns: CampaignInfo[] = [];
  const rows = [],
    estateRows = [],
    tasks: Row[] = [];
  let previousId: string | null = null;
  let previousStart = ctx.start;
  for (const [index, startsAt] of schedule.entries()) {
    const date = localDate(startsAt);
    const year = date.slice(0, 4);
    const half = +date.slice(5, 7) <= 6 ? 1 : 2;
    const endsAt = new Date(startsAt.getTime() + 30 * DAY);
    const q = questionnaires[index < 2 ? 0 : 1]!;
    const id = rng.uuid();
    const code = `SAT-${year}-H${half}`;
    rows.push({
      id,
      organizationId,
      code,
      name: `${year}年${half === 1 ? "上" : "下"}半年业主满意度调查`,
      kind: "REGULAR",
      status: endsAt < ctx.end ? "CLOSED" : "RUNNING",
      questionnaireId: q.id,
      startsAt,
      endsAt,
      previousCampaignId: previousId,
      createdById: company.staff.analysts[0],
      createdAt: new Date(startsAt.getTime() - 7 * DAY),
    });
    for (const e of surveyed) {
      estateRows.push({
        id: rng.uuid(),
        organizationId,
        campaignId: id,
        estateId: e.id,
        residentHouseholds: e.households.filter((h) => h.occupied).length,
        createdAt: startsAt,
      });
    }
    tasks.push(...followUpPlan(ctx, company, id, endsAt));
    campaigns.push({ id, code, startsAt, endsAt, previousStart, dimensions: dims.get(q.id)! });
    previousId = id;
    previousStart = startsAt;
  }
  await ctx.writer.insert("survey_campaigns", rows);
  await ctx.writer.insert("survey_campaign_estates", estateRows);
  await ctx.writer.insert("survey_tasks", tasks);
  return campaigns;
}

/** SUR-6: the two frozen revisions of the questionnaire and their dimensions, by questionnaire id. */
async function seedQuestionnaires(ctx: SeedContext, schedule: Date[]) {
  const { rng, organizationId } = ctx;
  // Revision 1 serves the first year's two campaigns; revision 2 (fee transparency added) the rest.
  const frozen = (i: number) => shanghai(localDate(new Date(schedule[Math.min(i, schedule.length - 1)]!.getTime() - 9 * DAY)));
  const questionnaires = [1, 2].map((revision) => ({
    id: rng.uuid(),
    revision,
    codes: dimensionLabels.slice(0, revision === 1 ? 10 : 11),
    frozenAt: frozen(revision === 1 ? 0 : 2),
  }));
  const dims = new Map<string, { id: string; code: string }[]>();
  await ctx.writer.insert(
    "questionnaires",
    questionnaires.map((q) => ({
      id: q.id,
      organizationId,
      code: "SAT",
      revision: q.revision,
      title: `业主满意度调查问卷（第${q.revision}版）`,
      frozen: true,
      frozenAt: q.frozenAt,
      createdAt: q.frozenAt,
    })),
  );
  const dimRows: Row[] = [];
  for (const q of questionnaires) {
    const list = q.codes.map(([code, label], i) => {
      const id = rng.uuid();
      dimRows.push({
        id,
        organizationId,
        questionnaireId: q.id,
        code,
        label,
        sortOrder: i,
        allowNotApplicable: code !== "overall",
        isOverall: code === "overall",
        createdAt: q.frozenAt,
      });
      return { id, code };
    });
    dims.set(q.id, list);
  }
  await ctx.writer.insert("questionnaire_dimensions", dimRows);
  return { questionnaires, dims };
}

/** SUR-5: week 1 analysis, week 2 targeted callbacks, week 3 open letters and individual visits. */
function followUpPlan(ctx: SeedContext, company: Company, campaignId: string, endsAt: Date): Row[] {
  const { rng, organizationId } = ctx;
  const plan: [string, string, number][] = [
    ["ANALYSIS", "调查结果统计分析", 7],
    ["TARGETED_CALLBACKS", "针对性回访", 14],
    ["OPEN_LETTER", "共性问题公开信", 21],
    ["INDIVIDUAL_CALLBACK", "个性问题上门回访并签字", 21],
  ];
  return plan.map(([kind, title, days]) => {
    const dueAt = new Date(endsAt.getTime() + days * DAY);
    const done = dueAt < ctx.end;
    return {
      id: rng.uuid(),
      organizationId,
      campaignId,
      kind,
      title,
      ownerId: company.staff.analysts[0],
      dueAt,
      status: done ? "DONE" : "OPEN",
      doneAt: done ? new Date(dueAt.getTime() - DAY) : null,
      createdAt: endsAt,
    };
  });
}

/**
 * SUR-1: the regular campaigns, every six months, the latest started ten days before the company
 * is generated (so it is running "now"), back to the start of the history; in time order.
 */
function campaignStarts(ctx: SeedContext): Date[] {
  const latest = localDate(new Date(ctx.end.getTime() - 10 * DAY));
  const day = `${latest.slice(0, 8)}${String(Math.min(28, +latest.slice(8, 10))).padStart(2, "0")}`;
  const starts: Date[] = [];
  for (let k = 0; ; k++) {
    const startsAt = shanghai(addMonths(day, -6 * k), 9, 0);
    if (startsAt < ctx.start) break;
    starts.unshift(startsAt);
  }
  return starts;
}

/**
 * SUR-2 / SUR-3 for one estate: a reproducible random sample of at least 60% of resident
 * households with every complainant household since the previous campaign forced in, hand-outs
 * and returns, answers per dimension, and a follow-up callback for each questionnaire not returned.
 */
export async function seedEstateSurveys(
  ctx: SeedContext,
  company: Company,
  estate: EstateInfo,
  campaigns: CampaignInfo[],
  complaints: ComplaintSummary[],
) {
  const { rng, organizationId } = ctx;
  const occupied = estate.households.filter((h) => h.occupied);
  const mood = { VILLA: 0.93, RESIDENTIAL: 0.87, COMMERCIAL: 0.9, OFFICE: 0.89 }[estate.kind];
  const rows: SurveyRows = { samples: [], members: [], handouts: [], responses: [], followups: [] };
  for (const [ci, campaign] of campaigns.entries()) {
    const forced = new Set(
      complaints.filter((c) => c.receivedAt >= campaign.previousStart && c.receivedAt < campaign.startsAt).map((c) => c.householdId),
    );
    const seed = `${campaign.code}:${estate.code}:${rng.int(0, 1e9)}`;
    const rate = 0.62 + rng.next() * 0.06;
    const chosen = occupied.filter((h) => forced.has(h.id) || rng.chance(rate));
    const sampleId = rng.uuid();
    rows.samples.push({
      id: sampleId,
      organizationId,
      campaignId: campaign.id,
      estateId: estate.id,
      seed,
      rate: 0.6,
      populationSize: occupied.length,
      sampleSize: chosen.length,
      createdById: company.staff.analysts[0],
      createdAt: campaign.startsAt,
    });
    for (const h of chosen) {
      const memberId = rng.uuid();
      rows.members.push({
        id: memberId,
        organizationId,
        sampleId,
        campaignId: campaign.id,
        estateId: estate.id,
        householdId: h.id,
        reason: forced.has(h.id) ? "FORCED_COMPLAINANT" : "RANDOM",
      });
      surveyHousehold(ctx, estate, campaign, rows, { h, memberId, mood: mood + ci * 0.008 + (forced.has(h.id) ? -0.04 : 0) });
    }
  }
  await ctx.writer.insert("survey_samples", rows.samples);
  await ctx.writer.insert("survey_sample_members", rows.members);
  await ctx.writer.insert("survey_handouts", rows.handouts);
  await ctx.writer.insert("survey_responses", rows.responses);
  await ctx.writer.insert("callbacks", rows.followups);
}

interface SurveyRows {
  samples: Row[];
  members: Row[];
  handouts: Row[];
  responses: Row[];
  followups: Row[];
}

/**
 * One sampled household: the hand-out, and either its answers or (once the campaign is over) the
 * follow-up call about the questionnaire not returned. `mood`: how satisfied the household tends to be.
 */
function surveyHousehold(
  ctx: SeedContext,
  estate: EstateInfo,
  campaign: CampaignInfo,
  rows: SurveyRows,
  p: { h: HouseholdInfo; memberId: string; mood: number },
) {
  const { rng, organizationId } = ctx;
  const { h, memberId } = p;
  const handedOutAt = new Date(campaign.startsAt.getTime() + rng.int(0, 7) * DAY + rng.int(0, 8) * HOUR);
  if (handedOutAt >= ctx.end) return;
  let returnedAt: Date | null = rng.chance(0.87) ? new Date(handedOutAt.getTime() + rng.int(2, 20) * DAY) : null;
  if (returnedAt && returnedAt >= ctx.end) returnedAt = null;
  const handoutId = rng.uuid();
  rows.handouts.push({
    id: handoutId,
    organizationId,
    campaignId: campaign.id,
    estateId: estate.id,
    householdId: h.id,
    sampleMemberId: memberId,
    distributorId: rng.pick(estate.staff.assistants),
    handedOutAt,
    returnedAt,
    createdAt: handedOutAt,
  });
  if (!returnedAt) {
    if (campaign.endsAt < ctx.end) {
      rows.followups.push({
        id: rng.uuid(),
        organizationId,
        no: `SF-${campaign.code}-${h.code}`,
        kind: "SURVEY_FOLLOWUP",
        method: "PHONE",
        status: "DONE",
        estateId: estate.id,
        householdId: h.id,
        customerId: h.customerId,
        dueAt: campaign.endsAt,
        calledAt: new Date(campaign.endsAt.getTime() - rng.int(1, 5) * DAY),
        staffId: rng.pick(estate.staff.assistants),
        reached: rng.chance(0.7),
        surveyHandoutId: handoutId,
        surveyCampaignId: campaign.id,
        classification: "SECRET",
        createdAt: campaign.endsAt,
      });
    }
    return;
  }
  answer(ctx, estate, campaign, rows, { h, handoutId, returnedAt, mood: p.mood + (rng.next() - 0.5) * 0.1 });
}

/** SUR-3: a returned questionnaire's answer per dimension (not applicable, blank or a rating 1-5). */
function answer(
  ctx: SeedContext,
  estate: EstateInfo,
  campaign: CampaignInfo,
  rows: SurveyRows,
  p: { h: HouseholdInfo; handoutId: string; returnedAt: Date; mood: number },
) {
  const { rng, organizationId } = ctx;
  const { h, handoutId, returnedAt } = p;
  for (const d of campaign.dimensions) {
    const notApplicable = d.code === "community_activities" && estate.kind !== "RESIDENTIAL" && rng.chance(0.6);
    const blank = !notApplicable && rng.chance(0.02);
    let rating: number | null = null;
    if (!notApplicable && !blank) {
      const satisfied = rng.chance(p.mood + (dimensionBias[d.code] ?? 0));
      rating = satisfied
        ? rng.weighted([
            [5, 55],
            [4, 45],
          ] as const)
        : rng.weighted([
            [3, 60],
            [2, 30],
            [1, 10],
          ] as const);
    }
    rows.responses.push({
      id: rng.uuid(),
      organizationId,
      handoutId,
      campaignId: campaign.id,
      estateId: estate.id,
      householdId: h.id,
      dimensionId: d.id,
      rating,
      notApplicable,
      comment: rating !== null && rating <= 2 ? "希望尽快改进" : null,
      createdAt: returnedAt,
    });
  }
}
