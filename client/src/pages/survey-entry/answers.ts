import type { Client } from "@urql/core";
import { rowOutcome } from "../../components/row-editing/payload.ts";
import { createRowEditing } from "../../components/row-editing/row-editing.ts";
import {
  RecordSurveyResponseMutation,
  type QuestionnaireDimension,
  type SurveyAnswerInput,
  type SurveyHandout,
} from "../../graphql/surveys.ts";
import { scaleLabel, t, type TextKey } from "./text.ts";

/** One answer cell: a score "1"…"5", "NA" (not applicable) or null (blank). */
export type Answer = string | null;

/** A questionnaire as a grid line: the hand-out and one field `q:<dimension code>` per question. */
export interface SurveyLine {
  id: string;
  version: number;
  household: string;
  estate: string;
  distributor: string;
  handedOutAt: string;
  returnedAt: string | null;
  /** The answers' comments as the server sent them, sent back unchanged so that re-entering keeps them. */
  comments: Record<string, string>;
  [question: `q:${string}`]: Answer;
}

export const field = (code: string): `q:${string}` => `q:${code}`;

export function toLine(h: SurveyHandout): SurveyLine {
  const line: SurveyLine = {
    id: h.id,
    version: h.version,
    household: h.household.code,
    estate: h.estate.name,
    distributor: h.distributor?.displayName ?? "",
    handedOutAt: h.handedOutAt,
    returnedAt: h.returnedAt,
    comments: {},
  };
  for (const r of h.responses) {
    line[field(r.dimension.code)] = r.notApplicable ? "NA" : r.rating != null ? String(r.rating) : null;
    if (r.comment) line.comments[r.dimension.code] = r.comment;
  }
  return line;
}

/** The options of a question (SUR-6): the 5-point scale, not applicable where the question allows it, blank. */
export const options = (d: QuestionnaireDimension): Answer[] => ["5", "4", "3", "2", "1", ...(d.allowNotApplicable ? ["NA"] : []), null];

/** A cell's short text: the score, "N/A" or nothing. */
export const short = (v: unknown) => (v == null ? "" : v === "NA" ? "N/A" : String(v));

/** SUR-6: the answers sent, one per question answered (or carrying a comment); a question left out is blank. */
function answersOf(line: SurveyLine, dimensions: QuestionnaireDimension[]): SurveyAnswerInput[] {
  return dimensions.flatMap((d) => {
    const v = line[field(d.code)];
    const comment = line.comments[d.code];
    if (v == null && !comment) return [];
    return [
      {
        dimension: d.code,
        ...(v === "NA" ? { notApplicable: true } : v != null ? { rating: Number(v) } : {}),
        ...(comment ? { comment } : {}),
      },
    ];
  });
}

/**
 * SUR-6: a committed questionnaire row becomes recordSurveyResponse with the hand-out's version;
 * a refused answer (input.answers.3.rating) lands on its question's cell; a stale version opens
 * the conflict dialog.
 */
export function surveyEditing(client: Client, dimensions: QuestionnaireDimension[]) {
  const names = new Map(dimensions.map((d) => [field(d.code) as string, d.name]));
  return createRowEditing<SurveyLine>({
    rowId: (r) => r.id,
    rowLabel: (r) => r.household,
    fieldLabel: (f) => names.get(f) ?? t(f as TextKey),
    fields: dimensions.map((d) => field(d.code)),
    format: (f, v) => (f.startsWith("q:") ? (v == null ? "" : scaleLabel(v as string)) : String(v ?? "")),
    save: async (edited, saved) => {
      const answers = answersOf(edited, dimensions);
      const result = await client
        .mutation(RecordSurveyResponseMutation, { input: { handoutId: edited.id, version: saved.version, answers } })
        .toPromise();
      const column = (f: string) => {
        const m = /^input\.answers\.(\d+)/.exec(f);
        return m && answers[Number(m[1])] ? field(answers[Number(m[1])]!.dimension) : undefined;
      };
      return rowOutcome(result, toLine, column, "returnedAt");
    },
  });
}

export type SurveyEditing = ReturnType<typeof surveyEditing>;
