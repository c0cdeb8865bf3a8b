import type { Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { entitlement } from "../../access/disclosure.ts";
import { complaintRef } from "./complaint.ts";
import { writeRevision } from "../access/revisions.ts";
import { ComplaintConflictError } from "./editing.ts";
import { ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { complaintScope } from "../../access/read-scope.ts";

const AmendComplaintInput = builder.inputType("AmendComplaintInput", {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    version: t.int({ required: true, description: "The version read; a stale one gets a ComplaintConflictError" }),
    reason: t.string({ required: true, description: "SEC-6: why the record is amended" }),
    content: t.string({ required: false }),
    location: t.string({ required: false }),
    complainantName: t.string({ required: false }),
    complainantContact: t.string({ required: false }),
  }),
});

const AMENDABLE = ["content", "location", "complainantName", "complainantContact"] as const;

builder.mutationField("amendComplaint", (t) =>
  t.prismaField({
    type: "Complaint",
    description: "SEC-6: corrects what was registered; the previous values stay in `history` with who, when and why",
    authScopes: { permission: "complaints:write" },
    errors: { types: [...STANDARD_ERRORS, ComplaintConflictError] },
    args: { input: t.arg({ type: AmendComplaintInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const reason = requiredText(input.reason, "input.reason", 500);
      const current = await ctx.prisma.complaint.findFirst({ where: { id: input.id.id, ...complaintScope(ctx) } });
      if (!current) throw new NotFoundError("Complaint");
      const patch: Record<string, string | null> = {};
      for (const f of AMENDABLE) {
        const v = input[f];
        if (v !== undefined && v !== null) patch[f] = v.trim() || null;
      }
      if ("content" in patch && !patch.content) throw new InputError("input.content", "content must not be empty");
      if (Object.keys(patch).length === 0) throw new InputError("input", "Nothing to amend");
      const ref = complaintRef(current);
      const touchesContact = "complainantName" in patch || "complainantContact" in patch;
      if (!(await entitlement(ctx, ref, "CASE")).ok || (touchesContact && !(await entitlement(ctx, ref, "CONTACT")).ok)) {
        throw new ForbiddenError("Not entitled to this complaint's protected fields");
      }
      const updated = await ctx.prisma.complaint.updateMany({ where: { id: current.id, version: input.version }, data: { ...patch, version: { increment: 1 } } as Prisma.ComplaintUpdateManyMutationInput });
      if (updated.count === 0) throw new ComplaintConflictError(current.id, current.version);
      await writeRevision(ctx, { recordType: "COMPLAINT", recordId: current.id, recordVersion: input.version + 1, reason, before: current as unknown as Record<string, unknown>, after: patch });
      return ctx.prisma.complaint.findUniqueOrThrow({ ...nonEmpty(query), where: { id: current.id } });
    },
  }),
);
