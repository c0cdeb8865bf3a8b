import type { Prisma } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { customerRef, forDecision } from "../../access/customer-ref.ts";
import { entitlement } from "../../access/disclosure.ts";
import { customerScope } from "../../access/read-scope.ts";
import { ID_NUMBER_FORMAT, isIdNumber, isPhone, PHONE_FORMAT } from "../../domain/people/contact-formats.ts";
import { CustomerConflictError } from "../../errors/access.ts";
import { ForbiddenError, InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeRevision } from "../access/revisions.ts";
import { writeAtVersion } from "../versioned-write.ts";

const TEXT_FIELDS = ["name", "phone", "idNumber", "address", "occupation", "nativePlace", "note"] as const;

export type UpdateCustomerInput = {
  id: string;
  version: number;
  reason: string;
  plates?: readonly string[] | null;
} & { [F in (typeof TEXT_FIELDS)[number]]?: string | null };

/** SEC-6: the amended fields, trimmed; every bad one reported at once (issue 16). */
function patchOf(input: UpdateCustomerInput, check: InputCheck): Record<string, string | string[]> {
  const patch: Record<string, string | string[]> = {};
  for (const f of TEXT_FIELDS) {
    const v = input[f];
    if (v !== undefined && v !== null) patch[f] = v.trim();
  }
  if (input.plates) patch.plates = input.plates.map((p) => p.trim().toUpperCase()).filter(Boolean);
  if (!check.that(Object.keys(patch).length > 0, "input", msg("nothingToAmend"))) return patch;
  check.that(patch.name === undefined || !!patch.name, "input.name", msg("customerNameEmpty"));
  check.that(
    typeof patch.phone !== "string" || !patch.phone || isPhone(patch.phone),
    "input.phone",
    msg("customerPhoneFormat", { format: PHONE_FORMAT }),
  );
  check.that(
    typeof patch.idNumber !== "string" || !patch.idNumber || isIdNumber(patch.idNumber),
    "input.idNumber",
    msg("customerIdNumberFormat", { format: ID_NUMBER_FORMAT }),
  );
  return patch;
}

/** SEC-6: amends an owner archive; the previous values stay in its history with who, when and why. Returns its id. */
export async function updateCustomer(ctx: SignedInContext, input: UpdateCustomerInput): Promise<string> {
  const check = new InputCheck();
  const reason = check.text(input.reason, "reason", 500);
  const patch = patchOf(input, check);
  const current = await ctx.prisma.customer.findFirst({ where: { id: input.id, ...customerScope(ctx) }, include: forDecision });
  if (!current) throw new NotFoundError("Customer");
  check.done();
  // Amending a value requires being entitled to read it: nobody overwrites what they may not see.
  const archiveTouched = Object.keys(patch).some((f) => !["name", "phone"].includes(f));
  if (!(await entitlement(ctx, customerRef(current), archiveTouched ? "ARCHIVE" : "CONTACT")).ok) {
    throw new ForbiddenError(msg(archiveTouched ? "amendArchiveNeedsGrant" : "customerDataNotEntitled"));
  }
  await writeAtVersion(
    ctx.prisma.customer,
    { id: current.id, version: input.version },
    patch as Prisma.CustomerUpdateManyMutationInput,
    (id, v) => new CustomerConflictError(id, v),
  );
  await writeRevision(ctx, {
    recordType: "CUSTOMER",
    recordId: current.id,
    recordVersion: input.version + 1,
    reason,
    before: current as unknown as Record<string, unknown>,
    after: patch,
  });
  return current.id;
}
