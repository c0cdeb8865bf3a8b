import { builder } from "../../builder.ts";
import { changeMyPassword, resetPassword } from "../../services/admin/passwords.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { CreatedStaffRef } from "./staff.ts";

/** Issue 17: passwords (services/admin/passwords.ts). */

const ChangeMyPasswordInput = builder.inputType("ChangeMyPasswordInput", {
  description: "Issue 17: your current password and the new one",
  fields: (t) => ({
    currentPassword: t.string({ required: true, description: "The password you signed in with (the temporary one after a reset)" }),
    newPassword: t.string({
      required: true,
      description: "At least 10 characters, not one of the most common passwords, not containing your login",
    }),
  }),
});

builder.mutationField("changeMyPassword", (t) =>
  // `signedIn`: allowed while a temporary password must be changed (builder.ts), as nothing else is.
  t.withAuth({ signedIn: true }).prismaField({
    type: "Staff",
    description:
      "Issue 17: changes your own password (from a signed-in session): the current one is verified, the policy applied; your other sessions end and a pending forced change is cleared",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: ChangeMyPasswordInput, required: true, description: "The current and the new password (never logged)" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await changeMyPassword(ctx, { currentPassword: input.currentPassword, newPassword: input.newPassword });
      return ctx.prisma.staff.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("resetPassword", (t) =>
  t.withAuth({ permission: "accounts:manage" }).field({
    type: CreatedStaffRef,
    description:
      "Issue 17: gives a person's account a temporary password (returned once) that must be changed at the next sign-in; the account's sessions end. Only for accounts whose role and clearance you could give",
    errors: { types: STANDARD_ERRORS },
    args: { staffId: t.arg.globalID({ required: true, description: "The Staff account" }) },
    resolve: (_r, { staffId }, ctx) => resetPassword(ctx, staffId.id),
  }),
);
