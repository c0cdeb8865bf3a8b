import { Prisma } from "@tingjian/prisma/client";
import type { Context } from "../../access/context.ts";
import { knownComplaintSql, type VisibleTopSecret } from "../../domain/metrics/visibility.ts";

/**
 * SUR-2, §11: "every household that complained since the previous survey": households with a
 * valid complaint received from the previous campaign's start up to this campaign's start, in
 * the campaign's estates. The sample itself counts every complaint, whatever its classification
 * (it is drawn once for the company, whoever draws it); a figure shown to a caller counts only the
 * complaints the caller may know exist (`visibleTopSecret`: SEC-2, issue 15 item 8).
 */
export interface CampaignWindow {
  organizationId: string;
  startsAt: Date;
  previousCampaignId: string | null;
  estates: readonly { estateId: string }[];
}

export async function windowStart(ctx: Context, campaign: CampaignWindow): Promise<Date | null> {
  if (!campaign.previousCampaignId) return null;
  const previous = await ctx.prisma.surveyCampaign.findUnique({ where: { id: campaign.previousCampaignId }, select: { startsAt: true } });
  return previous?.startsAt ?? null;
}

/**
 * The window's complainant households as SQL rows (household_id, estate_id), to use in a larger
 * statement; with `visibleTopSecret` (a figure), only of complaints the caller may know (null: every one).
 */
export function complainantSql(campaign: CampaignWindow, since: Date | null, visibleTopSecret: VisibleTopSecret = null): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT h.id AS household_id, h.estate_id
      FROM complaints c JOIN households h ON h.id = c.household_id
     WHERE c.organization_id = ${campaign.organizationId}::uuid AND c.valid
       AND c.received_at < ${campaign.startsAt}::timestamptz
       AND (${since}::timestamptz IS NULL OR c.received_at >= ${since}::timestamptz) AND ${knownComplaintSql(visibleTopSecret, "c")}
       AND h.estate_id = ANY(${campaign.estates.map((e) => e.estateId)}::uuid[])`;
}

/** The complainant households of the campaign's window, by estate (the household's estate). */
export async function complainantHouseholds(ctx: Context, campaign: CampaignWindow): Promise<Map<string, Set<string>>> {
  const rows = await ctx.prisma.$queryRaw<{ household_id: string; estate_id: string }[]>(
    complainantSql(campaign, await windowStart(ctx, campaign)),
  );
  const out = new Map<string, Set<string>>(campaign.estates.map((e) => [e.estateId, new Set<string>()]));
  for (const r of rows) out.get(r.estate_id)?.add(r.household_id);
  return out;
}
