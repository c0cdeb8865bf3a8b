import type { Prisma } from "@tingjian/prisma/client";
import { ApprovalKind, ApprovalStatus } from "@tingjian/prisma/client";
import { nonEmpty } from "../prisma-query.ts";
import { builder } from "../../builder.ts";
import { ApprovalConnection } from "../connections.ts";
import { approvalScope, decidableBy } from "../../access/approvals.ts";
import { inOrganization, scopedNode } from "../../access/read-scope.ts";
import { DEFAULT_GRANT_HOURS, effectiveStatus, MAX_GRANT_HOURS } from "../../domain/access/approvers.ts";
import { ApprovalConflictError } from "../../errors/access.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { decideApproval, requestApproval, revokeApproval } from "../../services/access/approvals.ts";
import { ClassificationEnum, StaffRoleEnum } from "./staff.ts";

export const ApprovalKindEnum = builder.enumType(ApprovalKind, {
  name: "ApprovalKind",
  description: "SEC-3, WF-6: what an approval grants",
  values: {
    READ_ARCHIVE: { description: "SEC-3: read an owner archive (a supervisor decides)" },
    COPY_ARCHIVE: { description: "SEC-3: copy an owner archive's documents (the office director decides)" },
    EXPORT_CLASSIFIED: { description: "SEC-3: export classified customer data unmasked (the company manager; TOP_SECRET: the executive)" },
    CLAIM_COMPENSATION: { description: "WF-6: approve a claim's compensation" },
    EXTEND_CLASSIFICATION: { description: "SEC-5: extend a classification past its term" },
    OTHER: { description: "Any other approval (the company manager decides)" },
  },
});

export const ApprovalStatusEnum = builder.enumType(ApprovalStatus, {
  name: "ApprovalStatus",
  description: "SEC-3: where a request stands",
  values: {
    PENDING: { description: "Filed, not yet decided (lapses after three days)" },
    APPROVED: { description: "Granted until `grantedUntil`" },
    DENIED: { description: "Refused by the decider" },
    EXPIRED: { description: "Undecided in time, or a grant past its end" },
    REVOKED: { description: "Withdrawn by the requester, or ended early by the decider" },
  },
});

builder.prismaNode("Approval", {
  ...scopedNode(approvalScope),
  description: "SEC-3: a request to read or copy an owner archive or export classified data; approved, it is a time-boxed grant",
  fields: (t) => ({
    kind: t.expose("kind", { type: ApprovalKindEnum, description: "What is requested" }),
    status: t.field({
      type: ApprovalStatusEnum,
      description: "SEC-3: a pending request or grant past its time reads EXPIRED",
      resolve: (a, _x, ctx) => effectiveStatus(a, ctx.now),
    }),
    recordType: t.exposeString("recordType", { description: "The type of record the request concerns (CUSTOMER)" }),
    recordId: t.exposeString("recordId", { nullable: true, description: "The record's row id; null for an export of many" }),
    classification: t.expose("classification", {
      type: ClassificationEnum,
      nullable: true,
      description: "SEC-1: the level the request is decided at",
    }),
    requiredRole: t.expose("requiredRole", { type: StaffRoleEnum, nullable: true, description: "The lowest role that may decide" }),
    purpose: t.exposeString("purpose", { description: "Why, as the requester gave it; recorded with every read under the grant" }),
    requestedAt: t.expose("requestedAt", { type: "DateTime", description: "When it was filed" }),
    requestExpiresAt: t.expose("requestExpiresAt", {
      type: "DateTime",
      nullable: true,
      description: "SEC-3: undecided by then, it lapses",
    }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true, description: "When it was approved or denied" }),
    decisionNote: t.exposeString("decisionNote", { nullable: true, description: "The decider's note" }),
    grantedFrom: t.expose("grantedFrom", { type: "DateTime", nullable: true, description: "Start of the grant" }),
    grantedUntil: t.expose("grantedUntil", { type: "DateTime", nullable: true, description: "End of the grant (exclusive)" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with a decision" }),
    requestedBy: t.relation("requestedBy", { description: "Who filed it" }),
    decidedBy: t.relation("decidedBy", { nullable: true, description: "Who decided it" }),
  }),
});

const RequestApprovalInput = builder.inputType("RequestApprovalInput", {
  description: "SEC-3: a request to read or copy an owner archive, or to export classified data",
  fields: (t) => ({
    kind: t.field({ type: ApprovalKindEnum, required: true, description: "READ_ARCHIVE, COPY_ARCHIVE or EXPORT_CLASSIFIED" }),
    customerId: t.globalID({ required: false, description: "The owner archive (READ_ARCHIVE, COPY_ARCHIVE)" }),
    estateId: t.globalID({
      required: false,
      description: "EXPORT_CLASSIFIED: the estate whose customers are exported (default: all in scope)",
    }),
    purpose: t.string({ required: true, description: "Why: recorded with the approval and with every read under it" }),
  }),
});

builder.mutationField("requestApproval", (t) =>
  t.withAuth({ permission: "personal-data:read" }).prismaField({
    type: "Approval",
    description: "SEC-3: files a request for a supervisor's approval; it lapses after three days undecided",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RequestApprovalInput, required: true, description: "What is requested and why" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await requestApproval(ctx, {
        kind: input.kind,
        customerId: input.customerId?.id ?? null,
        estateId: input.estateId?.id ?? null,
        purpose: input.purpose,
      });
      return ctx.prisma.approval.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

conflictErrorType(ApprovalConflictError, "ApprovalConflictError");

const DecideApprovalInput = builder.inputType("DecideApprovalInput", {
  description: "SEC-3: a decision on a pending request",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The Approval" }),
    version: t.int({ required: true, description: "Its version as read; a stale one gets ApprovalConflictError" }),
    approve: t.boolean({ required: true, description: "true grants, false denies" }),
    note: t.string({ required: false, description: "The decider's note" }),
    grantHours: t.int({
      required: false,
      description: `How long the grant lasts (default ${DEFAULT_GRANT_HOURS}, at most ${MAX_GRANT_HOURS})`,
    }),
  }),
});

builder.mutationField("decideApproval", (t) =>
  t.withAuth({ permission: "approvals:decide" }).prismaField({
    type: "Approval",
    description:
      "SEC-3, SEC-2: approves or denies a request; not one's own, only by a role that may decide its kind and level, who must know the archive",
    errors: { types: [...STANDARD_ERRORS, ApprovalConflictError] },
    args: { input: t.arg({ type: DecideApprovalInput, required: true, description: "The decision" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await decideApproval(ctx, {
        id: input.id.id,
        version: input.version,
        approve: input.approve,
        note: input.note ?? null,
        grantHours: input.grantHours ?? null,
      });
      return ctx.prisma.approval.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("revokeApproval", (t) =>
  t.withAuth({ authenticated: true }).prismaField({
    type: "Approval",
    errors: { types: [...STANDARD_ERRORS, ApprovalConflictError] },
    description: "SEC-3: withdraws a request, or ends a grant early (the requester or the decider)",
    args: { id: t.arg.globalID({ required: true, description: "The Approval" }) },
    resolve: async (query, _r, { id }, ctx) => {
      const approvalId = await revokeApproval(ctx, id.id);
      return ctx.prisma.approval.findUniqueOrThrow({ ...nonEmpty(query), where: { id: approvalId } });
    },
  }),
);

const ApprovalFilter = builder.enumType("ApprovalListing", {
  description: "SEC-3: which requests to list",
  values: { MINE: { description: "Requests I made" }, TO_DECIDE: { description: "Pending requests I may decide" } },
});

builder.queryField("approvals", (t) =>
  t.withAuth({ authenticated: true }).prismaConnection(
    {
      type: "Approval",
      cursor: "id",
      description: "SEC-3: your requests, or the pending requests you may decide, newest first",
      args: { listing: t.arg({ type: ApprovalFilter, required: true, description: "MINE or TO_DECIDE" }) },
      resolve: (query, _r, { listing }, ctx) => {
        const { viewer } = ctx;
        const where: Prisma.ApprovalWhereInput =
          listing === "MINE"
            ? { ...inOrganization(ctx), requestedById: viewer.staffId }
            : {
                AND: [
                  approvalScope(ctx),
                  {
                    status: "PENDING",
                    requestExpiresAt: { gt: ctx.now },
                    requestedById: { not: viewer.staffId },
                    OR: decidableBy(viewer.role),
                  },
                ],
              };
        return ctx.prisma.approval.findMany({ ...query, where, orderBy: [{ requestedAt: "desc" }, { id: "desc" }] });
      },
    },
    ApprovalConnection,
  ),
);
