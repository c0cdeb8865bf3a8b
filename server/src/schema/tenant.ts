import type { Context } from "../context.ts";

/**
 * SPEC §2: every row belongs to one organisation and no query crosses organisations. Root
 * queries filter with `inOrganization`; node refetches (`node(id:)`) with `nodeInOrganization`,
 * so that a global id from another organisation resolves to nothing.
 */
export function inOrganization(ctx: Context): { organizationId: string } {
  if (!ctx.organizationId) throw new Error("inOrganization called without an organisation (auth scope missing)");
  return { organizationId: ctx.organizationId };
}

function nodeInOrganization(id: string, ctx: Context) {
  return { id, ...inOrganization(ctx) };
}

/**
 * The options every Relay node of an organisation-owned model shares: the global id is the row
 * id, and a refetch outside the caller's organisation resolves to null, not an error.
 */
export const organizationNode = {
  id: { field: "id" },
  findUnique: nodeInOrganization,
  nullable: true,
} as const;
