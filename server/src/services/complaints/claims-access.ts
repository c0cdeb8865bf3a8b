import type { Claim, Classification, Prisma } from "@tingjian/prisma/client";
import type { Context } from "../../access/context.ts";
import type { RecordRef } from "../../access/disclosure.ts";
import { complaintScope, inOrganization } from "../../access/read-scope.ts";
import { atLeast } from "../../domain/access/need-to-know.ts";
import type { ClaimFacts } from "../../domain/complaints/claim-workflow.ts";

/**
 * Who may know a claim (WF-6, SEC-2), for its commands and its GraphQL fields alike: a claim is
 * known with its complaint's case.
 */

/** What the access rules need of the claim's complaint; loaded with every claim. */
export const complaintForRef = { select: { id: true, estateId: true, receivedById: true, classification: true } } as const;
export type ClaimWithComplaint = Claim & {
  complaint: { id: string; estateId: string; receivedById: string | null; classification: Classification };
};

export const higher = (a: Classification, b: Classification) => (atLeast(a, b) ? a : b);

/**
 * SEC-2: a claim is known to whoever knows its complaint's case (its estate's cleared staff and
 * the receiver). Its level is its own, or its complaint's if that was raised since: a claim is
 * never easier to read than the case it belongs to.
 */
export function claimRef(c: ClaimWithComplaint): RecordRef {
  return {
    recordType: "CLAIM",
    id: c.id,
    classification: higher(c.classification, c.complaint.classification),
    estateIds: [c.complaint.estateId],
    assignedStaffIds: c.complaint.receivedById ? [c.complaint.receivedById] : [],
  };
}

/** WF-6: what the claim's state machine needs besides the status. */
export const claimFacts = (c: Claim): ClaimFacts => ({ hasLegalConsultation: !!c.legalConsultation });

/** SPEC §2: the claims the caller may see are those of complaints it may see. */
export const claimScope = (ctx: Context): Prisma.ClaimWhereInput => ({ ...inOrganization(ctx), complaint: complaintScope(ctx) });
