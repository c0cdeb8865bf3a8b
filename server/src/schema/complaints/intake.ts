import type { Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { ComplaintChannelEnum } from "../enums.ts";
import { isPhone, PHONE_FORMAT } from "../../domain/people/contact-formats.ts";
import { ForbiddenError, InputError, requiredText } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { syncSlaStages } from "../../services/complaints/sla-stages.ts";
import { complaintScope, customerScope, estateFilter, inOrganization } from "../../access/read-scope.ts";

const DAY = 86_400_000;
/** INT-4: reports of the same place and category within this window are suggested as duplicates. */
const DUPLICATE_WINDOW_DAYS = 7;

const RegisterComplaintInput = builder.inputType("RegisterComplaintInput", {
  fields: (t) => ({
    channel: t.field({ type: ComplaintChannelEnum, required: true, description: "INT-1" }),
    receivedAt: t.field({ type: "DateTime", required: false, description: "Default now; a letter may be registered after it arrived, never before" }),
    householdId: t.globalID({ required: false, description: "The household concerned; or give estateId and location for a public area" }),
    estateId: t.globalID({ required: false }),
    location: t.string({ required: false, description: "Public-area location, e.g. 3栋电梯 (REC-2)" }),
    anonymous: t.boolean({ required: false, description: "INT-2: no complainant; exempt from callbacks (CB-8)" }),
    complainantId: t.globalID({ required: false, description: "The complainant's archive entry, when known" }),
    complainantName: t.string({ required: false }),
    complainantContact: t.string({ required: false, description: "A mobile (11 digits) or landline" }),
    content: t.string({ required: true }),
    categoryId: t.globalID({ required: false, description: "CLS-4, if already known" }),
    duplicateOfId: t.globalID({ required: false, description: "INT-4: the first report of the same problem" }),
  }),
});

type RegisterInput = typeof RegisterComplaintInput.$inferInput;

/** Resolves where the complaint is about, within the caller's estates (INT-2). */
async function place(ctx: Context, input: RegisterInput) {
  const scope = estateFilter(ctx);
  if (input.householdId) {
    const h = await ctx.prisma.household.findFirst({ where: { id: input.householdId.id, ...inOrganization(ctx), ...(scope ? { estateId: scope } : {}) }, select: { id: true, estateId: true, buildingId: true } });
    if (!h) throw new InputError("input.householdId", "No such household in your estates");
    return { estateId: h.estateId, householdId: h.id, buildingId: h.buildingId };
  }
  if (!input.estateId) throw new InputError("input.householdId", "Give the household, or the estate and a location for a public area");
  if (scope && !scope.in.includes(input.estateId.id)) throw new InputError("input.estateId", "No such estate in your scope");
  const e = await ctx.prisma.estate.findFirst({ where: { id: input.estateId.id, ...inOrganization(ctx) }, select: { id: true } });
  if (!e) throw new InputError("input.estateId", "No such estate in your scope");
  if (!input.location?.trim()) throw new InputError("input.location", "A public-area complaint needs its location");
  return { estateId: e.id, householdId: null, buildingId: null };
}

/** INT-2: the next sequence number of the organisation, TS + year + 8 digits; the lock serialises registrations. */
async function nextNumber(ctx: Context, at: Date): Promise<string> {
  await ctx.prisma.$queryRaw`SELECT id FROM organizations WHERE id = ${ctx.organizationId}::uuid FOR UPDATE`;
  const [row] = await ctx.prisma.$queryRaw<{ next: bigint }[]>`
    SELECT coalesce(max(substring(no from 7)::bigint), 0) + 1 AS next FROM complaints
     WHERE organization_id = ${ctx.organizationId}::uuid AND no ~ '^TS[0-9]{12}$'`;
  return `TS${at.getUTCFullYear()}${String(row!.next).padStart(8, "0")}`;
}

builder.mutationField("registerComplaint", (t) =>
  t.prismaField({
    type: "Complaint",
    description: "INT-1…INT-4: registers a complaint from any channel; the receiver is the caller (first-responder rule, INT-3)",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RegisterComplaintInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const content = requiredText(input.content, "input.content", 5000);
      const receivedAt = input.receivedAt ?? ctx.now;
      if (receivedAt.getTime() > ctx.now.getTime() + 60_000) throw new InputError("input.receivedAt", "receivedAt cannot be in the future");
      const where = await place(ctx, input);
      const anonymous = input.anonymous ?? false;
      const name = input.complainantName?.trim() || null;
      const contact = input.complainantContact?.trim() || null;
      if (anonymous && (name || contact || input.complainantId)) throw new InputError("input.anonymous", "An anonymous complaint has no complainant name, contact or archive entry");
      if (!anonymous && !name && !input.complainantId) throw new InputError("input.complainantName", "Give the complainant's name, or mark the complaint anonymous");
      if (contact && !isPhone(contact)) throw new InputError("input.complainantContact", `complainantContact must be ${PHONE_FORMAT}`);
      if (input.complainantId && !(await ctx.prisma.customer.findFirst({ where: { id: input.complainantId.id, AND: [customerScope(ctx)] }, select: { id: true } }))) {
        throw new InputError("input.complainantId", "No such customer in your estates");
      }
      if (input.categoryId && !(await ctx.prisma.category.findFirst({ where: { id: input.categoryId.id, ...inOrganization(ctx), level: 2 }, select: { id: true } }))) {
        throw new InputError("input.categoryId", "No such second-level category");
      }
      let duplicateOf: { id: string; no: string } | null = null;
      if (input.duplicateOfId) {
        duplicateOf = await ctx.prisma.complaint.findFirst({ where: { id: input.duplicateOfId.id, AND: [complaintScope(ctx)], duplicateOfId: null }, select: { id: true, no: true } });
        if (!duplicateOf) throw new InputError("input.duplicateOfId", "No such first report in your scope (a duplicate links to the first report, not to another duplicate)");
      }
      // SLA-8: received at an estate's office (its staff belong to the office's department).
      const department = viewer.departmentId ? await ctx.prisma.department.findFirst({ where: { id: viewer.departmentId }, select: { officeId: true } }) : null;
      const no = await nextNumber(ctx, receivedAt);
      const created = await ctx.prisma.complaint.create({
        data: {
          organizationId: viewer.organizationId, no, receivedAt, channel: input.channel, ...where, location: input.location?.trim() || null,
          complainantId: input.complainantId?.id ?? null, complainantName: name, complainantContact: contact, anonymous, content,
          categoryId: input.categoryId?.id ?? null, receivedById: viewer.staffId, receivedByDepartmentId: viewer.departmentId,
          receivedAtOfficeId: department?.officeId ?? null,
          ...(anonymous ? { callbackExempt: true, exemptReason: "ANONYMOUS" as const } : {}),
          ...(duplicateOf ? { duplicateOfId: duplicateOf.id, duplicateLinkedAt: ctx.now } : {}),
        },
        select: { id: true },
      });
      const events: Prisma.ComplaintEventCreateManyInput[] = [
        { organizationId: viewer.organizationId, complaintId: created.id, at: receivedAt, actorId: viewer.staffId, kind: "REGISTERED", toStatus: "REGISTERED" },
      ];
      // The link follows the registration on the timeline, even when both happen within one millisecond.
      if (duplicateOf) events.push({ organizationId: viewer.organizationId, complaintId: created.id, at: new Date(Math.max(ctx.now.getTime(), receivedAt.getTime()) + 1), actorId: viewer.staffId, kind: "DUPLICATE_LINKED", note: `与 ${duplicateOf.no} 为同一问题`, data: { duplicateOfId: duplicateOf.id } });
      await ctx.prisma.complaintEvent.createMany({ data: events });
      await syncSlaStages(ctx.prisma, created.id, ctx.now);
      return ctx.prisma.complaint.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);

const LikelyDuplicatesInput = builder.inputType("LikelyDuplicatesInput", {
  fields: (t) => ({
    householdId: t.globalID({ required: false }),
    estateId: t.globalID({ required: false }),
    location: t.string({ required: false }),
    categoryId: t.globalID({ required: false }),
    at: t.field({ type: "DateTime", required: false, description: "Default now" }),
  }),
});

builder.queryField("likelyDuplicates", (t) =>
  t.prismaField({
    type: ["Complaint"],
    description: `INT-4: first reports of the same household (or the same place in an estate) and category received within ${DUPLICATE_WINDOW_DAYS} days before, newest first`,
    authScopes: { permission: "complaints:read" },
    args: { input: t.arg({ type: LikelyDuplicatesInput, required: true }) },
    resolve: (query, _r, { input }, ctx) => {
      const at = input.at ?? ctx.now;
      if (!input.householdId && !(input.estateId && input.location?.trim())) throw new InputError("input.householdId", "Give the household, or the estate and the location");
      if (!ctx.viewer!.permissions.has("complaints:write")) throw new ForbiddenError("Duplicate suggestions are part of registering complaints");
      const where: Prisma.ComplaintWhereInput = {
        AND: [complaintScope(ctx)],
        duplicateOfId: null,
        receivedAt: { gte: new Date(at.getTime() - DUPLICATE_WINDOW_DAYS * DAY), lte: at },
        ...(input.householdId ? { householdId: input.householdId.id } : { estateId: input.estateId!.id, location: { contains: input.location!.trim() } }),
        ...(input.categoryId ? { categoryId: input.categoryId.id } : {}),
      };
      return ctx.prisma.complaint.findMany({ ...query, where, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take: 10 });
    },
  }),
);
