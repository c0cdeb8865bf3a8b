import type { Prisma } from "@tingjian/prisma/client";
import { ApprovalKind, ApprovalStatus } from "@tingjian/prisma/client";
import { nonEmpty } from "../prisma-query.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { approverRoles, requiredRole } from "../../domain/access/approvers.ts";
import { knows } from "../../domain/access/need-to-know.ts";
import { customerRef, forDecision } from "../customers.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { customerScope, inOrganization, scopedNode } from "../../access/read-scope.ts";
import { ClassificationEnum, StaffRoleEnum } from "./staff.ts";

const HOUR = 3_600_000;
/** SEC-3: a request lapses after three days undecided; a grant lasts 24 hours unless the approver says otherwise (at most a week). */
export const REQUEST_LIFETIME_MS = 72 * HOUR;
const DEFAULT_GRANT_HOURS = 24;
const MAX_GRANT_HOURS = 168;

export const ApprovalKindEnum = builder.enumType(ApprovalKind, { name: "ApprovalKind" });
export const ApprovalStatusEnum = builder.enumType(ApprovalStatus, { name: "ApprovalStatus" });

/** A pending request past its deadline reads as EXPIRED even before the sweep writes it. */
function effectiveStatus(a: { status: ApprovalStatus; requestExpiresAt: Date | null; grantedUntil: Date | null }, now: Date): ApprovalStatus {
  if (a.status === "PENDING" && a.requestExpiresAt && a.requestExpiresAt <= now) return "EXPIRED";
  if (a.status === "APPROVED" && a.grantedUntil && a.grantedUntil <= now) return "EXPIRED";
  return a.status;
}

/** Requests are seen by the requester, the decider, those who may decide requests and auditors. */
const approvalScope = (ctx: Context): Prisma.ApprovalWhereInput => {
  const v = ctx.viewer;
  const own: Prisma.ApprovalWhereInput[] = [{ requestedById: v?.staffId ?? "" }, { decidedById: v?.staffId ?? "" }];
  if (v && (v.permissions.has("approvals:decide") || v.permissions.has("audit:read"))) {
    if (v.estates === "ALL") return inOrganization(ctx);
    // An estate's supervisor sees the requests about archives of its estates.
    return { ...inOrganization(ctx), OR: [...own, ...[...v.estates].map((e) => ({ scope: { path: ["estateIds"], array_contains: [e] } }))] };
  }
  return { ...inOrganization(ctx), OR: own };
};

builder.prismaNode("Approval", {
  ...scopedNode(approvalScope),
  description: "SEC-3: a request to read or copy an owner archive or export classified data; approved, it is a time-boxed grant",
  fields: (t) => ({
    kind: t.expose("kind", { type: ApprovalKindEnum }),
    status: t.field({ type: ApprovalStatusEnum, resolve: (a, _x, ctx) => effectiveStatus(a, ctx.now) }),
    recordType: t.exposeString("recordType"),
    recordId: t.exposeString("recordId", { nullable: true }),
    classification: t.expose("classification", { type: ClassificationEnum, nullable: true }),
    requiredRole: t.expose("requiredRole", { type: StaffRoleEnum, nullable: true, description: "The lowest role that may decide" }),
    purpose: t.exposeString("purpose"),
    requestedAt: t.expose("requestedAt", { type: "DateTime" }),
    requestExpiresAt: t.expose("requestExpiresAt", { type: "DateTime", nullable: true }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    decisionNote: t.exposeString("decisionNote", { nullable: true }),
    grantedFrom: t.expose("grantedFrom", { type: "DateTime", nullable: true }),
    grantedUntil: t.expose("grantedUntil", { type: "DateTime", nullable: true }),
    version: t.exposeInt("version"),
    requestedBy: t.relation("requestedBy"),
    decidedBy: t.relation("decidedBy", { nullable: true }),
  }),
});

const RequestApprovalInput = builder.inputType("RequestApprovalInput", {
  fields: (t) => ({
    kind: t.field({ type: ApprovalKindEnum, required: true, description: "READ_ARCHIVE, COPY_ARCHIVE or EXPORT_CLASSIFIED" }),
    customerId: t.globalID({ required: false, description: "The owner archive (READ_ARCHIVE, COPY_ARCHIVE)" }),
    estateId: t.globalID({ required: false, description: "EXPORT_CLASSIFIED: the estate whose customers are exported (default: all in scope)" }),
    purpose: t.string({ required: true, description: "Why: recorded with the approval and with every read under it" }),
  }),
});

builder.mutationField("requestApproval", (t) =>
  t.prismaField({
    type: "Approval",
    authScopes: { permission: "personal-data:read" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RequestApprovalInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const purpose = requiredText(input.purpose, "input.purpose", 500);
      const base = { organizationId: viewer.organizationId, kind: input.kind, purpose, requestedById: viewer.staffId, requestedAt: ctx.now, requestExpiresAt: new Date(ctx.now.getTime() + REQUEST_LIFETIME_MS) };
      let data: Prisma.ApprovalUncheckedCreateInput;
      if (input.kind === "READ_ARCHIVE" || input.kind === "COPY_ARCHIVE") {
        if (!input.customerId) throw new InputError("input.customerId", "Name the owner archive");
        const customer = await ctx.prisma.customer.findFirst({ where: { id: input.customerId.id, ...customerScope(ctx) }, include: forDecision });
        if (!customer) throw new NotFoundError("Customer");
        data = { ...base, recordType: "CUSTOMER", recordId: customer.id, classification: customer.classification, requiredRole: requiredRole(input.kind, customer.classification), scope: { estateIds: customerRef(customer).estateIds } };
      } else if (input.kind === "EXPORT_CLASSIFIED") {
        const estateId = input.estateId?.id ?? null;
        if (estateId && viewer.estates !== "ALL" && !viewer.estates.has(estateId)) throw new NotFoundError("Estate");
        const top = await ctx.prisma.customer.findFirst({ where: { ...customerScope(ctx), ...(estateId ? { households: { some: { household: { estateId } } } } : {}) }, orderBy: { classification: "desc" }, select: { classification: true } });
        const level = top?.classification ?? "SECRET";
        data = { ...base, recordType: "CUSTOMER", recordId: null, classification: level, requiredRole: requiredRole(input.kind, level), scope: { estateId } };
      } else {
        throw new InputError("input.kind", "Only READ_ARCHIVE, COPY_ARCHIVE and EXPORT_CLASSIFIED are requested here");
      }
      const created = await ctx.prisma.approval.create({ data, select: { id: true } });
      return ctx.prisma.approval.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);

class ApprovalConflictError extends ConflictError {}
conflictErrorType(ApprovalConflictError, "ApprovalConflictError");

const DecideApprovalInput = builder.inputType("DecideApprovalInput", {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    version: t.int({ required: true }),
    approve: t.boolean({ required: true }),
    note: t.string({ required: false }),
    grantHours: t.int({ required: false, description: `How long the grant lasts (default ${DEFAULT_GRANT_HOURS}, at most ${MAX_GRANT_HOURS})` }),
  }),
});

builder.mutationField("decideApproval", (t) =>
  t.prismaField({
    type: "Approval",
    authScopes: { permission: "approvals:decide" },
    errors: { types: [...STANDARD_ERRORS, ApprovalConflictError] },
    args: { input: t.arg({ type: DecideApprovalInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const a = await ctx.prisma.approval.findFirst({ where: { id: input.id.id, AND: [approvalScope(ctx)] } });
      if (!a) throw new NotFoundError("Approval");
      if (a.version !== input.version) throw new ApprovalConflictError(a.id, a.version);
      if (effectiveStatus(a, ctx.now) !== "PENDING") throw new InputError("input.id", `The request is ${effectiveStatus(a, ctx.now)}, not PENDING`);
      if (a.requestedById === viewer.staffId) throw new ForbiddenError("Nobody approves their own request");
      if (!approverRoles(a.kind, a.classification).includes(viewer.role)) {
        throw new ForbiddenError(`A ${a.kind} request at ${a.classification ?? "this"} level is decided by: ${approverRoles(a.kind, a.classification).join(", ")}`);
      }
      await assertApproverKnows(ctx, a);
      const hours = input.grantHours ?? DEFAULT_GRANT_HOURS;
      if (input.approve && (hours < 1 || hours > MAX_GRANT_HOURS)) throw new InputError("input.grantHours", `grantHours must be between 1 and ${MAX_GRANT_HOURS}`);
      const decided = await ctx.prisma.approval.updateMany({
        where: { id: a.id, version: a.version },
        data: {
          status: input.approve ? "APPROVED" : "DENIED", decidedById: viewer.staffId, decidedAt: ctx.now, decisionNote: input.note?.trim() || null, version: { increment: 1 },
          ...(input.approve ? { grantedFrom: ctx.now, grantedUntil: new Date(ctx.now.getTime() + hours * HOUR) } : {}),
        },
      });
      if (decided.count === 0) throw new ApprovalConflictError(a.id, a.version + 1);
      return ctx.prisma.approval.findUniqueOrThrow({ ...nonEmpty(query), where: { id: a.id } });
    },
  }),
);

/** SEC-2: an approver must themselves be entitled to know the archive they open to others. */
async function assertApproverKnows(ctx: Context, a: { recordType: string; recordId: string | null; classification: import("@tingjian/prisma/client").Classification | null; scope: Prisma.JsonValue }) {
  if (!a.recordId) return;
  const estateIds = ((a.scope as { estateIds?: string[] } | null)?.estateIds) ?? [];
  const designated = await ctx.grants.designatedLevel("CUSTOMER", a.recordId);
  if (!knows(ctx.viewer!, { classification: a.classification ?? "SECRET", estateIds }, designated)) {
    throw new ForbiddenError("You are not entitled to know this archive, so you cannot approve access to it");
  }
}

builder.mutationField("revokeApproval", (t) =>
  t.prismaField({
    type: "Approval",
    authScopes: { authenticated: true },
    errors: { types: [...STANDARD_ERRORS, ApprovalConflictError] },
    description: "Withdraws a request, or ends a grant early (the requester or the decider)",
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const a = await ctx.prisma.approval.findFirst({ where: { id: id.id, ...inOrganization(ctx) } });
      if (!a || (a.requestedById !== ctx.viewer!.staffId && a.decidedById !== ctx.viewer!.staffId)) throw new NotFoundError("Approval");
      if (a.status === "PENDING" || a.status === "APPROVED") {
        // Issue 15 item 17: on the version read, so a decision made meanwhile is not overwritten.
        const written = await ctx.prisma.approval.updateMany({ where: { id: a.id, version: a.version }, data: { status: "REVOKED", version: { increment: 1 }, ...(a.grantedUntil && a.grantedUntil > ctx.now ? { grantedUntil: ctx.now } : {}) } });
        if (written.count === 0) throw new ApprovalConflictError(a.id, a.version + 1);
      }
      return ctx.prisma.approval.findUniqueOrThrow({ ...nonEmpty(query), where: { id: a.id } });
    },
  }),
);

const ApprovalFilter = builder.enumType("ApprovalListing", {
  values: { MINE: { description: "Requests I made" }, TO_DECIDE: { description: "Pending requests I may decide" } },
});

builder.queryField("approvals", (t) =>
  t.prismaConnection({
    type: "Approval",
    cursor: "id",
    authScopes: { authenticated: true },
    args: { listing: t.arg({ type: ApprovalFilter, required: true }) },
    resolve: (query, _r, { listing }, ctx) => {
      const viewer = ctx.viewer!;
      const where: Prisma.ApprovalWhereInput = listing === "MINE"
        ? { ...inOrganization(ctx), requestedById: viewer.staffId }
        : { AND: [approvalScope(ctx), { status: "PENDING", requestExpiresAt: { gt: ctx.now }, requestedById: { not: viewer.staffId }, OR: decidableBy(viewer.role) }] };
      return ctx.prisma.approval.findMany({ ...query, where, orderBy: [{ requestedAt: "desc" }, { id: "desc" }] });
    },
  }),
);

function decidableBy(role: import("@tingjian/prisma/client").StaffRole): Prisma.ApprovalWhereInput[] {
  const out: Prisma.ApprovalWhereInput[] = [];
  for (const kind of ["READ_ARCHIVE", "COPY_ARCHIVE", "EXPORT_CLASSIFIED", "EXTEND_CLASSIFICATION"] as const) {
    for (const level of ["INTERNAL", "SECRET", "CONFIDENTIAL", "TOP_SECRET"] as const) {
      if (approverRoles(kind, level).includes(role)) out.push({ kind, classification: level });
    }
  }
  return out.length ? out : [{ id: "00000000-0000-0000-0000-000000000000" }];
}

/** SEC-3: writes EXPIRED on requests and grants past their time (the API already reads them so). */
export async function expireApprovals(db: Pick<Context["prisma"], "approval">, now: Date): Promise<number> {
  const a = await db.approval.updateMany({ where: { status: "PENDING", requestExpiresAt: { lte: now } }, data: { status: "EXPIRED", version: { increment: 1 } } });
  const b = await db.approval.updateMany({ where: { status: "APPROVED", grantedUntil: { lte: now } }, data: { status: "EXPIRED", version: { increment: 1 } } });
  return a.count + b.count;
}
