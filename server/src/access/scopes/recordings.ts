import type { Prisma } from "@tingjian/prisma/client";
import type { Context } from "../context.ts";
import { complaintScope, estateFilter, inOrganization } from "../read-scope.ts";

/**
 * SPEC §2: the call of a complaint is seen with the complaint; a call not tied to one by the staff of
 * its estate (one of no estate: company-level staff). The developer liaison hears only calls of the
 * complaints forwarded to the developer.
 */
export function recordingScope(ctx: Context): Prisma.HotlineRecordingWhereInput {
  const estateId = estateFilter(ctx);
  const ofComplaint: Prisma.HotlineRecordingWhereInput = { complaint: complaintScope(ctx) };
  const unlinked: Prisma.HotlineRecordingWhereInput = {
    complaintId: null,
    ...(estateId ? { estateId } : {}),
    ...(ctx.viewer?.role === "EXECUTIVE" ? {} : { classification: { not: "TOP_SECRET" } }),
  };
  return { ...inOrganization(ctx), OR: ctx.viewer?.role === "DEVELOPER_LIAISON" ? [ofComplaint] : [ofComplaint, unlinked] };
}
