import type { Prisma } from "@tingjian/prisma/client";
import type { Context } from "../context.ts";
import { estateFilter, inEstates, inOrganization } from "../read-scope.ts";

/**
 * Who may read which survey records (SPEC §2, §9): the read scopes the survey commands and the
 * schema share. Read policy: its place is access/ (the lead may move it to access/read-scope.ts);
 * it lives here until then so that no service imports schema/.
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

/** §2: post-survey tasks of campaigns in the caller's scope, organisation-wide or of its estates. */
export function taskScope(ctx: Context): Prisma.SurveyTaskWhereInput {
  const estateId = estateFilter(ctx);
  return { ...inOrganization(ctx), campaign: campaignScope(ctx), ...(estateId ? { OR: [{ estateId: null }, { estateId }] } : {}) };
}
