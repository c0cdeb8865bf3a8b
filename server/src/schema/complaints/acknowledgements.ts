import { AcknowledgementMethod, type Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { ComplaintConnection } from "../connections.ts";
import { CASE_REF, caseText, handlingText } from "./handling-records.ts";
import { ComplaintConflictError } from "../../errors/complaints.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { acknowledgeComplaint, WRITTEN_CHANNELS } from "../../services/complaints/acknowledgements.ts";

/**
 * INT-5 in the schema (the command: services/complaints/acknowledgements.ts). An anonymous
 * complaint has no one to acknowledge to, so none is due (one may still be recorded, e.g. a reply
 * on the forum where it was posted).
 */
export { WRITTEN_CHANNELS };

const AcknowledgementMethodEnum = builder.enumType(AcknowledgementMethod, {
  name: "AcknowledgementMethod",
  description: "INT-5: how the receipt was acknowledged",
  values: {
    LETTER: { description: "By letter" },
    PHONE: { description: "By phone" },
    SMS: { description: "By text message" },
    EMAIL: { description: "By e-mail" },
    IN_PERSON: { description: "In person" },
  } satisfies Record<AcknowledgementMethod, { description: string }>,
});

builder.prismaObject("ComplaintAcknowledgement", {
  description: "INT-5: the acknowledgement of a written complaint's receipt",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The acknowledgement's id" }),
    method: t.expose("method", { type: AcknowledgementMethodEnum, description: "INT-5: how" }),
    sentAt: t.expose("sentAt", { type: "DateTime", description: "INT-5: when it was sent" }),
    sentBy: t.relation("sentBy", { nullable: true, description: "Who sent it" }),
    note: t.string({
      nullable: true,
      description: "A note (case content, SEC-2)",
      select: CASE_REF,
      extensions: handlingText,
      resolve: (a, _x, ctx) => caseText(ctx, a, a.note),
    }),
  }),
});

/** The written complaints still owing an acknowledgement (INT-5). */
function acknowledgementDueWhere(): Prisma.ComplaintWhereInput {
  return { channel: { in: [...WRITTEN_CHANNELS] }, anonymous: false, acknowledgements: { none: {} } };
}

builder.prismaObjectFields("Complaint", (t) => ({
  acknowledgements: t.relation("acknowledgements", {
    description: "INT-5, oldest first",
    query: { orderBy: [{ sentAt: "asc" }, { id: "asc" }] },
  }),
  acknowledgementDue: t.boolean({
    description: "INT-5: a written complaint whose receipt has not been acknowledged yet",
    select: { channel: true, anonymous: true, acknowledgements: { select: { id: true }, take: 1 } },
    resolve: (c) => WRITTEN_CHANNELS.includes(c.channel) && !c.anonymous && c.acknowledgements.length === 0,
  }),
}));

builder.queryField("unacknowledgedComplaints", (t) =>
  t.withAuth({ permission: "complaints:read" }).prismaConnection(
    {
      type: "Complaint",
      cursor: "id",
      description: "INT-5: written complaints of your scope whose receipt has not been acknowledged, newest first",
      totalCount: (_p, _a, ctx) => ctx.prisma.complaint.count({ where: { AND: [complaintScope(ctx), acknowledgementDueWhere()] } }),
      resolve: (query, _r, _a, ctx) =>
        ctx.prisma.complaint.findMany({
          ...query,
          where: { AND: [complaintScope(ctx), acknowledgementDueWhere()] },
          orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
        }),
    },
    ComplaintConnection,
  ),
);

const AcknowledgeComplaintInput = builder.inputType("AcknowledgeComplaintInput", {
  description: "INT-5: how and when a written complaint's receipt was acknowledged",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The complaint" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a ComplaintConflictError" }),
    method: t.field({ type: AcknowledgementMethodEnum, required: true, description: "INT-5: how it was acknowledged" }),
    sentAt: t.field({ type: "DateTime", required: false, description: "Default now; not before the complaint was received" }),
    note: t.string({ required: false, description: "At most 500 characters" }),
  }),
});

builder.mutationField("acknowledgeComplaint", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "Complaint",
    description: "INT-5: records that a written complaint's receipt was acknowledged; the first reply (SLA-9) if none was given before",
    errors: { types: [...STANDARD_ERRORS, ComplaintConflictError] },
    args: {
      input: t.arg({
        type: AcknowledgeComplaintInput,
        required: true,
        description: "The complaint, the version read, and how and when it was acknowledged",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await acknowledgeComplaint(ctx, { ...input, id: input.id.id });
      return ctx.prisma.complaint.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
