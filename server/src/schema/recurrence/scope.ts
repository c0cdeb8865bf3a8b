import type { Prisma } from "@tingjian/prisma/client";
import type { Context } from "../../context.ts";
import { estateFilter, inOrganization } from "../tenant.ts";

/**
 * SPEC §2 for the records of §10: corrective actions and case-library entries belong to an
 * estate, or to the whole company (no estate). A caller sees those of its estates and the
 * company-wide ones. They are the company's own quality records, not cases forwarded to the
 * developer, so the developer liaison (who sees only forwarded complaints, WF-5) sees none.
 */
function recordScope(ctx: Context): { organizationId: string; OR?: ({ estateId: null } | { estateId: { in: string[] } })[]; id?: { in: never[] } } {
  const org = inOrganization(ctx);
  if (ctx.viewer?.role === "DEVELOPER_LIAISON") return { ...org, id: { in: [] } };
  const estates = estateFilter(ctx);
  return estates ? { ...org, OR: [{ estateId: null }, { estateId: estates }] } : org;
}

export const correctiveActionScope = (ctx: Context): Prisma.CorrectiveActionWhereInput => recordScope(ctx);
export const caseLibraryScope = (ctx: Context): Prisma.CaseLibraryEntryWhereInput => recordScope(ctx);

/**
 * Batches per request: the resolvers of one list ask for their keys in the same tick, and one
 * query answers them all (no query per row, and never two queries at once on the request's
 * transaction).
 */
interface Batch { keys: Set<string>; result: Promise<Map<string, unknown>> }
const batches = new WeakMap<Context, Map<string, Batch>>();

export function batched<V>(ctx: Context, name: string, key: string, load: (keys: string[]) => Promise<Map<string, V>>): Promise<V | undefined> {
  let open = batches.get(ctx);
  if (!open) batches.set(ctx, (open = new Map()));
  let batch = open.get(name);
  if (!batch) {
    const keys = new Set<string>();
    const result = new Promise<void>((r) => setImmediate(r)).then(() => {
      // From now on a key starts the next batch.
      open!.delete(name);
      return load([...keys]) as Promise<Map<string, unknown>>;
    });
    open.set(name, (batch = { keys, result }));
  }
  batch.keys.add(key);
  return batch.result.then((m) => m.get(key) as V | undefined);
}
