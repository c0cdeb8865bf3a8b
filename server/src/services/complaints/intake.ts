import type { ComplaintChannel, Prisma } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { complaintScope, customerScope, estateFilter, inOrganization } from "../../access/read-scope.ts";
import { isPhone } from "../../domain/people/contact-formats.ts";
import { InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { syncSlaStages } from "./sla-stages.ts";

/** INT-1…INT-4: a complaint as registered; ids are row ids. */
export interface RegisterComplaintInput {
  channel: ComplaintChannel;
  receivedAt?: Date | null;
  householdId?: string | null;
  estateId?: string | null;
  location?: string | null;
  anonymous?: boolean | null;
  complainantId?: string | null;
  complainantName?: string | null;
  complainantContact?: string | null;
  content: string;
  categoryId?: string | null;
  duplicateOfId?: string | null;
}

type Place = { estateId: string; householdId: string | null; buildingId: string | null };

/** INT-2: where the complaint is about, within the caller's estates; null (and the problem noted) if not. */
async function place(ctx: SignedInContext, input: RegisterComplaintInput, check: InputCheck): Promise<Place | null> {
  const scope = estateFilter(ctx);
  if (input.householdId) {
    // Issue 17: a deactivated household or estate is kept for history and offered for nothing new.
    const h = await ctx.prisma.household.findFirst({
      where: {
        id: input.householdId,
        active: true,
        estate: { active: true },
        ...inOrganization(ctx),
        ...(scope ? { estateId: scope } : {}),
      },
      select: { id: true, estateId: true, buildingId: true },
    });
    if (!check.that(!!h, "input.householdId", msg("intakeNoHousehold"))) return null;
    return { estateId: h!.estateId, householdId: h!.id, buildingId: h!.buildingId };
  }
  if (!check.that(!!input.estateId, "input.householdId", msg("intakePlaceRequired"))) return null;
  const e =
    scope && !scope.in.includes(input.estateId!)
      ? null
      : await ctx.prisma.estate.findFirst({ where: { id: input.estateId!, active: true, ...inOrganization(ctx) }, select: { id: true } });
  const located = check.that(!!input.location?.trim(), "input.location", msg("intakeLocationRequired"));
  if (!check.that(!!e, "input.estateId", msg("intakeNoEstate")) || !located) return null;
  return { estateId: e!.id, householdId: null, buildingId: null };
}

/** INT-2: the complainant, named, on archive, or none (anonymous, exempt from callbacks CB-8). */
async function complainant(ctx: SignedInContext, input: RegisterComplaintInput, check: InputCheck) {
  const anonymous = input.anonymous ?? false;
  const name = input.complainantName?.trim() || null;
  const contact = input.complainantContact?.trim() || null;
  check.that(!(anonymous && (name || contact || input.complainantId)), "input.anonymous", msg("intakeAnonymousWithComplainant"));
  check.that(anonymous || !!name || !!input.complainantId, "input.complainantName", msg("intakeComplainantRequired"));
  check.that(!contact || isPhone(contact), "input.complainantContact", msg("intakeBadContact"));
  if (input.complainantId) {
    const found = await ctx.prisma.customer.findFirst({
      where: { id: input.complainantId, AND: [customerScope(ctx)] },
      select: { id: true },
    });
    check.that(!!found, "input.complainantId", msg("intakeNoCustomer"));
  }
  return { anonymous, name, contact };
}

/** Everything a registration refers to, checked together: one InputError names every bad field. */
async function checkRegistration(ctx: SignedInContext, input: RegisterComplaintInput) {
  const check = new InputCheck();
  const content = check.text(input.content, "input.content", 5000);
  const receivedAt = input.receivedAt ?? ctx.now;
  check.that(receivedAt.getTime() <= ctx.now.getTime() + 60_000, "input.receivedAt", msg("intakeReceivedAtFuture"));
  const where = await place(ctx, input, check);
  const who = await complainant(ctx, input, check);
  if (input.categoryId) {
    const category = await ctx.prisma.category.findFirst({
      where: { id: input.categoryId, ...inOrganization(ctx), level: 2 },
      select: { id: true },
    });
    check.that(!!category, "input.categoryId", msg("intakeNoCategory"));
  }
  // INT-4: a duplicate links to the first report, not to another duplicate.
  const duplicateOf = input.duplicateOfId
    ? await ctx.prisma.complaint.findFirst({
        where: { id: input.duplicateOfId, AND: [complaintScope(ctx)], duplicateOfId: null },
        select: { id: true, no: true },
      })
    : null;
  check.that(!input.duplicateOfId || !!duplicateOf, "input.duplicateOfId", msg("intakeNoFirstReport"));
  check.done();
  return { content, receivedAt, where: where!, ...who, duplicateOf };
}

/** INT-2: the next sequence number of the organisation, TS + year + 8 digits; the lock serialises registrations. */
async function nextNumber(ctx: SignedInContext, at: Date): Promise<string> {
  await ctx.prisma.$queryRaw`SELECT id FROM organizations WHERE id = ${ctx.organizationId}::uuid FOR UPDATE`;
  const [row] = await ctx.prisma.$queryRaw<{ next: bigint }[]>`
    SELECT coalesce(max(substring(no from 7)::bigint), 0) + 1 AS next FROM complaints
     WHERE organization_id = ${ctx.organizationId}::uuid AND no ~ '^TS[0-9]{12}$'`;
  return `TS${at.getUTCFullYear()}${String(row!.next).padStart(8, "0")}`;
}

/**
 * INT-1…INT-4: registers a complaint from any channel; the receiver is the caller (first-responder
 * rule, INT-3). Every bad field is reported at once and nothing is written. Returns the new id.
 */
export async function registerComplaint(ctx: SignedInContext, input: RegisterComplaintInput): Promise<string> {
  const viewer = ctx.viewer;
  const c = await checkRegistration(ctx, input);
  // SLA-8: received at an estate's office (its staff belong to the office's department).
  const department = viewer.departmentId
    ? await ctx.prisma.department.findFirst({ where: { id: viewer.departmentId }, select: { officeId: true } })
    : null;
  const no = await nextNumber(ctx, c.receivedAt);
  const created = await ctx.prisma.complaint.create({
    data: {
      organizationId: viewer.organizationId,
      no,
      receivedAt: c.receivedAt,
      channel: input.channel,
      ...c.where,
      location: input.location?.trim() || null,
      complainantId: input.complainantId ?? null,
      complainantName: c.name,
      complainantContact: c.contact,
      anonymous: c.anonymous,
      content: c.content,
      categoryId: input.categoryId ?? null,
      receivedById: viewer.staffId,
      receivedByDepartmentId: viewer.departmentId,
      receivedAtOfficeId: department?.officeId ?? null,
      ...(c.anonymous ? { callbackExempt: true, exemptReason: "ANONYMOUS" as const } : {}),
      ...(c.duplicateOf ? { duplicateOfId: c.duplicateOf.id, duplicateLinkedAt: ctx.now } : {}),
    },
    select: { id: true },
  });
  const events: Prisma.ComplaintEventCreateManyInput[] = [
    {
      organizationId: viewer.organizationId,
      complaintId: created.id,
      at: c.receivedAt,
      actorId: viewer.staffId,
      kind: "REGISTERED",
      toStatus: "REGISTERED",
    },
  ];
  // The link follows the registration on the timeline, even when both happen within one millisecond.
  if (c.duplicateOf) {
    events.push({
      organizationId: viewer.organizationId,
      complaintId: created.id,
      at: new Date(Math.max(ctx.now.getTime(), c.receivedAt.getTime()) + 1),
      actorId: viewer.staffId,
      kind: "DUPLICATE_LINKED",
      data: { duplicateOfId: c.duplicateOf.id, duplicateOfNo: c.duplicateOf.no },
    });
  }
  await ctx.prisma.complaintEvent.createMany({ data: events });
  await syncSlaStages(ctx.prisma, created.id, ctx.now);
  return created.id;
}
