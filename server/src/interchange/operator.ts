import type { Prisma, PrismaClient } from "@tingjian/prisma/client";
import type { AccessEntry } from "../access/recorder.ts";
import { runImport, type ImportOutcome, type ImportRequest } from "./run.ts";
import type { ImportSession } from "./session.ts";

/**
 * An import by the operator of the installation (the command line): every estate, no personal
 * account (timeline events, revisions and the access log name no staff member), in a transaction
 * of its own that is confined like a request's — the role `tingjian_app` under row-level security
 * for the one organisation (SPEC §2) — and may run longer than a request's 60 s.
 */
export async function importAsOperator(
  prisma: PrismaClient,
  organizationId: string,
  fileName: string,
  request: ImportRequest,
  now = new Date(),
): Promise<ImportOutcome> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('role', 'tingjian_app', true), set_config('tingjian.organization_id', ${organizationId}, true)`;
      const log: AccessEntry[] = [];
      const outcome = await runImport(operatorSession(tx, organizationId, fileName, now, log), request);
      // SEC-3: what the import compared is logged, as for an import through the API.
      if (log.length) {
        await tx.accessLog.createMany({
          data: log.map((e) => ({
            organizationId,
            staffId: null,
            action: e.action,
            recordType: e.recordType,
            recordId: e.recordId,
            fields: e.fields,
            purpose: e.purpose ?? `import ${fileName}`,
            export: e.export ?? false,
            rowCount: e.rowCount ?? null,
            ...(e.query !== undefined ? { query: e.query } : {}),
          })),
        });
      }
      return outcome;
    },
    { maxWait: 10_000, timeout: 3_600_000 },
  );
}

export function operatorSession(
  db: Prisma.TransactionClient,
  organizationId: string,
  fileName: string,
  now: Date,
  log: AccessEntry[],
): ImportSession {
  return {
    db,
    organizationId,
    actorId: null,
    now,
    fileName,
    estates: "ALL",
    complaintScope: { organizationId },
    context: null,
    // The operator holds the database itself: field rules are for people using the application.
    mayAmendCustomer: async () => true,
    classifyRefusal: () => null,
    log: (entry) => log.push(entry),
  };
}
