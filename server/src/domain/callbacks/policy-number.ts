import type { Prisma, PrismaClient } from "@tingjian/prisma/client";
import { policyAt, type PolicyRow } from "../policies/policy-at.ts";

type Db = PrismaClient | Prisma.TransactionClient;

export interface NumericPolicy {
  value: number | null;
  unit: string | null;
}

/** Every value of one numeric policy key of an organisation (defaults and estate overrides, all periods): one query. */
export async function policyRows(db: Db, organizationId: string, key: string): Promise<PolicyRow<NumericPolicy>[]> {
  const rows = await db.policyValue.findMany({
    where: { organizationId, key },
    select: { key: true, estateId: true, valueNumeric: true, unit: true, effectiveFrom: true, effectiveTo: true },
  });
  return rows.map((r) => ({ ...r, value: { value: r.valueNumeric === null ? null : Number(r.valueNumeric), unit: r.unit } }));
}

/**
 * SPEC preamble: the value in force for an estate (its override, else the organisation's) at an
 * instant, so a past period is judged by its own policy; null when none is in force.
 */
export async function policyNumberAt(
  db: Db,
  organizationId: string,
  key: string,
  estateId: string | null,
  at: Date,
): Promise<number | null> {
  return policyAt(await policyRows(db, organizationId, key), key, estateId, at)?.value.value ?? null;
}
