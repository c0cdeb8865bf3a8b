import type { RecordRef } from "../../access/disclosure.ts";

type ComplaintForDecision = { id: string; classification: RecordRef["classification"]; estateId: string; receivedById: string | null };

/** The columns a field rule decides on (SEC-2): a protected field selects them beside its own column. */
export const COMPLAINT_REF = { id: true, classification: true, estateId: true, receivedById: true } as const;

/** SEC-2: a complaint is known to cleared staff of its estate and to whoever received it. */
export function complaintRef(c: ComplaintForDecision): RecordRef {
  return {
    recordType: "COMPLAINT",
    id: c.id,
    classification: c.classification,
    estateIds: [c.estateId],
    assignedStaffIds: c.receivedById ? [c.receivedById] : [],
  };
}
