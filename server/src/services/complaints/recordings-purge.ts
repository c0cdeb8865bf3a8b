import type { PrismaClient } from "@tingjian/prisma/client";
import { storedHash } from "./evidence-files.ts";

/**
 * INT-6 retention purge (housekeeping, every organisation): deletes the audio of recordings past
 * `retainUntil` (never before it) that are not archived as special events and are no evidence of a
 * phone confirmation (WF-4); the recording's metadata stays, with `purgedAt`. Stored bytes are
 * deleted only when nothing else refers to them. Returns the number of recordings purged.
 */
export async function purgeExpiredRecordings(prisma: PrismaClient, now: Date): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const purged = await tx.hotlineRecording.updateManyAndReturn({
      where: { retainUntil: { lt: now }, archivedAt: null, specialEvent: false, purgedAt: null, confirmations: { none: {} } },
      data: { purgedAt: now },
      select: { organizationId: true, storageKey: true },
    });
    const stored = new Map(purged.filter((r) => storedHash(r.storageKey)).map((r) => [`${r.organizationId} ${r.storageKey}`, r]));
    for (const { organizationId, storageKey } of stored.values()) {
      const sha256 = storedHash(storageKey)!;
      // Lock first, then look for references in a fresh statement: an upload of the same bytes
      // (which share-locks the row until it commits) keeps them.
      await tx.$queryRaw`SELECT 1 FROM file_contents WHERE organization_id = ${organizationId}::uuid AND sha256 = ${sha256} FOR UPDATE`;
      await tx.$executeRaw`DELETE FROM file_contents f WHERE f.organization_id = ${organizationId}::uuid AND f.sha256 = ${sha256}
        AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.organization_id = f.organization_id AND a.storage_key = ${storageKey})
        AND NOT EXISTS (SELECT 1 FROM hotline_recordings r WHERE r.organization_id = f.organization_id AND r.storage_key = ${storageKey} AND r.purged_at IS NULL)`;
    }
    return purged.length;
  });
}
