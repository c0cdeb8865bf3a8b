import { builder } from "../builder.ts";

/**
 * Issue 16 item 4: one connection type per node type, `<Type>Connection` with edges `<Type>Edge`,
 * shared by every list of that type (`complaints`, `Household.complaints`, …), so that a client
 * writes one fragment per type. The node types are named, not imported: the refs are resolved when
 * the schema is built, so this file has no import-order dependency on the modules defining them.
 *
 * Exceptions, whose edges carry fields of their own and therefore stay their own types:
 * `DailyReviewConnection` (edge: the day's `review`, `hadProgress`), the `MetricRows…Connection`s
 * (edge: `inNumerator`) and the complaint timeline (`ComplaintTimelineConnection`).
 */

type TotalCountParent = { totalCount?: number | (() => number | Promise<number>) };

/** The shared connection of `typeName`; `withTotalCount` adds `totalCount`, resolved from the list's own count. */
function shared(typeName: string, withTotalCount = true) {
  return builder.connectionObject(
    {
      type: typeName as never,
      name: `${typeName}Connection`,
      description: `A page of ${typeName} rows (Relay connection): \`nodes\` (or \`edges\` with cursors) and \`pageInfo\`; the same type for every list of ${typeName}`,
      fields: (t) => {
        if (!withTotalCount) return {} as Record<string, never>;
        return {
          totalCount: t.int({
            description: "How many rows the whole list has (all pages)",
            resolve: (connection) => {
              const { totalCount } = connection as TotalCountParent;
              return (typeof totalCount === "function" ? totalCount() : totalCount) ?? 0;
            },
          }),
        };
      },
    },
    { description: `One ${typeName} row of a page, with its cursor` },
  ) as never;
}

export const ComplaintConnection = shared("Complaint");
export const HouseholdConnection = shared("Household");
export const CallbackConnection = shared("Callback");
export const SlaStageConnection = shared("SlaStage");
export const SurveyHandoutConnection = shared("SurveyHandout");
export const VisitRecordConnection = shared("VisitRecord");
export const CustomerConnection = shared("Customer");
export const CorrectiveActionConnection = shared("CorrectiveAction");
export const EstateConnection = shared("Estate");
export const AccessLogConnection = shared("AccessLog");
export const ApiTokenConnection = shared("ApiToken", false);
export const ApprovalConnection = shared("Approval", false);
export const ArchiveCheckConnection = shared("ArchiveCheck", false);
export const ArchiveCheckItemConnection = shared("ArchiveCheckItem");
export const CallbackSampleConnection = shared("CallbackSample");
export const CallbackSampleMemberConnection = shared("CallbackSampleMember");
export const CaseLibraryEntryConnection = shared("CaseLibraryEntry");
export const HotlineRecordingConnection = shared("HotlineRecording");
export const NonconformityReportConnection = shared("NonconformityReport");
export const SurveyCampaignConnection = shared("SurveyCampaign");
export const SurveySampleMemberConnection = shared("SurveySampleMember");
export const TenantMeetingConnection = shared("TenantMeeting", false);
export const VisitPlanConnection = shared("VisitPlan");
// Issue 17: account administration (schema/admin/).
export const StaffConnection = shared("Staff");
export const SessionConnection = shared("Session");
export const SignInAttemptConnection = shared("SignInAttempt");
export const AdminChangeConnection = shared("AdminChange");

// ---- orderBy: the common shape of a list's order ----

export const SortDirectionEnum = builder.enumType("SortDirection", {
  description: "The direction of one key of a list's order",
  values: {
    ASC: { description: "Smallest (earliest, first in workflow order) first" },
    DESC: { description: "Largest (latest, last in workflow order) first" },
  } as const,
});

export type SortDirection = "ASC" | "DESC";

/** Prisma's direction for a `SortDirection`. */
export const prismaDirection = (d: SortDirection): "asc" | "desc" => (d === "DESC" ? "desc" : "asc");

/**
 * The Prisma order of an `orderBy` list: the caller's keys (a repeated field counts once), then the
 * id in the first key's direction as the tie-breaker, so that pages neither repeat nor skip a row.
 * No keys: `fallback` (the list's own order, which already ends with the id).
 */
export function orderByFor<F extends string, O>(
  keys: readonly { field: F; direction: SortDirection }[] | null | undefined,
  map: Record<F, (d: "asc" | "desc") => O>,
  fallback: O[],
): O[] {
  const seen = new Set<F>();
  const unique = (keys ?? []).filter((k) => !seen.has(k.field) && seen.add(k.field));
  if (unique.length === 0) return fallback;
  return [...unique.map((k) => map[k.field](prismaDirection(k.direction))), { id: prismaDirection(unique[0]!.direction) } as O];
}

/** `<Type>Order { field, direction }` over the enum of a list's sortable fields. */
export function orderInput<E>(typeName: string, fieldEnum: E, what: string) {
  return builder.inputType(`${typeName}Order`, {
    description: `One key of the order of a list of ${what}: keys apply in the order given, and the id always breaks ties, so pages are stable`,
    fields: (t) => ({
      field: t.field({ type: fieldEnum as never, required: true, description: "What to sort by" }),
      direction: t.field({ type: SortDirectionEnum, required: true, description: "Ascending or descending" }),
    }),
  });
}

/** The keys of an `orderBy` argument, as the resolvers read them. */
export type OrderKeys<F extends string> = readonly { field: F; direction: SortDirection }[] | null | undefined;

/** `orderBy: [<Type>Order!]`, documented once for every main list. */
export const ORDER_BY_DESCRIPTION =
  "The order, first key first (the common shape of every main list); the id always breaks ties, so pages neither repeat nor skip a row. None: the list's default order";

/** The enum of a list's sortable fields, each described. */
export function orderFieldEnum<const F extends string>(typeName: string, what: string, values: Record<F, string>) {
  return builder.enumType(`${typeName}OrderField`, {
    description: `What a list of ${what} can be sorted by (\`${typeName}Order.field\`)`,
    values: Object.fromEntries(Object.entries(values).map(([k, d]) => [k, { description: d as string }])) as Record<
      F,
      { description: string }
    >,
  });
}
