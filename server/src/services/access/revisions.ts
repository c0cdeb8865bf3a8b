import type { Prisma, RecordType } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";

/**
 * SEC-6: amendments never erase. Every change keeps the previous values with who, when and why.
 * Writes the revision of the fields that changed and returns their names (none: nothing written).
 */
export async function writeRevision(
  ctx: SignedInContext,
  change: {
    recordType: RecordType;
    recordId: string;
    recordVersion: number;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    reason: string;
  },
): Promise<string[]> {
  const fields = Object.keys(change.after).filter(
    (k) => JSON.stringify(change.before[k] ?? null) !== JSON.stringify(change.after[k] ?? null),
  );
  if (fields.length === 0) return fields;
  const pick = (o: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, o[f] ?? null])) as Prisma.InputJsonObject;
  await ctx.prisma.recordRevision.create({
    data: {
      organizationId: ctx.viewer.organizationId,
      recordType: change.recordType,
      recordId: change.recordId,
      recordVersion: change.recordVersion,
      fields,
      before: pick(change.before),
      after: pick(change.after),
      reason: change.reason,
      changedById: ctx.viewer.staffId,
    },
  });
  return fields;
}
