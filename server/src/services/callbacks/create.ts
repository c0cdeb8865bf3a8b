import type { CallbackKind, CallbackMethod, Classification, Prisma, PrismaClient } from "@tingjian/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

export interface NewCallback {
  organizationId: string;
  kind: CallbackKind;
  estateId: string;
  complaintId?: string | null;
  householdId?: string | null;
  customerId?: string | null;
  /** CB-2: who should call back. */
  assignedToId?: string | null;
  /** SLA-10, SLA-11, or the programme's deadline. */
  dueAt?: Date | null;
  /** A method fixed in advance (CB-11: in person). */
  method?: CallbackMethod | null;
  sequence?: number;
  previousCallbackId?: string | null;
  sampleMemberId?: string | null;
  communityEventId?: string | null;
  surveyHandoutId?: string | null;
  surveyCampaignId?: string | null;
  visitRecordId?: string | null;
  classification?: Classification;
  createdAt: Date;
}

/**
 * CB-1…CB-4, SUR-3, SUR-5: every programme plans its callbacks through here, so that numbers
 * (HF + 9 digits, per organisation, serialised by a row lock like complaint numbers) never clash.
 */
export async function createCallbacks(db: Db, rows: readonly NewCallback[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const number = await callbackNumbers(db, rows[0]!.organizationId);
  const data = rows.map((r) => ({
    ...r,
    no: number(),
    sequence: r.sequence ?? 1,
    classification: r.classification ?? "SECRET",
  }));
  const created = await db.callback.createManyAndReturn({ data, select: { id: true } });
  return created.map((c) => c.id);
}

/**
 * The organisation's next callback numbers (HF + 9 digits), one per call of the function returned.
 * Locks the organisation's row for the transaction, so no other writer hands out the same ones.
 */
export async function callbackNumbers(db: Db, organizationId: string): Promise<() => string> {
  await db.$queryRaw`SELECT id FROM organizations WHERE id = ${organizationId}::uuid FOR UPDATE`;
  const [row] = await db.$queryRaw<{ next: bigint }[]>`
    SELECT coalesce(max(substring(no from 3)::bigint), 0) + 1 AS next FROM callbacks
     WHERE organization_id = ${organizationId}::uuid AND no ~ '^HF[0-9]{9}$'`;
  let next = Number(row!.next);
  return () => `HF${String(next++).padStart(9, "0")}`;
}
