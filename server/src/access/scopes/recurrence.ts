import type { Prisma } from "@tingjian/prisma/client";
import type { Context } from "../context.ts";
import { estateFilter, inOrganization } from "../read-scope.ts";

/**
 * SPEC §2 for the records of §10: corrective actions and case-library entries belong to an
 * estate, or to the whole company (no estate). A caller sees those of its estates and the
 * company-wide ones. They are the company's own quality records, not cases forwarded to the
 * developer, so the developer liaison (who sees only forwarded complaints, WF-5) sees none.
 * Read policy shared by the recurrence services and schema.
 */
function recordScope(ctx: Context): {
  organizationId: string;
  OR?: ({ estateId: null } | { estateId: { in: string[] } })[];
  id?: { in: never[] };
} {
  const org = inOrganization(ctx);
  if (ctx.viewer?.role === "DEVELOPER_LIAISON") return { ...org, id: { in: [] } };
  const estates = estateFilter(ctx);
  return estates ? { ...org, OR: [{ estateId: null }, { estateId: estates }] } : org;
}

export const correctiveActionScope = (ctx: Context): Prisma.CorrectiveActionWhereInput => recordScope(ctx);
export const caseLibraryScope = (ctx: Context): Prisma.CaseLibraryEntryWhereInput => recordScope(ctx);
