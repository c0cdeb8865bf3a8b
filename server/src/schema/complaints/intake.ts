import type { Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { ComplaintChannelEnum } from "../enums.ts";
import { ForbiddenError, InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { registerComplaint } from "../../services/complaints/intake.ts";

const DAY = 86_400_000;
/** INT-4: reports of the same place and category within this window are suggested as duplicates. */
const DUPLICATE_WINDOW_DAYS = 7;

const RegisterComplaintInput = builder.inputType("RegisterComplaintInput", {
  description: "INT-2: what is registered of a complaint (the receiver and the time are the caller and now unless given)",
  fields: (t) => ({
    channel: t.field({ type: ComplaintChannelEnum, required: true, description: "INT-1" }),
    receivedAt: t.field({
      type: "DateTime",
      required: false,
      description: "Default now; a letter may be registered after it arrived, never before",
    }),
    householdId: t.globalID({ required: false, description: "The household concerned; or give estateId and location for a public area" }),
    estateId: t.globalID({ required: false, description: "The estate of a public-area complaint (REC-2)" }),
    location: t.string({ required: false, description: "Public-area location, e.g. 3栋电梯 (REC-2)" }),
    anonymous: t.boolean({ required: false, description: "INT-2: no complainant; exempt from callbacks (CB-8)" }),
    complainantId: t.globalID({ required: false, description: "The complainant's archive entry, when known" }),
    complainantName: t.string({
      required: false,
      description: "INT-2: the complainant's name (protected, SEC-2); required unless anonymous or an archive entry is given",
    }),
    complainantContact: t.string({ required: false, description: "A mobile (11 digits) or landline" }),
    content: t.string({ required: true, description: "INT-2: what the complainant said, up to 5000 characters (protected, SEC-2)" }),
    categoryId: t.globalID({ required: false, description: "CLS-4, if already known" }),
    duplicateOfId: t.globalID({ required: false, description: "INT-4: the first report of the same problem" }),
  }),
});

builder.mutationField("registerComplaint", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "Complaint",
    description:
      "INT-1…INT-4: registers a complaint from any channel; the receiver is the caller (first-responder rule, INT-3). Every bad field is named at once",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RegisterComplaintInput, required: true, description: "The complaint as received (INT-2)" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await registerComplaint(ctx, {
        ...input,
        householdId: input.householdId?.id,
        estateId: input.estateId?.id,
        complainantId: input.complainantId?.id,
        categoryId: input.categoryId?.id,
        duplicateOfId: input.duplicateOfId?.id,
      });
      return ctx.prisma.complaint.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const LikelyDuplicatesInput = builder.inputType("LikelyDuplicatesInput", {
  description: "INT-4: the place and category of a complaint being registered",
  fields: (t) => ({
    householdId: t.globalID({ required: false, description: "The household concerned; or give estateId and location" }),
    estateId: t.globalID({ required: false, description: "The estate of a public-area complaint" }),
    location: t.string({ required: false, description: "Part of the public-area location to match" }),
    categoryId: t.globalID({ required: false, description: "CLS-4: only first reports of this category" }),
    at: t.field({ type: "DateTime", required: false, description: "Default now" }),
  }),
});

builder.queryField("likelyDuplicates", (t) =>
  t.withAuth({ permission: "complaints:read" }).prismaField({
    type: ["Complaint"],
    description: `INT-4: first reports of the same household (or the same place in an estate) and category received within ${DUPLICATE_WINDOW_DAYS} days before, newest first`,
    args: { input: t.arg({ type: LikelyDuplicatesInput, required: true, description: "Where and what the new complaint is about" }) },
    resolve: (query, _r, { input }, ctx) => {
      const at = input.at ?? ctx.now;
      if (!input.householdId && !(input.estateId && input.location?.trim()))
        throw new InputError("input.householdId", msg("intakeDuplicatePlace"));
      if (!ctx.viewer.permissions.has("complaints:write")) throw new ForbiddenError(msg("intakeDuplicatesForbidden"));
      const where: Prisma.ComplaintWhereInput = {
        AND: [complaintScope(ctx)],
        duplicateOfId: null,
        receivedAt: { gte: new Date(at.getTime() - DUPLICATE_WINDOW_DAYS * DAY), lte: at },
        ...(input.householdId
          ? { householdId: input.householdId.id }
          : { estateId: input.estateId!.id, location: { contains: input.location!.trim() } }),
        ...(input.categoryId ? { categoryId: input.categoryId.id } : {}),
      };
      return ctx.prisma.complaint.findMany({ ...query, where, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take: 10 });
    },
  }),
);
