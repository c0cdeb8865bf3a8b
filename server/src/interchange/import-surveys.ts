import { newId } from "./ids.ts";
import { answerProblems, type AnswerInput } from "../domain/surveys/answers.ts";
import { BulkWriter, chunks, type BulkRow } from "./bulk.ts";
import type { Problems } from "./rows.ts";
import type { FileRows, ImportSession, Plan } from "./session.ts";
import { HANDOUT_STATUSES } from "../domain/surveys/campaign-workflow.ts";
import { InputError } from "../errors/typed-errors.ts";
import { msg } from "../i18n/messages.ts";
import { prepareSurveyHandouts } from "../services/surveys/handouts.ts";
import { IMPORTED_SAMPLE, readQuestionnaires, type Questionnaire } from "./survey-questionnaires.ts";

type Handout = {
  id: string;
  handedOutAt: Date;
  returnedAt: Date | null;
  version: number;
  responses: Map<string, { rating: number | null; notApplicable: boolean; comment: string | null }>;
};
type SurveyRows = { handouts: BulkRow[]; returns: BulkRow[]; responses: BulkRow[]; samples: BulkRow[]; members: BulkRow[] };
type Counts = { created: number; updated: number; unchanged: number };

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
export async function prepareSurveyResponses(s: ImportSession, { rows }: FileRows, problems: Problems): Promise<Plan> {
  const questionnaires = await readQuestionnaires(s, rows, problems);
  const stored = await storedHandouts(s, questionnaires);
  const w: SurveyRows = { handouts: [], returns: [], responses: [], samples: [], members: [] };
  const members = await sampleOf(
    s,
    questionnaires.filter((q) => !stored.has(`${q.campaign.id}/${q.household.id}`)),
    problems,
    w,
  );
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  for (const q of questionnaires) {
    const key = `${q.campaign.id}/${q.household.id}`;
    planQuestionnaire(s, q, stored.get(key), members.get(key), w, problems, counts);
  }
  return {
    ...counts,
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

/**
 * One questionnaire of the file against its stored hand-out (`before`): a new one is handed out to
 * its sample member (none: refused by `sampleOf`), a return on a hand-out without answers adds
 * them, and answers entered before must match. Rows go to `w`, the rows' outcome to `counts`.
 */
function planQuestionnaire(
  s: ImportSession,
  q: Questionnaire,
  before: Handout | undefined,
  member: string | undefined,
  w: SurveyRows,
  problems: Problems,
  counts: Counts,
): void {
  const { answers, checked } = checkedAnswers(q, problems);
  const handoutId = before?.id ?? newId();
  const respond = () =>
    w.responses.push(
      ...checked.map((a) => ({
        id: newId(),
        organizationId: s.organizationId,
        handoutId,
        campaignId: q.campaign.id,
        estateId: q.household.estateId,
        householdId: q.household.id,
        ...a,
        createdAt: s.now,
        updatedAt: s.now,
      })),
    );
  if (!before) {
    if (!member) return;
    w.handouts.push({
      id: handoutId,
      organizationId: s.organizationId,
      campaignId: q.campaign.id,
      estateId: q.household.estateId,
      householdId: q.household.id,
      sampleMemberId: member,
      distributorId: s.actorId,
      handedOutAt: q.handedOutAt,
      returnedAt: q.returnedAt,
      createdAt: s.now,
      updatedAt: s.now,
    });
    if (q.returnedAt) respond();
    counts.created += q.rows.length;
    return;
  }
  const line = q.rows[0]!.line;
  if (before.handedOutAt.getTime() !== q.handedOutAt.getTime()) problems.add(line, "handed_out_at", msg("importHandoutDiffers"));
  if (before.returnedAt && q.returnedAt && before.returnedAt.getTime() !== q.returnedAt.getTime())
    problems.add(line, "returned_at", msg("importReturnDiffers"));
  if (before.responses.size === 0) {
    if (q.returnedAt) {
      w.returns.push({ id: before.id, returnedAt: q.returnedAt, version: before.version + 1, updatedAt: s.now });
      respond();
      counts.updated += q.rows.length;
    } else counts.unchanged += q.rows.length;
    return;
  }
  compareAnswers(q, before, answers, problems, counts);
}

/** The questionnaire's answers as recordSurveyResponses checks them (checkAnswers), each problem on its row. */
function checkedAnswers(q: Questionnaire, problems: Problems) {
  const answers = q.rows.map(
    (r) =>
      ({
        dimension: r.text("dimension")!,
        rating: numeric(r.rating("rating")),
        notApplicable: r.rating("rating") === "NA",
        comment: r.text("comment"),
      }) satisfies AnswerInput,
  );
  const checked = answerProblems(answers, q.campaign.dimensions, "rows");
  for (const p of checked.problems) {
    const [, index, field] = p.field.split(".");
    problems.add(q.rows[Number(index)]!.line, field === "comment" ? "comment" : field === "dimension" ? "dimension" : "rating", p.message);
  }
  return { answers, checked: checked.rows };
}

/** Answers entered before must match the file's (they are changed with recordSurveyResponse). */
function compareAnswers(q: Questionnaire, before: Handout, answers: AnswerInput[], problems: Problems, counts: Counts): void {
  for (const [i, r] of q.rows.entries()) {
    const dim = q.campaign.dimensions.find((d) => d.code === r.text("dimension"));
    const had = dim && before.responses.get(dim.id);
    const a = answers[i]!;
    if (
      had &&
      (had.rating !== (a.rating ?? null) || had.notApplicable !== a.notApplicable || had.comment !== (a.comment?.trim() || null))
    ) {
      problems.add(r.line, r.given("comment") && had.comment !== a.comment ? "comment" : "rating", msg("importAnswersEntered"));
    } else counts.unchanged++;
  }
}

const numeric = (v: number | "NA" | null) => (typeof v === "number" ? v : null);

async function storedHandouts(s: ImportSession, qs: Questionnaire[]): Promise<Map<string, Handout>> {
  const out = new Map<string, Handout>();
  for (const part of chunks(qs, 2000)) {
    const found = await s.db.surveyHandout.findMany({
      where: { organizationId: s.organizationId, OR: byCampaign(part) },
      select: {
        id: true,
        campaignId: true,
        householdId: true,
        handedOutAt: true,
        returnedAt: true,
        version: true,
        responses: { select: { dimensionId: true, rating: true, notApplicable: true, comment: true } },
      },
    });
    for (const h of found)
      out.set(`${h.campaignId}/${h.householdId}`, { ...h, responses: new Map(h.responses.map((r) => [r.dimensionId, r])) });
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

/**
 * SUR-2: the sample member each new questionnaire's hand-out belongs to, by campaign/household.
 * Drawn in the app: `prepareSurveyHandouts` (RUNNING, through the API) or `sampleRefusals` (CLOSED
 * history, the command line) refuses a household outside it, naming the line. Never drawn: the
 * file's households are recorded as the campaign's executed sample (rows added to `w`).
 */
async function sampleOf(
  s: ImportSession,
  fresh: Questionnaire[],
  problems: Problems,
  w: { samples: BulkRow[]; members: BulkRow[] },
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byCampaign = new Map<string, Questionnaire[]>();
  for (const q of fresh) byCampaign.set(q.campaign.id, [...(byCampaign.get(q.campaign.id) ?? []), q]);
  for (const [campaignId, qs] of byCampaign) {
    const campaign = qs[0]!.campaign;
    if (!campaign.drawn) {
      const sampleId = newId();
      w.samples.push({
        id: sampleId,
        organizationId: s.organizationId,
        campaignId,
        estateId: null,
        seed: `${IMPORTED_SAMPLE}${s.fileName}`,
        rate: 1,
        populationSize: qs.length,
        sampleSize: qs.length,
        createdById: s.actorId,
        createdAt: s.now,
      });
      for (const q of qs) {
        const id = newId();
        w.members.push({
          id,
          organizationId: s.organizationId,
          sampleId,
          campaignId,
          estateId: q.household.estateId,
          householdId: q.household.id,
          reason: "MANUAL",
        });
        out.set(`${campaignId}/${q.household.id}`, id);
      }
      continue;
    }
    if (s.context && HANDOUT_STATUSES.includes(campaign.status)) {
      // The app's own check of a list of hand-outs (SUR-2, SUR-3), on the import's transaction.
      try {
        const rows = await prepareSurveyHandouts(
          s.context,
          campaignId,
          qs.map((q) => ({ householdId: q.household.id, handedOutAt: q.handedOutAt })),
          "rows",
        );
        for (const r of rows) out.set(`${campaignId}/${r.householdId}`, r.sampleMemberId);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        for (const p of e.problems) {
          const [, index, field] = p.field.split(".");
          const q = qs[Number(index)];
          problems.add(
            (q ?? qs[0]!).rows[0]!.line,
            field === "handedOutAt" ? "handed_out_at" : field === "householdId" ? "household_code" : "campaign_code",
            p.localized ?? msg("importRuleRefusal", { code: p.code }),
          );
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
