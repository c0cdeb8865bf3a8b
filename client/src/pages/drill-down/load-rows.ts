import type { Client } from "@urql/core";
import { MetricRowsQuery, type RowConnection, type RowsConnection } from "../../graphql/reports.ts";
import type { VariablesOf } from "../../graphql/graphql.ts";

/** metricRows' input: a figure's drillDown as the server sent it (reports.ts DrillDown). */
type MetricRowsInput = VariablesOf<typeof MetricRowsQuery>["input"];

const PAGE = 500;
/** More rows than anyone reads in a grid; the count says how many there are. */
export const ROW_LIMIT = 20_000;

export interface FigureRows {
  connection: RowConnection;
  rows: Record<string, unknown>[];
  totalCount: number;
  hiddenCount: number;
  truncated: boolean;
}

/**
 * Every row behind a figure, page by page (SPEC §11 drill-down: the figure's own SQL filter).
 * Each row carries `_inNumerator` (it counts in the numerator too) and `_i`, its position.
 */
export async function loadFigureRows(client: Client, input: Record<string, unknown>): Promise<FigureRows> {
  const rows: Record<string, unknown>[] = [];
  let after: string | null = null;
  for (;;) {
    const result = await client
      .query(MetricRowsQuery, { input: input as MetricRowsInput, first: PAGE, after }, { requestPolicy: "network-only" })
      .toPromise();
    if (result.error) throw result.error;
    const page = result.data!.metricRows;
    const entry = Object.entries(page).find(([, v]) => v && typeof v === "object" && "edges" in (v as object)) as
      | [RowConnection, NonNullable<RowsConnection>]
      | undefined;
    if (!entry) throw new Error(`no rows connection for ${page.rowType}`);
    const [connection, conn] = entry;
    for (const e of conn.edges) rows.push({ ...e.node, _inNumerator: e.inNumerator, _i: rows.length });
    const truncated = rows.length >= ROW_LIMIT && conn.pageInfo.hasNextPage;
    if (!conn.pageInfo.hasNextPage || truncated) {
      return { connection, rows, totalCount: page.totalCount, hiddenCount: page.hiddenCount, truncated };
    }
    after = conn.pageInfo.endCursor;
  }
}
