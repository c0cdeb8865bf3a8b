import type { App } from "@tingjian/server";
import { gql, signIn, type Caller, type GqlResult } from "./graphql.ts";

/**
 * Helpers of the survey suites (SPEC §9): callers signed in per login on the test clock (a
 * session lasts 12 h of it, so `reset()` after moving the clock far), and every typed error's
 * fields in one fragment.
 */
const FRAGMENTS: Record<string, string> = {
  SurveyCampaignStateError: "field status allowedActions",
  SurveyCampaignConflictError: "currentVersion current { version status }",
  QuestionnaireConflictError: "currentVersion",
  QuestionnaireFrozenError: "field campaignCodes",
  SurveyHandoutConflictError: "currentVersion current { version returnedAt }",
  SurveyTaskConflictError: "currentVersion",
  TenantMeetingConflictError: "currentVersion",
  SurveyBulkEntryError: "problems { index line field reason }",
};

/** The selection of a payload's typed errors: every Error's message, InputError's field, and the named types' fields. */
export function errors(...types: (keyof typeof FRAGMENTS)[]): string {
  return `__typename ... on Error { message } ... on InputError { field } ${types.map((ty) => `... on ${ty} { ${FRAGMENTS[ty]} }`).join(" ")}`;
}

/** The errors of a campaign mutation (SUR-1). */
export const CAMPAIGN_ERRORS = errors("SurveyCampaignStateError", "SurveyCampaignConflictError");

export interface Payload<T = Record<string, unknown>> {
  __typename: string;
  message?: string;
  field?: string;
  status?: string;
  allowedActions?: string[];
  campaignCodes?: string[];
  currentVersion?: number;
  current?: Record<string, unknown>;
  problems?: { index: number; line: number; field: string; reason: string }[];
  data?: T;
}

export function surveyClient(app: App) {
  const callers = new Map<string, Caller>();
  const as = async (login: string) => {
    let c = callers.get(login);
    if (!c) callers.set(login, (c = await signIn(app, login)));
    return c;
  };
  const run = async <T = Record<string, unknown>>(
    login: string,
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<T>> => gql<T>(app, document, variables, await as(login));
  /** A mutation's union payload (a GraphQL error is a test failure). */
  const payload = async <T = Record<string, unknown>>(
    login: string,
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<Payload<T>> => {
    const r = await run<Record<string, Payload<T>>>(login, document, variables);
    if (r.errors || !r.data) throw new Error(JSON.stringify(r.errors ?? r));
    return Object.values(r.data)[0]!;
  };
  /** A mutation that must succeed: its data. */
  const ok = async <T = Record<string, unknown>>(login: string, document: string, variables?: Record<string, unknown>): Promise<T> => {
    const p = await payload<T>(login, document, variables);
    if (!p.__typename.endsWith("Success")) throw new Error(`expected success: ${JSON.stringify(p)}`);
    return p.data!;
  };
  /** A query's data (a GraphQL error is a test failure). */
  const read = async <T = Record<string, unknown>>(login: string, document: string, variables?: Record<string, unknown>): Promise<T> => {
    const r = await run<T>(login, document, variables);
    if (r.errors || !r.data) throw new Error(JSON.stringify(r.errors ?? r));
    return r.data;
  };
  return { as, run, payload, ok, read, reset: () => callers.clear() };
}
