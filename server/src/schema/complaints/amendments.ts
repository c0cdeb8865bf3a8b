import { builder } from "../../builder.ts";
import { ComplaintConflictError } from "../../errors/complaints.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { amendComplaint } from "../../services/complaints/amendments.ts";

const AmendComplaintInput = builder.inputType("AmendComplaintInput", {
  description: "SEC-6: corrections of what was registered, and why; omitted fields stay as they are",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The complaint" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a ComplaintConflictError" }),
    reason: t.string({ required: true, description: "SEC-6: why the record is amended" }),
    content: t.string({ required: false, description: "INT-2: what the complainant said, corrected (not empty)" }),
    location: t.string({ required: false, description: "The public-area location, corrected" }),
    complainantName: t.string({
      required: false,
      description: "The complainant's name, corrected (needs the CONTACT need to know, SEC-2)",
    }),
    complainantContact: t.string({
      required: false,
      description: "The complainant's contact, corrected (needs the CONTACT need to know, SEC-2)",
    }),
  }),
});

builder.mutationField("amendComplaint", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "Complaint",
    description: "SEC-6: corrects what was registered; the previous values stay in `history` with who, when and why",
    errors: { types: [...STANDARD_ERRORS, ComplaintConflictError] },
    args: {
      input: t.arg({
        type: AmendComplaintInput,
        required: true,
        description: "The complaint, the version read, the corrections and the reason",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await amendComplaint(ctx, { ...input, id: input.id.id });
      return ctx.prisma.complaint.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
