import type { Classification, Prisma } from "@tingjian/prisma/client";
import type { Context } from "../context.ts";
import type { RecordRef } from "../disclosure.ts";
import { complaintScope, estateFilter, inEstates, inOrganization } from "../read-scope.ts";

/**
 * Who may know which callbacks, samples and open letters exist (read policy of the callbacks
 * area). The schema lists under these scopes and the services read the record to change under
 * them, so a record one cannot list cannot be changed either (SEC-2).
 */

/**
 * CB-1, SEC-2: a callback of a complaint is seen with the complaint; the others by the staff of the
 * estate (a TOP_SECRET one only by an executive). None for the developer liaison.
 */
export function callbackScope(ctx: Context): Prisma.CallbackWhereInput {
  // The developer liaison's business is the developer's defects, not the customers' callbacks.
  if (ctx.viewer?.role === "DEVELOPER_LIAISON") return { id: { in: [] } };
  return {
    ...inEstates(ctx),
    OR: [
      { complaintId: null, ...(ctx.viewer?.role === "EXECUTIVE" ? {} : { classification: { not: "TOP_SECRET" } }) },
      { complaint: complaintScope(ctx) },
    ],
  };
}

type CallbackForDecision = {
  id: string;
  classification: Classification;
  estateId: string;
  assignedToId: string | null;
  staffId: string | null;
};

/** SEC-2: a callback is known to cleared staff of its estate and to whoever was to make it or made it. */
export function callbackRef(c: CallbackForDecision): RecordRef {
  return {
    recordType: "CALLBACK",
    id: c.id,
    classification: c.classification,
    estateIds: [c.estateId],
    assignedStaffIds: [c.assignedToId, c.staffId].filter((x): x is string => !!x),
  };
}

/** CB-3, CB-4: samples of the caller's estates (an all-estates sample only for company-level staff); none for the developer liaison. */
export function sampleScope(ctx: Context): Prisma.CallbackSampleWhereInput {
  if (ctx.viewer?.role === "DEVELOPER_LIAISON") return { id: { in: [] } };
  return inEstates(ctx);
}

/** CB-9: open letters of the caller's estates and the company-wide ones (public notices). */
export function openLetterScope(ctx: Context): Prisma.OpenLetterWhereInput {
  const estates = estateFilter(ctx);
  return { ...inOrganization(ctx), ...(estates ? { OR: [{ estateId: estates }, { estateId: null }] } : {}) };
}
