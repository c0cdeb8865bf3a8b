import type { ApprovalKind, Classification, Prisma, PrismaClient } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { approvalScope } from "../../access/approvals.ts";
import { customerRef, forDecision } from "../../access/customer-ref.ts";
import { customerScope, inOrganization } from "../../access/read-scope.ts";
import {
  approverRoles,
  DEFAULT_GRANT_HOURS,
  effectiveStatus,
  MAX_GRANT_HOURS,
  REQUEST_LIFETIME_MS,
  requiredRole,
} from "../../domain/access/approvers.ts";
import { knows } from "../../domain/access/need-to-know.ts";
import { ApprovalConflictError } from "../../errors/access.ts";
import { ForbiddenError, InputCheck, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";

const HOUR = 3_600_000;

export interface RequestApprovalInput {
  kind: ApprovalKind;
  /** The owner archive (READ_ARCHIVE, COPY_ARCHIVE): a customer row id. */
  customerId: string | null;
  /** EXPORT_CLASSIFIED: an estate row id, or null for every estate in scope. */
  estateId: string | null;
  purpose: string;
}

/** SEC-3: files a request to read or copy an owner archive, or to export classified data. Returns its id. */
export async function requestApproval(ctx: SignedInContext, input: RequestApprovalInput): Promise<string> {
  const { viewer } = ctx;
  const check = new InputCheck();
  const purpose = check.text(input.purpose, "input.purpose", 500);
  const archive = input.kind === "READ_ARCHIVE" || input.kind === "COPY_ARCHIVE";
  check.that(archive || input.kind === "EXPORT_CLASSIFIED", "input.kind", msg("approvalKindNotRequestable"));
  check.that(!archive || !!input.customerId, "input.customerId", msg("approvalArchiveRequired"));
  check.done();
  const base = {
    organizationId: viewer.organizationId,
    kind: input.kind,
    purpose,
    requestedById: viewer.staffId,
    requestedAt: ctx.now,
    requestExpiresAt: new Date(ctx.now.getTime() + REQUEST_LIFETIME_MS),
  };
  let data: Prisma.ApprovalUncheckedCreateInput;
  if (archive) {
    const customer = await ctx.prisma.customer.findFirst({ where: { id: input.customerId!, ...customerScope(ctx) }, include: forDecision });
    if (!customer) throw new NotFoundError("Customer");
    const scope = { estateIds: customerRef(customer).estateIds as string[] };
    data = {
      ...base,
      recordType: "CUSTOMER",
      recordId: customer.id,
      classification: customer.classification,
      requiredRole: requiredRole(input.kind, customer.classification),
      scope,
    };
  } else {
    const estateId = input.estateId;
    if (estateId && viewer.estates !== "ALL" && !viewer.estates.has(estateId)) throw new NotFoundError("Estate");
    // The request is decided at the level of the most protected archive it would export.
    const top = await ctx.prisma.customer.findFirst({
      where: { ...customerScope(ctx), ...(estateId ? { households: { some: { household: { estateId } } } } : {}) },
      orderBy: { classification: "desc" },
      select: { classification: true },
    });
    const level = top?.classification ?? "SECRET";
    data = {
      ...base,
      recordType: "CUSTOMER",
      recordId: null,
      classification: level,
      requiredRole: requiredRole(input.kind, level),
      scope: { estateId },
    };
  }
  return (await ctx.prisma.approval.create({ data, select: { id: true } })).id;
}

export interface DecideApprovalInput {
  id: string;
  version: number;
  approve: boolean;
  note: string | null;
  grantHours: number | null;
}

/** SEC-3: approves (a time-boxed grant) or denies a pending request. Returns the approval's id. */
export async function decideApproval(ctx: SignedInContext, input: DecideApprovalInput): Promise<string> {
  const { viewer } = ctx;
  const a = await ctx.prisma.approval.findFirst({ where: { id: input.id, AND: [approvalScope(ctx)] } });
  if (!a) throw new NotFoundError("Approval");
  if (a.version !== input.version) throw new ApprovalConflictError(a.id, a.version);
  const status = effectiveStatus(a, ctx.now);
  if (status !== "PENDING") throw new InputError("input.id", msg("approvalNotPending", { status }));
  if (a.requestedById === viewer.staffId) throw new ForbiddenError(msg("approvalOwnRequest"));
  const roles = approverRoles(a.kind, a.classification);
  if (!roles.includes(viewer.role)) {
    throw new ForbiddenError(msg("approvalWrongRole", { kind: a.kind, level: a.classification ?? "this", roles: roles.join(", ") }));
  }
  await assertApproverKnows(ctx, a);
  const hours = input.grantHours ?? DEFAULT_GRANT_HOURS;
  if (input.approve && (hours < 1 || hours > MAX_GRANT_HOURS))
    throw new InputError("input.grantHours", msg("grantHoursRange", { max: MAX_GRANT_HOURS }));
  await writeAtVersion(
    ctx.prisma.approval,
    a,
    {
      status: input.approve ? "APPROVED" : "DENIED",
      decidedById: viewer.staffId,
      decidedAt: ctx.now,
      decisionNote: input.note?.trim() || null,
      ...(input.approve ? { grantedFrom: ctx.now, grantedUntil: new Date(ctx.now.getTime() + hours * HOUR) } : {}),
    },
    (id, v) => new ApprovalConflictError(id, v),
  );
  return a.id;
}

/** SEC-2: an approver must themselves be entitled to know the archive they open to others. */
async function assertApproverKnows(
  ctx: SignedInContext,
  a: { recordId: string | null; classification: Classification | null; scope: Prisma.JsonValue },
): Promise<void> {
  if (!a.recordId) return;
  const estateIds = (a.scope as { estateIds?: string[] } | null)?.estateIds ?? [];
  const designated = await ctx.grants.designatedLevel("CUSTOMER", a.recordId);
  if (!knows(ctx.viewer, { classification: a.classification ?? "SECRET", estateIds }, designated)) {
    throw new ForbiddenError(msg("approverMustKnow"));
  }
}

/** SEC-3: withdraws a request, or ends a grant early (the requester or the decider). Returns its id. */
export async function revokeApproval(ctx: SignedInContext, approvalId: string): Promise<string> {
  const a = await ctx.prisma.approval.findFirst({ where: { id: approvalId, ...inOrganization(ctx) } });
  if (!a || (a.requestedById !== ctx.viewer.staffId && a.decidedById !== ctx.viewer.staffId)) throw new NotFoundError("Approval");
  if (a.status === "PENDING" || a.status === "APPROVED") {
    // Issue 15 item 17: on the version read, so a decision made meanwhile is not overwritten.
    await writeAtVersion(
      ctx.prisma.approval,
      a,
      {
        status: "REVOKED",
        ...(a.grantedUntil && a.grantedUntil > ctx.now ? { grantedUntil: ctx.now } : {}),
      },
      (id, v) => new ApprovalConflictError(id, v),
    );
  }
  return a.id;
}

/** SEC-3: writes EXPIRED on requests and grants past their time (the API already reads them so). */
export async function expireApprovals(db: Pick<PrismaClient, "approval">, now: Date): Promise<number> {
  const a = await db.approval.updateMany({
    where: { status: "PENDING", requestExpiresAt: { lte: now } },
    data: { status: "EXPIRED", version: { increment: 1 } },
  });
  const b = await db.approval.updateMany({
    where: { status: "APPROVED", grantedUntil: { lte: now } },
    data: { status: "EXPIRED", version: { increment: 1 } },
  });
  return a.count + b.count;
}
