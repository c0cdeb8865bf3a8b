import type { Prisma } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { entitlement } from "../../access/disclosure.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { ComplaintConflictError } from "../../errors/complaints.ts";
import { ForbiddenError, InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeRevision } from "../access/revisions.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { complaintRef } from "./case-ref.ts";

const AMENDABLE = ["content", "location", "complainantName", "complainantContact"] as const;

export interface AmendComplaintInput {
  id: string;
  version: number;
  reason: string;
  content?: string | null;
  location?: string | null;
  complainantName?: string | null;
  complainantContact?: string | null;
}

/** SEC-6: corrects what was registered; the previous values stay in the history with who, when and why. Returns the id. */
export async function amendComplaint(ctx: SignedInContext, input: AmendComplaintInput): Promise<string> {
  const check = new InputCheck();
  const reason = check.text(input.reason, "input.reason", 500);
  const patch: Record<string, string | null> = {};
  for (const f of AMENDABLE) {
    const v = input[f];
    if (v !== undefined && v !== null) patch[f] = v.trim() || null;
  }
  check.that(!("content" in patch) || !!patch.content, "input.content", msg("amendContentEmpty"));
  check.that(Object.keys(patch).length > 0, "input", msg("amendNothing"));
  check.done();
  const current = await ctx.prisma.complaint.findFirst({ where: { id: input.id, ...complaintScope(ctx) } });
  if (!current) throw new NotFoundError("Complaint");
  const ref = complaintRef(current);
  const touchesContact = "complainantName" in patch || "complainantContact" in patch;
  if (!(await entitlement(ctx, ref, "CASE")).ok || (touchesContact && !(await entitlement(ctx, ref, "CONTACT")).ok)) {
    throw new ForbiddenError(msg("amendNotEntitled"));
  }
  await writeAtVersion(
    ctx.prisma.complaint,
    { id: current.id, version: input.version },
    patch as Prisma.ComplaintUpdateManyMutationInput,
    (id, v) => new ComplaintConflictError(id, v),
  );
  await writeRevision(ctx, {
    recordType: "COMPLAINT",
    recordId: current.id,
    recordVersion: input.version + 1,
    reason,
    before: current as unknown as Record<string, unknown>,
    after: patch,
  });
  return current.id;
}
