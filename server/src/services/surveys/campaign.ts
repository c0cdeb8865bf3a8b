import type { Prisma, SurveyCampaign, SurveyCampaignEstate, SurveyCampaignStatus } from "@tingjian/prisma/client";
import type { Context } from "../../access/context.ts";
import { estateFilter, inOrganization } from "../../access/read-scope.ts";
import { policyAt } from "../../domain/policies/policy-at.ts";
import { SurveyCampaignConflictError, SurveyCampaignStateError } from "../../errors/surveys.ts";
import { ForbiddenError, NotFoundError } from "../../errors/typed-errors.ts";
import type { Bilingual } from "../../i18n/bilingual.ts";
import { msg } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { campaignScope } from "../../access/scopes/surveys.ts";

/**
 * The campaign as every survey command sees it (SPEC §9, SUR-1): under the caller's scope (§2),
 * at the version read, in a status that allows the step; its stale-version write; the lock that
 * serialises programme steps; the policy targets in force at its start (SPEC preamble).
 */

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
  if (opts.write && scope && row.estates.some((e) => !scope.in.includes(e.estateId)))
    throw new ForbiddenError(msg("surveyCampaignOutsideScope"));
  if (opts.version !== undefined && row.version !== opts.version) throw new SurveyCampaignConflictError(row.id, row.version);
  return row;
}

/** SUR-1: `what` (a step, i18n/catalogue/surveys.ts surveyStep*) needs one of `allowed`. */
export function assertCampaignStatus(
  row: { status: SurveyCampaignStatus },
  allowed: readonly SurveyCampaignStatus[],
  field: string,
  what: Bilingual,
): void {
  if (!allowed.includes(row.status)) {
    throw new SurveyCampaignStateError(
      field,
      row.status,
      msg("surveyCampaignStatusNeeded", { what, allowed: [allowed.join(" 或 "), allowed.join(" or ")], status: row.status }),
    );
  }
}

/** Writes `data` if the campaign is still at the version read (optimistic concurrency), else a conflict. */
export async function saveCampaign(
  ctx: Context,
  row: { id: string; version: number },
  data: Prisma.SurveyCampaignUncheckedUpdateManyInput,
): Promise<void> {
  await writeAtVersion(ctx.prisma.surveyCampaign, row, data, (id, v) => new SurveyCampaignConflictError(id, v));
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
export async function policyPercents(
  ctx: Context,
  key: string,
  estateIds: readonly (string | null)[],
  at: Date,
  fallback: number | null = null,
): Promise<Map<string | null, number | null>> {
  const rows = await ctx.prisma.policyValue.findMany({
    where: { ...inOrganization(ctx), key },
    select: { key: true, estateId: true, valueNumeric: true, effectiveFrom: true, effectiveTo: true },
  });
  const values = rows.map((r) => ({ ...r, value: r.valueNumeric === null ? null : Number(r.valueNumeric) }));
  return new Map(estateIds.map((e) => [e, policyAt(values, key, e, at)?.value ?? fallback]));
}
