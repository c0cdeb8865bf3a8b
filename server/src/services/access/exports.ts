import type { Prisma } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { customerRef } from "../../access/customer-ref.ts";
import { entitlement } from "../../access/disclosure.ts";
import { customerScope, inOrganization } from "../../access/read-scope.ts";
import { mask } from "../../domain/access/masking.ts";
import { PROTECTED_COLUMNS } from "../../domain/access/protected-fields.ts";
import { ForbiddenError, InputCheck, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";

const MAX_EXPORT_ROWS = 50_000;
export const EXPORT_COLUMNS = [
  "household",
  "kind",
  "classification",
  "name",
  "phone",
  "idNumber",
  "plates",
  "address",
  "occupation",
  "nativePlace",
] as const;
type Column = (typeof EXPORT_COLUMNS)[number];

export interface ExportCustomersInput {
  estateId: string | null;
  approvalId: string | null;
  purpose: string;
}

/** The exported cells (null = empty), one row per customer, in EXPORT_COLUMNS order, and the fields given unmasked. */
export interface CustomerExport {
  rows: (string | null)[][];
  rawFields: string[];
}

/**
 * SEC-3, SEC-7: a customer list for a spreadsheet. Without an approved EXPORT_CLASSIFIED grant
 * covering the estate, personal data is masked; with it, raw for the rows the caller needs to
 * know. Either way the export is one EXPORT entry in the access log (filter, row count, fields).
 */
export async function exportCustomers(ctx: SignedInContext, input: ExportCustomersInput): Promise<CustomerExport> {
  const check = new InputCheck();
  const purpose = check.text(input.purpose, "purpose", 500);
  const approval = input.approvalId ? await check.runAsync(() => exportGrant(ctx, input.approvalId!, input.estateId)) : null;
  check.done();
  const where: Prisma.CustomerWhereInput = {
    AND: [customerScope(ctx), ...(input.estateId ? [{ households: { some: { household: { estateId: input.estateId } } } }] : [])],
  };
  const customers = await ctx.prisma.customer.findMany({
    where,
    orderBy: { id: "asc" },
    take: MAX_EXPORT_ROWS + 1,
    include: { households: { select: { household: { select: { estateId: true, code: true } } }, orderBy: { isPrimary: "desc" } } },
  });
  if (customers.length > MAX_EXPORT_ROWS) throw new ForbiddenError(msg("exportTooLarge", { max: MAX_EXPORT_ROWS }));
  const raw = new Set<string>();
  const rows: (string | null)[][] = [];
  for (const c of customers) {
    const rowRaw = !!approval && (await entitlement(ctx, customerRef(c), "CONTACT")).ok;
    const cell = (field: Column): string | null => {
      // The flat identifies where the person lives: as protected as the address.
      if (field === "household") return rowRaw ? c.households.map((h) => h.household.code).join(" ") : null;
      if (field === "kind" || field === "classification") return c[field];
      const v = field === "plates" ? c.plates.join(" ") : c[field];
      if (!v) return null;
      if (!rowRaw) return mask(PROTECTED_COLUMNS.CUSTOMER![field]!.mask, v);
      raw.add(field);
      return v;
    };
    rows.push(EXPORT_COLUMNS.map(cell));
  }
  ctx.access.record({
    action: "EXPORT",
    recordType: "CUSTOMER",
    recordId: null,
    fields: [...raw],
    export: true,
    rowCount: customers.length,
    query: { estateId: input.estateId, customerIds: customers.map((c) => c.id) },
    approvalId: approval?.id ?? null,
    purpose,
    classification: approval?.classification ?? null,
  });
  if (approval) await ctx.prisma.approval.update({ where: { id: approval.id }, data: { usedAt: ctx.now } });
  return { rows, rawFields: [...raw] };
}

/** SEC-3: the caller's own active EXPORT_CLASSIFIED grant, covering the estate exported. */
async function exportGrant(ctx: SignedInContext, approvalId: string, estateId: string | null) {
  const a = await ctx.prisma.approval.findFirst({
    where: {
      id: approvalId,
      ...inOrganization(ctx),
      requestedById: ctx.viewer.staffId,
      kind: "EXPORT_CLASSIFIED",
      status: "APPROVED",
      grantedFrom: { lte: ctx.now },
      grantedUntil: { gt: ctx.now },
    },
    select: { id: true, scope: true, classification: true },
  });
  if (!a) throw new InputError("approvalId", msg("noExportGrant"));
  const granted = (a.scope as { estateId?: string | null } | null)?.estateId ?? null;
  if (granted && granted !== estateId) throw new InputError("estateId", msg("grantForOtherEstate"));
  return a;
}

/** SEC-3: copies an owner archive's documents under an approved COPY_ARCHIVE grant; copies are tracked like originals. Returns how many. */
export async function copyArchive(ctx: SignedInContext, approvalId: string): Promise<number> {
  const a = await ctx.prisma.approval.findFirst({
    where: {
      id: approvalId,
      ...inOrganization(ctx),
      requestedById: ctx.viewer.staffId,
      kind: "COPY_ARCHIVE",
      status: "APPROVED",
      grantedFrom: { lte: ctx.now },
      grantedUntil: { gt: ctx.now },
    },
  });
  if (!a || !a.recordId) throw new NotFoundError("Active COPY_ARCHIVE grant");
  const docs = await ctx.prisma.attachment.findMany({
    where: { ...inOrganization(ctx), customerId: a.recordId, kind: "ARCHIVE_DOCUMENT", copyOfId: null },
  });
  await ctx.prisma.attachment.createMany({
    data: docs.map(({ id, uploadedAt: _u, ...d }) => ({
      ...d,
      copyOfId: id,
      uploadedById: ctx.viewer.staffId,
      uploadedAt: ctx.now,
      storageKey: d.storageKey,
    })),
  });
  await ctx.prisma.approval.update({ where: { id: a.id }, data: { usedAt: ctx.now } });
  ctx.access.record({
    action: "COPY",
    recordType: "CUSTOMER",
    recordId: a.recordId,
    fields: docs.map((d) => d.documentType ?? d.fileName),
    classification: a.classification,
    approvalId: a.id,
    purpose: a.purpose,
  });
  return docs.length;
}
