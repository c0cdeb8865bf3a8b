import type { Classification } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { customerRef, forDecision } from "../../access/customer-ref.ts";
import { entitlement, type RecordRef } from "../../access/disclosure.ts";
import { complaintScope, customerScope, inOrganization } from "../../access/read-scope.ts";
import { atLeast } from "../../domain/access/need-to-know.ts";
import { ClassificationConflictError } from "../../errors/access.ts";
import { ForbiddenError, InputCheck, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { complaintRef } from "../complaints/case-ref.ts";
import { writeAtVersion } from "../versioned-write.ts";

export type Classifiable = "CUSTOMER" | "COMPLAINT";

/** Loads a classifiable record in the caller's scope, as the access rules see it. */
async function loadRecord(ctx: SignedInContext, type: Classifiable, id: string): Promise<RecordRef> {
  if (type === "CUSTOMER") {
    const c = await ctx.prisma.customer.findFirst({ where: { id, ...customerScope(ctx) }, include: forDecision });
    if (!c) throw new NotFoundError("Customer");
    return customerRef(c);
  }
  const c = await ctx.prisma.complaint.findFirst({
    where: { id, ...complaintScope(ctx) },
    select: { id: true, classification: true, estateId: true, receivedById: true },
  });
  if (!c) throw new NotFoundError("Complaint");
  return complaintRef(c);
}

/** SEC-2: only who may know a record classifies it or names others to know it. */
async function assertKnows(ctx: SignedInContext, record: RecordRef, key: "recordNotEntitled" | "designatorNotEntitled"): Promise<void> {
  if (!(await entitlement(ctx, record, "CASE")).ok) throw new ForbiddenError(msg(key));
}

export interface ChangeClassificationInput {
  recordType: Classifiable;
  id: string;
  level: Classification;
  until: Date | null;
  reason: string;
  version: number;
}

/** SEC-1, SEC-5: classifies, reclassifies or extends a record's level. Returns the change's id. */
export async function changeClassification(ctx: SignedInContext, input: ChangeClassificationInput): Promise<string> {
  const { viewer } = ctx;
  const check = new InputCheck();
  const reason = check.text(input.reason, "input.reason", 500);
  check.that(atLeast(input.level, "SECRET"), "input.level", msg("classificationFloor"));
  check.that(!input.until || input.until > ctx.now, "input.until", msg("untilInFuture"));
  check.done();
  const record = await loadRecord(ctx, input.recordType, input.id);
  if ((input.level === "TOP_SECRET" || record.classification === "TOP_SECRET") && viewer.role !== "EXECUTIVE")
    throw new ForbiddenError(msg("topSecretExecutiveOnly"));
  await assertKnows(ctx, record, "recordNotEntitled");
  const model = input.recordType === "CUSTOMER" ? ctx.prisma.customer : ctx.prisma.complaint;
  const current = await (model as typeof ctx.prisma.customer).findUniqueOrThrow({
    where: { id: record.id },
    select: { classifiedUntil: true, version: true },
  });
  // Compare-and-set on the version read: of two concurrent changes the second finds 0 rows.
  await writeAtVersion(
    model as typeof ctx.prisma.customer,
    { id: record.id, version: input.version },
    { classification: input.level, classifiedUntil: input.until },
    (id, v) => new ClassificationConflictError(id, v),
  );
  const created = await ctx.prisma.classificationChange.create({
    data: {
      organizationId: viewer.organizationId,
      recordType: input.recordType,
      recordId: record.id,
      kind: input.level === record.classification ? "EXTEND" : "RECLASSIFY",
      fromLevel: record.classification,
      toLevel: input.level,
      fromUntil: current.classifiedUntil,
      toUntil: input.until,
      actorId: viewer.staffId,
      at: ctx.now,
      reason,
    },
    select: { id: true },
  });
  return created.id;
}

export interface DesignateInput {
  recordType: Classifiable;
  id: string;
  staffId: string;
  level: Classification;
  expiresAt: Date | null;
  reason: string;
}

/** SEC-2: designates a person to know a TOP_SECRET (executive) or CONFIDENTIAL (supervisor) record. Returns its id. */
export async function designate(ctx: SignedInContext, input: DesignateInput): Promise<string> {
  const { viewer } = ctx;
  const check = new InputCheck();
  const reason = check.text(input.reason, "input.reason", 500);
  check.that(input.level === "TOP_SECRET" || input.level === "CONFIDENTIAL", "input.level", msg("designationLevels"));
  check.that(!input.expiresAt || input.expiresAt > ctx.now, "input.expiresAt", msg("expiresAtInFuture"));
  check.done();
  if (input.level === "TOP_SECRET" && viewer.role !== "EXECUTIVE") throw new ForbiddenError(msg("topSecretDesignationExecutiveOnly"));
  const record = await loadRecord(ctx, input.recordType, input.id);
  await assertKnows(ctx, record, "designatorNotEntitled");
  // Issue 15 item 9: a designation grants at most its own level, so one below the record's would
  // open nothing today and mislead whoever reads the list of designations; refused, naming the field.
  if (!atLeast(input.level, record.classification))
    throw new InputError("input.level", msg("designationBelowLevel", { level: record.classification }));
  const staff = await ctx.prisma.staff.findFirst({
    where: { id: input.staffId, ...inOrganization(ctx), active: true },
    select: { id: true },
  });
  if (!staff) throw new NotFoundError("Staff");
  const created = await ctx.prisma.accessDesignation.create({
    data: {
      organizationId: viewer.organizationId,
      recordType: input.recordType,
      recordId: record.id,
      level: input.level,
      staffId: staff.id,
      designatedById: viewer.staffId,
      designatedAt: ctx.now,
      expiresAt: input.expiresAt,
      reason,
    },
    select: { id: true },
  });
  return created.id;
}

/** SEC-2: ends a designation (once: a second revocation keeps the first instant). Returns its id. */
export async function revokeDesignation(ctx: SignedInContext, designationId: string): Promise<string> {
  const d = await ctx.prisma.accessDesignation.findFirst({ where: { id: designationId, ...inOrganization(ctx) } });
  if (!d) throw new NotFoundError("Designation");
  if (d.level === "TOP_SECRET" && ctx.viewer.role !== "EXECUTIVE") throw new ForbiddenError(msg("topSecretRevocationExecutiveOnly"));
  if (d.recordType === "CUSTOMER" || d.recordType === "COMPLAINT")
    await assertKnows(ctx, await loadRecord(ctx, d.recordType, d.recordId), "recordNotEntitled");
  await ctx.prisma.accessDesignation.updateMany({ where: { id: d.id, revokedAt: null }, data: { revokedAt: ctx.now } });
  return d.id;
}
