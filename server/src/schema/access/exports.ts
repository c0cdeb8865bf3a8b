import type { Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { entitlement } from "../../access/disclosure.ts";
import { mask } from "../../domain/access/masking.ts";
import { PROTECTED_COLUMNS } from "../../domain/access/protected-fields.ts";
import { customerRef } from "../customers.ts";
import { ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { customerScope, inOrganization } from "../../access/read-scope.ts";
import { guardFormula } from "../../interchange/formula-guard.ts";

const MAX_EXPORT_ROWS = 50_000;
const COLUMNS = ["household", "kind", "classification", "name", "phone", "idNumber", "plates", "address", "occupation", "nativePlace"] as const;

interface ExportFile { fileName: string; mimeType: string; rowCount: number; rawFields: string[]; content: string }

const ExportFileRef = builder.objectRef<ExportFile>("ExportFile").implement({
  fields: (t) => ({
    fileName: t.exposeString("fileName"),
    mimeType: t.exposeString("mimeType"),
    rowCount: t.exposeInt("rowCount"),
    rawFields: t.exposeStringList("rawFields", { description: "Fields exported unmasked (empty without an export approval)" }),
    content: t.exposeString("content", { description: "UTF-8 CSV with a header row" }),
  }),
});

function csv(value: string | null): string {
  if (value === null) return "";
  const safe = guardFormula(value);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * SEC-3, SEC-7: a customer list for a spreadsheet. Without an approved EXPORT_CLASSIFIED grant
 * covering the estate, personal data is masked; with it, raw for the rows the caller needs to
 * know. Either way the export is one EXPORT entry in the access log (filter, row count, fields).
 */
builder.queryField("exportCustomers", (t) =>
  t.field({
    type: ExportFileRef,
    authScopes: { permission: "customers:read" },
    args: {
      estateId: t.arg.globalID({ required: false }),
      approvalId: t.arg.globalID({ required: false, description: "An approved EXPORT_CLASSIFIED request of yours" }),
      purpose: t.arg.string({ required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const purpose = requiredText(args.purpose, "purpose", 500);
      const estateId = args.estateId?.id ?? null;
      const approval = args.approvalId ? await exportGrant(ctx, args.approvalId.id, estateId) : null;
      const where: Prisma.CustomerWhereInput = { AND: [customerScope(ctx), ...(estateId ? [{ households: { some: { household: { estateId } } } }] : [])] };
      const rows = await ctx.prisma.customer.findMany({
        where, orderBy: { id: "asc" }, take: MAX_EXPORT_ROWS + 1,
        include: { households: { select: { household: { select: { estateId: true, code: true } } }, orderBy: { isPrimary: "desc" } } },
      });
      if (rows.length > MAX_EXPORT_ROWS) throw new ForbiddenError(`An export holds at most ${MAX_EXPORT_ROWS} rows; narrow it to an estate`);
      const raw = new Set<string>();
      const lines = [COLUMNS.join(",")];
      for (const c of rows) {
        const ref = customerRef(c);
        const rowRaw = !!approval && (await entitlement(ctx, ref, "CONTACT")).ok;
        const cell = (field: (typeof COLUMNS)[number]): string | null => {
          // The flat identifies where the person lives: as protected as the address.
          if (field === "household") return rowRaw ? c.households.map((h) => h.household.code).join(" ") : null;
          if (field === "kind" || field === "classification") return c[field];
          const v = field === "plates" ? c.plates.join(" ") : c[field];
          if (!v) return null;
          if (rowRaw) {
            raw.add(field);
            return v;
          }
          return mask(PROTECTED_COLUMNS.CUSTOMER![field]!.mask, v);
        };
        lines.push(COLUMNS.map((f) => csv(cell(f))).join(","));
      }
      ctx.access.record({
        action: "EXPORT", recordType: "CUSTOMER", recordId: null, fields: [...raw], export: true, rowCount: rows.length,
        query: { estateId, customerIds: rows.map((c) => c.id) }, approvalId: approval?.id ?? null, purpose, classification: approval?.classification ?? null,
      });
      if (approval) await ctx.prisma.approval.update({ where: { id: approval.id }, data: { usedAt: ctx.now } });
      return { fileName: `customers-${ctx.now.toISOString().slice(0, 10)}.csv`, mimeType: "text/csv; charset=utf-8", rowCount: rows.length, rawFields: [...raw], content: lines.join("\n") + "\n" };
    },
  }),
);

async function exportGrant(ctx: Context, approvalId: string, estateId: string | null) {
  const a = await ctx.prisma.approval.findFirst({
    where: { id: approvalId, ...inOrganization(ctx), requestedById: ctx.viewer!.staffId, kind: "EXPORT_CLASSIFIED", status: "APPROVED", grantedFrom: { lte: ctx.now }, grantedUntil: { gt: ctx.now } },
    select: { id: true, scope: true, classification: true },
  });
  if (!a) throw new InputError("approvalId", "No active EXPORT_CLASSIFIED grant of yours with this id");
  const granted = (a.scope as { estateId?: string | null } | null)?.estateId ?? null;
  if (granted && granted !== estateId) throw new InputError("estateId", "The approval covers another estate");
  return a;
}

builder.mutationField("copyArchive", (t) =>
  t.int({
    description: "SEC-3: copies an owner archive's documents under an approved COPY_ARCHIVE grant; copies are tracked like originals. Returns the number of documents copied.",
    authScopes: { permission: "personal-data:read" },
    errors: { types: STANDARD_ERRORS },
    args: { approvalId: t.arg.globalID({ required: true }) },
    resolve: async (_r, { approvalId }, ctx) => {
      const a = await ctx.prisma.approval.findFirst({
        where: { id: approvalId.id, ...inOrganization(ctx), requestedById: ctx.viewer!.staffId, kind: "COPY_ARCHIVE", status: "APPROVED", grantedFrom: { lte: ctx.now }, grantedUntil: { gt: ctx.now } },
      });
      if (!a || !a.recordId) throw new NotFoundError("Active COPY_ARCHIVE grant");
      const docs = await ctx.prisma.attachment.findMany({ where: { ...inOrganization(ctx), customerId: a.recordId, kind: "ARCHIVE_DOCUMENT", copyOfId: null } });
      await ctx.prisma.attachment.createMany({
        data: docs.map(({ id, uploadedAt: _u, ...d }) => ({ ...d, copyOfId: id, uploadedById: ctx.viewer!.staffId, uploadedAt: ctx.now, storageKey: d.storageKey })),
      });
      await ctx.prisma.approval.update({ where: { id: a.id }, data: { usedAt: ctx.now } });
      ctx.access.record({ action: "COPY", recordType: "CUSTOMER", recordId: a.recordId, fields: docs.map((d) => d.documentType ?? d.fileName), classification: a.classification, approvalId: a.id, purpose: a.purpose });
      return docs.length;
    },
  }),
);
