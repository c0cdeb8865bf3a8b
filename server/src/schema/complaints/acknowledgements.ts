import { AcknowledgementMethod, type ComplaintChannel, type Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { CASE_REF, caseText, handlingText } from "./handling-records.ts";
import type { Context } from "../../access/context.ts";
import { InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { ComplaintConflictError, requireCaseAccess, saveComplaint } from "./editing.ts";

/**
 * INT-5: the receipt of a written complaint (letter, fax, web) is acknowledged to the complainant.
 * An acknowledgement is the first reply to the complainant (SLA-9) when none was given before.
 * An anonymous complaint has no one to acknowledge to, so none is due (one may still be recorded,
 * e.g. a reply on the forum where it was posted).
 */
export const WRITTEN_CHANNELS: readonly ComplaintChannel[] = ["LETTER", "FAX", "WEB"];

const AcknowledgementMethodEnum = builder.enumType(AcknowledgementMethod, { name: "AcknowledgementMethod", description: "INT-5: how the receipt was acknowledged" });

builder.prismaObject("ComplaintAcknowledgement", {
  description: "INT-5: the acknowledgement of a written complaint's receipt",
  fields: (t) => ({
    id: t.exposeID("id"),
    method: t.expose("method", { type: AcknowledgementMethodEnum }),
    sentAt: t.expose("sentAt", { type: "DateTime" }),
    sentBy: t.relation("sentBy", { nullable: true }),
    note: t.string({ nullable: true, select: CASE_REF, extensions: handlingText, resolve: (a, _x, ctx) => caseText(ctx, a, a.note) }),
  }),
});

/** The written complaints still owing an acknowledgement (INT-5). */
function acknowledgementDueWhere(): Prisma.ComplaintWhereInput {
  return { channel: { in: [...WRITTEN_CHANNELS] }, anonymous: false, acknowledgements: { none: {} } };
}

builder.prismaObjectFields("Complaint", (t) => ({
  acknowledgements: t.relation("acknowledgements", { description: "INT-5, oldest first", query: { orderBy: [{ sentAt: "asc" }, { id: "asc" }] } }),
  acknowledgementDue: t.boolean({
    description: "INT-5: a written complaint whose receipt has not been acknowledged yet",
    select: { channel: true, anonymous: true, acknowledgements: { select: { id: true }, take: 1 } },
    resolve: (c) => WRITTEN_CHANNELS.includes(c.channel) && !c.anonymous && c.acknowledgements.length === 0,
  }),
}));

builder.queryField("unacknowledgedComplaints", (t) =>
  t.prismaConnection({
    type: "Complaint",
    cursor: "id",
    description: "INT-5: written complaints of your scope whose receipt has not been acknowledged, newest first",
    authScopes: { permission: "complaints:read" },
    totalCount: (_p, _a, ctx) => ctx.prisma.complaint.count({ where: { AND: [complaintScope(ctx), acknowledgementDueWhere()] } }),
    resolve: (query, _r, _a, ctx) =>
      ctx.prisma.complaint.findMany({ ...query, where: { AND: [complaintScope(ctx), acknowledgementDueWhere()] }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }] }),
  }),
);

const AcknowledgeComplaintInput = builder.inputType("AcknowledgeComplaintInput", {
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The complaint" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a ComplaintConflictError" }),
    method: t.field({ type: AcknowledgementMethodEnum, required: true }),
    sentAt: t.field({ type: "DateTime", required: false, description: "Default now; not before the complaint was received" }),
    note: t.string({ required: false }),
  }),
});

function checkSentAt(ctx: Context, receivedAt: Date, sentAt: Date) {
  if (sentAt.getTime() > ctx.now.getTime() + 60_000) throw new InputError("input.sentAt", "sentAt cannot be in the future");
  if (sentAt < receivedAt) throw new InputError("input.sentAt", "sentAt cannot be before the complaint was received");
}

builder.mutationField("acknowledgeComplaint", (t) =>
  t.prismaField({
    type: "Complaint",
    description: "INT-5: records that a written complaint's receipt was acknowledged; the first reply (SLA-9) if none was given before",
    authScopes: { permission: "complaints:write" },
    errors: { types: [...STANDARD_ERRORS, ComplaintConflictError] },
    args: { input: t.arg({ type: AcknowledgeComplaintInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const row = await ctx.prisma.complaint.findFirst({ where: { id: input.id.id, ...complaintScope(ctx) } });
      if (!row) throw new NotFoundError("Complaint");
      await requireCaseAccess(ctx, row);
      if (!WRITTEN_CHANNELS.includes(row.channel)) {
        throw new InputError("input.id", `INT-5 acknowledges written complaints (letter, fax, web); this one came by ${row.channel}, where the receipt is acknowledged on the spot`);
      }
      const sentAt = input.sentAt ?? ctx.now;
      checkSentAt(ctx, row.receivedAt, sentAt);
      const note = input.note?.trim() || null;
      if (note && note.length > 500) throw new InputError("input.note", "note is longer than 500 characters");
      await ctx.prisma.complaintAcknowledgement.create({
        data: { organizationId: row.organizationId, complaintId: row.id, method: input.method, sentAt, sentById: ctx.viewer!.staffId, note },
      });
      // The caller's version is the condition of the write: a stale one rolls all of it back.
      await saveComplaint(ctx, { ...row, version: input.version }, row.firstRepliedAt ? {} : { firstRepliedAt: sentAt }, [
        { kind: "ACKNOWLEDGED", note, data: { method: input.method, sentAt: sentAt.toISOString() } },
      ]);
      return ctx.prisma.complaint.findUniqueOrThrow({ ...nonEmpty(query), where: { id: row.id } });
    },
  }),
);
