import { builder } from "../../builder.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { guardFormula } from "../../interchange/formula-guard.ts";
import { copyArchive, EXPORT_COLUMNS, exportCustomers } from "../../services/access/exports.ts";

interface ExportFile {
  fileName: string;
  mimeType: string;
  rowCount: number;
  rawFields: string[];
  content: string;
}

const ExportFileRef = builder.objectRef<ExportFile>("ExportFile").implement({
  description: "SEC-3, SEC-7: an exported file; personal data masked unless exported under an approval",
  fields: (t) => ({
    fileName: t.exposeString("fileName", { description: "A file name for saving it" }),
    mimeType: t.exposeString("mimeType", { description: "text/csv; charset=utf-8" }),
    rowCount: t.exposeInt("rowCount", { description: "Data rows (the header aside)" }),
    rawFields: t.exposeStringList("rawFields", { description: "Fields exported unmasked (empty without an export approval)" }),
    content: t.exposeString("content", { description: "UTF-8 CSV with a header row" }),
  }),
});

/** A CSV cell; a text a spreadsheet would run as a formula is quoted as text (interchange/formula-guard.ts). */
function csv(value: string | null): string {
  if (value === null) return "";
  const safe = guardFormula(value);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

builder.queryField("exportCustomers", (t) =>
  t.withAuth({ permission: "customers:read" }).field({
    type: ExportFileRef,
    description: "SEC-3, SEC-7: the customers in scope as CSV; masked without an approved EXPORT_CLASSIFIED grant; logged as one EXPORT",
    args: {
      estateId: t.arg.globalID({ required: false, description: "Only this estate's customers (default: all in scope)" }),
      approvalId: t.arg.globalID({ required: false, description: "An approved EXPORT_CLASSIFIED request of yours" }),
      purpose: t.arg.string({ required: true, description: "Why (at most 500 characters); kept in the access log" }),
    },
    resolve: async (_r, args, ctx) => {
      const file = await exportCustomers(ctx, {
        estateId: args.estateId?.id ?? null,
        approvalId: args.approvalId?.id ?? null,
        purpose: args.purpose,
      });
      const lines = [EXPORT_COLUMNS.join(","), ...file.rows.map((r) => r.map(csv).join(","))];
      return {
        fileName: `customers-${ctx.now.toISOString().slice(0, 10)}.csv`,
        mimeType: "text/csv; charset=utf-8",
        rowCount: file.rows.length,
        rawFields: file.rawFields,
        content: lines.join("\n") + "\n",
      };
    },
  }),
);

builder.mutationField("copyArchive", (t) =>
  t.withAuth({ permission: "personal-data:read" }).int({
    description:
      "SEC-3: copies an owner archive's documents under an approved COPY_ARCHIVE grant; copies are tracked like originals. Returns the number of documents copied.",
    errors: { types: STANDARD_ERRORS },
    args: { approvalId: t.arg.globalID({ required: true, description: "Your approved COPY_ARCHIVE request" }) },
    resolve: (_r, { approvalId }, ctx) => copyArchive(ctx, approvalId.id),
  }),
);
