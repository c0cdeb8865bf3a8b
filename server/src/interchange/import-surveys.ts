import { newId } from "./ids.ts";
import type { SurveyCampaignStatus } from "@tingjian/prisma/client";
import { answerProblems, type AnswerInput } from "../domain/surveys/answers.ts";
import { RETURN_STATUSES } from "../domain/surveys/campaign-workflow.ts";
import { BulkWriter, chunks, type BulkRow } from "./bulk.ts";
import { resolveStamp } from "./cells.ts";
import { householdsByCode, type HouseholdRef } from "./lookups.ts";
import type { Problems, Row } from "./rows.ts";
import type { FileRows, ImportSession, Plan } from "./session.ts";
import { HANDOUT_STATUSES } from "../domain/surveys/campaign-workflow.ts";
import { InputError } from "../errors/typed-errors.ts";
import { msg, type Msg } from "../i18n/messages.ts";
import { prepareSurveyHandouts } from "../services/surveys/handouts.ts";

/**
 * survey_responses.csv: one row per questionnaire and dimension (SUR-6). The rows of one campaign
 * and household are one questionnaire: handed out when (SUR-3), returned when (empty: not
 * returned, then it has no answers), and its answers checked as recordSurveyResponses checks them
 * (checkAnswers: a dimension of the campaign's questionnaire, 1…5, blank, or NA where allowed).
 * The campaign must exist and take answers (RUNNING or CLOSED) and cover the household's estate.
 * A new questionnaire creates its hand-out and, when returned, an answer for every dimension (those not in the file are blank,
 * as recordSurveyResponses does). A return recorded by the file on a hand-out without answers
 * adds them; answers entered before must match (they are changed with recordSurveyResponse).
 *
 * SUR-2 (issue 16): a campaign run in the app (its sample drawn) takes hand-outs only for its
 * sampled households without a questionnaire — checked by services/surveys/handouts.ts
 * `prepareSurveyHandouts` itself while the campaign is RUNNING (CLOSED history: the same rule on
 * the same sample rows, `sampleRefusals`). A campaign whose sample was never drawn (a survey run
 * outside the app, imported from its file) records the file's households as its executed sample:
 * one sample per file (seed `import:<file>`, reason MANUAL), every hand-out linked to its member.
 */
type Campaign = {
  id: string; code: string; status: SurveyCampaignStatus; startsAt: Date; estateIds: Set<string>; dimensions: { id: string; code: string; allowNotApplicable: boolean }[];
  /** SUR-2: a sample was drawn in the app (drawSurveySample): hand-outs go only to its households. */
  drawn: boolean;
};
type Handout = { id: string; handedOutAt: Date; returnedAt: Date | null; version: number; responses: Map<string, { rating: number | null; notApplicable: boolean; comment: string | null }> };
interface Questionnaire { rows: Row[]; campaign: Campaign; household: HouseholdRef; handedOutAt: Date; returnedAt: Date | null }

export async function prepareSurveyResponses(s: ImportSession, { rows }: FileRows, problems: Problems): Promise<Plan> {
  const campaigns = await loadCampaigns(s, rows);
  const households = await householdsByCode(s, rows.map((r) => r.text("household_code")!));
  const timezones = new Map((await s.db.estate.findMany({ where: { organizationId: s.organizationId }, select: { id: true, timezone: true } })).map((e) => [e.id, e.timezone]));
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
  const stored = await storedHandouts(s, questionnaires);
  const w = { handouts: [] as BulkRow[], returns: [] as BulkRow[], responses: [] as BulkRow[], samples: [] as BulkRow[], members: [] as BulkRow[] };
  const members = await sampleOf(s, questionnaires.filter((q) => !stored.has(`${q.campaign.id}/${q.household.id}`)), problems, w);
  let created = 0, updated = 0, unchanged = 0;
  for (const q of questionnaires) {
    const answers = q.rows.map((r) => ({ dimension: r.text("dimension")!, rating: numeric(r.rating("rating")), notApplicable: r.rating("rating") === "NA", comment: r.text("comment") }) satisfies AnswerInput);
    const checked = answerProblems(answers, q.campaign.dimensions, "rows");
    for (const p of checked.problems) {
      const [, index, field] = p.field.split(".");
      problems.add(q.rows[Number(index)]!.line, field === "comment" ? "comment" : field === "dimension" ? "dimension" : "rating", p.message);
    }
    const before = stored.get(`${q.campaign.id}/${q.household.id}`);
    const handoutId = before?.id ?? newId();
    const respond = () => w.responses.push(...checked.rows.map((a) => ({ id: newId(), organizationId: s.organizationId, handoutId, campaignId: q.campaign.id, estateId: q.household.estateId, householdId: q.household.id, ...a, createdAt: s.now, updatedAt: s.now })));
    if (!before) {
      if (!members.has(`${q.campaign.id}/${q.household.id}`)) continue;
      w.handouts.push({ id: handoutId, organizationId: s.organizationId, campaignId: q.campaign.id, estateId: q.household.estateId, householdId: q.household.id, sampleMemberId: members.get(`${q.campaign.id}/${q.household.id}`)!, distributorId: s.actorId, handedOutAt: q.handedOutAt, returnedAt: q.returnedAt, createdAt: s.now, updatedAt: s.now });
      if (q.returnedAt) respond();
      created += q.rows.length;
      continue;
    }
    const line = q.rows[0]!.line;
    if (before.handedOutAt.getTime() !== q.handedOutAt.getTime()) problems.add(line, "handed_out_at", msg("importHandoutDiffers"));
    if (before.returnedAt && q.returnedAt && before.returnedAt.getTime() !== q.returnedAt.getTime()) problems.add(line, "returned_at", msg("importReturnDiffers"));
    if (before.responses.size === 0) {
      if (q.returnedAt) {
        w.returns.push({ id: before.id, returnedAt: q.returnedAt, version: before.version + 1, updatedAt: s.now });
        respond();
        updated += q.rows.length;
      } else unchanged += q.rows.length;
      continue;
    }
    for (const [i, r] of q.rows.entries()) {
      const dim = q.campaign.dimensions.find((d) => d.code === r.text("dimension"));
      const had = dim && before.responses.get(dim.id);
      const a = answers[i]!;
      if (had && (had.rating !== (a.rating ?? null) || had.notApplicable !== a.notApplicable || had.comment !== (a.comment?.trim() || null))) {
        problems.add(r.line, r.given("comment") && had.comment !== a.comment ? "comment" : "rating", msg("importAnswersEntered"));
      } else unchanged++;
    }
  }
  return {
    created, updated, unchanged,
    async write(progress) {
      const bulk = new BulkWriter(s.db);
      await bulk.insert("survey_samples", w.samples);
      await bulk.insert("survey_sample_members", w.members);
      await bulk.insert("survey_handouts", w.handouts);
      await bulk.update("survey_handouts", w.returns);
      await bulk.insert("survey_responses", w.responses);
      progress(rows.length);
    },
  };
}

const numeric = (v: number | "NA" | null) => (typeof v === "number" ? v : null);

function readQuestionnaire(s: ImportSession, group: Row[], campaigns: Map<string, Campaign>, households: Map<string, HouseholdRef>, timezones: Map<string, string>, problems: Problems): Questionnaire | null {
  const first = group[0]!;
  const campaign = campaigns.get(first.text("campaign_code")!);
  const household = households.get(first.text("household_code")!);
  const lines = (field: string, reason: Msg) => group.forEach((r) => problems.add(r.line, field, reason));
  if (!campaign) return lines("campaign_code", msg("importNoCampaign")), null;
  if (!RETURN_STATUSES.includes(campaign.status)) return lines("campaign_code", msg("importCampaignStatus", { allowed: RETURN_STATUSES.join(" / "), status: campaign.status })), null;
  if (!household) return lines("household_code", msg("importNoHousehold")), null;
  if (!campaign.estateIds.has(household.estateId)) return lines("household_code", msg("importCampaignOtherEstate")), null;
  const tz = timezones.get(household.estateId) ?? "Asia/Shanghai";
  const at = (r: Row, f: string) => (r.stamp(f) ? resolveStamp(r.stamp(f)!, tz).getTime() : null);
  const before = problems.count;
  for (const f of ["handed_out_at", "returned_at"]) {
    if (group.some((r) => at(r, f) !== at(first, f))) group.slice(1).forEach((r) => at(r, f) !== at(first, f) && problems.add(r.line, f, msg("importQuestionnaireDiffers", { field: f, line: first.line })));
  }
  const handedOutAt = new Date(at(first, "handed_out_at")!);
  const returned = at(first, "returned_at");
  const returnedAt = returned === null ? null : new Date(returned);
  if (handedOutAt < campaign.startsAt) problems.add(first.line, "handed_out_at", msg("importHandedOutBeforeStart"));
  if (handedOutAt.getTime() > s.now.getTime() + 60_000) problems.add(first.line, "handed_out_at", msg("importInFuture", { field: "handed_out_at" }));
  if (returnedAt && returnedAt < handedOutAt) problems.add(first.line, "returned_at", msg("importReturnedBeforeHandedOut"));
  if (returnedAt && returnedAt.getTime() > s.now.getTime() + 60_000) problems.add(first.line, "returned_at", msg("importInFuture", { field: "returned_at" }));
  if (!returnedAt) for (const r of group) for (const f of ["rating", "comment"]) if (r.given(f)) problems.add(r.line, f, msg("importNotReturnedNoAnswers"));
  return problems.count > before ? null : { rows: group, campaign, household, handedOutAt, returnedAt };
}

async function loadCampaigns(s: ImportSession, rows: Row[]): Promise<Map<string, Campaign>> {
  const codes = [...new Set(rows.map((r) => r.text("campaign_code")!))];
  const found = await s.db.surveyCampaign.findMany({
    where: { organizationId: s.organizationId, code: { in: codes } },
    select: { id: true, code: true, status: true, startsAt: true, estates: { select: { estateId: true } }, samples: { select: { seed: true } }, questionnaire: { select: { dimensions: { select: { id: true, code: true, allowNotApplicable: true }, orderBy: { sortOrder: "asc" } } } } },
  });
  const out = new Map<string, Campaign>();
  for (const c of found) {
    const estateIds = new Set(c.estates.map((e) => e.estateId));
    // §2: an estate-bound importer sees the campaigns covering one of its estates (campaignScope).
    if (s.estates !== "ALL" && ![...estateIds].some((e) => (s.estates as ReadonlySet<string>).has(e))) continue;
    out.set(c.code, { id: c.id, code: c.code, status: c.status, startsAt: c.startsAt, estateIds, dimensions: c.questionnaire.dimensions, drawn: c.samples.some((x) => !x.seed.startsWith(IMPORTED_SAMPLE)) });
  }
  return out;
}

async function storedHandouts(s: ImportSession, qs: Questionnaire[]): Promise<Map<string, Handout>> {
  const out = new Map<string, Handout>();
  for (const part of chunks(qs, 2000)) {
    const found = await s.db.surveyHandout.findMany({
      where: { organizationId: s.organizationId, OR: byCampaign(part) },
      select: { id: true, campaignId: true, householdId: true, handedOutAt: true, returnedAt: true, version: true, responses: { select: { dimensionId: true, rating: true, notApplicable: true, comment: true } } },
    });
    for (const h of found) out.set(`${h.campaignId}/${h.householdId}`, { ...h, responses: new Map(h.responses.map((r) => [r.dimensionId, r])) });
  }
  return out;
}

/**
 * The questionnaires' (campaign, household) pairs as one condition per campaign: a file's
 * thousands of pairs as thousands of OR branches made PostgreSQL test every branch on every row
 * (1.5 s per lookup for 2,000 questionnaires); `household_id IN (…)` per campaign uses the index.
 */
function byCampaign(qs: Questionnaire[]): { campaignId: string; householdId: { in: string[] } }[] {
  const households = new Map<string, Set<string>>();
  for (const q of qs) {
    const set = households.get(q.campaign.id) ?? new Set<string>();
    set.add(q.household.id);
    households.set(q.campaign.id, set);
  }
  return [...households].map(([campaignId, ids]) => ({ campaignId, householdId: { in: [...ids] } }));
}

/** The seed of a sample an import recorded (the file's households), as opposed to one drawn in the app. */
const IMPORTED_SAMPLE = "import:";

/**
 * SUR-2: the sample member each new questionnaire's hand-out belongs to, by campaign/household.
 * Drawn in the app: `prepareSurveyHandouts` (RUNNING, through the API) or `sampleRefusals` (CLOSED
 * history, the command line) refuses a household outside it, naming the line. Never drawn: the
 * file's households are recorded as the campaign's executed sample (rows added to `w`).
 */
async function sampleOf(s: ImportSession, fresh: Questionnaire[], problems: Problems, w: { samples: BulkRow[]; members: BulkRow[] }): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byCampaign = new Map<string, Questionnaire[]>();
  for (const q of fresh) byCampaign.set(q.campaign.id, [...(byCampaign.get(q.campaign.id) ?? []), q]);
  for (const [campaignId, qs] of byCampaign) {
    const campaign = qs[0]!.campaign;
    if (!campaign.drawn) {
      const sampleId = newId();
      w.samples.push({ id: sampleId, organizationId: s.organizationId, campaignId, estateId: null, seed: `${IMPORTED_SAMPLE}${s.fileName}`, rate: 1, populationSize: qs.length, sampleSize: qs.length, createdById: s.actorId, createdAt: s.now });
      for (const q of qs) {
        const id = newId();
        w.members.push({ id, organizationId: s.organizationId, sampleId, campaignId, estateId: q.household.estateId, householdId: q.household.id, reason: "MANUAL" });
        out.set(`${campaignId}/${q.household.id}`, id);
      }
      continue;
    }
    if (s.context && HANDOUT_STATUSES.includes(campaign.status)) {
      // The app's own check of a list of hand-outs (SUR-2, SUR-3), on the import's transaction.
      try {
        const rows = await prepareSurveyHandouts(s.context, campaignId, qs.map((q) => ({ householdId: q.household.id, handedOutAt: q.handedOutAt })), "rows");
        for (const r of rows) out.set(`${campaignId}/${r.householdId}`, r.sampleMemberId);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        for (const p of e.problems) {
          const [, index, field] = p.field.split(".");
          const q = qs[Number(index)];
          problems.add((q ?? qs[0]!).rows[0]!.line, field === "handedOutAt" ? "handed_out_at" : field === "householdId" ? "household_code" : "campaign_code", p.localized ?? msg("importRuleRefusal", { code: p.code }));
        }
      }
      continue;
    }
    for (const [q, member] of await sampleRefusals(s, campaignId, qs)) {
      if (member) out.set(`${campaignId}/${q.household.id}`, member);
      else problems.add(q.rows[0]!.line, "household_code", msg("surveyHouseholdNotSampled"));
    }
  }
  return out;
}

/**
 * SUR-2 for a campaign no longer RUNNING (history) or the command line: as `prepareSurveyHandouts`,
 * a household gets a questionnaire only as a member of the drawn sample without one yet. Each
 * questionnaire with its member's id, or null when refused.
 */
async function sampleRefusals(s: ImportSession, campaignId: string, qs: Questionnaire[]): Promise<[Questionnaire, string | null][]> {
  const found = new Map<string, string>();
  for (const part of chunks(qs, 2000)) {
    const rows = await s.db.surveySampleMember.findMany({
      where: { organizationId: s.organizationId, campaignId, handout: null, householdId: { in: part.map((q) => q.household.id) } },
      select: { id: true, householdId: true },
    });
    for (const m of rows) found.set(m.householdId, m.id);
  }
  return qs.map((q) => [q, found.get(q.household.id) ?? null]);
}
