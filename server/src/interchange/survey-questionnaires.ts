import type { SurveyCampaignStatus } from "@tingjian/prisma/client";
import { RETURN_STATUSES } from "../domain/surveys/campaign-workflow.ts";
import { resolveStamp } from "./cells.ts";
import { householdsByCode, type HouseholdRef } from "./lookups.ts";
import type { Problems, Row } from "./rows.ts";
import type { ImportSession } from "./session.ts";
import { msg, type Msg } from "../i18n/messages.ts";

/**
 * survey_responses.csv read into questionnaires (import-surveys.ts plans them): the rows of one
 * campaign and household are one questionnaire, handed out when (SUR-3) and returned when, of a
 * campaign that takes answers and covers the household's estate.
 */
export type Campaign = {
  id: string;
  code: string;
  status: SurveyCampaignStatus;
  startsAt: Date;
  estateIds: Set<string>;
  dimensions: { id: string; code: string; allowNotApplicable: boolean }[];
  /** SUR-2: a sample was drawn in the app (drawSurveySample): hand-outs go only to its households. */
  drawn: boolean;
};
export interface Questionnaire {
  rows: Row[];
  campaign: Campaign;
  household: HouseholdRef;
  handedOutAt: Date;
  returnedAt: Date | null;
}

/** The seed of a sample an import recorded (the file's households), as opposed to one drawn in the app. */
export const IMPORTED_SAMPLE = "import:";

/** The file's rows grouped by campaign and household, each group checked; the questionnaires without problems. */
export async function readQuestionnaires(s: ImportSession, rows: Row[], problems: Problems): Promise<Questionnaire[]> {
  const campaigns = await loadCampaigns(s, rows);
  const households = await householdsByCode(
    s,
    rows.map((r) => r.text("household_code")!),
  );
  const timezones = new Map(
    (await s.db.estate.findMany({ where: { organizationId: s.organizationId }, select: { id: true, timezone: true } })).map((e) => [
      e.id,
      e.timezone,
    ]),
  );
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.text("campaign_code")}\u0000${r.text("household_code")}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const questionnaires: Questionnaire[] = [];
  for (const group of groups.values()) {
    const q = readQuestionnaire(s, group, campaigns, households, timezones, problems);
    if (q) questionnaires.push(q);
  }
  return questionnaires;
}

function readQuestionnaire(
  s: ImportSession,
  group: Row[],
  campaigns: Map<string, Campaign>,
  households: Map<string, HouseholdRef>,
  timezones: Map<string, string>,
  problems: Problems,
): Questionnaire | null {
  const first = group[0]!;
  const campaign = campaigns.get(first.text("campaign_code")!);
  const household = households.get(first.text("household_code")!);
  const lines = (field: string, reason: Msg) => group.forEach((r) => problems.add(r.line, field, reason));
  if (!campaign) return (lines("campaign_code", msg("importNoCampaign")), null);
  if (!RETURN_STATUSES.includes(campaign.status))
    return (lines("campaign_code", msg("importCampaignStatus", { allowed: RETURN_STATUSES.join(" / "), status: campaign.status })), null);
  if (!household) return (lines("household_code", msg("importNoHousehold")), null);
  if (!campaign.estateIds.has(household.estateId)) return (lines("household_code", msg("importCampaignOtherEstate")), null);
  const tz = timezones.get(household.estateId) ?? "Asia/Shanghai";
  const at = (r: Row, f: string) => (r.stamp(f) ? resolveStamp(r.stamp(f)!, tz).getTime() : null);
  const before = problems.count;
  for (const f of ["handed_out_at", "returned_at"]) {
    if (group.some((r) => at(r, f) !== at(first, f)))
      group
        .slice(1)
        .forEach(
          (r) => at(r, f) !== at(first, f) && problems.add(r.line, f, msg("importQuestionnaireDiffers", { field: f, line: first.line })),
        );
  }
  const handedOutAt = new Date(at(first, "handed_out_at")!);
  const returned = at(first, "returned_at");
  const returnedAt = returned === null ? null : new Date(returned);
  if (handedOutAt < campaign.startsAt) problems.add(first.line, "handed_out_at", msg("importHandedOutBeforeStart"));
  if (handedOutAt.getTime() > s.now.getTime() + 60_000)
    problems.add(first.line, "handed_out_at", msg("importInFuture", { field: "handed_out_at" }));
  if (returnedAt && returnedAt < handedOutAt) problems.add(first.line, "returned_at", msg("importReturnedBeforeHandedOut"));
  if (returnedAt && returnedAt.getTime() > s.now.getTime() + 60_000)
    problems.add(first.line, "returned_at", msg("importInFuture", { field: "returned_at" }));
  if (!returnedAt)
    for (const r of group)
      for (const f of ["rating", "comment"]) if (r.given(f)) problems.add(r.line, f, msg("importNotReturnedNoAnswers"));
  return problems.count > before ? null : { rows: group, campaign, household, handedOutAt, returnedAt };
}

async function loadCampaigns(s: ImportSession, rows: Row[]): Promise<Map<string, Campaign>> {
  const codes = [...new Set(rows.map((r) => r.text("campaign_code")!))];
  const found = await s.db.surveyCampaign.findMany({
    where: { organizationId: s.organizationId, code: { in: codes } },
    select: {
      id: true,
      code: true,
      status: true,
      startsAt: true,
      estates: { select: { estateId: true } },
      samples: { select: { seed: true } },
      questionnaire: {
        select: { dimensions: { select: { id: true, code: true, allowNotApplicable: true }, orderBy: { sortOrder: "asc" } } },
      },
    },
  });
  const out = new Map<string, Campaign>();
  for (const c of found) {
    const estateIds = new Set(c.estates.map((e) => e.estateId));
    // §2: an estate-bound importer sees the campaigns covering one of its estates (campaignScope).
    if (s.estates !== "ALL" && ![...estateIds].some((e) => (s.estates as ReadonlySet<string>).has(e))) continue;
    out.set(c.code, {
      id: c.id,
      code: c.code,
      status: c.status,
      startsAt: c.startsAt,
      estateIds,
      dimensions: c.questionnaire.dimensions,
      drawn: c.samples.some((x) => !x.seed.startsWith(IMPORTED_SAMPLE)),
    });
  }
  return out;
}
