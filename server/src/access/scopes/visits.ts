import type { Context } from "../context.ts";
import { inEstates } from "../read-scope.ts";

/**
 * SPEC §2 for VIS-1/VIS-2 records: visits of the caller's estates; the developer liaison's business
 * is not the households' visits (WF-5), so the liaison sees none. Read policy shared by the
 * visit services and the visit schema.
 */
export function visitScope(ctx: Context): { organizationId: string; estateId?: { in: string[] } } | { id: { in: [] } } {
  if (ctx.viewer?.role === "DEVELOPER_LIAISON") return { id: { in: [] } };
  return inEstates(ctx);
}

/** A plan's month (a UTC midnight) as YYYY-MM-DD. */
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
