import { Prisma } from "@tingjian/prisma/client";
import { EVERY_SLICE_KEY, NOT_SET_KEY, ORGANIZATION_KEY, type SliceBy } from "./catalogue.ts";
import { knownComplaintSql, type VisibleTopSecret } from "./visibility.ts";

/**
 * The building blocks of SPEC §11's populations (populations.ts, survey-populations.ts): the
 * parameters of a request, the slice expressions, the shared predicates and the columns every
 * population has. Column names come only from the constant maps here (never user input). Pure.
 */
const { sql, raw, empty } = Prisma;
export type Sql = Prisma.Sql;

export interface WindowPolicy {
  estateId: string | null;
  value: number | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
}

/** REC-2 without a policy value in force: 90 days (SPEC §10). */
export const DEFAULT_WINDOW_DAYS = 90;

export interface PopulationParams {
  organizationId: string;
  from: Date;
  /** Exclusive. */
  to: Date;
  /** "Now" of the request: SLA stages past their deadline and questionnaires returned by now. */
  now: Date;
  /** The estates counted; null = every estate of the organisation. */
  estateIds: readonly string[] | null;
  sliceBy: SliceBy;
  /** The organisation's timezone: months of the visit rate are local months. */
  timeZone: string;
  /** The local months (YYYY-MM) the period touches (VIS-1 is a monthly rate). */
  months: readonly string[];
  /** REC-2.windowDays values (organisation defaults and estate overrides, every period). */
  windowPolicy: readonly WindowPolicy[];
  /** SEC-2, issue 15 item 8: the TOP_SECRET complaints the caller may know; null = every one (the executive). Nothing else is counted. */
  visibleTopSecret: VisibleTopSecret;
  /**
   * §11 survey figures of given campaigns (surveyReturnRates, surveySatisfaction) instead of the
   * campaigns that started in the period: the same populations, so a campaign's figure and the
   * period's figure of that one campaign are one definition (issue 16 item 3).
   */
  campaignIds?: readonly string[] | null;
}

// ---- slice expressions (constants; never user input) ----

export type SliceMap = Partial<Record<SliceBy, string>>;
export const ORG = `'${ORGANIZATION_KEY}'`;
export const EVERY = `'${EVERY_SLICE_KEY}'`;

export const COMPLAINT_SLICE: SliceMap = {
  ORGANIZATION: ORG,
  ESTATE: "c.estate_id",
  BUILDING: "c.building_id",
  DEPARTMENT: "c.lead_department_id",
  CATEGORY: "c.category_id",
  CHANNEL: "c.channel",
  SEVERITY: "c.severity",
  STAFF: "c.assignee_id",
};
export const SLA_SLICE: SliceMap = { ...COMPLAINT_SLICE, ESTATE: "s.estate_id" };
/** A callback's place is its own estate and household; its subject is the complaint called back about (if any). */
export const CALLBACK_SLICE: SliceMap = { ...COMPLAINT_SLICE, ESTATE: "cb.estate_id", BUILDING: "hh.building_id", STAFF: "cb.staff_id" };
export const ISSUE_SLICE: SliceMap = { ...CALLBACK_SLICE, DEPARTMENT: "i.department_id" };
/** Resident households: the denominator of a place; every slice's denominator for the other cuts (§11). */
export const HOUSEHOLD_SLICE: SliceMap = {
  ORGANIZATION: ORG,
  ESTATE: "h.estate_id",
  BUILDING: "h.building_id",
  DEPARTMENT: EVERY,
  CATEGORY: EVERY,
  CHANNEL: EVERY,
  SEVERITY: EVERY,
  STAFF: EVERY,
};
export const VISIT_SLICE: SliceMap = { ORGANIZATION: ORG, ESTATE: "v.estate_id", BUILDING: "h.building_id", STAFF: "v.visitor_id" };
export const RESPONSE_SLICE: SliceMap = { ORGANIZATION: ORG, ESTATE: "r.estate_id", BUILDING: "h.building_id" };
export const HANDOUT_SLICE: SliceMap = { ORGANIZATION: ORG, ESTATE: "ho.estate_id", BUILDING: "h.building_id", STAFF: "ho.distributor_id" };
export const MEMBER_SLICE: SliceMap = { ORGANIZATION: ORG, ESTATE: "m.estate_id" };
export const CAMPAIGN_ESTATE_SLICE: SliceMap = { ORGANIZATION: ORG, ESTATE: "ce.estate_id" };
export const COMPLAINANT_SLICE: SliceMap = { ORGANIZATION: ORG, ESTATE: "k.estate_id", BUILDING: "k.building_id" };
export const EVERY_SLICE: SliceMap = Object.fromEntries(
  (["ORGANIZATION", "ESTATE", "BUILDING", "DEPARTMENT", "CATEGORY", "CHANNEL", "SEVERITY", "STAFF"] as const).map((s) => [s, EVERY]),
);

/** The slice of a row as its column is (a uuid, an enum, text); null = no value. */
export function sliceOf(map: SliceMap, by: SliceBy): Sql {
  const expr = map[by];
  if (!expr) throw new Error(`No ${by} slice for this population`);
  return raw(`(${expr})`);
}

/** The slice key of a row as text ('~' = no value). */
export function sliceText(map: SliceMap, by: SliceBy): Sql {
  return sql`coalesce((${sliceOf(map, by)})::text, '${raw(NOT_SET_KEY)}')`;
}

// ---- shared predicates ----

export const estateIn = (p: PopulationParams, column: string): Sql =>
  p.estateIds ? sql`AND ${raw(column)} = ANY(${[...p.estateIds]}::uuid[])` : empty;
export const inPeriod = (p: PopulationParams, column: string): Sql =>
  sql`${raw(column)} >= ${p.from}::timestamptz AND ${raw(column)} < ${p.to}::timestamptz`;

/** SEC-2, issue 15 item 8: may the caller know complaint `alias` exists? Only then is it (or anything of it) counted. */
export function complaintVisible(p: PopulationParams, alias: string): Sql {
  return knownComplaintSql(p.visibleTopSecret, alias);
}

/** As callbackScope: a callback of a complaint is known with the complaint; another one unless TOP_SECRET (SEC-2, issue 15 item 8). */
export function callbackVisible(p: PopulationParams): Sql {
  if (p.visibleTopSecret === null) return sql`TRUE`;
  return sql`(CASE WHEN cb.complaint_id IS NULL THEN cb.classification <> 'TOP_SECRET' ELSE ${complaintVisible(p, "c")} END)`;
}

/** §11, CLS-1, INT-4: a valid complaint that is not a duplicate (duplicates are never counted as complaints). */
export const VALID_NOT_DUPLICATE = (alias: string) => raw(`${alias}.valid AND ${alias}.duplicate_of_id IS NULL`);

/**
 * Survey campaigns of the period: started in it, and run (a draft or cancelled campaign asked no
 * one); or, when the request names campaigns, exactly those (whatever their status).
 */
export function campaignOfPeriod(p: PopulationParams): Sql {
  if (p.campaignIds) return sql`sc.id = ANY(${[...p.campaignIds]}::uuid[])`;
  return sql`${inPeriod(p, "sc.starts_at")} AND sc.status IN ('RUNNING', 'CLOSED')`;
}

export interface Columns {
  part?: Sql;
  partLabel?: Sql;
  slice: Sql;
  rowId: Sql;
  nodeId: Sql;
  sortAt?: Sql;
  sortText?: Sql;
  inNum: Sql;
  score?: Sql;
  judgedAt?: Sql;
}

export function columns(c: Columns): Sql {
  return sql`(${c.part ?? sql`''`})::text AS part, (${c.partLabel ?? sql`NULL`})::text AS part_label, coalesce((${c.slice})::text, '${raw(NOT_SET_KEY)}') AS slice_key, ${c.slice} AS slice_raw,
    (${c.rowId})::text AS row_id, (${c.nodeId})::uuid AS node_id, (${c.sortAt ?? sql`NULL`})::timestamptz AS sort_at,
    (${c.sortText ?? sql`NULL`})::text AS sort_text, coalesce(${c.inNum}, FALSE) AS in_num,
    (${c.score ?? sql`NULL`})::float8 AS score, (${c.judgedAt ?? sql`NULL`})::timestamptz AS judged_at`;
}
