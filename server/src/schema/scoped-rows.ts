import type { Complaint, Customer } from "@tingjian/prisma/client";
import type { Context } from "../access/context.ts";
import { batchedById } from "./batched.ts";
import { complaintScope, customerScope } from "../access/read-scope.ts";

/**
 * A complaint or customer a row points to, read under the caller's scope (§2, SEC-2: one outside
 * it is null, as on its own) with the Pothos selection of the field asking, and loaded together
 * with those every other row of the page points to: one query per field and page (issue 6), not
 * one per row.
 */
export function scopedComplaint<Q extends object>(ctx: Context, query: Q, id: string | null): Promise<Complaint | null> {
  if (!id) return Promise.resolve(unused(query));
  return batchedById(ctx, "Complaint in scope", query, id, (q, ids) =>
    ctx.prisma.complaint.findMany({ ...q, where: { id: { in: ids }, AND: [complaintScope(ctx)] } }),
  ).then((row) => (row ?? null) as Complaint | null);
}

export function scopedCustomer<Q extends object>(ctx: Context, query: Q, id: string | null): Promise<Customer | null> {
  if (!id) return Promise.resolve(unused(query));
  return batchedById(ctx, "Customer in scope", query, id, (q, ids) =>
    ctx.prisma.customer.findMany({ ...q, where: { id: { in: ids }, AND: [customerScope(ctx)] } }),
  ).then((row) => (row ?? null) as Customer | null);
}

/** No row to load: the query is read all the same, so that plugin-prisma does not warn once per row about an unused selection. */
export function unused(query: object): null {
  void { ...query };
  return null;
}
