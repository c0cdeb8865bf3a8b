import type { RecordRef } from "./disclosure.ts";

/** SEC-1, SEC-2: what every protected field of a customer needs to decide: its level and its estates. */
export const forDecision = { households: { select: { household: { select: { estateId: true } } } } } as const;

export type CustomerForDecision = {
  id: string;
  classification: RecordRef["classification"];
  households: { household: { estateId: string } }[];
};

/** A customer as the access rules see it (access/disclosure.ts). */
export function customerRef(c: CustomerForDecision): RecordRef {
  return {
    recordType: "CUSTOMER",
    id: c.id,
    classification: c.classification,
    estateIds: [...new Set(c.households.map((h) => h.household.estateId))],
  };
}
