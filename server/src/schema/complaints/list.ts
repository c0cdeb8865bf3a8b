import { createHash } from "node:crypto";
import type { ComplaintKind, ComplaintSeverity, ComplaintStatus, Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { ComplaintConnection, ORDER_BY_DESCRIPTION, orderByFor, orderInput, type OrderKeys } from "../connections.ts";
import type { SignedInContext } from "../../access/context.ts";
import { designatedRecords } from "../../access/grants.ts";
import { atLeast } from "../../domain/access/need-to-know.ts";
import { ComplaintKindEnum, ComplaintSeverityEnum, ComplaintStatusEnum } from "../enums.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { overdueStages } from "./sla.ts";

const ComplaintFilter = builder.inputType("ComplaintFilter", {
  description: "Which complaints of your scope to list (§2); every condition given must hold",
  fields: (t) => ({
    estateId: t.globalID({ required: false, description: "§2: one estate of your scope" }),
    status: t.field({ type: [ComplaintStatusEnum], required: false, description: "SPEC §5: any of these states" }),
    kind: t.field({ type: [ComplaintKindEnum], required: false, description: "CLS-2" }),
    severity: t.field({ type: [ComplaintSeverityEnum], required: false, description: "CLS-3" }),
    categoryId: t.globalID({ required: false, description: "CLS-4: a second-level category, or a first-level one with all below it" }),
    departmentId: t.globalID({ required: false, description: "WF-1: led or assisted by this department" }),
    assigneeId: t.globalID({ required: false, description: "WF-1: the responsible person" }),
    overdue: t.boolean({ required: false, description: "§6: a deadline passed and its stage not finished" }),
    escalated: t.boolean({ required: false, description: "WF-7" }),
    receivedFrom: t.field({ type: "DateTime", required: false, description: "The period: received at or after" }),
    receivedBefore: t.field({ type: "DateTime", required: false, description: "The period: received before" }),
    text: t.string({
      required: false,
      description: "Number or location; the content too for cases you may read (the search is logged, SEC-3)",
    }),
    includeDuplicates: t.boolean({ required: false, description: "INT-4: later reports of the same problem (default true)" }),
  }),
});

type Filter = typeof ComplaintFilter.$inferInput;

builder.queryField("complaints", (t) =>
  t.withAuth({ permission: "complaints:read" }).prismaConnection(
    {
      type: "Complaint",
      cursor: "id",
      description:
        "The complaint ledger in your scope, newest first (§2, SEC-2: masked fields stay masked; a text search is logged, SEC-3)",
      args: {
        filter: t.arg({ type: ComplaintFilter, required: false, description: "Which complaints; default all of your scope" }),
        orderBy: t.arg({ type: [ComplaintOrder], required: false, description: `${ORDER_BY_DESCRIPTION} (newest first)` }),
      },
      totalCount: (_parent, args, ctx) => ctx.prisma.complaint.count({ where: complaintWhere(args.filter, ctx) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.complaint.findMany({ ...query, where: complaintWhere(args.filter, ctx), orderBy: complaintOrderBy(args.orderBy) }),
    },
    ComplaintConnection,
  ),
);

// ---- complaintPage: the ledger by offset, for spreadsheet grids ----

/** The most rows one page may ask for (a grid asks a block of 100; an export is `exportFile`'s business). */
const COMPLAINT_PAGE_MAX = 500;

const NULLS_LAST = (sort: Prisma.SortOrder) => ({ sort, nulls: "last" as const });

/** Each sortable column and its order; enums sort in their declared order, empty values last. */
const SORT_ORDER = {
  RECEIVED_AT: (d: Prisma.SortOrder) => ({ receivedAt: d }),
  NO: (d: Prisma.SortOrder) => ({ no: d }),
  STATUS: (d: Prisma.SortOrder) => ({ status: d }),
  SEVERITY: (d: Prisma.SortOrder) => ({ severity: d }),
  ESTATE: (d: Prisma.SortOrder) => ({ estate: { name: d } }),
  KIND: (d: Prisma.SortOrder) => ({ kind: NULLS_LAST(d) }),
  CHANNEL: (d: Prisma.SortOrder) => ({ channel: d }),
  PROMISED_AT: (d: Prisma.SortOrder) => ({ promisedAt: NULLS_LAST(d) }),
  RESOLVED_AT: (d: Prisma.SortOrder) => ({ resolvedAt: NULLS_LAST(d) }),
  LOCATION: (d: Prisma.SortOrder) => ({ location: NULLS_LAST(d) }),
} satisfies Record<string, (d: Prisma.SortOrder) => Prisma.ComplaintOrderByWithRelationInput>;

const ComplaintSortFieldEnum = builder.enumType("ComplaintSortField", {
  description:
    "A column of the ledger to sort by. STATUS in workflow order (SPEC §5), SEVERITY from GENERAL to MAJOR (CLS-3), " +
    "ESTATE by the estate's name; empty KIND, PROMISED_AT, RESOLVED_AT and LOCATION come last in either direction",
  values: {
    RECEIVED_AT: { description: "When it was received (INT-2)" },
    NO: { description: "The sequence number (INT-2)" },
    STATUS: { description: "The state, in workflow order (SPEC §5)" },
    SEVERITY: { description: "GENERAL to MAJOR (CLS-3)" },
    ESTATE: { description: "The estate's name" },
    KIND: { description: "The kind (CLS-2); empty last" },
    CHANNEL: { description: "The channel (INT-1)" },
    PROMISED_AT: { description: "The promise in force (WF-2/WF-3); empty last" },
    RESOLVED_AT: { description: "When it was resolved; empty last" },
    LOCATION: { description: "The public-area location; empty last" },
  } satisfies Record<keyof typeof SORT_ORDER, { description: string }>,
});

const ComplaintSort = builder.inputType("ComplaintSort", {
  description:
    "One key of a page's order (ag-grid's sort model: first key first); for the deprecated `complaintPage(sort:)`, use `ComplaintOrder` (`orderBy`)",
  fields: (t) => ({
    field: t.field({ type: ComplaintSortFieldEnum, required: true, description: "The column" }),
    descending: t.boolean({ required: false, defaultValue: false, description: "Largest (latest, last in workflow order) first" }),
  }),
});

/** Issue 16 item 4: `orderBy`, the common shape of a main list's order, over the ledger's sortable columns. */
const ComplaintOrder = orderInput("Complaint", ComplaintSortFieldEnum, "complaints");

/** The Prisma order of `orderBy` (then the id); none: newest first. */
function complaintOrderBy(orderBy: unknown): Prisma.ComplaintOrderByWithRelationInput[] {
  return orderByFor<keyof typeof SORT_ORDER, Prisma.ComplaintOrderByWithRelationInput>(
    orderBy as OrderKeys<keyof typeof SORT_ORDER>,
    SORT_ORDER,
    [{ receivedAt: "desc" }, { id: "desc" }],
  );
}

/**
 * The order of a page: the caller's keys (a repeated column counts once), then the id, so that
 * rows equal in every key keep one order and offset pages neither repeat nor skip a row. No keys:
 * the ledger's own order, newest first, as `complaints`.
 */
function complaintPageOrder(
  sort: readonly { field: keyof typeof SORT_ORDER; descending?: boolean | null }[] | null | undefined,
): Prisma.ComplaintOrderByWithRelationInput[] {
  const keys = sort?.map((k) => ({ field: k.field, direction: k.descending ? ("DESC" as const) : ("ASC" as const) }));
  return orderByFor<keyof typeof SORT_ORDER, Prisma.ComplaintOrderByWithRelationInput>(keys, SORT_ORDER, [
    { receivedAt: "desc" },
    { id: "desc" },
  ]);
}

interface ComplaintPageParent {
  where: Prisma.ComplaintWhereInput;
  orderBy: Prisma.ComplaintOrderByWithRelationInput[];
  offset: number;
  limit: number;
}

const ComplaintPage = builder.objectRef<ComplaintPageParent>("ComplaintPage").implement({
  description: "A block of the complaint ledger by position (offset, limit) under a sort, with the count of the whole filtered ledger",
  fields: (t) => ({
    totalCount: t.int({
      description:
        "Complaints of your scope under the filter (TOP_SECRET ones you may not know are not counted, SEC-2); counted only when asked for",
      resolve: (p, _a, ctx) => ctx.prisma.complaint.count({ where: p.where }),
    }),
    offset: t.exposeInt("offset", { description: "The position of the first row (0-based), as asked" }),
    rows: t.prismaField({
      type: ["Complaint"],
      description:
        "At most `limit` complaints from `offset` on; each read under the Complaint field rules, masked and logged as in `complaints` (SEC-2, SEC-3, SEC-7)",
      resolve: (query, p, _a, ctx) =>
        ctx.prisma.complaint.findMany({ ...query, where: p.where, orderBy: p.orderBy, skip: p.offset, take: p.limit }),
    }),
  }),
});

builder.queryField("complaintPage", (t) =>
  t.withAuth({ permission: "complaints:read" }).field({
    type: ComplaintPage,
    description:
      "The complaint ledger in your scope by offset, for spreadsheet grids (ag-grid's infinite row model: rows startRow..endRow under a sort model). " +
      `Same scope and filter as \`complaints\` (§2, SEC-2; a text search is logged, SEC-3); ties broken by the id, so consecutive pages neither repeat nor skip a row. ` +
      `offset ≥ 0 and 1 ≤ limit ≤ ${COMPLAINT_PAGE_MAX}, otherwise a BAD_USER_INPUT error naming the argument (select only totalCount to count)`,
    args: {
      filter: t.arg({ type: ComplaintFilter, required: false, description: "Which complaints, as in `complaints`" }),
      sort: t.arg({
        type: [ComplaintSort],
        required: false,
        description: "Keys in order of precedence; none: newest first (ignored when `orderBy` is given)",
        deprecationReason:
          "Use `orderBy` (the same columns as `{ field, direction }` keys, the shape of every main list); `sort` still works and is ignored when `orderBy` is given",
      }),
      orderBy: t.arg({
        type: [ComplaintOrder],
        required: false,
        description: `${ORDER_BY_DESCRIPTION} (the shape of \`complaints\`; takes precedence over \`sort\`)`,
      }),
      offset: t.arg.int({ required: false, defaultValue: 0, description: "The position of the first row (0-based)" }),
      limit: t.arg.int({ required: false, defaultValue: 100, description: `At most ${COMPLAINT_PAGE_MAX}` }),
    },
    resolve: (_root, args, ctx) => {
      const offset = args.offset ?? 0;
      const limit = args.limit ?? 100;
      const check = new InputCheck();
      check.that(offset >= 0, "offset", msg("pageOffset"));
      check.that(limit >= 1 && limit <= COMPLAINT_PAGE_MAX, "limit", msg("pageLimit", { max: COMPLAINT_PAGE_MAX }));
      check.done();
      return {
        where: complaintWhere(args.filter, ctx),
        orderBy: args.orderBy?.length ? complaintOrderBy(args.orderBy) : complaintPageOrder(args.sort),
        offset,
        limit,
      };
    },
  }),
);

function complaintWhere(f: Filter | null | undefined, ctx: SignedInContext): Prisma.ComplaintWhereInput {
  const and: Prisma.ComplaintWhereInput[] = [complaintScope(ctx)];
  if (f?.estateId) and.push({ estateId: f.estateId.id });
  if (f?.status?.length) and.push({ status: { in: f.status as ComplaintStatus[] } });
  if (f?.kind?.length) and.push({ kind: { in: f.kind as ComplaintKind[] } });
  if (f?.severity?.length) and.push({ severity: { in: f.severity as ComplaintSeverity[] } });
  if (f?.categoryId) and.push({ OR: [{ categoryId: f.categoryId.id }, { category: { parentId: f.categoryId.id } }] });
  if (f?.departmentId)
    and.push({
      OR: [{ leadDepartmentId: f.departmentId.id }, { departments: { some: { departmentId: f.departmentId.id, releasedAt: null } } }],
    });
  if (f?.assigneeId) and.push({ assigneeId: f.assigneeId.id });
  if (f?.overdue != null)
    and.push(f.overdue ? { slaStages: { some: overdueStages(ctx.now) } } : { slaStages: { none: overdueStages(ctx.now) } });
  if (f?.escalated != null) and.push({ escalated: f.escalated });
  if (f?.receivedFrom) and.push({ receivedAt: { gte: f.receivedFrom } });
  if (f?.receivedBefore) and.push({ receivedAt: { lt: f.receivedBefore } });
  if (f?.includeDuplicates === false) and.push({ duplicateOfId: null });
  const text = f?.text?.trim();
  if (text) and.push({ OR: [{ no: { contains: text } }, { location: { contains: text } }, ...contentSearch(ctx, text)] });
  return { AND: and };
}

/**
 * SEC-2, SEC-7: the content is searched only in cases the caller may read (clearance and
 * designations), otherwise a count would disclose what a masked complaint says; the search is a
 * read of every case it matches, logged with the term's hash only.
 */
function contentSearch(ctx: SignedInContext, text: string): Prisma.ComplaintWhereInput[] {
  const viewer = ctx.viewer;
  const levels = (["INTERNAL", "SECRET", "CONFIDENTIAL", "TOP_SECRET"] as const).filter(
    (l) => viewer.role === "EXECUTIVE" || (l !== "TOP_SECRET" && atLeast(viewer.clearance, l)),
  );
  ctx.access.record(
    {
      action: "READ",
      recordType: "COMPLAINT",
      recordId: null,
      fields: ["content"],
      query: { searchSha256: createHash("sha256").update(text).digest("hex") },
    },
    `complaint-search:${text}`,
  );
  // Issue 15 item 9: a designation opens its record up to its own level only.
  return [{ content: { contains: text }, OR: [{ classification: { in: [...levels] } }, ...designatedRecords(viewer, "COMPLAINT")] }];
}
