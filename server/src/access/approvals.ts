import type { Prisma, StaffRole } from "@tingjian/prisma/client";
import type { Context } from "./context.ts";
import { approverRoles } from "../domain/access/approvers.ts";
import { inOrganization } from "./read-scope.ts";

/**
 * SEC-3: requests are seen by the requester, the decider, those who may decide requests and
 * auditors; an estate's supervisor sees the requests about archives of its estates.
 */
export function approvalScope(ctx: Context): Prisma.ApprovalWhereInput {
  const v = ctx.viewer;
  const own: Prisma.ApprovalWhereInput[] = [{ requestedById: v?.staffId ?? "" }, { decidedById: v?.staffId ?? "" }];
  if (v && (v.permissions.has("approvals:decide") || v.permissions.has("audit:read"))) {
    if (v.estates === "ALL") return inOrganization(ctx);
    return {
      ...inOrganization(ctx),
      OR: [...own, ...[...v.estates].map((e) => ({ scope: { path: ["estateIds"], array_contains: [e] } }))],
    };
  }
  return { ...inOrganization(ctx), OR: own };
}

/** SEC-3: the kinds and levels of request a role may decide (domain/access/approvers.ts). */
export function decidableBy(role: StaffRole): Prisma.ApprovalWhereInput[] {
  const out: Prisma.ApprovalWhereInput[] = [];
  for (const kind of ["READ_ARCHIVE", "COPY_ARCHIVE", "EXPORT_CLASSIFIED", "EXTEND_CLASSIFICATION"] as const) {
    for (const level of ["INTERNAL", "SECRET", "CONFIDENTIAL", "TOP_SECRET"] as const) {
      if (approverRoles(kind, level).includes(role)) out.push({ kind, classification: level });
    }
  }
  return out.length ? out : [{ id: "00000000-0000-0000-0000-000000000000" }];
}
