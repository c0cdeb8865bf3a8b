import type { Prisma } from "@tingjian/prisma/client";
import type { Context } from "./context.ts";
import { designatedIds } from "./grants.ts";

/**
 * SPEC §2: every row belongs to one organisation and no query crosses organisations. Root
 * queries filter with `inOrganization` (row-level security in the database is the second line),
 * node refetches (`node(id:)`) through `scopedNode`, so that a global id from another
 * organisation, or outside the caller's estates, resolves to null.
 */
export function inOrganization(ctx: Context): { organizationId: string } {
  if (!ctx.organizationId) throw new Error("inOrganization called without an organisation (auth scope missing)");
  return { organizationId: ctx.organizationId };
}

/** §2: the estates of the caller's scope, as a filter on a model's estate column. */
export function estateFilter(ctx: Context): { in: string[] } | undefined {
  const estates = ctx.viewer?.estates;
  if (!estates || estates === "ALL") return undefined;
  return { in: [...estates] };
}

export function inEstates(ctx: Context): { organizationId: string; estateId?: { in: string[] } } {
  const estateId = estateFilter(ctx);
  return { ...inOrganization(ctx), ...(estateId ? { estateId } : {}) };
}

/** Relay node options: the global id is the row id; the refetch applies the type's scope. */
export function scopedNode<W extends object>(scope: (ctx: Context) => W) {
  return {
    id: { field: "id" },
    findUnique: (id: string, ctx: Context) => ({ id, AND: [scope(ctx)] }),
    nullable: true,
  } as const;
}

export const organizationNode = scopedNode(inOrganization);
export const estateNode = scopedNode(inEstates);

/**
 * Complaints the caller may see: its estates; a developer liaison only those forwarded to the
 * developer (§2, WF-5).
 */
export function complaintScope(ctx: Context): Prisma.ComplaintWhereInput {
  return { ...countedComplaints(ctx), ...topSecretFilter(ctx, "COMPLAINT") };
}

/**
 * The complaints a caller's figures count: exactly those the caller may see (SEC-2, SEC-7, issue 15
 * item 8). Figures are computed over what the caller may know exists: a TOP_SECRET complaint not
 * open to the caller is not counted, since a figure that counts it while the ledger hides it singles
 * it out (compare the two, halve the window). The SQL figures apply the same rule
 * (domain/metrics/visibility.ts).
 */
export function countedComplaints(ctx: Context): Prisma.ComplaintWhereInput {
  return {
    ...inEstates(ctx),
    ...(ctx.viewer?.role === "DEVELOPER_LIAISON" ? { forwardedToDeveloperAt: { not: null } } : {}),
    ...topSecretFilter(ctx, "COMPLAINT"),
  };
}

/** Customers of the caller's estates: members of a household in scope. */
export function customerScope(ctx: Context): Prisma.CustomerWhereInput {
  const estateId = estateFilter(ctx);
  return {
    ...inOrganization(ctx),
    ...topSecretFilter(ctx, "CUSTOMER"),
    ...(estateId ? { households: { some: { household: { estateId } } } } : {}),
  };
}

/**
 * SEC-2: a TOP_SECRET record is known only to the executive and those designated; to anyone else
 * it does not exist, in lists and in figures alike (issue 15 item 8). Designated at
 * TOP_SECRET, that is: a designation at a lower level does not open it (issue 15 item 9).
 */
export function topSecretFilter(
  ctx: Context,
  recordType: "CUSTOMER" | "COMPLAINT",
): { OR?: [{ classification: { not: "TOP_SECRET" } }, { id: { in: string[] } }] } {
  if (ctx.viewer?.role === "EXECUTIVE") return {};
  return { OR: [{ classification: { not: "TOP_SECRET" } }, { id: { in: designatedIds(ctx.viewer, recordType, "TOP_SECRET") } }] };
}
