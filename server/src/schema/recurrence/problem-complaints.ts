import type { Complaint, Prisma } from "@tingjian/prisma/client";
import type { Context } from "../../access/context.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { batched, withId } from "../batched.ts";

/**
 * REC-2: `RecurringProblem.complaints` for a whole page of problems in a bounded number of queries
 * (issue 6: no query per problem): one for the positions of the problems' complaints in scope, one
 * for the selected fields of the complaints on the pages (through the Complaint type's own
 * selection, so its field rules and masking apply as anywhere else), one for the totals when asked.
 *
 * Problems asking with the same arguments (the usual case: the field is selected once for the
 * list) share the queries; other argument sets are batches of their own.
 */

/** Oldest first; the id makes the order total (the cursor's position is then unambiguous). */
const ORDER = [{ receivedAt: "asc" }, { no: "asc" }, { id: "asc" }] satisfies Prisma.ComplaintOrderByWithRelationInput[];
const REVERSED = [{ receivedAt: "desc" }, { no: "desc" }, { id: "desc" }] satisfies Prisma.ComplaintOrderByWithRelationInput[];

/** What plugin-prisma's connection hands the resolver: the page arguments beside the selection. */
interface ConnectionQuery {
  take: number;
  skip: number;
  cursor?: { id: string };
  select?: Record<string, unknown>;
  include?: Record<string, unknown>;
}

const keyOf = (complaintIds: readonly string[]) => complaintIds.join(",");
const idsOf = (key: string) => (key ? key.split(",") : []);

/**
 * The complaints of one problem as `findMany({ ...query, where: { id in complaintIds, scope }, orderBy })`
 * would return them (cursor, skip and a negative take for `last`/`before` included), loaded
 * together with those of the other problems asking the same.
 */
export async function problemComplaintPage<Q extends object>(
  ctx: Context,
  query: Q,
  complaintIds: readonly string[],
): Promise<Complaint[]> {
  const page = await batched(ctx, `RecurringProblem.complaints ${JSON.stringify(query)}`, keyOf(complaintIds), (keys) =>
    loadPages(ctx, query as ConnectionQuery, keys),
  );
  // The rows hold the columns of Pothos' selection, which is what its Complaint fields read (select mode).
  return (page ?? []) as Complaint[];
}

async function loadPages(ctx: Context, query: ConnectionQuery, keys: string[]): Promise<Map<string, { id: string }[]>> {
  const { take, skip, cursor, ...selection } = query;
  const backward = take < 0;
  const members = keys.map((k) => new Set(idsOf(k)));
  const all = [...new Set(members.flatMap((m) => [...m]))];
  // Prisma applies a cursor as "at or after the cursor row's position in this order" (for `last`, in
  // the reversed order), then skips and takes: the same here, once for all problems and then per
  // problem. The positions are ids only, but of every complaint of the page's problems (not only
  // the first N of each): a problem is tens of complaints, and the bytes are 16 per complaint.
  const positioned = all.length
    ? await ctx.prisma.complaint.findMany({
        where: { id: { in: all }, AND: [complaintScope(ctx)] },
        orderBy: backward ? REVERSED : ORDER,
        ...(cursor ? { cursor } : {}),
        select: { id: true },
      })
    : [];
  const pages = members.map((m) => {
    const ids = positioned
      .filter((r) => m.has(r.id))
      .slice(skip, skip + Math.abs(take))
      .map((r) => r.id);
    return backward ? ids.reverse() : ids;
  });
  const wanted = [...new Set(pages.flat())];
  // The ids come from the query under the caller's scope above.
  const rows: { id: string }[] = wanted.length
    ? await ctx.prisma.complaint.findMany({
        ...(withId(selection) as Pick<Prisma.ComplaintFindManyArgs, "select" | "include">),
        where: { id: { in: wanted } },
      })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Map(keys.map((k, i) => [k, pages[i]!.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => !!r)]));
}

/** The connection's totalCount: the problem's complaints in the caller's scope, counted for every problem of the page at once. */
export async function problemComplaintCount(ctx: Context, complaintIds: readonly string[]): Promise<number> {
  const count = await batched(ctx, "RecurringProblem.complaints totalCount", keyOf(complaintIds), async (keys) => {
    const members = keys.map(idsOf);
    const all = [...new Set(members.flat())];
    const visible = new Set(
      all.length
        ? (await ctx.prisma.complaint.findMany({ where: { id: { in: all }, AND: [complaintScope(ctx)] }, select: { id: true } })).map(
            (r) => r.id,
          )
        : [],
    );
    return new Map(keys.map((k, i) => [k, members[i]!.filter((id) => visible.has(id)).length]));
  });
  return count ?? 0;
}
