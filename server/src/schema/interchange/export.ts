import { msg } from "../../i18n/messages.ts";
import type { Classification, RecordType } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { signedIn, type Context } from "../../access/context.ts";
import { entitlement } from "../../access/disclosure.ts";
import { mask } from "../../domain/access/masking.ts";
import { protectionOf } from "../../domain/access/protected-fields.ts";
import { EXPORTERS, type Disclose } from "../../interchange/export-rows.ts";
import { headerOf, LAYOUTS, type InterchangeKind } from "../../interchange/layout.ts";
import { MIME_TYPES, writeSheet } from "../../interchange/sheets.ts";
import { callbackScope } from "../../access/scopes/callbacks.ts";
import { ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { estateRecords } from "../../access/scopes/surveys.ts";
import { complaintScope, estateFilter, inEstates, inOrganization, topSecretFilter } from "../../access/read-scope.ts";
import { InterchangeFormatEnum, InterchangeKindEnum } from "./shared.ts";

/**
 * SPEC §13, SEC-3, SEC-7: a file in the interchange layout, by the rules of exportCustomers:
 * personal data and case content come out masked unless an approved EXPORT_CLASSIFIED grant of
 * the caller covers the estate and the caller is entitled to the record (a TOP_SECRET record
 * needs a grant at that level, which only the executive approves); either way the export is one
 * EXPORT entry in the access log with the filter, the row count, the records and the raw fields.
 */
const MAX_EXPORT_ROWS = 50_000;

const EXPORT_PERMISSION = {
  HOUSEHOLDS: "customers:read",
  COMPLAINTS: "complaints:read",
  CALLBACKS: "complaints:read",
  SURVEY_RESPONSES: "complaints:read",
} as const;

/** The record type an export of each file discloses (SEC-3 log). */
const RECORD_TYPE: Record<InterchangeKind, RecordType> = {
  ESTATES: "ESTATE",
  HOUSEHOLDS: "CUSTOMER",
  COMPLAINTS: "COMPLAINT",
  CALLBACKS: "CALLBACK",
  SURVEY_RESPONSES: "SURVEY_RESPONSE",
};

interface InterchangeFile {
  fileName: string;
  mimeType: string;
  rowCount: number;
  rawFields: string[];
  contentBase64: string;
}

const InterchangeFileRef = builder.objectRef<InterchangeFile>("InterchangeFile").implement({
  description: "SPEC §13: an exported spreadsheet in the interchange layout (it imports again unchanged)",
  fields: (t) => ({
    fileName: t.exposeString("fileName", { description: "A file name for saving it (kind, scope and format)" }),
    mimeType: t.exposeString("mimeType", { description: "text/csv or the XLSX media type" }),
    rowCount: t.exposeInt("rowCount", { description: "The data rows written (the header not counted)" }),
    rawFields: t.exposeStringList("rawFields", { description: "Protected fields exported unmasked (empty without an export approval)" }),
    contentBase64: t.exposeString("contentBase64", { description: "The file's bytes: CSV (UTF-8 with BOM) or XLSX" }),
  }),
});

const ExportFileInput = builder.inputType("ExportFileInput", {
  description: "SPEC §13: what to export, in which format, and why (SEC-3)",
  fields: (t) => ({
    kind: t.field({ type: InterchangeKindEnum, required: true, description: "Which file of the layout to write" }),
    format: t.field({ type: InterchangeFormatEnum, required: true, description: "CSV or XLSX" }),
    estateId: t.globalID({ required: false, description: "One estate (default: all in your scope)" }),
    from: t.field({
      type: "DateTime",
      required: false,
      description: "Complaints received, callbacks made, questionnaires handed out from this instant",
    }),
    to: t.field({ type: "DateTime", required: false, description: "… up to (not including) this instant" }),
    campaignId: t.globalID({ required: false, description: "SURVEY_RESPONSES: one campaign" }),
    approvalId: t.globalID({
      required: false,
      description: "An approved EXPORT_CLASSIFIED request of yours (SEC-3): without it personal data is masked",
    }),
    purpose: t.string({ required: true, description: "SEC-3: why the data is exported (in the access log)" }),
    chineseHeaders: t.boolean({ required: false, description: "Write the Chinese header aliases instead of the English names" }),
  }),
});

builder.queryField("exportFile", (t) =>
  t.field({
    type: InterchangeFileRef,
    description:
      "SPEC §13: a spreadsheet in the interchange layout; personal data masked unless an export approval grants it (SEC-3, SEC-7); logged",
    authScopes: (_p, args) =>
      args.input.kind === "ESTATES" ? { authenticated: true } : { permission: EXPORT_PERMISSION[args.input.kind] },
    args: { input: t.arg({ type: ExportFileInput, required: true, description: "What to export, in which format, and why" }) },
    resolve: (_r, { input }, ctx) => exportFile(ctx, input),
  }),
);

/** The file of `input.kind` in the caller's scope, disclosed under the approval if any; one EXPORT entry in the access log. */
async function exportFile(ctx: Context, input: typeof ExportFileInput.$inferInput): Promise<InterchangeFile> {
  const purpose = requiredText(input.purpose, "input.purpose", 500);
  const estateId = input.estateId?.id ?? null;
  const scope = estateFilter(ctx);
  if (estateId && scope && !scope.in.includes(estateId)) throw new NotFoundError("Estate");
  if (input.from && input.to && input.from >= input.to) throw new InputError("input.to", msg("exportPeriodOrder"));
  const approval = input.approvalId ? await exportGrant(ctx, input.approvalId.id, estateId) : null;
  const { disclose, raw } = discloser(ctx, approval);
  const { rows, ids } = await EXPORTERS[input.kind](
    {
      db: ctx.prisma,
      estateId,
      from: input.from ?? null,
      to: input.to ?? null,
      campaignId: input.campaignId?.id ?? null,
      limit: MAX_EXPORT_ROWS,
      where: {
        estates: { ...inOrganization(ctx), ...(scope ? { id: scope } : {}) },
        households: inEstates(ctx),
        complaints: complaintScope(ctx),
        callbacks: callbackScope(ctx),
        handouts: estateRecords(ctx),
        customers: topSecretFilter(ctx, "CUSTOMER"),
      },
    },
    disclose,
  );
  if (ids.length > MAX_EXPORT_ROWS) throw new ForbiddenError(msg("exportTooManyRows", { max: MAX_EXPORT_ROWS }));
  const layout = LAYOUTS[input.kind];
  const content = await writeSheet(
    input.format,
    layout.stem,
    layout.columns.map((c) => headerOf(c, !!input.chineseHeaders)),
    rows,
  );
  ctx.access.record({
    action: "EXPORT",
    recordType: RECORD_TYPE[input.kind],
    recordId: null,
    fields: [...raw],
    export: true,
    rowCount: rows.length,
    query: {
      kind: input.kind,
      format: input.format,
      estateId,
      from: input.from?.toISOString() ?? null,
      to: input.to?.toISOString() ?? null,
      campaignId: input.campaignId?.id ?? null,
      ids,
    },
    approvalId: approval?.id ?? null,
    purpose,
    classification: approval?.classification ?? null,
  });
  if (approval) await ctx.prisma.approval.update({ where: { id: approval.id }, data: { usedAt: ctx.now } });
  const ext = input.format === "CSV" ? "csv" : "xlsx";
  return {
    fileName: `${layout.stem}-${ctx.now.toISOString().slice(0, 10)}.${ext}`,
    mimeType: MIME_TYPES[input.format],
    rowCount: rows.length,
    rawFields: [...raw].sort(),
    contentBase64: content.toString("base64"),
  };
}

/**
 * SEC-3, SEC-7: a protected value comes out raw only under the approval, at a covered level, to a
 * caller entitled to the record (decided once per record and rule); `raw` collects the fields so exported.
 */
function discloser(ctx: Context, approval: Awaited<ReturnType<typeof exportGrant>> | null): { disclose: Disclose; raw: Set<string> } {
  const raw = new Set<string>();
  const decided = new Map<string, boolean>();
  const disclose: Disclose = async (record, value) => {
    if (!value) return "";
    const protection = protectionOf(record.recordType, record.field)!;
    const key = `${record.recordType}:${record.id}:${protection.rule}`;
    let ok = decided.get(key);
    if (ok === undefined) {
      // exportCustomers' rule for customers (CONTACT covers the archive row); the field's own rule otherwise.
      const rule = record.recordType === "CUSTOMER" ? "CONTACT" : protection.rule;
      ok = !!approval && levelCovered(approval.classification, record.classification) && (await entitlement(ctx, record, rule)).ok;
      decided.set(key, ok);
    }
    if (!ok) return mask(protection.mask, value);
    raw.add(record.field);
    return value;
  };
  return { disclose, raw };
}

/** SEC-3: TOP_SECRET data leaves only under a grant at that level (approved by the executive). */
function levelCovered(granted: Classification | null, level: Classification): boolean {
  return level !== "TOP_SECRET" || granted === "TOP_SECRET";
}

/** The caller's own active EXPORT_CLASSIFIED grant covering the estate (as exportCustomers checks it). */
async function exportGrant(ctx: Context, approvalId: string, estateId: string | null) {
  const a = await ctx.prisma.approval.findFirst({
    where: {
      id: approvalId,
      ...inOrganization(ctx),
      requestedById: signedIn(ctx).viewer.staffId,
      kind: "EXPORT_CLASSIFIED",
      status: "APPROVED",
      grantedFrom: { lte: ctx.now },
      grantedUntil: { gt: ctx.now },
    },
    select: { id: true, scope: true, classification: true },
  });
  if (!a) throw new InputError("input.approvalId", msg("exportNoGrant"));
  const granted = (a.scope as { estateId?: string | null } | null)?.estateId ?? null;
  if (granted && granted !== estateId) throw new InputError("input.estateId", msg("exportGrantOneEstate"));
  return a;
}
