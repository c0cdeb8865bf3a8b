import { Prisma } from "@tingjian/prisma/client";
import type { Context } from "../../context.ts";

/**
 * SUR-2, §11: "every household that complained since the previous survey": households with a
 * valid complaint received from the previous campaign's start up to this campaign's start, in
 * the campaign's estates. Every complaint counts, whatever its classification: the sample is an
 * aggregate that names no complaint.
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

/** The window's complainant households as SQL rows (household_id, estate_id), to use in a larger statement. */
export function complainantSql(campaign: CampaignWindow, since: Date | null): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT h.id AS household_id, h.estate_id
      FROM complaints c JOIN households h ON h.id = c.household_id
     WHERE c.organization_id = ${campaign.organizationId}::uuid AND c.valid
       AND c.received_at < ${campaign.startsAt}::timestamptz
       AND (${since}::timestamptz IS NULL OR c.received_at >= ${since}::timestamptz)
       AND h.estate_id = ANY(${campaign.estates.map((e) => e.estateId)}::uuid[])`;
}

/** The complainant households of the campaign's window, by estate (the household's estate). */
export async function complainantHouseholds(ctx: Context, campaign: CampaignWindow): Promise<Map<string, Set<string>>> {
  const rows = await ctx.prisma.$queryRaw<{ household_id: string; estate_id: string }[]>(complainantSql(campaign, await windowStart(ctx, campaign)));
  const out = new Map<string, Set<string>>(campaign.estates.map((e) => [e.estateId, new Set<string>()]));
  for (const r of rows) out.get(r.estate_id)?.add(r.household_id);
  return out;
}
