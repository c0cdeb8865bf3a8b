import type { Classification, Complaint, Prisma, StaffRole } from "@tingjian/prisma/client";
import type { Context } from "./context.ts";
import { ROLE_PERMISSIONS } from "../domain/access/permissions.ts";
import { SUPERVISOR_ROLES } from "../domain/access/roles.ts";
import { atLeast } from "../domain/access/need-to-know.ts";
import { estateFilter, inOrganization } from "./read-scope.ts";

/**
 * Whom an action may name (WF-1 the responsible person, WF-7 the supervisor). The directory and
 * the mutations apply the same `pickable` rule, so that the picker offers exactly whom the
 * mutation accepts.
 */
export type StaffPick = "ASSIGNEE" | "ESCALATION";

/** Roles that may change complaints (complaints:write): the ones a case can be handed to. */
export const HANDLER_ROLES = (Object.keys(ROLE_PERMISSIONS) as StaffRole[]).filter((r) => ROLE_PERMISSIONS[r].includes("complaints:write"));
const LEVELS: readonly Classification[] = ["INTERNAL", "SECRET", "CONFIDENTIAL", "TOP_SECRET"];
const levelsFrom = (floor: Classification) => LEVELS.filter((l) => atLeast(l, floor));

/** §2: staff who work on an estate: company-level accounts and those with the estate in scope. */
export const worksOn = (estateId: string): Prisma.StaffWhereInput => ({
  OR: [{ allEstates: true }, { estateScopes: { some: { estateId } } }],
});

/**
 * §2: the colleagues a caller may look up: people (not service accounts) of its organisation; a
 * caller confined to estates sees the company-level staff and those of its estates.
 */
export function directoryScope(ctx: Context): Prisma.StaffWhereInput {
  const estates = estateFilter(ctx);
  return {
    ...inOrganization(ctx),
    kind: "HUMAN",
    ...(estates ? { OR: [{ allEstates: true }, { estateScopes: { some: { estateId: estates } } }] } : {}),
  };
}

export type CaseFacts = Pick<Complaint, "id" | "estateId" | "classification">;

/**
 * SEC-2 (as `knows` in domain/access/need-to-know.ts decides it) and §2: who could handle this
 * case at all: it is in their estates (otherwise they cannot even see it), and they may know it:
 * the executive; whoever is designated for it at its level; else a clearance of at least its
 * level (TOP_SECRET: designation only).
 */
export function mayHandle(c: CaseFacts, now: Date): Prisma.StaffWhereInput {
  const designated: Prisma.StaffWhereInput = {
    designations: {
      some: {
        recordType: "COMPLAINT",
        recordId: c.id,
        level: { in: [...levelsFrom(c.classification)] },
        revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      },
    },
  };
  const cleared: Prisma.StaffWhereInput[] =
    c.classification === "TOP_SECRET" ? [] : [{ clearance: { in: [...levelsFrom(c.classification)] } }];
  return { AND: [worksOn(c.estateId), { OR: [{ role: "EXECUTIVE" }, designated, ...cleared] }] };
}

/** WF-1, WF-7: the rule of one pick (for a complaint when one is given). */
export function pickable(ctx: Context, pick: StaffPick, complaint: CaseFacts | null): Prisma.StaffWhereInput {
  const and: Prisma.StaffWhereInput[] = [directoryScope(ctx), { active: true }];
  if (pick === "ASSIGNEE") and.push({ role: { in: HANDLER_ROLES } });
  // WF-7 (000 §1): reported to a supervisor, who decides; not back to oneself.
  else and.push({ role: { in: [...SUPERVISOR_ROLES] }, id: { not: ctx.viewer?.staffId ?? "" } });
  if (complaint) and.push(mayHandle(complaint, ctx.now));
  return { AND: and };
}
