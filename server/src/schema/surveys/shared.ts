import type { Prisma, SurveyCampaign, SurveyCampaignEstate, SurveyCampaignStatus } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { policyAt } from "../../domain/policies/policy-at.ts";
import { availableCampaignActions, CAMPAIGN_ACTIONS, type CampaignAction } from "../../domain/surveys/campaign-workflow.ts";
import type { RateFigure } from "../../domain/surveys/rates.ts";
import { SurveyCampaignStatusEnum } from "../enums.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../../errors/typed-errors.ts";
import { conflictErrorType, ErrorInterface, STANDARD_ERRORS } from "../errors.ts";
import { estateFilter, inEstates, inOrganization } from "../../access/read-scope.ts";

/**
 * What every survey file shares (SPEC §9): the scopes (§2: the caller's organisation and
 * estates), the campaign as the caller may change it (version check), the campaign-state error,
 * policy targets in force at the campaign's start, and the rate type of §11.
 */

/** §2: campaigns of the organisation; an estate-bound caller sees those covering one of its estates. */
export function campaignScope(ctx: Context): Prisma.SurveyCampaignWhereInput {
  const estateId = estateFilter(ctx);
  return { ...inOrganization(ctx), ...(estateId ? { estates: { some: { estateId } } } : {}) };
}

/**
 * §2: hand-outs and answers of the caller's estates. The developer liaison sees only complaints
 * forwarded to the developer (WF-5), never survey records.
 */
export function estateRecords(ctx: Context): { organizationId: string; estateId?: { in: string[] }; id?: { in: string[] } } {
  return ctx.viewer?.role === "DEVELOPER_LIAISON" ? { ...inOrganization(ctx), id: { in: [] } } : inEstates(ctx);
}

/** SQL form of the estate scope: null = every estate of the organisation. */
export function estateScopeIds(ctx: Context): string[] | null {
  if (ctx.viewer?.role === "DEVELOPER_LIAISON") return [];
  return estateFilter(ctx)?.in ?? null;
}

export const SurveyCampaignActionEnum = builder.enumType("SurveyCampaignAction", { description: "SUR-1 campaign steps", values: CAMPAIGN_ACTIONS });

export const SurveyRateRef = builder.objectRef<RateFigure>("SurveyRate").implement({
  description: "§11: a rate with its numerator and denominator, the policy target in force at the campaign's start, and whether it is met",
  fields: (t) => ({
    numerator: t.exposeInt("numerator"),
    denominator: t.exposeInt("denominator"),
    rate: t.float({ nullable: true, description: "numerator ÷ denominator (0…1); null when the denominator is 0", resolve: (r) => r.rate }),
    target: t.float({ nullable: true, description: "The target (0…1) from the policy in force; null when none applies", resolve: (r) => r.target }),
    met: t.boolean({ nullable: true, description: "rate ≥ target; null without a denominator or a target", resolve: (r) => r.met }),
  }),
});

// ---- errors ----

export class SurveyCampaignConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(SurveyCampaignConflictError, "SurveyCampaignConflictError"), (t) => ({
  current: t.prismaField({ type: "SurveyCampaign", resolve: (query, e, _a, ctx) => ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...query, where: { id: e.recordId } }) }),
}));

/** SUR-1: something the campaign's state does not allow; names the steps it does allow. */
export class SurveyCampaignStateError extends Error {
  constructor(readonly field: string, readonly status: SurveyCampaignStatus, message: string) {
    super(message);
    this.name = "SurveyCampaignStateError";
  }
  get allowedActions(): CampaignAction[] {
    return availableCampaignActions(this.status);
  }
}
builder.objectType(SurveyCampaignStateError, {
  name: "SurveyCampaignStateError",
  description: "SUR-1: the campaign's status does not allow this; `allowedActions` are the steps it allows",
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof SurveyCampaignStateError,
  fields: (t) => ({
    field: t.exposeString("field"),
    status: t.expose("status", { type: SurveyCampaignStatusEnum }),
    allowedActions: t.field({ type: [SurveyCampaignActionEnum], resolve: (e) => e.allowedActions }),
  }),
});

export const CAMPAIGN_ERRORS = [...STANDARD_ERRORS, SurveyCampaignConflictError, SurveyCampaignStateError];

// ---- the campaign as a mutation sees it ----

export type CampaignRow = SurveyCampaign & { estates: SurveyCampaignEstate[] };

/**
 * The campaign under the caller's scope. To change it (`write`), the caller's scope must cover
 * every estate of the campaign (a company-wide survey is run by company-level staff); with a
 * `version`, a different one is a conflict and nothing is written.
 */
export async function campaignFor(ctx: Context, id: string, opts: { write?: boolean; version?: number } = {}): Promise<CampaignRow> {
  const row = await ctx.prisma.surveyCampaign.findFirst({ where: { id, AND: [campaignScope(ctx)] }, include: { estates: true } });
  if (!row) throw new NotFoundError("Survey campaign");
  const scope = estateFilter(ctx);
  if (opts.write && scope && row.estates.some((e) => !scope.in.includes(e.estateId))) {
    throw new ForbiddenError("The campaign covers estates outside your scope; it is run by staff of all its estates (§2)");
  }
  if (opts.version !== undefined && row.version !== opts.version) throw new SurveyCampaignConflictError(row.id, row.version);
  return row;
}

export function assertCampaignStatus(row: { status: SurveyCampaignStatus }, allowed: readonly SurveyCampaignStatus[], field: string, what: string): void {
  if (!allowed.includes(row.status)) throw new SurveyCampaignStateError(field, row.status, `${what} needs a campaign that is ${allowed.join(" or ")}; this one is ${row.status}`);
}

/** Writes `data` if the campaign is still at `version` (optimistic concurrency), else a conflict. */
export async function saveCampaign(ctx: Context, row: { id: string; version: number }, data: Prisma.SurveyCampaignUncheckedUpdateManyInput): Promise<void> {
  const updated = await ctx.prisma.surveyCampaign.updateMany({ where: { id: row.id, version: row.version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) {
    const now = await ctx.prisma.surveyCampaign.findUniqueOrThrow({ where: { id: row.id }, select: { version: true } });
    throw new SurveyCampaignConflictError(row.id, now.version);
  }
}

/** Serialises programme steps of one campaign (sampling, follow-ups, tasks): a second call waits and sees the first. */
export async function lockCampaign(ctx: Context, id: string): Promise<void> {
  await ctx.prisma.$queryRaw`SELECT id FROM survey_campaigns WHERE id = ${id}::uuid FOR UPDATE`;
}

/**
 * Policy percentages of `key` in force at `at` (SPEC preamble: a campaign is judged by the
 * policy in force at its start), for the organisation (null) and each estate (its override
 * first). One query for all of them.
 */
export async function policyPercents(ctx: Context, key: string, estateIds: readonly (string | null)[], at: Date, fallback: number | null = null): Promise<Map<string | null, number | null>> {
  const rows = await ctx.prisma.policyValue.findMany({
    where: { ...inOrganization(ctx), key },
    select: { key: true, estateId: true, valueNumeric: true, effectiveFrom: true, effectiveTo: true },
  });
  const values = rows.map((r) => ({ ...r, value: r.valueNumeric === null ? null : Number(r.valueNumeric) }));
  return new Map(estateIds.map((e) => [e, policyAt(values, key, e, at)?.value ?? fallback]));
}
